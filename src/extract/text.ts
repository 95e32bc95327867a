/**
 * A raw report becomes event mentions: each sentence is read for claims, stances,
 * places and dates, then sentences are grouped in order into the events they tell.
 * A new event starts at a list item, or where a sentence's places or dates cannot
 * be those of the event being told. Totals over periods go to aggregates.
 */
import type { DateRange } from '../model/contract.js';
import type { Extraction, HarmAssessment, Mention, PlaceRef, Stance, TollClaim } from '../model/claim.js';
import type { Report } from '../model/report.js';
import type { Actor } from '../rules/schema.js';
import type { Folded } from '../text/normalise.js';
import type { DraftClaim } from './claims.js';
import { sideBefore } from './claims.js';
import { readConstructions } from './constructions.js';
import type { DateMention } from './dates.js';
import { windowBefore } from './dates.js';
import { areaPlace, capitalizedPlaces, cueAt, placesAgree } from './grouping.js';
import type { Kit } from './kit.js';
import { nextToken, prevToken } from './lexicon.js';
import type { PlaceMatch } from './places.js';
import type { Speaker, SentenceSpeakers, SpeakerContext } from './speakers.js';
import { claimSpeakerAt, emptyContext, findSpeakers, joinBrokenNames, speakerAt, unlistedNames } from './speakers.js';
import { withoutArticles } from './speaker-kit.js';
import type { DraftAssessment, DraftStance } from './stances.js';
import { readStances } from './stances.js';
import type { Sentence, Token } from './tokens.js';
import { copiedFrom, relayChain } from './relays.js';
import { cuesEvent, inert } from './gate.js';
import { restateClaims, restateStances } from './restate.js';
import type { Draft as SegmentDraft, Segmentable } from './segment.js';
import { clauseParts, draftDate, foldUndated, outsideSpeakers, segmenter, speakerSpans, stanceHome } from './segment.js';
import { NO_TOTALS, continuesTotal, sinceCompared, totalCues, wholesOfTotals, withinDayAt } from './totals.js';
import { spanOf, splitSentences, tokenize } from './tokens.js';

/** What a sentence tells: what segmentation reads (segment.ts `Segmentable`), and who speaks, totals, cues and targets. */
type Facts = Omit<Segmentable, 'assessments'> & {
  readonly speakers: SentenceSpeakers;
  /** stances in the reach of a period or tally cue (with `aggregateClaims`): totals over many events */
  readonly aggregateStances: readonly DraftStance[];
  /** belligerents' own word on civilian harm (stances.yaml grammar: assessments) */
  readonly assessments: readonly DraftAssessment[];
  readonly eventContent: boolean;
  readonly mayRise: boolean;
  readonly targets: readonly string[];
};

type Draft = SegmentDraft<Facts>;

