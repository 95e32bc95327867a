/**
 * Places named in a sentence, resolved against the gazetteer (rules/gazetteer.yaml):
 * exact names with clitics stripped, then misspellings (one edit, or two letters
 * swapped) only where the text introduces a place ("بلدة", "قرية", a list after a
 * place). Names the gazetteer marks ambiguous need such an introducer too. A name the
 * gazetteer does not have, after an open introducer ("the village of", "قرية"), is an
 * unresolved place with its name as written (open-places.ts).
 */
import { distance } from 'fastest-levenshtein';
import type { PlaceRef } from '../model/claim.js';
import type { EventRules } from '../rules/language-schema.js';
import type { PlaceWordRules } from '../rules/place-words-schema.js';
import type { Place } from '../rules/schema.js';
import type { Folded } from '../text/normalise.js';
import type { Lexicon, Matcher } from './lexicon.js';
import { compileLexicon, nextToken, phraseSet, prevToken } from './lexicon.js';
import type { Token } from './tokens.js';
import { spanOf } from './tokens.js';
import type { OpenName } from './open-places.js';
import { longerName, makeOpenNameReader } from './open-places.js';

/**
 * A place named in the text. `within`: the gazetteer places containing it (gazetteer
 * `within`, transitively), with which it agrees. `unresolved`: a name the gazetteer does not
 * have; its `place` is a stand-in (id "?" + the folded name, no governorate) and its ref has id null.
 */
export type PlaceMatch = {
  readonly from: number; readonly to: number; readonly place: Place; readonly ref: PlaceRef;
  readonly within: readonly string[]; readonly unresolved?: true;
  /** the first place of its sentence, but after a reference word ("near the village of X"): it may
   *  only say where the event's own place is, so it never opens another event */
  readonly reference?: true;
};

export type PlaceReader = {
  /** with the original text, names after open introducers that the gazetteer lacks are read too */
  readonly findAll: (folded: Folded, tokens: readonly Token[], from: number, to: number, original?: string) => readonly PlaceMatch[];
};

/** The id of an unresolved place's stand-in: one per folded name, never a gazetteer id (ids are slugs). */
export const unresolvedId = (folded: string): string => `?${folded}`;

/** The places containing p through `within`, nearest first. */
export const containersOf = (byId: ReadonlyMap<string, Place>) => (p: Place): string[] => {
  const out: string[] = [];
  for (let c = byId.get(p.within ?? ''); c && c.id !== p.id && !out.includes(c.id); c = byId.get(c.within ?? '')) out.push(c.id);
  return out;
};

const NO_PLACE_WORDS: PlaceWordRules = { openIntroducers: [], introducerArticles: [], referenceArticles: [], nameHeads: [], nameStops: [], nameParticles: [],
  listIntroducers: [], openIntroducersAfter: [], nameArticles: [], neighbourhoodWords: [], maxNameWords: 3 };

const ambiguous = (p: Place): boolean => p.ambiguous === true;

/** How far back a reference phrase, and the place-kind word after it, may start. */
const REFERENCE_REACH = 6;

/**
 * Where a phrase of `words` ending right before token i starts, looking back at most
 * `reach` tokens ("مدينة", "the city of", "على بعد 10 كم من"), or null.
 */
const phraseBefore = (words: Lexicon<unknown>, tokens: readonly Token[], i: number, floor: number, reach = 3): number | null => {
  const p = prevToken(tokens, i, floor);
  for (let k = 0, j = p; k < reach && j >= floor; k++, j = prevToken(tokens, j, floor)) {
    const m = words.matchAt(tokens, j, i);
    if (m && m.to === p) return j;
  }
  return null;
};
/** Places whose one-word name the word at t misspells by one letter or one swap of neighbours. */
const fuzzyPlacesAt = (matcher: Matcher, fuzzyNames: readonly { readonly n: string; readonly p: Place }[], t: Token): Place[] => {
  if (t.kind !== 'word') return [];
  const hits = new Map<string, Place>();
  for (const v of matcher.variants(t.text)) {
    if (v.length < 5) continue;
    for (const { n, p } of fuzzyNames) {
      if (Math.abs(n.length - v.length) > 1) continue;
      const d = distance(n, v);
      const swapped = d === 2 && n.length === v.length && [...n].sort().join('') === [...v].sort().join('') && adjacentSwap(n, v);
      if (d === 1 || swapped) hits.set(p.id, p);
    }
  }
  return [...hits.values()];
};

