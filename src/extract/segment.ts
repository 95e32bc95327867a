/**
 * Events within a report, at the clause: a sentence may tell two events ("18 died in X on
 * Monday, while 9 died in Y on Tuesday"), recall an earlier one ("a week earlier, raids on X
 * had killed 12"), or date its event from the one told before ("the day before", "a day after
 * the strike on X", "في اليوم التالي"). A sentence is cut into parts at clause punctuation and
 * clause joiners (rules: events.clauseJoiners); parts whose places or dates cannot be one
 * event's stay apart, the others are one part again. Each part then joins the event told
 * before it, an earlier event of the report at the same place and day, or opens a new one.
 */
import type { DateRange } from '../model/contract.js';
import type { DraftClaim } from './claims.js';
import type { DateMention } from './dates.js';
import { hull, overlaps, shiftRange, windowBefore } from './dates.js';
import type { Kit } from './kit.js';
import type { Lexicon } from './lexicon.js';
import { phraseSet } from './lexicon.js';
import type { PlaceMatch } from './places.js';
import type { SentenceSpeakers } from './speakers.js';
import type { DraftStance } from './stances.js';
import type { Sentence, Token } from './tokens.js';

/** What segmentation needs of a sentence's facts (src/extract/text.ts). */
export type Segmentable = {
  readonly s: Sentence;
  readonly claims: readonly DraftClaim[];
  readonly stances: readonly DraftStance[];
  readonly places: readonly PlaceMatch[];
  readonly dates: readonly DateRange[];
  /** the dates of `dates`, where they stand (a date told from the event before carries its shift) */
  readonly dateMentions: readonly DateMention[];
  readonly recalled: ReadonlySet<DraftClaim>;
  readonly aggregateClaims: readonly DraftClaim[];
  /** belligerents' word on civilian harm: each goes to the part it stands in */
  readonly assessments?: readonly { readonly from: number }[];
  readonly newEvent: boolean;
  readonly sameDay: boolean;
  /**
   * the days a speech verb or a statement noun of the sentence dates ("the ministry said on
   * Tuesday", "أفاد المرصد اليوم"): the day a source spoke, not its event's; the event told
   * is on that day or the days before it
   */
  readonly said?: readonly DateRange[];
  /** every claim of the sentence is a part of a whole told in the sentence before (a toll broken down by place): one part, in that event */
  readonly hangsBefore?: boolean;
};

/** How a part is dated from another event: the event told before the sentence, or the part before it. */
export type Shift = { readonly days: number; readonly base: 'sentence' | 'previous' };
export type Part<F> = { readonly facts: F; readonly shift: Shift | null; readonly forced: boolean };

const joinersOf = new WeakMap<Kit, Lexicon<true>>();
const joiners = (kit: Kit): Lexicon<true> => {
  let lex = joinersOf.get(kit);
  if (!lex) { lex = phraseSet(kit.matcher, kit.lang.events.clauseJoiners ?? []); joinersOf.set(kit, lex); }
  return lex;
};

const inside = (i: number, a: number, b: number): boolean => i >= a && i < b;

/** A place names a specific spot (finer than a governorate). */
const specificOf = (ps: readonly PlaceMatch[]): PlaceMatch[] => ps.filter((p) => p.place.kind !== 'governorate' && p.place.kind !== 'region');

/** Both name places of known governorates, and none in common: a reference point of the one
 *  ("on the outskirts of X") cannot say where the other's event is. */
const otherGovernorates = (a: readonly PlaceMatch[], b: readonly PlaceMatch[]): boolean => {
  const of = (ps: readonly PlaceMatch[]) => new Set(ps.flatMap((p) => (p.place.governorate ? [p.place.governorate] : [])));
  const x = of(a), y = of(b);
  return x.size > 0 && y.size > 0 && ![...y].some((g) => x.has(g));
};

/** Two place lists share a specific place, or one holds the other ("a neighbourhood of X" and X). */
export const shareSpecific = (a: readonly PlaceMatch[], b: readonly PlaceMatch[]): boolean => {
  const sa = specificOf(a), sb = specificOf(b);
  return sa.some((x) => sb.some((y) => x.place.id === y.place.id || x.within.includes(y.place.id) || y.within.includes(x.place.id)));
};

/** Places standing inside a speaker's name ("Shahba Press", "مركز حلب الإعلامي") place no event. */
export const outsideSpeakers = (places: readonly PlaceMatch[], spans: readonly (readonly [number, number])[]): PlaceMatch[] =>
  places.filter((p) => !spans.some(([a, b]) => p.from >= a && p.to <= b));