/** Which tokens of the sentence the cues of totals reach (a total's claims, stances and places). */
const reachOfCues = (kit: Kit, tokens: readonly Token[], s: Sentence, ctx: {
  cues: readonly number[]; composed: ReturnType<typeof totalCues>; dates: readonly DateMention[]; claims: readonly DraftClaim[];
}): { reached: (i: number) => boolean; clauseOf: (i: number) => number } => {
  const { cues, composed, dates, claims } = ctx;
  // a cue reaches its own clause and everything after it in the sentence; where each token's
  // clause starts is worked out once per sentence (asking per claim and cue was quadratic)
  const clauseStarts = new Int32Array(s.to - s.from);
  const isMark = (k: number) => k >= s.from && k < s.to && tokens[k]!.kind === 'punct' && kit.clausePunct.has(tokens[k]!.text);
  // a date set off by commas ("قتل 18 مدنيا، الخميس، في غارات على مناطق عدة") is an aside, not a clause of its own
  const asideEnds = new Set(dates.filter((d) => isMark(d.from - 1) && isMark(d.to + 1)).flatMap((d) => [d.from - 1, d.to + 1]));
  for (let a = s.from, i = s.from; i < s.to; i++) {
    if (i > s.from && isMark(i - 1) && !asideEnds.has(i - 1)) a = i;
    clauseStarts[i - s.from] = a;
  }
  const clauseOf = (i: number) => (i >= s.from && i < s.to ? clauseStarts[i - s.from]! : i);
  // a cue reaches no further than a later clause dated to one day ("since April …, and on 22 July a strike killed 39")
  const datedBetween = (p: number, i: number) => dates.some((d) => d.precision === 'day' && d.from > p && d.from < i && clauseOf(d.from) !== clauseOf(p));
  // a relative clause set off by commas ("the Observatory, which relies on sources across Syria, put the toll at 61")
  // tells of what it follows: a cue there reaches its own clause only
  const speakerEndsAt = (e: number) => { for (let k = Math.max(s.from, e - 6); k <= e; k++) if (kit.sources.matchAt(tokens, k, e + 1)?.to === e) return true; return false; };
  const inAside = (p: number) => {
    const a = clauseOf(p);
    return a > s.from + 1 && kit.asideOpeners.matchAt(tokens, a, s.to) !== null && speakerEndsAt(a - 2);
  };
  const reachedByCue = (i: number) => (composed.wholeSentence && cues.length > 0) || composed.reachBack.length > 0
    || cues.some((p) => clauseOf(p) === clauseOf(i) || (p <= i && !datedBetween(p, i) && !inAside(p)));
  // a whole whose part is a total is a total too (src/extract/totals.ts)
  const reachedClaims = wholesOfTotals(claims, (c) => reachedByCue(c.from));
  const reachedFrom = new Set([...reachedClaims].map((c) => c.from));
  const reached = (i: number) => reachedByCue(i) || reachedFrom.has(i);
  return { reached, clauseOf };
};

/** What an inert sentence tells: only who speaks. */
const quiet = (s: Sentence, speakers: SentenceSpeakers): Facts => ({
  s, speakers, claims: [], stances: [], places: [], dates: [], dateMentions: [], aggregateClaims: [], aggregateStances: [], assessments: [], targets: [],
  mayRise: false, newEvent: false, sameDay: false, recalled: new Set(), eventContent: false,
});

/** "since" (or "since" and one word) before the date: a period from it, unless the date is a time of
 *  the last day ("منذ فجر اليوم", "since dawn on Sunday": one wave of strikes). */
const sinceBefore = (kit: Kit, tokens: readonly Token[], s: Sentence, d: DateMention): boolean => {
  const p = prevToken(tokens, d.from, s.from);
  if (p < s.from) return false;
  const at = (k: number) => (k >= s.from ? kit.since.matchAt(tokens, k, s.to) : null);
  const since = at(p) ?? at(prevToken(tokens, p, s.from));
  return since !== null && !withinDayAt(kit, tokens, nextToken(tokens, since.to, s.to), s.to);
};