/** The place-kind words around a name: before it ("بلدة", "town of"), after it ("Ariha city"), and open ones. */
const makeIntroducers = (matcher: Matcher, events: EventRules, placeWords: PlaceWordRules) => {
  const { fold } = matcher.folding;
  const introducers = phraseSet(matcher, events.placeIntroducers);
  const introducersAfter = phraseSet(matcher, events.placeIntroducersAfter);
  const openIntroducers = phraseSet(matcher, placeWords.openIntroducers);
  const listIntroducers = phraseSet(matcher, placeWords.listIntroducers);
  const openAfter = phraseSet(matcher, placeWords.openIntroducersAfter);
  const quarters = phraseSet(matcher, placeWords.neighbourhoodWords);
  const introducerWords = placeWords.openIntroducers.filter((w) => !w.includes(' ')).map(fold);
  const articles = placeWords.introducerArticles.map(fold);
  /** "البلدة", "للبلدة": the introducer carries the article (what is left before the word ends in it) */
  const articledIntroducer = (text: string): boolean => introducerWords.some((w) =>
    text.endsWith(w) && articles.some((a) => text.slice(0, text.length - w.length).endsWith(a)));
  return {
    introducers,
    /** an introducer right before the name: one word ("بلدة"), or a phrase ending there ("town of") */
    introducedAt: (tokens: readonly Token[], i: number, floor: number): boolean => phraseBefore(introducers, tokens, i, floor) !== null,
    /** an introducer right after the name ("Ariha city", "Raqqa province"; rules: events.placeIntroducersAfter) */
    followedAt: (tokens: readonly Token[], to: number, limit: number): boolean => {
      const n = nextToken(tokens, to, limit);
      return n < limit && introducersAfter.matchAt(tokens, n, limit) !== null;
    },
    /** an open introducer without the article right before the name ("قرية X", not "القرية X") */
    openAt: (tokens: readonly Token[], i: number, floor: number): boolean => {
      const at = phraseBefore(openIntroducers, tokens, i, floor);
      return at !== null && !articledIntroducer(tokens[at]!.text);
    },
    /** an introducer of several names right before the name ("قريتي X", "the villages of X") */
    listAt: (tokens: readonly Token[], i: number, floor: number): boolean => phraseBefore(listIntroducers, tokens, i, floor) !== null,
    /** a neighbourhood word right before the name or right after it ("حي X", "X neighbourhood") */
    quarterAt: (tokens: readonly Token[], i: number, to: number, floor: number, limit: number): boolean => {
      const n = nextToken(tokens, to, limit);
      return phraseBefore(quarters, tokens, i, floor) !== null || (n < limit && quarters.matchAt(tokens, n, limit) !== null);
    },
    /** a place-kind word right after the name that makes it a place ("X village") */
    openAfter: (tokens: readonly Token[], to: number, limit: number): boolean => {
      const n = nextToken(tokens, to, limit);
      return n < limit && openAfter.matchAt(tokens, n, limit) !== null;
    },
  };
};

