/**
 * Generators of scenarios under a rule set. A scene first picks a few of the rules' places
 * (mostly from one governorate), sources, actors and a day; mentions then draw on the scene
 * and on the date window, so that merges, near-misses and clashes are frequent.
 */
import fc from 'fast-check';
import type { Qualifier, StanceKind } from '../model/contract.js';
import type { Mention, PlaceRef, Stance, TollClaim } from '../model/claim.js';
import type { Place, Rules } from '../rules/schema.js';
import { readable, showScenario, type CodedDraft, type Scenario, type TextDraft } from './scenario.js';
import { textOf } from './text.js';
import { vocabularyOf, type Vocabulary } from './vocabulary.js';

type Scene = {
  readonly day: string;
  /** places of one governorate, the first the most used */
  readonly local: readonly PlaceRef[];
  /** a place elsewhere, and perhaps an unresolved name */
  readonly others: readonly PlaceRef[];
  readonly sources: readonly string[];
  readonly actors: readonly string[];
};

export type ClaimSpec = Omit<TollClaim, 'id' | 'reportId' | 'quote' | 'span' | 'partOf'>;
type StanceSpec = Pick<Stance, 'source' | 'via' | 'actor' | 'stance'>;
type MentionSpec = {
  readonly date: readonly [number, number] | null;
  readonly places: readonly PlaceRef[];
  readonly claims: readonly ClaimSpec[];
  readonly stances: readonly StanceSpec[];
  readonly targets: readonly string[];
};

const DAYS = ['2015-12-06', '2017-06-26', '2018-07-12', '2018-11-04', '2022-08-24'];
const QUALIFIERS: readonly Qualifier[] = ['exact', 'exact', 'exact', 'at-least', 'about', 'more-than', 'up-to'];
const STANCES: readonly StanceKind[] = ['asserts', 'likely', 'possible', 'acknowledges', 'denies'];

export const addDays = (iso: string, n: number): string => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Some of xs (between min and max of them, as far as xs allows), in random order. */
const someOf = <T>(xs: readonly T[], min: number, max: number): fc.Arbitrary<T[]> =>
  fc.shuffledSubarray([...xs], { minLength: Math.min(min, xs.length), maxLength: Math.min(max, xs.length) });

const refOf = (p: Place): PlaceRef => ({ id: p.id, name: p.name, governorate: p.governorate, span: null });

const sceneOf = (v: Vocabulary): fc.Arbitrary<Scene> => fc.record({
  day: fc.constantFrom(...DAYS),
  local: v.placesByGovernorate.length ? fc.constantFrom(...v.placesByGovernorate).chain((list) => someOf(list, 1, 3)) : fc.constant<Place[]>([]),
  outsider: someOf(v.placesByGovernorate.flat(), 0, 1),
  unresolved: fc.boolean(),
  sources: someOf(v.sources, 1, 4),
  actors: someOf(v.actors, 1, 3),
}).map(({ day, local, outsider, unresolved, sources, actors }) => ({
  day, sources, actors, local: local.map(refOf),
  others: [...outsider.map(refOf), ...(unresolved && local[0] ? [{ id: null, name: local[0].name, governorate: null, span: null }] : [])],
}));

const claimOf = (v: Vocabulary, scene: Scene): fc.Arbitrary<ClaimSpec> => fc.record({
  outcome: fc.constantFrom('killed', 'killed', 'injured') as fc.Arbitrary<ClaimSpec['outcome']>,
  group: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...v.groups.slice(0, 2)) }, { weight: 2, arbitrary: fc.constantFrom(...v.groups) }),
  side: fc.option(fc.constantFrom(...scene.actors), { nil: null }),
  value: fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0, max: 60 }) },
    { weight: 1, arbitrary: v.numberValues.length ? fc.constantFrom(...v.numberValues) : fc.integer({ min: 0, max: 1000 }) },
    { weight: 1, arbitrary: fc.constant(null) },
  ),
  qualifier: fc.constantFrom(...QUALIFIERS),
  mayRise: fc.boolean(),
  vagueMin: fc.constantFrom(...v.vagueMins, null),
  source: fc.constantFrom(...scene.sources),
  via: v.relays.length ? fc.option(fc.constantFrom(...v.relays), { nil: null, freq: 3 }) : fc.constant(null),
}).map(({ side, value, qualifier, vagueMin, ...c }) => ({
  ...c, value, affiliation: c.group === 'combatants' ? side : null,
  qualifier: value === null ? 'vague' : qualifier, vagueMin: value === null ? vagueMin : null,
}));

const stanceOf = (v: Vocabulary, scene: Scene): fc.Arbitrary<StanceSpec> => fc.record({
  actor: fc.constantFrom(...scene.actors),
  stance: fc.constantFrom(...STANCES),
  source: fc.constantFrom(...scene.sources),
  via: v.relays.length ? fc.option(fc.constantFrom(...v.relays), { nil: null, freq: 4 }) : fc.constant(null),
});

/** Dates as day offsets from the scene's day, around the date window. */
const dateOf = (window: number): fc.Arbitrary<readonly [number, number] | null> => fc.oneof(
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 6, arbitrary: fc.constant([0, 0] as const) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: window + 3 }).map((d): readonly [number, number] => [d, d]) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 0, max: window + 3 }), fc.integer({ min: 1, max: 4 })).map(([d, n]): readonly [number, number] => [d, d + n]) },
);