const readSentence = (kit: Kit, tokens: readonly Token[], s: Sentence, report: Report, previous: SpeakerContext, voice: Speaker, previousSide: Actor | null, gate: boolean): Facts => {
  const speakers = findSpeakers(kit, tokens, s, previous, voice, { text: report.text ?? '', folded: foldedOf(tokens) });
  // a sentence no reader can start in tells nothing (src/extract/gate.ts)
  if (gate && inert(kit, tokens, s)) return quiet(s, speakers);
  const claims = readConstructions(kit, tokens, s, previousSide);
  const consumed = claims.map((c): [number, number] => [c.from, c.to]);
  const { stances, assessments } = readStances(kit, tokens, s, speakers, voice, consumed);
  // no claim, no stance and no assessment: only "may rise" or an attack cue could still count
  if (gate && !claims.length && !stances.length && !assessments.length && !cuesEvent(kit, tokens, s)) return quiet(s, speakers);
  const places = outsideSpeakers(capitalizedPlaces(kit, report.text ?? '', foldedOf(tokens), tokens)(kit.places.findAll(foldedOf(tokens), tokens, s.from, s.to, report.text ?? '')), speakerSpans(speakers));
  const dates = kit.dates.findAll(tokens, s.from, s.to, report.publishedAt);
  const has = (lex: { matchAt: (t: readonly Token[], i: number, l?: number) => unknown }) => {
    for (let i = s.from; i < s.to; i++) if (lex.matchAt(tokens, i, s.to)) return true;
    return false;
  };
  const sinceDate = (d: DateMention) => sinceBefore(kit, tokens, s, d);
  const statement = {
    speech: kit.speech, complementizers: kit.complementizers, attackCues: kit.attackCues, attackNouns: kit.attackNouns,
    points: speakers.points.map((pt) => ({ at: pt.at, verbAt: pt.verbAt, name: pt.alias ? { from: pt.alias.from, to: pt.alias.to } : null })),
  };
  const speechDate = (d: DateMention) => kit.dates.datesStatement(tokens, s, d, statement);
  // cues of totals: periods ("منذ اندلاعه"), "since" + a date, a tally verb before a count of events
  const positions = (lex: { matchAt: (t: readonly Token[], i: number, l?: number) => unknown }) => {
    const out: number[] = [];
    for (let i = s.from; i < s.to; i++) if (lex.matchAt(tokens, i, s.to)) out.push(i);
    return out;
  };
  // a tally counts events and then their victims ("أحصى المرصد 5 استهدافات ... بمقتل 11"); a count
  // of strikes after the only figure is the cause of one event ("مقتل 6 ... جراء أكثر من 3 ضربات")
  const eventCountAfter = (p: number) => {
    for (let i = p; i < s.to; i++) {
      const f = kit.numbers.readAt(tokens, i, s.to);
      if (f && f.value !== null && f.value >= 2 && kit.eventNouns.matchAt(tokens, nextToken(tokens, f.to, s.to), s.to)) {
        return claims.some((c) => c.from > f.to);
      }
    }
    return false;
  };
  // only figures and stances become totals: a sentence with neither needs no composed cue
  const composed = claims.length || stances.length ? totalCues(kit, tokens, s, { dates, places }) : NO_TOTALS;
  const cues = [
    // after a superlative or an ordinal ("the deadliest since 2017", "الأعنف حتى الآن") a period compares, it counts nothing
    ...positions(kit.periods).filter((p) => !sinceCompared(kit, tokens, s, p)),
    ...dates.filter(sinceDate).map((d) => prevToken(tokens, d.from, s.from)).filter((p) => !sinceCompared(kit, tokens, s, p)),
    ...positions(kit.tally).filter(eventCountAfter),
    ...composed.cues,
  ];
  const { reached, clauseOf } = reachOfCues(kit, tokens, s, { cues, composed, dates, claims });
  const pastAt = positions(kit.past);
  const past = pastAt.length > 0;
  const firstPast = past ? pastAt[0]! : Infinity;
  const aggregateClaims = claims.filter((c) => reached(c.from));
  // a sentence that only names who struck several places ("the enemy carried out an aggression targeting
  // several areas in Damascus") tells one wave of strikes: a scope over places totals figures, not stances
  const scopeOnly = claims.length === 0 && cues.length > 0 && cues.every((p) => composed.scopes.includes(p));
  const aggregateStances = scopeOnly ? [] : stances.filter((st) => reached(st.from));
  const eventClaims = claims.filter((c) => !reached(c.from));
  const eventStances = scopeOnly ? stances : stances.filter((st) => !reached(st.from));
  // "on the same day", "في اليوم ذاته": a date word inside the cue ("اليوم") dates nothing
  const sameDay = cueAt(kit.sameDay, tokens, s);
  const dated = dates
    .filter((d) => !sameDay || d.to < sameDay.from || d.from > sameDay.to)
    .filter((d) => d.range && d.precision !== 'year' && !sinceDate(d));
  // the day a source spoke dates no event, but bounds the one it tells (src/extract/segment.ts)
  const said = dated.filter((d) => d.precision === 'day' && !reached(d.from) && speechDate(d)).map((d) => d.range!);
  const eventDates = dated.filter((d) => !speechDate(d))
    // a day in a clause after every cue ends their reach, as it does for the figures after it
    .filter((d) => !(past && eventClaims.length === 0) && (!reached(d.from) || (d.precision === 'day' && cues.length > 0 && !composed.wholeSentence && !composed.reachBack.length && cues.every((p) => p < d.from && clauseOf(p) !== clauseOf(d.from)))));
  const targets = kit.targets.findAll(tokens, s.from, s.to).map((m) => kit.matcher.folding.fold(m.value));
  const eventPlaces = cues.length ? places.filter((p) => !reached(p.from)) : places;
  return {
    s, speakers, claims: eventClaims, stances: eventStances, places: eventPlaces, dates: eventDates.map((d) => d.range!), dateMentions: eventDates, aggregateClaims, aggregateStances, assessments, targets,
    mayRise: has(kit.mayRise), said,
    newEvent: cueAt(kit.newEvent, tokens, s) !== null || sameDay !== null,
    sameDay: sameDay !== null,
    recalled: new Set(eventClaims.filter((c) => firstPast < c.from)),
    eventContent: eventClaims.length > 0 || eventStances.length > 0 || assessments.length > 0
      || (positions(kit.attackCues).some((i) => !reached(i)) && (eventPlaces.length > 0 || eventDates.length > 0)),
  };
};