/** Among places sharing a name: a city after "مدينة", a governorate after "محافظة"/"ريف" or by default. */
const makeChooser = (matcher: Matcher, events: EventRules) => {
  const cityWords = phraseSet(matcher, events.cityIntroducers);
  const regionWords = phraseSet(matcher, events.regionIntroducers);
  return (candidates: readonly Place[], tokens: readonly Token[], i: number, floor: number, end = i, limit = tokens.length, inCity = false): Place => {
    if (candidates.length === 1) return candidates[0]!;
    const n = nextToken(tokens, end, limit);
    // "مدينة دير الزور", "the city of Deir ez-Zor", "Deir ez-Zor city"; "ريف دير الزور", "Deir ez-Zor province";
    // after a neighbourhood, the city it lies in ("حي X في حلب")
    const wantCity = inCity || phraseBefore(cityWords, tokens, i, floor) !== null || (n < limit && cityWords.matchAt(tokens, n, limit) !== null);
    const wantRegion = phraseBefore(regionWords, tokens, i, floor) !== null || (n < limit && regionWords.matchAt(tokens, n, limit) !== null);
    const gov = candidates.find((p) => p.kind === 'governorate');
    const city = candidates.find((p) => p.kind !== 'governorate');
    if (wantCity && city) return city;
    if ((wantRegion || !wantCity) && gov) return gov;
    return [...candidates].sort((a, b) => a.id.localeCompare(b.id))[0]!;
  };
};

/**
 * The place at token i is a reference point: a reference word stands before it (past a
 * place-kind word: "شرق مدينة دير الزور", "east of the city of"), not joined to what went
 * before ("وجنوب إدلب", "and south of Idlib" name one more place).
 */
const makeReferenceTest = (matcher: Matcher, events: EventRules, placeWords: PlaceWordRules, introducers: Lexicon<true>) => {
  const { fold } = matcher.folding;
  const refArticles = new Set(placeWords.referenceArticles.map(fold));
  const referenceWords = phraseSet(matcher, events.referenceBefore);
  const joiners = phraseSet(matcher, events.placeJoiners);
  const proclitics = events.conjunctionProclitics.map(fold);
  return (tokens: readonly Token[], i: number, floor: number): boolean => {
    // reference phrases run longer ("على بعد 10 كيلومترات من")
    const kind = phraseBefore(introducers, tokens, i, floor, REFERENCE_REACH);
    // "near the village of": an article may stand between the reference word and the kind word
    const bare = kind !== null && kind > floor && refArticles.has(tokens[kind - 1]!.text) ? kind - 1 : null;
    const at = phraseBefore(referenceWords, tokens, i, floor, REFERENCE_REACH)
      ?? (kind === null ? null : phraseBefore(referenceWords, tokens, kind, floor, REFERENCE_REACH))
      ?? (bare === null ? null : phraseBefore(referenceWords, tokens, bare, floor, REFERENCE_REACH));
    if (at === null) return false;
    const first = tokens[at]!;
    // "وشرق": the conjunction is written on the word, which is a reference word without it
    const rest = tokens.slice(at + 1, i);
    const cliticJoined = first.kind === 'word' && proclitics.some((c) => first.text.startsWith(c)
      && referenceWords.matchAt([{ ...first, text: first.text.slice(c.length) }, ...rest], 0) !== null);
    return !cliticJoined && phraseBefore(joiners, tokens, at, floor, REFERENCE_REACH) === null;
  };
};

/** How far back from a movement preposition its verb may stand ("نقل بعضهم إلى", "were rushed by car to"). */
const MOVEMENT_VERB_REACH = 4;

/**
 * Where the wounded were taken, people fled, a convoy passed or the fire came from (rules:
 * events.movementVerbs, movementTo, routeWords, originWords): a route or origin word, or a movement preposition that a movement verb
 * governs, stands at most REFERENCE_REACH words before the place, in its clause (no
 * punctuation between) and with no figure between ("brought the toll to 20 in X" moves nobody).
 * Such a place is not where the event happened, even as the only place of its sentence.
 */
