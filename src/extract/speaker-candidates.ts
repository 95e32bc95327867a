/**
 * The names in a sentence that may speak: listed aliases, anaphora for the last compatible source
 * ("the monitor", "الوزارة"), titles that speak for their organisation ("a spokesman for Y",
 * "المتحدث باسم Y"), an outlet's reporter ("a Reuters correspondent", "مراسل الجزيرة") and people the
 * report named by title before. Each candidate is indexed by its first and last token.
 */
import type { Source } from '../rules/schema.js';
import type { Match } from './lexicon.js';
import { nextToken, prevToken } from './lexicon.js';
import type { Reading } from './speaker-names.js';
import { institutionAt } from './speaker-institutions.js';
import { asMatch, capitalRunFrom, capitalised, headRunFrom, wordRunFrom } from './speaker-names.js';

/** kinds of source that have reporters of their own */
const OUTLET_KINDS = new Set(['outlet', 'agency', 'newspaper']);
/** the anaphor type of the report's last speaker */
const LAST_SPEAKER = 'speaker';
/** how many people named by title a report remembers */
const PERSONS_KEPT = 64;

/** The last source named in the report whose type an anaphor allows; for `speaker`, the source of the
 *  report's last speaker ("the same source"). */
export const lastOfType = (r: Reading, types: readonly string[]): Source | null => {
  if (types.includes(LAST_SPEAKER)) {
    const last = r.ctx.last;
    return last && last.kind !== 'voice' ? r.kit.sourcesById.get(last.source) ?? r.named.find((n) => n.id === last.source) ?? null : null;
  }
  for (let j = r.named.length - 1; j >= 0; j--) {
    const n = r.named[j]!;
    if (types.includes('*') || (n.types ?? []).some((t) => types.includes(t))) return n;
  }
  return null;
};

/** A person the report named by title ("Hakim said" after "Fadi Hakim, a spokesman for Y"). */
const personAt = (r: Reading, k: number): Match<Source> | null => {
  const { tokens, s } = r;
  if (!r.persons.size || tokens[k]!.kind !== 'word') return null;
  for (const v of r.kit.matcher.variants(tokens[k]!.text)) {
    const p = r.persons.get(v);
    if (!p) continue;
    // the full name, or (with capitals) its last word alone ("Hakim said")
    const n = p.words.length;
    let from = k;
    if (n > 1 && k - n + 1 >= s.from && p.words.every((w, j) => tokens[k - n + 1 + j]!.text === w)) from = k - n + 1;
    else if (n > 1 && !(r.capitals && capitalised(r, k))) continue;
    return { value: p.source, from, to: k };
  }
  return null;
};

/** Y right after a title: a listed alias or an anaphor within a few words (past capitalised ones) */
const knownAfterTitle = (r: Reading, from: number, titleTo: number): Match<Source> | null => {
  const { tokens, s } = r;
  // "مدير المكتب الإعلامي لقوات ...": a title ending in a clitic shares its last token with the name
  const shared = titleTo > from ? r.listedAt[titleTo - s.from] : undefined;
  if (shared) return { value: shared.value, from, to: shared.to };
  for (let j = titleTo + 1, steps = 0; j < s.to && steps < 3; j++, steps++) {
    const l = r.listedAt[j - s.from];
    if (l) return { value: l.value, from, to: l.to };
    const an = r.sk.anaphors.matchAt(tokens, j, s.to);
    const ref = an ? lastOfType(r, an.value) : null;
    if (an && ref) return { value: ref, from, to: an.to };
    if (tokens[j]!.kind !== 'word' || (r.capitals && capitalised(r, j)) || r.sk.heads.matchAt(tokens, j, s.to) || !r.capitals) break;
  }
  return null;
};

/** A listed source right after a name, joined to it by the genitive clitic ("لقوات سوريا الديمقراطية"). */
const ownerAfter = (r: Reading, to: number): Match<Source> | null => {
  const { tokens, s } = r;
  const n = nextToken(tokens, to, s.to);
  const l = n < s.to ? r.listedAt[n - s.from] : undefined;
  // an outlet after a name is addressed ("لوكالة رويترز"), never the owner of an office
  if (!l || r.capitals || OUTLET_KINDS.has(l.value.kind)) return null;
  const word = tokens[n]!.text;
  return r.kit.lang.sources.relayTo.some((c) => word.startsWith(r.kit.matcher.folding.fold(c)) && word.length > c.length) ? l : null;
};