/** The token spans of the speakers' names in a sentence (listed aliases and unlisted names alike). */
export const speakerSpans = (sp: SentenceSpeakers): (readonly [number, number])[] => [
  ...sp.aliasSpans,
  ...sp.points.flatMap((p) => (p.alias ? [[p.alias.from, p.alias.to] as const] : [])),
];

/** Where a sentence's clauses start, and the cuts no merging undoes ("N after <event>"). */
const cutPoints = <F extends Segmentable>(kit: Kit, tokens: readonly Token[], f: F, after: DateMention | undefined, initial: boolean): { cuts: number[]; forcedAt: Set<number> } => {
  const { s } = f;
  // cut points: the first token of each clause
  const lex = joiners(kit);
  const cuts: number[] = [s.from];
  const forcedAt = new Set<number>();
  for (let i = s.from + 1; i < s.to; i++) {
    const prev = tokens[i - 1]!;
    if ((prev.kind === 'punct' && kit.clausePunct.has(prev.text)) || lex.matchAt(tokens, i, s.to)) cuts.push(i);
  }
  // a list of tolls, each at its own place ("killed 5 in X and 3 in Y"): each figure that is no part of
  // another may open a part (parts at agreeing places are one part again below)
  for (const c of f.claims) if (c.partOf === null && c.from > s.from && !cuts.includes(c.from)) cuts.push(c.from);
  // "N after <event>": mid-sentence, what follows is the earlier event; sentence-initial, what
  // follows its clause is the sentence's own event, N days after the one told before

  if (after) {
    if (initial) {
      const next = cuts.find((c) => c > after.to);
      if (next !== undefined) forcedAt.add(next);
    } else {
      if (!cuts.includes(after.from)) cuts.push(after.from);
      forcedAt.add(after.from);
    }
  }
  cuts.sort((a, b) => a - b);
  return { cuts, forcedAt };
};

/**
 * The parts of one sentence. A sentence whose parts agree (or that has one part) comes back whole.
 * `agree` says whether two place lists can be one event's.
 */
export const clauseParts = <F extends Segmentable>(kit: Kit, tokens: readonly Token[], f: F, agree: (a: readonly PlaceMatch[], b: readonly PlaceMatch[]) => boolean): Part<F>[] => {
  const { s } = f;
  if (f.hangsBefore) return [{ facts: f, shift: null, forced: false }];
  const eventShift = f.dateMentions.find((d) => d.shift && !d.shift.after);
  const after = f.dateMentions.find((d) => d.shift?.after);
  const initial = !!after && after.from - s.from <= 1;
  const whole: Part<F> = {
    facts: eventShift || after ? withDates(f, f.dateMentions.filter((d) => d !== eventShift && d !== after)) : f,
    shift: eventShift ? { days: eventShift.shift!.days, base: 'sentence' } : initial ? { days: after!.shift!.days, base: 'sentence' } : null, forced: false,
  };
  const { cuts, forcedAt } = cutPoints(kit, tokens, f, after, initial);
  const segments = cuts.map((c, k) => [c, cuts[k + 1] ?? s.to] as const);
  const hasClaim = ([a, b]: readonly [number, number]) => f.claims.some((c) => inside(c.from, a, b)) || f.stances.some((st) => inside(st.from, a, b));
  // a part: the clauses without figures before a clause with one (trailing ones join the last part)
  const laterClaim = (k: number): boolean => {
    for (let j = k + 1; j < segments.length; j++) {
      if (forcedAt.has(segments[j]![0])) return false;
      if (hasClaim(segments[j]!)) return true;
    }
    return false;
  };
  const ranges: { from: number; to: number; forced: boolean }[] = [];
  let start = s.from;
  let forcedStart = false;
  segments.forEach((seg, k) => {
    if (k > 0 && forcedAt.has(seg[0]) && seg[0] > start) {
      ranges.push({ from: start, to: seg[0], forced: forcedStart });
      start = seg[0]; forcedStart = true;
    }
    if (hasClaim(seg) && laterClaim(k)) {
      ranges.push({ from: start, to: seg[1], forced: forcedStart });
      start = seg[1]; forcedStart = false;
    }
  });
  if (start < s.to) ranges.push({ from: start, to: s.to, forced: forcedStart });
  if (ranges.length < 2) return [whole];
  // parts whose places and dates can be one event's are one part
  const slice = (a: number, b: number) => ({
    claims: f.claims.filter((c) => inside(c.from, a, b)),
    places: f.places.filter((p) => inside(p.from, a, b)),
    dates: f.dateMentions.filter((d) => inside(d.from, a, b) && d !== eventShift && d !== after),
  });
  const merged: { from: number; to: number; forced: boolean }[] = [];
  for (const r of ranges) {
    const prev = merged[merged.length - 1];
    if (!prev) { merged.push({ ...r }); continue; }
    const p = slice(prev.from, prev.to), q = slice(r.from, r.to);
    const apart = r.forced
      || (p.places.length > 0 && q.places.length > 0 && !agree(p.places, q.places) && !shareSpecific(p.places, q.places))
      || (p.dates.length > 0 && q.dates.length > 0 && !p.dates.some((x) => q.dates.some((y) => !!x.range && !!y.range && overlaps(x.range, y.range))));
    // a figure that is part of one in another part keeps them together
    const crossing = q.claims.some((c) => c.partOf !== null && f.claims[c.partOf] !== undefined && inside(f.claims[c.partOf]!.from, prev.from, prev.to));
    if (apart && !crossing && (q.claims.length > 0 || f.stances.some((st) => inside(st.from, r.from, r.to)))) merged.push({ ...r });
    else prev.to = r.to;
  }
  if (merged.length < 2) return [whole];
  const shared = sharedDay(f.dateMentions.filter((d) => d !== eventShift && d !== after && d.range));
  return merged.map((r, k) => {
    const part = partFacts(f, r, k, { eventShift, after, initial });
    return shared && !part.shift && !part.forced && !part.facts.dateMentions.length ? { ...part, facts: withDates(part.facts, [shared]) } : part;
  });
};