const movementTest = (matcher: Matcher, events: EventRules) => {
  const verbs = phraseSet(matcher, events.movementVerbs);
  const to = phraseSet(matcher, events.movementTo);
  const routes = phraseSet(matcher, [...events.routeWords, ...events.originWords]);
  const breaks = phraseSet(matcher, events.movementBreaks);
  const firing = phraseSet(matcher, events.firingWords);
  const from = phraseSet(matcher, events.originFrom);
  // a possessive's apostrophe stands inside the phrase ("from Syria's Ain al-Arab region")
  const plain = (t: Token): boolean => t.kind === 'word' || t.text === "'" || t.text === '’';
  const endingAt = (lex: Lexicon<true>, tokens: readonly Token[], j: number, limit: number, floor: number): boolean => {
    for (let k = j; k >= floor && k > j - 5; k--) if (lex.matchAt(tokens, k, limit)?.to === j) return true;
    return false;
  };
  // a word of `lex` a few words before the preposition ending at j, in its clause; the verb's object
  // may carry a figure ("نقل 11 جريحا إلى", "took 9 of them to", "fired five rockets from")
  const governedBy = (lex: Lexicon<true>, tokens: readonly Token[], j: number, floor: number): boolean => {
    for (let v = j - 1; v >= floor && v >= j - MOVEMENT_VERB_REACH && tokens[v]!.kind !== 'punct'; v--) if (lex.matchAt(tokens, v, j)) return true;
    return false;
  };
  return (tokens: readonly Token[], i: number, floor: number): boolean => {
    for (let j = i - 1; j >= floor && j >= i - REFERENCE_REACH && plain(tokens[j]!); j--) {
      if (endingAt(routes, tokens, j, i, floor)) return true;
      if (breaks.matchAt(tokens, j, i)?.to === j) return false;
      // "rockets fired from X", "fired five rockets from X": a verb or weapon of firing before "from"
      if (endingAt(from, tokens, j, i, floor) && governedBy(firing, tokens, j, floor)) return true;
      if (endingAt(to, tokens, j, i, floor) && governedBy(verbs, tokens, j, floor)) return true;
    }
    return false;
  };
};

type Env = {
  readonly lex: Lexicon<Place>; readonly within: (p: Place) => string[];
  readonly intro: ReturnType<typeof makeIntroducers>; readonly choose: ReturnType<typeof makeChooser>;
  readonly referenceAt: (tokens: readonly Token[], i: number, floor: number) => boolean;
  readonly movedAt: (tokens: readonly Token[], i: number, floor: number) => boolean;
  readonly open: ReturnType<typeof makeOpenNameReader>; readonly namesCapitalized: boolean;
  readonly fuzzyAt: (t: Token) => Place[];
  /** the conjunction written on a word ("وسراقب") that carries on a list of places, or null */
  readonly listClitic: (t: Token) => string | null;
  /** a joiner word between two names of a list ("and", ",") */
  readonly joinerAt: (tokens: readonly Token[], i: number, limit: number) => number | null;
};

export const makePlaceReader = (places: readonly Place[], events: EventRules, matcher: Matcher, names: string,
  placeWords: PlaceWordRules = NO_PLACE_WORDS, namesCapitalized = false, commaMarks: readonly string[] = []): PlaceReader => {
  const { fold } = matcher.folding;
  const namesOf = (p: Place): readonly string[] => (p as unknown as Readonly<Record<string, readonly string[] | undefined>>)[names] ?? [];
  const lex = compileLexicon(matcher, places.flatMap((p) => namesOf(p).map((phrase) => ({ phrase, value: p }))));
  const intro = makeIntroducers(matcher, events, placeWords);
  const proclitics = events.conjunctionProclitics.map(fold);
  const joiners = phraseSet(matcher, events.placeJoiners);
  const commas = new Set(commaMarks);
  // one-word names long enough to compare fuzzily, by their core (clitics stripped)
  const fuzzyNames = places.flatMap((p) => namesOf(p).map(fold).filter((n) => !n.includes(' ') && n.length >= 5).map((n) => ({ n, p })));
  const env: Env = {
    lex, within: containersOf(new Map(places.map((p) => [p.id, p]))), intro, choose: makeChooser(matcher, events),
    referenceAt: makeReferenceTest(matcher, events, placeWords, intro.introducers),
    movedAt: movementTest(matcher, events),
    open: makeOpenNameReader(placeWords, matcher, namesCapitalized, lex), namesCapitalized,
    fuzzyAt: (t) => fuzzyPlacesAt(matcher, fuzzyNames, t),
    // "وسراقب" after a place: the conjunction carries on a list of places
    listClitic: (t) => proclitics.find((c) => t.text.startsWith(c) && t.text.length > c.length + 1) ?? null,
    joinerAt: (tokens, i, limit) => {
      const t = tokens[i];
      if (t && t.kind === 'punct' && commas.has(t.text)) return i;
      return joiners.matchAt(tokens, i, limit)?.to ?? null;
    },
  };
  return { findAll: (folded, tokens, from, to, original) => scanPlaces(env, folded, tokens, from, to, original) };
};