const mentionOf = (v: Vocabulary, scene: Scene, window: number): fc.Arbitrary<MentionSpec> => fc.record({
  date: dateOf(window),
  places: fc.oneof(
    { weight: 1, arbitrary: fc.constant([]) },
    { weight: 7, arbitrary: fc.constant(scene.local.slice(0, 1)) },
    { weight: 2, arbitrary: someOf(scene.local, 1, 2) },
    { weight: 1, arbitrary: someOf([...scene.local, ...scene.others], 1, 2) },
  ),
  claims: fc.array(claimOf(v, scene), { maxLength: 4 }),
  stances: fc.array(stanceOf(v, scene), { maxLength: 2 }),
  targets: fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: someOf(v.targets.slice(0, 2), 1, 1) }),
});

/** A claim with a span unique in its report (spans and ids are what identify claims). */
export const toClaim = (reportId: string, at: number, c: ClaimSpec): TollClaim => ({
  ...c, id: `${reportId}:${at}-${at + 5}:${c.outcome}/${c.group}/${c.affiliation ?? ''}`, reportId,
  quote: `claim ${at}`, span: [at, at + 5], partOf: null,
});

const toMention = (scene: Scene, reportId: string, ordinal: number, publishedAt: string | null, m: MentionSpec): Mention => {
  const base = ordinal * 1000;
  return {
    id: `${reportId}#${ordinal}`, reportId, ordinal, publishedAt,
    date: m.date ? { start: addDays(scene.day, m.date[0]), end: addDays(scene.day, m.date[1]) } : null,
    places: m.places,
    claims: m.claims.map((c, k) => toClaim(reportId, base + k * 10, c)),
    stances: m.stances.map((s, k) => {
      const at = base + 500 + k * 10;
      return { ...s, id: `${reportId}:${at}-${at + 5}:${s.actor}/${s.stance}`, reportId, quote: `stance ${at}`, span: [at, at + 5] };
    }),
    targets: m.targets,
  };
};

const REPORT_IDS = ['r1', 'r2', 'r3', 'r4'];

const codedOf = (v: Vocabulary, scene: Scene, window: number): fc.Arbitrary<CodedDraft[]> => fc.record({
  published: fc.tuple(...REPORT_IDS.map(() => fc.option(fc.integer({ min: 0, max: window + 2 }), { nil: null, freq: 6 }))),
  mentions: fc.array(fc.tuple(fc.constantFrom(...REPORT_IDS), mentionOf(v, scene, window)), { maxLength: 9 }),
  aggregates: fc.array(fc.tuple(fc.constantFrom(...REPORT_IDS), claimOf(v, scene)), { maxLength: 2 }),
}).map(({ published, mentions, aggregates }) => REPORT_IDS.flatMap((id, r): CodedDraft[] => {
  const publishedAt = published[r] === null || published[r] === undefined ? null : addDays(scene.day, published[r]!);
  const ms = mentions.filter(([rid]) => rid === id).map(([, m], k) => toMention(scene, id, k, publishedAt, m));
  const ags = aggregates.filter(([rid]) => rid === id).map(([, c], k) => toClaim(id, 900_000 + k * 10, c));
  return ms.length || ags.length ? [{ kind: 'coded', id, publishedAt, mentions: ms, aggregates: ags }] : [];
}));

const textsOf = (v: Vocabulary, scene: Scene): fc.Arbitrary<TextDraft[]> =>
  fc.tuple(...v.languages.map((lv) => fc.option(fc.record({
    text: textOf(lv),
    published: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null, freq: 5 }),
    outlet: fc.option(fc.constantFrom(...scene.sources), { nil: null }),
  }), { nil: null }).map((t): TextDraft[] => (t === null ? [] : [{
    kind: 'text', id: `t-${lv.language}`, language: lv.language, text: t.text, outlet: t.outlet,
    publishedAt: t.published === null ? null : addDays(scene.day, t.published),
  }])))).map((lists) => lists.flat());

/** Scenarios under a rule set: coded reports, and at most one text per language of the rules. */
export const scenarioOf = (rules: Rules, vocabulary: Vocabulary = vocabularyOf(rules)): fc.Arbitrary<Scenario> =>
  sceneOf(vocabulary).chain((scene) => fc.tuple(codedOf(vocabulary, scene, rules.clustering.dateWindowDays), textsOf(vocabulary, scene)))
    .map(([coded, texts]) => readable<Scenario>({ reports: [...coded, ...texts] }, showScenario));

/** A claim to add to one mention of a scenario (the index wraps around the scenario's mentions). */
export type ExtraClaim = { readonly at: number; readonly claim: ClaimSpec };

/** An added claim as one line: where it goes and what it states ("add to mention #3: killed/civilians=12 about (sohr via afp)"). */
export const showExtraClaim = (e: ExtraClaim): string => {
  const c = e.claim;
  return `add to mention #${e.at} (of the clustered mentions, wrapping): ${c.outcome}/${c.group}${c.affiliation ? `/${c.affiliation}` : ''}=`
    + `${c.value ?? `~${String(c.vagueMin)}`}${c.qualifier === 'exact' || c.qualifier === 'vague' ? '' : ` ${c.qualifier}`}${c.mayRise ? ' may-rise' : ''}`
    + ` (${c.source}${c.via ? ` via ${c.via}` : ''})`;
};

export const extraClaimOf = (rules: Rules, vocabulary: Vocabulary = vocabularyOf(rules)): fc.Arbitrary<ExtraClaim> =>
  sceneOf(vocabulary).chain((scene) => fc.record({ at: fc.nat(), claim: claimOf(vocabulary, scene) }))
    .map((x) => readable(x, showExtraClaim));