/** One day told once for a whole list ("5 in X, 3 in Y and 2 in Z on Friday"): it dates each part of it. */
const sharedDay = (own: readonly DateMention[]): DateMention | null =>
  own.length > 0 && own.every((d) => d.range!.start === own[0]!.range!.start && d.range!.end === own[0]!.range!.end) ? own[0]! : null;

/** The facts of one part [r.from, r.to) of the sentence, `k`-th of them, and how it is dated. */
const partFacts = <F extends Segmentable>(f: F, r: { readonly from: number; readonly to: number; readonly forced: boolean }, k: number,
  d: { readonly eventShift: DateMention | undefined; readonly after: DateMention | undefined; readonly initial: boolean }): Part<F> => {
  const { eventShift, after, initial } = d;
  const claims = f.claims.filter((c) => inside(c.from, r.from, r.to));
  // partOf indexes the sentence's claims: the part's own list now
  const renum = claims.map((c) => ({ ...c, partOf: c.partOf === null ? null : (() => { const w = f.claims[c.partOf!]; const j = w ? claims.indexOf(w) : -1; return j < 0 ? null : j; })() }));
  const recalled = new Set(renum.filter((_, j) => f.recalled.has(claims[j]!)));
  const dm = f.dateMentions.filter((x) => inside(x.from, r.from, r.to) && x !== after && x !== eventShift);
  const facts = {
    ...f, claims: renum, stances: f.stances.filter((st) => inside(st.from, r.from, r.to)), places: f.places.filter((p) => inside(p.from, r.from, r.to)),
    ...(f.assessments ? { assessments: f.assessments.filter((x) => inside(x.from, r.from, r.to)) } : {}),
    dateMentions: dm, dates: dm.flatMap((x) => (x.range ? [x.range] : [])), recalled, aggregateClaims: [],
    newEvent: k === 0 ? f.newEvent : false, sameDay: k === 0 ? f.sameDay : false,
  } as F;
  const inShift = eventShift && inside(eventShift.from, r.from, r.to) ? { days: eventShift.shift!.days, base: 'sentence' as const } : null;
  const afterShift = after && k > 0 && r.from >= after.from
    ? (initial ? { days: after.shift!.days, base: 'sentence' as const } : { days: -after.shift!.days, base: 'previous' as const }) : null;
  return { facts, shift: afterShift ?? inShift, forced: r.forced };
};

const withDates = <F extends Segmentable>(f: F, dm: readonly DateMention[]): F =>
  ({ ...f, dateMentions: dm, dates: dm.flatMap((d) => (d.range ? [d.range] : [])) });

/**
 * One event being told: its sentences' facts, places and date; `said`, the days its sources
 * spoke when nothing dates the event itself (it fell on them or shortly before).
 */
export type Draft<F> = { facts: F[]; places: PlaceMatch[]; date: DateRange | null; said?: DateRange | null };

/**
 * The date a draft's mention carries: its own, else the days before its sources spoke
 * (as an undated report's event falls in the days before publication), else those before publication.
 */