/** How many tokens after its figure the place of a per-place list may stand ("35 قتيلا في بلدة X"). */
const PLACE_REACH = 5;

/** The sentence continues a total told just before by the same sources (src/extract/totals.ts). */
const carriesTotal = (kit: Kit, tokens: readonly Token[], f: Facts, voice: Speaker, sources: ReadonlySet<string>): boolean => {
  // the same source, or (after a back reference or in a per-place list) the report's own voice going on with it
  const said = f.claims.map((c) => speakerAt(f.speakers, c.from, voice).source);
  if (!f.claims.length || f.newEvent || !said.every((src) => sources.has(src) || src === voice.source)) return false;
  const sameSource = said.every((src) => sources.has(src));
  const figures = [...f.claims].sort((p, q) => p.from - q.from);
  // a per-place list: figures that are no part of one another, each with its own place right after it ("35 in X, 12 in Y")
  const own = figures.filter((c) => c.partOf === null).map((c, k, xs) => f.places.find((p) =>
    p.from > c.to && p.from <= c.to + PLACE_REACH && p.from < (xs[k + 1]?.from ?? f.s.to)));
  const placed = new Set(own.flatMap((p) => (p ? [p.ref.id ?? p.ref.name] : [])));
  let attack = false;
  for (let i = f.s.from; i < f.s.to && !attack; i++) attack = kit.attackCues.matchAt(tokens, i, f.s.to) !== null;
  return continuesTotal(kit, tokens, f.s, {
    firstFigure: figures[0]!.from, placesBetweenFigures: figures.length >= 2 ? placed.size : 0,
    places: f.places.length, dates: f.dates.length, attack, sameSource,
  });
};

/** The whole, told in the sentence before, that a sentence's figures break down by place (`breakdownOf`). */
const WHOLE_BEFORE = new WeakMap<DraftClaim, DraftClaim>();

/**
 * A sentence that breaks down by place a whole told in the sentence before, by the same source
 * ("… killed 57 fighters. It said 26 of the dead were killed near X, 15 around Y and 16 near Z"):
 * its first figure is partitive ("26 of …"), its figures are of the whole's outcome, each smaller
 * (two at least at places of their own), and together no more than the whole; it names no day of its own.
 * They are parts of that whole (of its group, when they name none), in its event: never a
 * revision of it and never a whole of their own.
 */
