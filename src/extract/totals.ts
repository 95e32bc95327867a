/**
 * Totals over many events, by composition (rules/languages/<lang>/totals.yaml): where a
 * sentence says that its figures count more than one event.
 *
 * - A period: preposition + [determiner] + [number] + unit + [after] ("over the past ten days",
 *   "خلال ستة أيام", "خلال الأيام السبعة الفائتة"), longer than a window that dates one event
 *   (`eventHours`); or a strong preposition + [month word] + a month name or a year ("during
 *   July", "خلال شهر تموز").
 * - "since" + a date, a year, a month or an event noun ("since the escalation began").
 * - A stated span of days ("from 23 to 28 August", "من 23 حتى 28 من آب").
 * - A scope over a country or several places ("across the whole province", "في عموم سوريا",
 *   "several locations", "مناطق عدة").
 *
 * Also how far a cue reaches (a cumulative perfect, a clause that tells how the main clause's
 * figures came about), and whether the next sentence of the same source continues a total
 * (a back reference, a per-place list, or nothing of an event of its own).
 */
import type { TimeUnit, TotalRules } from '../rules/totals-schema.js';
import type { DateMention } from './dates.js';
import type { Kit } from './kit.js';
import type { Lexicon } from './lexicon.js';
import { compileLexicon, nextToken, phraseSet } from './lexicon.js';
import type { Sentence, Token } from './tokens.js';
import { numberValue } from './tokens.js';

const HOURS: Record<TimeUnit, number> = { hour: 1, day: 24, week: 168, month: 720, year: 8760 };

type Span = { readonly from: number; readonly to: number };

const APOSTROPHES: ReadonlySet<string> = new Set(["'", '\u2019']);

type Compiled = {
  readonly rules: TotalRules;
  readonly prepositions: Lexicon<true>;
  readonly strong: Lexicon<true>;
  readonly determiners: Lexicon<true>;
  readonly monthWords: Lexicon<true>;
  readonly unitFollowers: Lexicon<true>;
  readonly after: Lexicon<true>;
  readonly units: Lexicon<{ unit: TimeUnit; count: number | null }>;
  readonly months: Lexicon<number>;
  readonly since: Lexicon<true>;
  readonly sinceComparisons: Lexicon<true>;
  readonly articles: Lexicon<true>;
  readonly scopeLinks: Lexicon<true>;
  readonly sinceObjects: Lexicon<true>;
  readonly sinceWithinDay: Lexicon<true>;
  readonly oneWave: Lexicon<true>;
  readonly scopeBefore: Lexicon<true>;
  readonly scopeQuantifiers: Lexicon<true>;
  readonly scopeAfter: Lexicon<true>;
  readonly regionNouns: Lexicon<true>;
  readonly spanFrom: Lexicon<true>;
  readonly spanTo: Lexicon<true>;
  readonly perfect: Lexicon<true>;
  readonly eventLinks: Lexicon<true>;
  readonly backReferences: Lexicon<true>;
};

// One compiled reader per language rule set (the parsed rules object lives as long as the rule set).
const COMPILED = new WeakMap<object, Compiled | null>();

const compile = (kit: Kit): Compiled | null => {
  if (COMPILED.has(kit.lang)) return COMPILED.get(kit.lang)!;
  const rules = kit.lang.totals;
  const set = (phrases: readonly string[]) => phraseSet(kit.matcher, phrases);
  const c: Compiled | null = rules ? {
    rules,
    prepositions: set(rules.prepositions),
    strong: set(rules.monthPrepositions),
    determiners: set(rules.determiners),
    monthWords: set(rules.monthWords),
    unitFollowers: set(rules.unitFollowers),
    after: set(rules.after),
    units: compileLexicon(kit.matcher, rules.units.map((u) => ({ phrase: u.phrase, value: { unit: u.unit, count: u.count } }))),
    months: compileLexicon(kit.matcher, Object.entries(kit.lang.dates.months).map(([phrase, value]) => ({ phrase, value }))),
    since: set(rules.since),
    sinceComparisons: set(rules.sinceComparisons),
    articles: set(rules.articles),
    scopeLinks: set(rules.scopeLinks),
    sinceObjects: set(rules.sinceObjects),
    sinceWithinDay: set(rules.sinceWithinDay),
    oneWave: set(rules.oneWave),
    scopeBefore: set(rules.scopeBefore),
    scopeQuantifiers: set(rules.scopeQuantifiers),
    scopeAfter: set(rules.scopeAfter),
    regionNouns: set(rules.regionNouns),
    spanFrom: set(rules.spanFrom),
    spanTo: set(rules.spanTo),
    perfect: set(rules.perfect),
    eventLinks: set(rules.eventLinks),
    backReferences: set(rules.backReferences),
  } : null;
  COMPILED.set(kit.lang, c);
  return c;
};