export const draftDate = <F>(d: Draft<F>, publishedAt: string | null, undatedDays: number): DateRange | null =>
  d.date ?? (d.said ? { start: windowBefore(d.said.start, undatedDays).start, end: d.said.end } : publishedAt ? windowBefore(publishedAt, undatedDays) : null);

/**
 * A report that tells one dated event, with text before or after it that names no day and no
 * place ("Civilians reported killed: 4 - 10" above "On February 3, US forces raided …", a headline
 * over the body): that text tells the same event. Nothing in the report sets it apart, and the
 * undated window before publication would make it another event of its own.
 */
export const foldUndated = <F extends Segmentable>(drafts: readonly Draft<F>[]): Draft<F>[] => {
  const loose = drafts.filter((d) => !d.date && !d.said && d.places.length === 0);
  // the events that count: those with a figure (a sentence with a place and no figure tells no toll)
  const told = drafts.filter((d) => !loose.includes(d) && d.facts.some((f) => f.claims.length > 0));
  if (!loose.length || told.length !== 1 || !told[0]!.date) return [...drafts];
  const one = told[0]!;
  const merged = { ...one, facts: [...loose.flatMap((d) => d.facts), ...one.facts].sort((a, b) => a.s.from - b.s.from) };
  return drafts.filter((d) => !loose.includes(d)).map((d) => (d === one ? merged : d));
};

export type Segmenter<F> = {
  /** place one sentence's parts; `listItem` opens a new event */
  readonly add: (parts: readonly Part<F>[], listItem: boolean) => void;
  readonly drafts: readonly Draft<F>[];
  /** the event being told, if any */
  readonly current: () => Draft<F> | null;
};

/**
 * Events of a report in order. A dated part whose day differs from the event being told opens
 * another (undated text joins the event being told, whose day the report leaves open); a part
 * at another place does too. Before a new event opens, an earlier event at the same specific
 * place and day takes the part back (a headline's two events, told again in the body).
 */