const breakdownOf = (kit: Kit, tokens: readonly Token[], f: Facts, before: Facts | undefined, voice: Speaker): Facts => {
  if (!before || before.s.index !== f.s.index - 1 || f.claims.length < 2 || f.dates.length || f.newEvent) return f;
  const whole = before.claims.filter((c) => c.partOf === null && c.value !== null).sort((p, q) => q.value! - p.value!)[0];
  if (!whole) return f;
  const figures = [...f.claims].sort((p, q) => p.from - q.from);
  const source = speakerAt(before.speakers, whole.from, voice).source;
  const fits = figures.every((c) => c.partOf === null && c.outcome === whole.outcome && c.value !== null && c.value < whole.value!
    && speakerAt(f.speakers, c.from, voice).source === source);
  // at least two of them at places the gazetteer knows (a village it lacks leaves its figure unplaced)
  const placed = figures.filter((c, k) => f.places.some((p) => p.from >= c.to && p.from <= c.to + PLACE_REACH && p.from < (figures[k + 1]?.from ?? f.s.to)));
  const sum = figures.reduce((n, c) => n + (c.value ?? 0), 0);
  const first = kit.numbers.readAt(tokens, figures[0]!.from, f.s.to);
  const partitive = first !== null && kit.partitive.matchAt(tokens, nextToken(tokens, first.to, f.s.to), f.s.to) !== null;
  if (!fits || placed.length < 2 || sum > whole.value! || !partitive) return f;
  const parts = new Map(f.claims.map((c) => {
    const part: DraftClaim = c.group === 'all' ? { ...c, group: whole.group, affiliation: whole.affiliation } : { ...c };
    WHOLE_BEFORE.set(part, whole);
    return [c, part] as const;
  }));
  return { ...f, claims: f.claims.map((c) => parts.get(c)!), recalled: new Set([...f.recalled].map((c) => parts.get(c) ?? c)), hangsBefore: true };
};

const asTotal = (f: Facts): Facts => ({
  ...f, claims: [], aggregateClaims: [...f.aggregateClaims, ...f.claims], recalled: new Set(), eventContent: f.stances.length > 0,
});

// the folded text travels with the tokens of one extraction
const FOLDED = new WeakMap<readonly Token[], Folded>();
const foldedOf = (tokens: readonly Token[]): Folded => FOLDED.get(tokens)!;


/** A report's text as the extractor reads it: folded, tokenized, split into sentences. */
export const readText = (kit: Kit, report: Report): { folded: Folded; tokens: readonly Token[]; sentences: readonly Sentence[] } => {
  const text = report.text ?? '';
  // page furniture (captions, "Read also", bylines, datelines) is blanked: it tells no event
  const { fold, foldWithMap } = kit.matcher.folding;
  const folded = kit.furniture(text, foldWithMap(text));
  // a line break inside a source's name ends no sentence
  const tokens = joinBrokenNames(kit, tokenize(folded.text, kit.tokenOptions));
  FOLDED.set(tokens, folded);
  const script = kit.lang.script;
  const sentences = splitSentences(tokens, script.sentenceEnds.map(fold), script.listMarkers.map(fold), new Set(script.abbreviations.map(fold)));
  return { folded, tokens, sentences };
};