const yearAt = (tokens: readonly Token[], j: number, limit: number): boolean => {
  if (j >= limit || tokens[j]!.kind !== 'number' || tokens[j]!.text.length !== 4) return false;
  const y = numberValue(tokens[j]!);
  return y !== null && y >= 1900 && y <= 2100;
};

const dayAt = (tokens: readonly Token[], j: number, limit: number): number | null => {
  if (j >= limit || tokens[j]!.kind !== 'number' || tokens[j]!.text.length > 2) return null;
  const d = Number(tokens[j]!.text);
  return d >= 1 && d <= 31 ? d : null;
};

/** A figure at j, also a definite number word after a definite unit ("الأيام السبعة"). */
const countAt = (kit: Kit, c: Compiled, tokens: readonly Token[], j: number, limit: number): { value: number | null; to: number } | null => {
  if (j >= limit) return null;
  const f = kit.numbers.readAt(tokens, j, limit);
  if (f) return { value: f.value, to: f.to };
  const t = tokens[j]!;
  if (t.kind !== 'word') return null;
  for (const art of c.rules.numberArticles) {
    if (!t.text.startsWith(art) || t.text.length <= art.length + 1) continue;
    const w = kit.numbers.wordValue({ ...t, text: t.text.slice(art.length) });
    if (w && w.clitic === '') return { value: w.value, to: j };
  }
  return null;
};

/**
 * A period opening at i (its preposition): the index of its last token and whether it makes
 * a total, or null when no period opens there.
 */
const periodAt = (kit: Kit, c: Compiled, tokens: readonly Token[], i: number, limit: number): { to: number; total: boolean } | null => {
  const p = c.prepositions.matchAt(tokens, i, limit);
  if (!p) return null;
  const strong = c.strong.matchAt(tokens, i, limit) !== null;
  let j = nextToken(tokens, p.to, limit);
  // a month name or a year after a strong preposition ("during July", "خلال شهر تموز 2019")
  if (strong) {
    let k = j;
    const mw = c.monthWords.matchAt(tokens, k, limit);
    if (mw) k = nextToken(tokens, mw.to, limit);
    const m = c.months.matchAt(tokens, k, limit);
    if (m && dayAt(tokens, nextToken(tokens, m.to, limit), limit) === null) return { to: m.to, total: true };
    if (yearAt(tokens, k, limit)) return { to: k, total: true };
  }
  let determined = false;
  const d = c.determiners.matchAt(tokens, j, limit);
  if (d) { determined = c.articles.matchAt(tokens, d.from, limit)?.to !== d.to; j = nextToken(tokens, d.to, limit); }
  let count: number | null = null;
  let counted = false;
  const n = countAt(kit, c, tokens, j, limit);
  if (n) { count = n.value; counted = true; j = nextToken(tokens, n.to, limit); }
  if (j < limit && tokens[j]!.text === '-') j = nextToken(tokens, j, limit); // "48-hour"
  const u = c.units.matchAt(tokens, j, limit);
  if (!u) return null;
  let to = u.to;
  // a year named after its unit ("في العام 2013", "خلال عام 2019"): a period only after a strong preposition
  const y = nextToken(tokens, to, limit);
  if (!counted && yearAt(tokens, y, limit)) return { to: y, total: strong };
  // the number after a definite unit ("الأيام السبعة"), then "past"/"last"
  if (!counted) {
    const after = countAt(kit, c, tokens, nextToken(tokens, to, limit), limit);
    if (after && after.value !== null) { count = after.value; counted = true; to = after.to; }
  }
  const a = c.after.matchAt(tokens, nextToken(tokens, to, limit), limit);
  if (a) to = a.to;
  const plural = u.value.count === null;
  // a singular unit named by the word after it is a date, not a span ("خلال شهر رمضان")
  const next = nextToken(tokens, to, limit);
  if (u.value.count === 1 && !counted && !determined && !a && next < limit && tokens[next]!.kind === 'word' && !c.unitFollowers.matchAt(tokens, next, limit)) return { to, total: false };
  const n0 = counted ? count : u.value.count;
  // "in" with a singular unit and nothing to count it dates an event ("في يوم الجمعة", "in the day")
  if (!strong && !plural && !counted && !determined) return { to, total: false };
  if (n0 === null) return { to, total: u.value.unit !== 'hour' }; // "in recent days" / "in recent hours"
  return { to, total: n0 * HOURS[u.value.unit] > c.rules.eventHours };
};

