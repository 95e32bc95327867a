/**
 * When the sentences of a report stop telling one event: places that cannot be the
 * same (a town's countryside holds its villages; two villages are two places), and
 * cues that open another event ("in a separate development", "في سياق متصل") or date a
 * sentence by the event before it ("on the same day", "في اليوم ذاته").
 */
import type { Kit } from './kit.js';
import type { Folded } from '../text/normalise.js';
import type { Lexicon, Match } from './lexicon.js';
import { prevToken } from './lexicon.js';
import type { PlaceMatch } from './places.js';
import type { Sentence, Token } from './tokens.js';

const COARSE_KINDS = new Set(['district', 'subdistrict']);

/** Places finer than a governorate. */
export const specific = (ps: readonly PlaceMatch[]): PlaceMatch[] => ps.filter((p) => p.place.kind !== 'governorate' && p.place.kind !== 'region');

/** The district a place lies in (a district is its own). */
const districtOf = (p: PlaceMatch): string | null => (p.place.kind === 'district' ? p.place.id : p.place.district ?? null);

/** A district, or a town named as a countryside ("ريف البوكمال", "Abu Kamal countryside"): an area. */
export const areaPlace = (kit: Kit, tokens: readonly Token[], floor: number) => (p: PlaceMatch): boolean => {
  if (COARSE_KINDS.has(p.place.kind)) return true;
  const before = prevToken(tokens, p.from, floor);
  return before >= floor && kit.regionWords.matchAt(tokens, before, p.from) !== null;
};

/** The places name a governorate and, beside it, only places in it; the other places hold the governorate's
 *  namesake city (a name read as the governorate in one sentence and as its city in the next). */
const namesItsGovernorate = (all: readonly PlaceMatch[], own: readonly PlaceMatch[], other: readonly PlaceMatch[]): boolean => {
  const govs = new Map(all.filter((p) => p.place.kind === 'governorate').map((p) => [p.place.id, p.place.name]));
  return govs.size > 0 && own.every((x) => govs.has(x.place.governorate))
    && other.some((y) => y.place.kind !== 'governorate' && govs.get(y.place.governorate) === y.place.name);
};

/**
 * Two sets of places can be one event's: a shared place; else, when one side names only
 * areas, a shared district; else, when one side names no specific place, a shared governorate.
 */
export const placesAgree = (isArea: (p: PlaceMatch) => boolean) => (a: readonly PlaceMatch[], b: readonly PlaceMatch[]): boolean => {
  if (!a.length || !b.length) return true;
  const sa = specific(a), sb = specific(b);
  if (sa.length && sb.length) {
    // one place, or a place and one that contains it (a neighbourhood and its city)
    if (sa.some((x) => sb.some((y) => y.place.id === x.place.id || x.within.includes(y.place.id) || y.within.includes(x.place.id)))) return true;
    // "غارات على دير الزور والبوكمال" over a body on the city of Deir ez-Zor: one side names a governorate
    // and only places in it, the other the governorate's namesake city
    if (namesItsGovernorate(a, sa, sb) || namesItsGovernorate(b, sb, sa)) return true;
    const fineA = sa.filter((p) => !isArea(p)), fineB = sb.filter((p) => !isArea(p));
    if (fineA.length && fineB.length) return false;
    return sa.some((x) => sb.some((y) => districtOf(x) !== null && districtOf(x) === districtOf(y)));
  }
  // an unresolved place has no governorate: it does not contradict one
  const ga = new Set(a.flatMap((p) => (p.unresolved ? [] : [p.place.governorate])));
  const gb = b.filter((p) => !p.unresolved);
  return !ga.size || !gb.length || gb.some((p) => ga.has(p.place.governorate));
};

/** A cue among the first words of a sentence (rules: events.newEvent, events.sameDay). */
export const cueAt = (lex: Lexicon<true>, tokens: readonly Token[], s: Sentence, words = 8): Match<true> | null => {
  for (let i = s.from; i < Math.min(s.to, s.from + words); i++) {
    const m = lex.matchAt(tokens, i, s.to);
    if (m) return m;
  }
  return null;
};

/** Latin script capitalises names: a place whose first word (articles aside) starts in lower case in
 *  the text is a common word ("has" is not the village Has; "al-Baghouz camp" is a name). Off unless
 *  script.namesCapitalized. */
export const capitalizedPlaces = (kit: Kit, original: string, folded: Folded, tokens: readonly Token[]) => {
  const articles = new Set(kit.lang.script.placeArticles.map(kit.matcher.folding.fold));
  const upper = (t: Token): boolean => {
    const ch = original[folded.map[t.start] ?? 0] ?? '';
    return ch !== ch.toLowerCase();
  };
  return (ps: readonly PlaceMatch[]): PlaceMatch[] => (!kit.lang.script.namesCapitalized ? [...ps] : ps.filter((p) => {
    const first = tokens.slice(p.from, p.to + 1).find((t) => t.kind === 'word' && !articles.has(t.text));
    return !first || upper(first);
  }));
};