/** `gate` false reads every sentence, inert or not (`--no-gate`). */
export const extractText = (kit: Kit, report: Report, gate = true): Extraction => {
  const { folded, tokens, sentences } = readText(kit, report);
  // a republished story speaks with the voice of the outlet it came from
  const copy = copiedFrom(kit, tokens);
  const voice: Speaker = { source: copy ?? report.outlet ?? 'unattributed', via: null, kind: 'voice' };
  const agree = placesAgree(areaPlace(kit, tokens, 0));

  const events = segmenter<Facts>(agree, report.publishedAt, kit.lang.dates.sameEventToleranceDays, kit.lang.dates.undatedWindowDays);
  const aggregates: Facts[] = [];
  let previous: SpeakerContext = emptyContext;
  let previousSide: Actor | null = null;
  let total: { index: number; sources: ReadonlySet<string> } | null = null;
  for (const s of sentences) {
    const read = readSentence(kit, tokens, s, report, previous, voice, previousSide, gate);
    // a total's scope carries over to the next sentence of the same source (src/extract/totals.ts)
    const f: Facts = total && s.index === total.index + 1 && carriesTotal(kit, tokens, read, voice, total.sources) ? asTotal(read) : read;
    total = f.aggregateClaims.length && !f.claims.length
      ? { index: s.index, sources: new Set(f.aggregateClaims.map((c) => speakerAt(f.speakers, c.from, voice).source)) } : null;
    previous = f.speakers.context;
    previousSide = sideBefore(kit, tokens, s.from, s.to) ?? previousSide;
    if (f.aggregateClaims.length || f.aggregateStances.length) aggregates.push(f);
    if (!f.eventContent) {
      const current = events.current();
      if (f.mayRise && current) current.facts.push({ ...f, claims: [], stances: [], places: [], dates: [], dateMentions: [], aggregateClaims: [], aggregateStances: [], assessments: [], recalled: new Set() });
      continue;
    }
    // a sentence may tell more than one event, and date one from another (src/extract/segment.ts)
    const told = events.current()?.facts;
    events.add(clauseParts(kit, tokens, breakdownOf(kit, tokens, f, told?.[told.length - 1], voice), agree), s.listItem);
  }
  return assemble(kit, report, folded, tokens, foldUndated(events.drafts), aggregates, voice, copy, unlistedNames(previous));
};

/** Each actor's names, folded, for an unlisted speaker whose name is one ("Hezbollah said …"). */
const ACTOR_NAMES = new WeakMap<Kit, ReadonlyMap<string, string>>();
const actorNames = (kit: Kit): ReadonlyMap<string, string> => {
  let made = ACTOR_NAMES.get(kit);
  if (!made) {
    const fold = (x: string) => kit.matcher.words(x).join(' ');
    made = new Map([...kit.actorsById.values()].flatMap((a) => Object.values(a.aliases).flat().map((n) => [fold(n), a.id] as const)));
    ACTOR_NAMES.set(kit, made);
  }
  return made;
};

/** The side a speaker speaks for: a listed source's first `speaksFor`, or the actor an unlisted speaker's name is. */
const sideOfSpeaker = (kit: Kit, source: string, names: ReadonlyMap<string, string>): string | null => {
  const listed = kit.sourcesById.get(source);
  if (listed) return listed.speaksFor[0] ?? null;
  const name = names.get(source);
  if (!name) return null;
  const words = kit.matcher.words(name);
  return actorNames(kit).get(words.join(' ')) ?? actorNames(kit).get(withoutArticles(kit, words).join(' ')) ?? null;
};