/** A superlative or an ordinal within reach before i in its clause ("the deadliest attack since"). */
const comparedBefore = (c: Compiled, tokens: readonly Token[], i: number, floor: number): boolean => {
  for (let k = i - 1, steps = 0; k >= floor && steps < c.rules.comparisonReach; k--) {
    // a possessive's apostrophe is inside the clause ("since the country's war began")
    if (tokens[k]!.kind === 'punct' && !APOSTROPHES.has(tokens[k]!.text)) return false;
    if (c.sinceComparisons.matchAt(tokens, k, i)) return true;
    if (tokens[k]!.kind === 'word') steps++;
  }
  return false;
};

/** A clause after i opened by a word that ties it to an event ("when", "حين"): the past event compared with. */
const whenClauseAfter = (kit: Kit, c: Compiled, tokens: readonly Token[], i: number, s: Sentence): boolean => {
  for (let k = i + 1; k < s.to; k++) {
    if (tokens[k - 1]!.kind === 'punct' && kit.clausePunct.has(tokens[k - 1]!.text) && c.eventLinks.matchAt(tokens, k, s.to)) return true;
  }
  return false;
};

/**
 * "since" at i comes after a superlative or an ordinal in its clause and a "when" clause follows ("the deadliest since
 * 2017, when 40 were killed"): a comparison with one past event, whose figures are that event's, not a period's.
 */
export const sinceCompared = (kit: Kit, tokens: readonly Token[], s: Sentence, i: number): boolean => {
  const c = compile(kit);
  return c !== null && comparedBefore(c, tokens, i, s.from) && (whenClauseAfter(kit, c, tokens, i, s) || !periodCompared(c, tokens, i, s.from));
};

/**
 * What a superlative before "since" at i compares: a unit longer than one event between them ("the
 * deadliest month since 2019") compares a period, whose figures are its total; anything else
 * ("the deadliest attack since 2019", "the highest toll since March") compares one event, and the
 * figures with it are that event's even with no "when" clause after.
 */
const periodCompared = (c: Compiled, tokens: readonly Token[], i: number, floor: number): boolean => {
  for (let k = i - 1, steps = 0; k >= floor && steps < c.rules.comparisonReach; k--) {
    if (tokens[k]!.kind === 'punct') return false;
    const u = c.units.matchAt(tokens, k, i);
    if (u && HOURS[u.value.unit] * (u.value.count ?? 1) > c.rules.eventHours) return true;
    if (c.sinceComparisons.matchAt(tokens, k, i)) return false;
    if (tokens[k]!.kind === 'word') steps++;
  }
  return false;
};

/** "since" at i followed within reach by a date, a year, a month or an event noun, and not after a comparison. */
const sinceAt = (kit: Kit, c: Compiled, tokens: readonly Token[], i: number, s0: Sentence, dates: readonly DateMention[]): boolean => {
  const limit = s0.to;
  const s = c.since.matchAt(tokens, i, limit);
  if (!s || sinceCompared(kit, tokens, s0, i)) return false;
  let j = s.to;
  for (let k = 0; k < c.rules.sinceReach; k++) {
    j = nextToken(tokens, j, limit);
    if (j >= limit || tokens[j]!.kind === 'punct' || c.sinceWithinDay.matchAt(tokens, j, limit)) return false;
    if (yearAt(tokens, j, limit) || c.months.matchAt(tokens, j, limit) || c.sinceObjects.matchAt(tokens, j, limit)) return true;
    if (dates.some((d) => d.from === j)) return true;
  }
  return false;
};