/** The stand-in place of a name the gazetteer lacks: a neighbourhood after a neighbourhood word, else a village. */
const unresolvedPlace = (open: OpenName, quarter: boolean): Place =>
  ({ id: unresolvedId(open.folded), name: open.name, kind: quarter ? 'neighbourhood' : 'village', governorate: '', ar: [open.name], en: [open.name] });

/** After the last name of "قريتي X", "the villages of X": the next name of the list, if it is one. */
const nextListed = (env: Env, openName: (i: number) => OpenName | null, tokens: readonly Token[], open: OpenName, to: number): OpenName | null => {
  const j = env.joinerAt(tokens, open.to + 1, to);
  if (j !== null) return openName(j + 1);
  const t = tokens[open.to + 1];
  const clitic = t && open.to + 1 < to ? env.listClitic(t) : null;
  if (clitic === null) return null;
  const next = openName(open.to + 1);
  // the conjunction is not part of the name ("والصفصافة")
  return next && next.folded.startsWith(clitic) && next.name.startsWith(clitic)
    ? { ...next, name: next.name.slice(clitic.length), folded: next.folded.slice(clitic.length) } : null;
};

/** The places of tokens [from, to): gazetteer names, misspellings where a place is introduced, and open names. */
const scanPlaces = (env: Env, folded: Folded, tokens: readonly Token[], from: number, to: number, original?: string): readonly PlaceMatch[] => {
  const { lex, intro, choose, referenceAt } = env;
  const out: PlaceMatch[] = [];
  let lastPlaceEnd = -10;
  // where people were taken, or the fire came from: a movement word after the last place, or a
  // name listed right after a moved one ("إلى سرمدا وأطمة", "to Sarmada and Atmeh")
  let lastMoved = false;
  const movedHere = (i: number): boolean => {
    const listedOn = lastMoved && lastPlaceEnd >= i - 2 && (env.listClitic(tokens[i]!) !== null || env.joinerAt(tokens, lastPlaceEnd + 1, to) !== null);
    lastMoved = listedOn || env.movedAt(tokens, i, Math.max(from, lastPlaceEnd + 1));
    return lastMoved;
  };
  const ref = (place: Place, i: number, j: number): PlaceMatch => ({
    from: i, to: j, place, within: env.within(place),
    ref: { id: place.id, name: place.name, governorate: place.governorate, span: spanOf(folded, tokens, i, j) },
  });
  const postIntroduced = (i: number): OpenName | null => {
    const open = openName(i);
    return open && intro.openAfter(tokens, open.to, to) ? open : null;
  };
  const unresolvedAt = (open: OpenName, i: number): void => {
    const place = unresolvedPlace(open, intro.quarterAt(tokens, i, open.to, from, to));
    const isRef = referenceAt(tokens, i, from);
    if (!movedHere(i) && !(out.length > 0 && isRef)) {
      out.push({ from: i, to: open.to, place, within: [], unresolved: true, ...(isRef ? { reference: true as const } : {}),
        ref: { id: null, name: open.name, governorate: null, span: spanOf(folded, tokens, i, open.to) } });
    }
    lastPlaceEnd = open.to;
  };
  const openName = (i: number): OpenName | null => env.open.read(original!, folded, tokens, i, to);
  for (let i = from; i < to; i++) {
    const m = lex.matchAt(tokens, i, to);
    const introduced = intro.introducedAt(tokens, i, from);
    const openIntroduced = original !== undefined && intro.openAt(tokens, i, from);
    // "قرية تل عقربات": the gazetteer's "تل" begins a longer name it does not have
    const longer = m && openIntroduced ? openName(i) : null;
    if (m && longer && longerName(longer, m.to, env.namesCapitalized, env.open.isHead(tokens[m.to]!.text))) {
      unresolvedAt(longer, i);
      i = longer.to;
      continue;
    }
    if (m) {
      const placed = introduced || intro.followedAt(tokens, m.to, to);
      const usable = lex.allAt(tokens, i, m.to).filter((p) => !ambiguous(p) || placed);
      if (usable.length) {
        // "X, 20 km east of Y": Y only says where X is
        const isRef = referenceAt(tokens, i, from);
        if (movedHere(i)) { /* where people were taken: not the event's place */ }
        else if (!isRef) out.push(ref(choose(usable, tokens, i, from, m.to, to, out[out.length - 1]?.place.kind === 'neighbourhood'), i, m.to));
        else if (out.length === 0) out.push({ ...ref(choose(usable, tokens, i, from, m.to, to), i, m.to), reference: true });
        lastPlaceEnd = m.to;
        i = m.to;
        continue;
      }
    }
    // a misspelt one-word name, where a place is introduced or a list goes on ("the town of Maaret Harma" is no "Marea")
    if (introduced || (lastPlaceEnd >= i - 1 && env.listClitic(tokens[i]!) !== null)) {
      const f = env.fuzzyAt(tokens[i]!).filter((p) => !ambiguous(p));
      if (f.length === 1 && !(openIntroduced && (openName(i)?.to ?? i) > i)) { out.push(ref(f[0]!, i, i)); lastPlaceEnd = i; continue; }
    }
    // a name the gazetteer does not have, after "the village of", "قرية", or before "village"
    const open = openIntroduced ? openName(i) : original !== undefined && env.namesCapitalized ? postIntroduced(i) : null;
    if (!open) continue;
    unresolvedAt(open, i);
    i = open.to;
    // "قريتي X وY", "the villages of X and Y": each name of the list is a place
    for (let more = openIntroduced && intro.listAt(tokens, open.from, from) ? nextListed(env, openName, tokens, open, to) : null; more;
      more = nextListed(env, openName, tokens, more, to)) {
      const known = lex.matchAt(tokens, more.from, to);
      // a listed name the gazetteer has is that place, and the list goes on after it
      if (known) {
        out.push(ref(choose(lex.allAt(tokens, more.from, known.to), tokens, more.from, from, known.to, to), more.from, known.to));
        more = { ...more, to: known.to };
      } else unresolvedAt(more, more.from);
      i = more.to;
      lastPlaceEnd = more.to;
    }
  }
  return inCities(out);
};

/** An unresolved neighbourhood lies in the city named after it in its sentence ("حي X في مدينة حلب"). */
const inCities = (out: readonly PlaceMatch[]): PlaceMatch[] => out.map((p, k) => {
  if (!p.unresolved || p.place.kind !== 'neighbourhood') return p;
  const city = out.slice(k + 1).find((q) => !q.unresolved && q.place.kind === 'city');
  return city ? { ...p, within: [city.place.id, ...city.within] } : p;
});

const adjacentSwap = (a: string, b: string): boolean => {
  const diff: number[] = [];
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) diff.push(k);
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
};