export const segmenter = <F extends Segmentable>(agree: (a: readonly PlaceMatch[], b: readonly PlaceMatch[]) => boolean, publishedAt: string | null, toleranceDays: number, undatedDays: number): Segmenter<F> => {
  const drafts: Draft<F>[] = [];
  let current: Draft<F> | null = null;
  // an event the report leaves undated falls in the days before publication
  const undated: DateRange | null = publishedAt ? windowBefore(publishedAt, undatedDays) : null;
  const mainDate = (): DateRange | null => drafts.find((d) => d.date)?.date ?? null;
  // an event dated only by its sources' statements fell on their day or up to the tolerance before
  const fits = (d: Draft<F>, dates: readonly DateRange[], tolerance = 0) => (d.date ? dates.every((x) => overlaps(x, d.date!, tolerance))
    : !d.said || dates.every((x) => overlaps(x, { start: shiftRange(d.said!, -toleranceDays).start, end: d.said!.end })));
  // a statement's day: of the event being told when it is no earlier than the event's own day; another
  // statement day than those the event was told on is another event's, unless the part names no place
  const saidFits = (d: Draft<F>, said: readonly DateRange[], tolerance: number) => (d.date ? said.every((x) => x.end >= d.date!.start)
    : !d.said || said.every((x) => overlaps(x, d.said!, tolerance)));
  const add = (parts: readonly Part<F>[], listItem: boolean): void => {
    const before = current;
    let previous: Draft<F> | null = current;
    parts.forEach((part, k) => {
      const f = part.facts;
      const base = part.shift ? (part.shift.base === 'sentence' ? before : previous) : null;
      const anchor = part.shift ? base?.date ?? base?.said ?? mainDate() ?? undated : null;
      const shifted = part.shift && anchor ? [shiftRange(anchor, part.shift.days)] : [];
      const dates = [...f.dates, ...shifted];
      // only a part that its own words leave undated is dated by when its source spoke
      const said = dates.length ? [] : f.said ?? [];
      const located = inTownOf(current, f.places);
      // a reference point alone ("near the village of X") only says where the event is, unless it
      // lies in another governorate than every place of the event being told
      const placing = located.filter((p) => !p.reference);
      const afar = current !== null && !placing.length && otherGovernorates(current.places, located);
      // a stance dated before the days of an undated event is another event's ("follows a drone attack last week")
      const elsewhen = f.claims.length === 0 && current !== null && !current.date && undated !== null && dates.length > 0
        && dates.every((x) => !overlaps(x, undated, toleranceDays));
      // with no place of its own, a part of another day than the event being told goes back to the one
      // earlier event of its day ("the toll of Monday's strikes rose to 11")
      const back = !placing.length && dates.length > 0 && current && !part.shift && !f.newEvent && !(k === 0 && listItem) && !fits(current, dates)
        ? drafts.filter((d) => d !== current && !!d.date && fits(d, dates)) : [];
      if (back.length === 1) current = back[0]!;
      // an event the report leaves undated fell in the days before publication: a toll dated outside them
      // is another event's, unless it names that event's own place ("… in Atmeh. Two weeks ago, a strike
      // killed 4 in Idlib province": Idlib holds Atmeh, but is no place of its own; "last Sunday's bombing,
      // which killed six")
      const stale = f.claims.length > 0 && current !== null && !current.date && !current.said && undated !== null
        && dates.length > 0 && !dates.every((x) => overlaps(x, undated, toleranceDays)) && !shareSpecific(current.places, placing);
      // the parts of a whole told just before are that event's, wherever each part lies
      const opens = !(f.hangsBefore && current) && (!current || (k === 0 && listItem) || f.newEvent || part.forced || !!part.shift || elsewhen || stale || afar
        // a day apart is the same event only for a part that names no place of its own ("the toll rose
        // on Friday"); a part at a place, on another day, tells another event
        || !agree(current.places, placing) || !fits(current, dates, placing.length || part.shift ? 0 : toleranceDays)
        || !saidFits(current, said, placing.length ? 0 : toleranceDays));
      if (opens) {
        const free = !(k === 0 && listItem) && !f.newEvent;
        // with no place of its own, a dated part goes back only to the one earlier event of its day
        const sameDayOnly = free && !placing.length && dates.length > 0 ? drafts.filter((d) => d !== current && !!d.date && fits(d, dates)) : [];
        const earlier = free && placing.length ? drafts.find((d) => d !== current && shareSpecific(d.places, placing) && fits(d, dates) && agree(d.places, placing))
          : sameDayOnly.length === 1 ? sameDayOnly[0] : undefined;
        // a shifted part is another day than the event it is told from
        const same = part.shift && earlier && earlier === (part.shift.base === 'sentence' ? before : previous) ? undefined : earlier;
        if (same) current = same;
        else { current = { facts: [], places: [], date: null, said: null }; drafts.push(current); }
      }
      current!.facts.push(f);
      current!.places.push(...located);
      // "on the same day": an undated sentence takes the date of the event told before it
      const sameDay = f.sameDay && !dates.length ? (before?.date ?? [...drafts].reverse().find((d) => d.date)?.date ?? null) : null;
      for (const d of sameDay ? [sameDay] : dates) current!.date = current!.date ? hull(current!.date, d) : { start: d.start, end: d.end };
      for (const d of current!.date ? [] : said) current!.said = current!.said ? hull(current!.said, d) : { start: d.start, end: d.end };
      previous = current;
    });
  };
  return { add, drafts, current: () => current };
};

/**
 * A neighbourhood the gazetteer lacks, told while the event being told is in a city and nowhere
 * finer ("strikes on Aleppo city … the shelling hit the X neighbourhood"), lies in that city. Two
 * such neighbourhoods stay two places: the second finds the first among the event's places.
 */
const inTownOf = <F>(current: Draft<F> | null, places: readonly PlaceMatch[]): readonly PlaceMatch[] => {
  const own = current ? specificOf(current.places).filter((p) => !p.reference) : [];
  if (!own.length || !own.every((p) => !p.unresolved && p.place.kind === 'city')) return places;
  const within = [...new Set(own.flatMap((c) => [c.place.id, ...c.within]))];
  return places.map((p) => (p.unresolved && p.place.kind === 'neighbourhood' && !p.within.length ? { ...p, within } : p));
};

/**
 * The event a stance told without a figure belongs to: the one at the same specific place and
 * day, else the report's main event (its first) when nothing tells them apart; null when its
 * place or day is another event's that tells no figure.
 */
export const stanceHome = <F>(homes: readonly Draft<F>[], d: Draft<F>, undated: DateRange | null = null): number | null => {
  const own = d.places.filter((p) => !p.reference);
  const sameDay = (h: Draft<F>) => { const hd = h.date ?? undated; return !d.date || !hd || overlaps(d.date, hd, 0); };
  const k = homes.findIndex((h) => own.length > 0 && shareSpecific(h.places, own) && sameDay(h));
  if (k >= 0) return k;
  const main = homes[0];
  if (!main || !sameDay(main)) return null;
  const specific = specificOf(own);
  return specific.length === 0 || specificOf(main.places).length === 0 ? 0 : null;
};