/** A stated span of days opening at i ("from 23 to 28 August"): at least `spanDays` days. */
const spanAt = (c: Compiled, tokens: readonly Token[], i: number, limit: number): boolean => {
  const f = c.spanFrom.matchAt(tokens, i, limit);
  if (!f) return false;
  let j = nextToken(tokens, f.to, limit);
  const d1 = dayAt(tokens, j, limit);
  if (d1 === null) return false;
  j = nextToken(tokens, j, limit);
  const t = c.spanTo.matchAt(tokens, j, limit);
  if (!t) return false;
  j = nextToken(tokens, t.to, limit);
  const d2 = dayAt(tokens, j, limit);
  if (d2 === null || d2 - d1 + 1 < c.rules.spanDays) return false;
  // a month after the second day, perhaps after "of" / "من"
  for (let k = 0, m = nextToken(tokens, j, limit); k < 2 && m < limit; k++, m = nextToken(tokens, m, limit)) {
    if (c.months.matchAt(tokens, m, limit)) return true;
  }
  return false;
};

/** A scope over a country or several places at i. */
const scopeAt = (c: Compiled, tokens: readonly Token[], i: number, limit: number, places: readonly Span[]): boolean => {
  const regionOrPlaceWithin = (from: number, reach: number): boolean => {
    let j = from;
    for (let k = 0; k < reach && j < limit; k++, j = nextToken(tokens, j, limit)) {
      if (tokens[j]!.kind === 'punct') return false;
      if (c.regionNouns.matchAt(tokens, j, limit) || places.some((p) => p.from === j)) return true;
    }
    return false;
  };
  const b = c.scopeBefore.matchAt(tokens, i, limit);
  if (b && regionOrPlaceWithin(nextToken(tokens, b.to, limit), 3)) return true;
  const q = c.scopeQuantifiers.matchAt(tokens, i, limit);
  if (q) {
    let j = nextToken(tokens, q.to, limit);
    if (j < limit && c.regionNouns.matchAt(tokens, j, limit)) return true;
    const link = j < limit ? c.scopeLinks.matchAt(tokens, j, limit) : null;
    if (link) j = nextToken(tokens, link.to, limit);
    if (j < limit && c.regionNouns.matchAt(tokens, j, limit)) return true;
  }
  const r = c.regionNouns.matchAt(tokens, i, limit);
  if (r && c.scopeAfter.matchAt(tokens, nextToken(tokens, r.to, limit), limit)) return true;
  return false;
};

export type TotalCues = {
  /** token indexes where a total's cue begins */
  readonly cues: readonly number[];
  /** every figure of the sentence is reached by its cues (a cumulative perfect) */
  readonly wholeSentence: boolean;
  /** cues in a clause that tells how the main clause's figures came about: they reach back */
  readonly reachBack: readonly number[];
  /** the cues that are scopes over several places ("on several areas"): of stances alone they make no total */
  readonly scopes: readonly number[];
};

export const NO_TOTALS: TotalCues = { cues: [], wholeSentence: false, reachBack: [], scopes: [] };
const NONE = NO_TOTALS;

/** Clause start: the token after the last comma or semicolon before i. */
const clauseStart = (kit: Kit, tokens: readonly Token[], i: number, floor: number): number => {
  let a = i;
  while (a > floor && !(tokens[a - 1]!.kind === 'punct' && kit.clausePunct.has(tokens[a - 1]!.text))) a--;
  return a;
};

/** A clause opening at a that breaks down the figures before it: a breakdown word, or a figure and one ("20 of them", "بينهم", "17 منهم"). */
const breakdownAt = (kit: Kit, tokens: readonly Token[], a: number, limit: number): boolean => {
  if (kit.breakdown.matchAt(tokens, a, limit)) return true;
  const f = kit.numbers.readAt(tokens, a, limit);
  return f !== null && kit.breakdown.matchAt(tokens, nextToken(tokens, f.to, limit), limit) !== null;
};