/** "a spokesman for Y", "مدير Y": Y, a listed alias, an anaphor or a name, right after the title */
const titleAt = (r: Reading, k: number): Match<Source> | null => {
  const { tokens, s, kit } = r;
  const t = r.sk.titles.matchAt(tokens, k, s.to);
  if (!t) return null;
  const known = knownAfterTitle(r, t.from, t.to);
  if (known) return known;
  const n = nextToken(tokens, t.to, s.to);
  // with no capitals, a name that is not a head word's must carry a proclitic (a definite article)
  const run = r.capitals ? capitalRunFrom(r, n, s.to)
    : headRunFrom(r, n, s.to) ?? (n < s.to && kit.matcher.variants(tokens[n]!.text).length > 1 ? wordRunFrom(r, n, s.to) : null);
  // "مصادر في الفصيل" with no faction named before: an anaphor that refers to nothing is no name
  const an = run && n < s.to ? r.sk.anaphors.matchAt(tokens, n, s.to) : null;
  if (an && run && an.to >= run[1]) return null;
  // "مدير المركز الإعلامي لقوات سوريا الديمقراطية": the office of a listed source is that source
  const owner = run ? ownerAfter(r, run[1]) : null;
  if (owner) return { value: owner.value, from: t.from, to: owner.to };
  // "an official at the Idlib health directorate": an institution reaching past the capitalised name
  const inst = r.capitals && n < s.to ? institutionAt(r, n) : null;
  const org = inst && (!run || inst.to > run[1]) ? inst : asMatch(r, run);
  return org ? { value: org.value, from: t.from, to: org.to } : null;
};

/** "مراسل الجزيرة" (the reporter word, then the outlet), "a Reuters reporter" (the outlet, then the
 *  reporter word): the outlet speaks */
const reporterAt = (r: Reading, k: number): Match<Source> | null => {
  const { tokens, s } = r;
  const w = r.sk.reporters.matchAt(tokens, k, s.to);
  const next = (i: number) => nextToken(tokens, i, s.to);
  if (w) {
    const after = next(w.to) < s.to ? r.listedAt[next(w.to) - s.from] : undefined;
    return after ? { value: after.value, from: w.from, to: after.to } : null;
  }
  const alias = r.listedAt[k - s.from];
  if (!alias || !OUTLET_KINDS.has(alias.value.kind) || next(alias.to) >= s.to) return null;
  const after = r.sk.reporters.matchAt(tokens, next(alias.to), s.to);
  return after ? { value: alias.value, from: alias.from, to: after.to } : null;
};

/** a person named right before a title ("Fadi Hakim, a spokesman for ..."): remember them */
const rememberPerson = (r: Reading, titleFrom: number, src: Source): void => {
  const { tokens, s } = r;
  const comma = prevToken(tokens, titleFrom, s.from);
  if (comma < s.from || !r.sk.clauseBreaks.has(tokens[comma]!.text)) return;
  let from = -1;
  for (let k = comma - 1, n = 0; k >= s.from && n < 4; k--, n++) {
    const t = tokens[k]!;
    if (t.kind !== 'word' || (r.capitals ? !capitalised(r, k) && !r.sk.connectors.has(t.text) : r.kit.speech.matchAt(tokens, k, comma) !== null)) break;
    if (r.listedAt[k - s.from] || r.sk.notNames.has(t.text)) return;
    from = k;
  }
  if (from === -1) return;
  remember(r, tokens.slice(from, comma).map((t) => t.text), src);
};

/** a person named right after a title and its organisation, set off by commas ("a spokesman for Y,
 *  Farhad X, said", "المتحدث باسم Y، فرهاد X، قال"): remember them */
const rememberAfter = (r: Reading, to: number, src: Source): void => {
  const { tokens, s } = r;
  const comma = nextToken(tokens, to, s.to);
  if (comma >= s.to || !r.kit.commas.has(tokens[comma]!.text)) return;
  const from = nextToken(tokens, comma, s.to);
  let end = -1;
  if (r.capitals) end = capitalRunFrom(r, from, s.to)?.[1] ?? -1;
  else for (let k = from, n = 0; k < s.to && n < 4 && tokens[k]!.kind === 'word' && !r.kit.speech.matchAt(tokens, k, s.to); k++, n++) end = k;
  const close = end >= from ? nextToken(tokens, end, s.to) : s.to;
  if (close >= s.to || (!r.kit.commas.has(tokens[close]!.text) && !r.kit.speech.matchAt(tokens, close, s.to))) return;
  for (let k = from; k <= end; k++) if (r.listedAt[k - s.from] || r.sk.notNames.has(tokens[k]!.text)) return;
  remember(r, tokens.slice(from, end + 1).filter((t) => t.kind === 'word').map((t) => t.text), src);
};

/** "SDF spokesman Farhad X", "Kurdish Red Crescent spokesman Ali X": an organisation, a title noun and
 *  a person's name; the person speaks for the organisation, and the report remembers them. The match
 *  runs from the organisation to the name's end (or the title's, with no name). */