/** How a sentence's drafts become the claims, stances and assessments of the output, with ids, spans, quotes and relay chains. */
const converters = (kit: Kit, report: Report, folded: Folded, tokens: readonly Token[], voice: Speaker, copy: string | null, names: ReadonlyMap<string, string>) => {
  // an unlisted source carries its name as written
  const nameOf = (source: string): { sourceName?: string } => (names.has(source) ? { sourceName: names.get(source)! } : {});
  const chainOf = (source: string, via: string | null): string[] => relayChain(source, via, copy, report.outlet);
  // a sentence long enough that finding it word for word in another report means it was copied
  // (once per sentence, not once per claim of it)
  const keys = new Map<Facts, { sentenceKey?: string }>();
  const sentenceKey = (f: Facts): { sentenceKey?: string } => {
    const known = keys.get(f);
    if (known) return known;
    const words = tokens.slice(f.s.from, f.s.to).filter((t) => t.kind === 'word' || t.kind === 'number').map((t) => t.text);
    const key = words.length >= kit.lang.sources.copyMinWords ? { sentenceKey: words.join(' ') } : {};
    keys.set(f, key);
    return key;
  };
  const toClaims = (f: Facts, which: 'event' | 'aggregate' = 'event'): TollClaim[] => {
    const all = [...f.claims, ...f.aggregateClaims];
    const chosen = new Set(which === 'event' ? f.claims : f.aggregateClaims);
    // a part may come before its whole in the sentence's list (a construction read the whole later)
    const idOf = (c: DraftClaim) => {
      const span = spanOf(folded, tokens, c.from, c.to);
      return `${report.id}:${span[0]}-${span[1]}:${c.outcome}/${c.group}/${c.affiliation ?? '-'}`;
    };
    const ids = all.map(idOf);
    // a part of a whole told in the sentence before (breakdownOf)
    const partOf = (c: DraftClaim): string | null => (c.partOf !== null ? ids[c.partOf] ?? null : WHOLE_BEFORE.has(c) ? idOf(WHOLE_BEFORE.get(c)!) : null);
    return all.map((c, k) => {
      const sp = claimSpeakerAt(f.speakers, c.from, voice);
      const span = spanOf(folded, tokens, c.from, c.to);
      const id = ids[k]!;
      const chain = chainOf(sp.source, sp.via);
      // "the group said the raid killed four of its fighters": the speaker's own side
      const affiliation = c.ownSide && c.group === 'combatants' && c.affiliation === null ? sideOfSpeaker(kit, sp.source, names) : c.affiliation;
      return {
        id, reportId: report.id, source: sp.source, ...nameOf(sp.source), via: chain[1] ?? null, relayChain: chain, outcome: c.outcome, group: c.group, affiliation,
        value: c.value, qualifier: c.qualifier, mayRise: f.mayRise && c.outcome === 'killed', quote: (report.text ?? '').slice(span[0], span[1]), span,
        partOf: partOf(c), vagueMin: c.vagueMin, keep: chosen.has(c), ...(c.rule ? { rule: c.rule } : {}),
        ...(c.superseded ? { superseded: true } : {}),
        ...sentenceKey(f),
      };
    }).filter((c) => c.keep).map(({ keep: _keep, ...c }) => c);
  };
  const toStances = (f: Facts, which: 'event' | 'aggregate' = 'event'): Stance[] => (which === 'event' ? f.stances : f.aggregateStances).map((st) => {
    const span = spanOf(folded, tokens, st.from, st.to);
    return {
      id: `${report.id}:${span[0]}-${span[1]}:${st.actor}/${st.stance}/${st.source}`, reportId: report.id, source: st.source, ...nameOf(st.source),
      via: chainOf(st.source, st.via)[1] ?? null, relayChain: chainOf(st.source, st.via), actor: st.actor, stance: st.stance,
      quote: (report.text ?? '').slice(span[0], span[1]), span, ...(st.rule ? { rule: st.rule } : {}),
      ...sentenceKey(f),
    };
  });
  const toAssessments = (f: Facts): HarmAssessment[] => f.assessments.map((a) => {
    const span = spanOf(folded, tokens, a.from, a.to);
    return {
      id: `${report.id}:${span[0]}-${span[1]}:${a.actor}/${a.assessment}/${a.source}`, reportId: report.id, source: a.source, ...nameOf(a.source),
      actor: a.actor, assessment: a.assessment, quote: (report.text ?? '').slice(span[0], span[1]), span, rule: a.rule,
    };
  });
  return { toClaims, toStances, toAssessments };
};