/** A time of the last day or night starts at j ("since midnight", "منذ فجر اليوم"): after "since" it counts no period. */
export const withinDayAt = (kit: Kit, tokens: readonly Token[], j: number, limit: number): boolean => {
  const c = compile(kit);
  return c !== null && j < limit && c.sinceWithinDay.matchAt(tokens, j, limit) !== null;
};

/** "overnight", "in a wave of": the sentence tells one wave of strikes, however many places it names. */
const oneWave = (c: Compiled, tokens: readonly Token[], s: Sentence): boolean => {
  for (let i = s.from; i < s.to; i++) if (c.oneWave.matchAt(tokens, i, s.to)) return true;
  return false;
};

/** The cues of totals in one sentence, composed from rules/languages/<lang>/totals.yaml. */
export const totalCues = (kit: Kit, tokens: readonly Token[], s: Sentence, ctx: { dates: readonly DateMention[]; places: readonly Span[] }): TotalCues => {
  const c = compile(kit);
  if (!c) return NONE;
  const cues: number[] = [];
  const scopes: number[] = [];
  let wave: boolean | null = null;
  for (let i = s.from; i < s.to; i++) {
    const p = periodAt(kit, c, tokens, i, s.to);
    if (p?.total || sinceAt(kit, c, tokens, i, s, ctx.dates) || spanAt(c, tokens, i, s.to)) cues.push(i);
    else if (scopeAt(c, tokens, i, s.to, ctx.places) && !(wave ??= oneWave(c, tokens, s))) { cues.push(i); scopes.push(i); }
  }
  if (!cues.length) return NONE;
  let perfect = false;
  for (let i = s.from; i < s.to && !perfect; i++) perfect = c.perfect.matchAt(tokens, i, s.to) !== null;
  // a clause that tells how the main clause's figures came about ("جراء غارات على مناطق عدة"), or that breaks
  // them down ("25 civilians, 20 of them in shelling on several areas"): a total's cue there reaches them
  const reachBack = cues.filter((i) => {
    const a = clauseStart(kit, tokens, i, s.from);
    return a > s.from && (c.eventLinks.matchAt(tokens, a, s.to) !== null || breakdownAt(kit, tokens, a, s.to));
  });
  return { cues, wholeSentence: perfect, reachBack, scopes };
};

/**
 * Whether a sentence continues the total told in the sentence before it, by the same source:
 * it opens with a back reference ("among the dead", "بين القتلى") anywhere before its first
 * figure, or it lists figures for two or more places (a per-place breakdown), or the total's
 * own source goes on without an event of its own (no place, no date, no attack).
 */
export const continuesTotal = (kit: Kit, tokens: readonly Token[], s: Sentence, ctx: {
  readonly firstFigure: number; readonly placesBetweenFigures: number; readonly places: number; readonly dates: number; readonly attack: boolean;
  /** said by the total's own source, not only in the report's voice */
  readonly sameSource: boolean;
}): boolean => {
  const c = compile(kit);
  if (!c) return false;
  for (let i = s.from; i < Math.min(ctx.firstFigure + 1, s.to); i++) if (c.backReferences.matchAt(tokens, i, s.to)) return true;
  if (ctx.placesBetweenFigures >= 2) return true;
  return ctx.sameSource && ctx.places === 0 && ctx.dates === 0 && !ctx.attack;
};


/** The claims reached by a total's cue, and every whole (in the sentence) of a reached part. */
export const wholesOfTotals = <C extends { readonly partOf: number | null }>(claims: readonly C[], reached: (c: C) => boolean): Set<C> => {
  const out = new Set(claims.filter(reached));
  for (let changed = true; changed;) {
    changed = false;
    for (const c of [...out]) {
      const w = c.partOf === null ? undefined : claims[c.partOf];
      if (w && !out.has(w)) { out.add(w); changed = true; }
    }
  }
  return out;
};