const personTitledAt = (r: Reading, k: number, alias: Match<Source> | undefined): Match<Source> | null => {
  const { tokens, s } = r;
  if (!r.sk.personTitles.size || !r.capitals) return null;
  let org: Match<Source> | null = alias ?? null;
  if (!org) {
    const b = prevToken(tokens, k, s.from);
    if (!capitalised(r, k) || (b >= s.from && capitalised(r, b))) return null;
    const run = capitalRunFrom(r, k, s.to);
    const t = run ? r.sk.personTitles.matchAt(tokens, nextToken(tokens, run[1], s.to), s.to) : null;
    org = t ? asMatch(r, run) : null;
  }
  if (!org) return null;
  const t = r.sk.personTitles.matchAt(tokens, nextToken(tokens, org.to, s.to), s.to);
  if (!t) return null;
  const person = capitalRunFrom(r, nextToken(tokens, t.to, s.to), s.to);
  if (person) remember(r, tokens.slice(person[0], person[1] + 1).filter((w) => w.kind === 'word').map((w) => w.text), org.value);
  return { value: org.value, from: org.from, to: person ? person[1] : t.to };
};

export const remember = (r: Reading, words: readonly string[], src: Source): void => {
  if (words.length && r.persons.size < PERSONS_KEPT) r.persons.set(words[words.length - 1]!, { words, source: src });
};

/** A generic noun that a name goes on after ("الائتلاف الوطني السوري", "the Ministry of Health") names
 *  a source of its own: it is no anaphor. */
const namedOn = (r: Reading, k: number, to: number): boolean => {
  const run = r.capitals ? capitalRunFrom(r, k, r.s.to) : headRunFrom(r, k, r.s.to);
  return run !== null && run[1] > to;
};

/** The candidate starting at token k, and the token to go on after, or null. */
const candidateAt = (r: Reading, k: number): Match<Source> | null => {
  const alias = r.listedAt[k - r.s.from];
  const t = r.tokens[k]!;
  // each reader only where one of its phrases may start
  const title = (r.sk.titles.opens(t) ? titleAt(r, k) : null) ?? (alias || r.sk.reporters.opens(t) ? reporterAt(r, k) : null);
  if (title && (!alias || title.to > alias.to)) {
    rememberPerson(r, title.from, title.value);
    rememberAfter(r, title.to, title.value);
    r.named.push(title.value);
    return title;
  }
  const an = r.sk.anaphors.opens(t) ? r.sk.anaphors.matchAt(r.tokens, k, r.s.to) : null;
  if (an && (!alias || an.to >= alias.to) && !namedOn(r, k, an.to)) {
    const ref = lastOfType(r, an.value);
    if (ref && ref.id !== alias?.value.id) return { value: ref, from: k, to: an.to };
  }
  const inst = alias ? null : institutionAt(r, k);
  if (inst) { r.named.push(inst.value); return inst; }
  const titled = personTitledAt(r, k, alias);
  if (titled) { r.named.push(titled.value); return titled; }
  if (alias) { r.named.push(alias.value); return alias; }
  const person = r.persons.size && t.kind === 'word' ? personAt(r, k) : null;
  if (person) { r.named.push(person.value); return person; }
  return null;
};

/** Index the listed aliases, then every candidate of the sentence; returns the candidates in order. */
export const findCandidates = (r: Reading): readonly Match<Source>[] => {
  const { s } = r;
  for (const m of r.kit.sources.findAll(r.tokens, s.from, s.to)) {
    r.listedAt[m.from - s.from] = m;
    for (let k = m.from; k <= m.to; k++) r.coveredBy[k - s.from] = true;
  }
  const cands: Match<Source>[] = [];
  for (let k = s.from; k < s.to; k++) {
    const c = candidateAt(r, k);
    if (!c) continue;
    cands.push(c);
    k = c.to;
  }
  for (const c of cands) { r.startAt[c.from - s.from] = c; r.endAt[c.to - s.from] = c; }
  return cands;
};

export const firstStartIn = (r: Reading, a: number, b: number, ok: (m: Match<Source>) => boolean = () => true): Match<Source> | null => {
  for (let k = Math.max(a, r.s.from); k <= b && k < r.s.to; k++) { const m = r.startAt[k - r.s.from]; if (m && ok(m)) return m; }
  return null;
};

export const firstEndIn = (r: Reading, a: number, b: number, ok: (m: Match<Source>) => boolean): Match<Source> | null => {
  for (let k = Math.max(a, r.s.from); k <= b && k < r.s.to; k++) { const m = r.endAt[k - r.s.from]; if (m && ok(m)) return m; }
  return null;
};