const assemble = (kit: Kit, report: Report, folded: Folded, tokens: readonly Token[], drafts: readonly Draft[], aggregates: readonly Facts[], voice: Speaker, copy: string | null, names: ReadonlyMap<string, string> = new Map()): Extraction => {
  const { toClaims, toStances, toAssessments } = converters(kit, report, folded, tokens, voice, copy, names);
  const mentions: Mention[] = [];
  const looseStances: Stance[] = [];
  // stances told without a figure, and the draft of each mention (src/extract/segment.ts)
  const figureFree: { draft: Draft; stances: Stance[]; assessments: HarmAssessment[] }[] = [];
  const homes: Draft[] = [];
  const headline = (f: Facts) => f.s.index === 0 && tokens[f.s.to]?.kind === 'newline';
  // only a news outlet's headline speaks for the body's sources; a source's own headline is its claim
  const relaying = (kit.sourcesById.get(voice.source)?.kind ?? 'outlet') === 'outlet' ? voice.source : null;
  for (const d of drafts) {
    const claims = restateClaims(relaying, d.facts.map((f) => ({ claims: toClaims(f), headline: headline(f), recalled: f.claims.map((c) => f.recalled.has(c)) })));
    const { kept: stances, dropped } = restateStances(relaying, d.facts.map((f) => ({ stances: toStances(f), headline: headline(f) })));
    looseStances.push(...dropped);
    if (!claims.length) {
      const assessments = d.facts.flatMap(toAssessments);
      if (stances.length || assessments.length) figureFree.push({ draft: d, stances, assessments });
      continue;
    }
    homes.push(d);
    // "the toll may rise" said later of this event marks the killed figures of that speaker
    const risers = new Set(d.facts.filter((f) => f.mayRise).map((f) => speakerAt(f.speakers, f.s.to, voice).source));
    const marked = claims.map((c) => (c.outcome === 'killed' && risers.has(c.source) ? { ...c, mayRise: true } : c));
    const ordinal = mentions.length + 1;
    const date = draftDate(d, report.publishedAt, kit.lang.dates.undatedWindowDays);
    mentions.push({
      id: `${report.id}#${ordinal}`, reportId: report.id, ordinal, publishedAt: report.publishedAt, date,
      places: dedupePlaces(d.places.map((p) => p.ref)), claims: dedupeClaims(marked), stances: dedupeStances(stances),
      ...assessmentsOf(d.facts.flatMap(toAssessments)),
      targets: [...new Set(d.facts.flatMap((f) => f.targets))].sort(),
    });
  }
  for (const { draft, stances, assessments } of figureFree) {
    const undated = report.publishedAt ? windowBefore(report.publishedAt, kit.lang.dates.undatedWindowDays) : null;
    const k = stanceHome(homes, draft, undated);
    // a report that tells no figure (a belligerent's denial, a statement) still tells who did what
    // where: its event is a mention without claims, for clustering to join to the event it is about
    if (k === null && !homes.length && draft.places.length) {
      const ordinal = mentions.length + 1;
      mentions.push({
        id: `${report.id}#${ordinal}`, reportId: report.id, ordinal, publishedAt: report.publishedAt, date: draftDate(draft, report.publishedAt, kit.lang.dates.undatedWindowDays),
        places: dedupePlaces(draft.places.map((p) => p.ref)), claims: [], stances: dedupeStances(stances), ...assessmentsOf(assessments), targets: [],
      });
    } else if (k === null) looseStances.push(...stances);
    else mentions[k] = { ...mentions[k]!, stances: dedupeStances([...mentions[k]!.stances, ...stances]), ...assessmentsOf([...(mentions[k]!.assessments ?? []), ...assessments]) };
  }
  const aggregateClaims = aggregates.flatMap((f) => toClaims(f, 'aggregate')).filter((c) => c.value !== null);
  looseStances.push(...aggregates.flatMap((f) => toStances(f, 'aggregate')));
  return { mentions, aggregates: dedupeClaims(aggregateClaims), looseStances: dedupeStances(looseStances), warnings: [] };
};

const dedupePlaces = (ps: readonly PlaceRef[]): PlaceRef[] => {
  const seen = new Map<string, PlaceRef>();
  for (const p of ps) if (!seen.has(p.id ?? p.name)) seen.set(p.id ?? p.name, p);
  return [...seen.values()];
};
const dedupeClaims = (cs: readonly TollClaim[]): TollClaim[] => [...new Map(cs.map((c) => [c.id, c])).values()];
const dedupeStances = (ss: readonly Stance[]): Stance[] => [...new Map(ss.map((s) => [s.id, s])).values()];
/** a mention's assessments, once each; none, no field */
const assessmentsOf = (as: readonly HarmAssessment[]): { assessments?: HarmAssessment[] } => (as.length ? { assessments: [...new Map(as.map((a) => [a.id, a])).values()] } : {});
