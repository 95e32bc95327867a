/**
 * The public output contract (../shared/CONTRACT.md) as zod schemas.
 * Types are inferred from the schemas; other tools read exactly this shape.
 * Extra fields beyond the contract are allowed and marked as such below.
 */
import { z } from 'zod';

export const Outcome = z.enum(['killed', 'injured']);
export type Outcome = z.infer<typeof Outcome>;

export const Group = z.enum(['all', 'civilians', 'children', 'women', 'men', 'combatants']);
export type Group = z.infer<typeof Group>;

export const Qualifier = z.enum(['exact', 'at-least', 'about', 'more-than', 'up-to', 'vague']);
export type Qualifier = z.infer<typeof Qualifier>;

export const StanceKind = z.enum(['asserts', 'likely', 'possible', 'acknowledges', 'denies']);
export type StanceKind = z.infer<typeof StanceKind>;

export const Span = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()])
  .refine(([a, b]) => a <= b, { message: 'span end must not precede its start' });
export type Span = z.infer<typeof Span>;

/** A calendar date: YYYY-MM-DD with a month 01–12 and a day that month has (2018-02-30 is none). */
export const isCalendarDate = (s: string): boolean => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  return days !== undefined && d >= 1 && d <= days;
};

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected an ISO date YYYY-MM-DD', abort: true })
  .refine(isCalendarDate, { message: 'expected a calendar date YYYY-MM-DD (a month 01–12 and a day that month has)' });

export const DateRange = z.object({ start: IsoDate, end: IsoDate });
export type DateRange = z.infer<typeof DateRange>;

export const TollClaimOut = z.object({
  source: z.string(),
  /** extra: the name as written of a source the rules do not list (`source` is `unlisted:<slug>`) */
  sourceName: z.string().optional(),
  via: z.string().nullable(),
  reportId: z.string(),
  value: z.number().int().nonnegative().nullable(),
  qualifier: Qualifier,
  mayRise: z.boolean(),
  quote: z.string(),
  span: Span,
  /** extra: who carried the claim to the reader, source first (["sohr", "afp", "the-new-arab"]) */
  relayChain: z.array(z.string()).optional(),
  /** extra: an earlier figure the source revised in the same report ("up from 18"): in the range, never `best` */
  superseded: z.boolean().optional(),
  /** extra: many times every other figure of its category in the incident (rules: limits.outlierFactor): left out of
   *  the best estimate and of the sources' disagreement, with a warning, for a person to review */
  review: z.boolean().optional(),
  /** extra: a figure for part of the group beside a larger figure of the source's own for a part of it in the same
   *  event ("35 civilians and two others": the two are not all killed): listed, outside the range and the best */
  notWhole: z.boolean().optional(),
  /** extra: the construction that read the claim (rules/languages/<lang>/constructions.yaml), or "core" */
  rule: z.string().optional(),
  /** extra: the ids of the analysts' decisions that changed or added this claim (the decisions file) */
  decidedBy: z.array(z.string()).optional(),
  /** extra: where the report says this same claim again (a headline repeating the body's figure): one claim, said once */
  restatements: z.array(z.object({ quote: z.string(), span: Span })).optional(),
});
export type TollClaimOut = z.infer<typeof TollClaimOut>;

export const Toll = z.object({
  outcome: Outcome,
  group: Group,
  affiliation: z.string().nullable(),
  min: z.number().int().nonnegative(),
  max: z.number().int().nonnegative().nullable(),
  best: z.number().int().nonnegative().nullable(),
  claims: z.array(TollClaimOut),
  /** extra: true when no source states this category; figures come from other categories */
  derived: z.boolean().optional(),
  /** extra: for a derived toll, how it was derived ("killed/all − killed/civilians") */
  derivedFrom: z.string().optional(),
  /** extra: the best-estimate policy that chose `best` */
  bestPolicy: z.string().optional(),
  /** extra: the ids of the decisions that changed this toll's figures (a claim corrected, added or rejected) */
  decidedBy: z.array(z.string()).optional(),
});
export type Toll = z.infer<typeof Toll>;

export const StanceOut = z.object({
  source: z.string(),
  /** extra: the name as written of a source the rules do not list (`source` is `unlisted:<slug>`) */
  sourceName: z.string().optional(),
  via: z.string().nullable(),
  stance: StanceKind,
  reportId: z.string(),
  quote: z.string(),
  span: Span,
  /** extra: who carried the stance to the reader, source first */
  relayChain: z.array(z.string()).optional(),
  /** extra: the construction that read the stance (rules/languages/<lang>/), or "core" */
  rule: z.string().optional(),
});
export type StanceOut = z.infer<typeof StanceOut>;

export const Attribution = z.object({
  actor: z.string(),
  status: z.enum(['uncontested', 'contested', 'unclear']),
  stances: z.array(StanceOut),
  /** extra: "known" when a source asserts or the actor acknowledges it, "suspected" when sources only hedge ("believed to be") */
  belligerent: z.enum(['known', 'suspected']).optional(),
  /** extra: the ids of the decisions that set this attribution */
  decidedBy: z.array(z.string()).optional(),
});

/** What a belligerent says about civilian harm from its own strike (Airwars' belligerent assessment), apart from who struck. */
export const HarmAssessmentKind = z.enum(['acknowledges-harm', 'credible', 'non-credible', 'no-evidence', 'under-assessment', 'declined-to-comment']);
export type HarmAssessmentKind = z.infer<typeof HarmAssessmentKind>;

export const HarmAssessmentOut = z.object({
  /** the belligerent the assessment is about, usually the speaker's own side */
  actor: z.string(),
  source: z.string(),
  sourceName: z.string().optional(),
  assessment: HarmAssessmentKind,
  reportId: z.string(),
  quote: z.string(),
  span: Span,
  rule: z.string().optional(),
});
export type HarmAssessmentOut = z.infer<typeof HarmAssessmentOut>;
export type Attribution = z.infer<typeof Attribution>;

export const DisagreementKind = z.enum(['toll', 'attribution', 'place', 'date', 'existence']);
export type DisagreementKind = z.infer<typeof DisagreementKind>;

export const Disagreement = z.object({
  kind: DisagreementKind,
  outcome: z.string().optional(),
  group: z.string().optional(),
  affiliation: z.string().nullable().optional(),
  actor: z.string().optional(),
  sources: z.array(z.string()),
  summary: z.string(),
  /** extra: 'sources-differ' or 'revision' (one source changed its own figure) for toll disagreements */
  reason: z.string().optional(),
});
export type Disagreement = z.infer<typeof Disagreement>;

export const PlaceOut = z.object({ id: z.string(), name: z.string(), governorate: z.string().nullable() });
export type PlaceOut = z.infer<typeof PlaceOut>;

/**
 * extra: a place the reports name that the gazetteer does not have ("the village of Tal
 * Aqrabat", "قرية تل عقربات"): its names as written, the most named first, and the reports naming it.
 */
export const UnresolvedPlaceOut = z.object({ name: z.string(), names: z.array(z.string()), reportIds: z.array(z.string()) });
export type UnresolvedPlaceOut = z.infer<typeof UnresolvedPlaceOut>;

/** Airwars' grades (DOMAIN.md). 'discounted' came with schemaVersion 2 (CHANGELOG.md). */
export const Grade = z.enum(['confirmed', 'fair', 'weak', 'contested', 'discounted']);
export type Grade = z.infer<typeof Grade>;

export const PairExplanation = z.object({
  a: z.string(),
  b: z.string(),
  score: z.number(),
  levels: z.record(z.string(), z.string()),
  blockedBy: z.array(z.string()),
  decision: z.enum(['merged', 'kept-apart']),
  reason: z.string(),
});
export type PairExplanation = z.infer<typeof PairExplanation>;

/** extra: a claim an analyst rejected: out of the ranges, kept with its category and the decision. */
export const RejectedClaimOut = TollClaimOut.extend({
  outcome: Outcome,
  group: Group,
  affiliation: z.string().nullable(),
  decidedBy: z.array(z.string()),
});
export type RejectedClaimOut = z.infer<typeof RejectedClaimOut>;

export const DecisionKind = z.enum(['reject-claim', 'correct-claim', 'add-claim', 'same-incident', 'different-incidents', 'set-attribution', 'set-grade', 'note']);
export type DecisionKind = z.infer<typeof DecisionKind>;

/** extra: an analyst's decision as it applied to an incident (the decisions file, README "Reviewing"). */
export const DecisionOut = z.object({
  id: z.string(),
  kind: DecisionKind,
  who: z.string(),
  when: z.string(),
  why: z.string(),
});
export type DecisionOut = z.infer<typeof DecisionOut>;

/** extra: what became of each decision of the decisions file in this run. */
export const DecisionStatus = DecisionOut.extend({
  status: z.enum(['applied', 'stale', 'conflict']),
  /** the incidents it applied to */
  incidentIds: z.array(z.string()),
  /** why it is stale or in conflict */
  message: z.string().optional(),
  /** where it is in its file (file:line) */
  location: z.string().optional(),
});
export type DecisionStatus = z.infer<typeof DecisionStatus>;

export const Incident = z.object({
  id: z.string(),
  date: DateRange.nullable(),
  places: z.array(PlaceOut),
  reportIds: z.array(z.string()),
  tolls: z.array(Toll),
  attributions: z.array(Attribution),
  disagreements: z.array(Disagreement),
  /** extra: Airwars-style grade, rules in rules/reconcile.yaml */
  grade: Grade.optional(),
  /** extra: the event mentions (report-local events) this incident joins */
  mentionIds: z.array(z.string()).optional(),
  /** extra: places named that the gazetteer does not have; `places` holds gazetteer places only */
  unresolvedPlaces: z.array(UnresolvedPlaceOut).optional(),
  /** extra: what the belligerents said about civilian harm (apart from `attributions`) */
  harmAssessments: z.array(HarmAssessmentOut).optional(),
  /** extra: claims an analyst rejected (outside every toll), each with its decision */
  rejectedClaims: z.array(RejectedClaimOut).optional(),
  /** extra: the id of the decision that set `grade` */
  gradeDecidedBy: z.array(z.string()).optional(),
  /** extra: every analyst decision that applied to this incident */
  decisions: z.array(DecisionOut).optional(),
});
export type Incident = z.infer<typeof Incident>;

export const Aggregate = z.object({
  reportId: z.string(),
  source: z.string(),
  outcome: z.string(),
  group: z.string(),
  affiliation: z.string().nullable(),
  value: z.number(),
  quote: z.string(),
  span: Span,
});
export type Aggregate = z.infer<typeof Aggregate>;

export const Warning = z.object({
  reportId: z.string().nullable(),
  code: z.string(),
  message: z.string(),
  /** extra: where the problem is (file, record, field, offset) */
  location: z.string().optional(),
});
export type Warning = z.infer<typeof Warning>;

export const ReportOut = z.object({
  id: z.string(),
  publishedAt: z.string().nullable(),
  outlet: z.string().nullable(),
  language: z.string(),
});
export type ReportOut = z.infer<typeof ReportOut>;

/** extra: how every claim was accounted for; the numbers balance. */
export const Accounting = z.object({
  reportsRead: z.number().int(),
  reportsSkipped: z.number().int(),
  /** reportsSkipped by the code of the warning that says why */
  reportsSkippedBy: z.record(z.string(), z.number().int()).optional(),
  claimsExtracted: z.number().int(),
  claimsInIncidents: z.number().int(),
  claimsInAggregates: z.number().int(),
  stancesExtracted: z.number().int(),
  stancesInIncidents: z.number().int(),
  stancesWithoutIncident: z.number().int(),
  /** claims analysts rejected (out of the incidents' tolls, in their rejectedClaims) */
  claimsRejected: z.number().int().optional(),
  /** claims analysts added (in the incidents' tolls) */
  claimsAdded: z.number().int().optional(),
});
export type Accounting = z.infer<typeof Accounting>;

/** The version this engine writes: raised when a reader that knows only the older contract could misread the output
 *  (2: the grade enum gained 'discounted'). */
export const SCHEMA_VERSION = 2 as const;

export const Output = z.object({
  /** 2 since the grade 'discounted' (CHANGELOG.md); outputs of version 1 still read */
  schemaVersion: z.union([z.literal(1), z.literal(SCHEMA_VERSION)]),
  rulesHash: z.string(),
  reports: z.array(ReportOut),
  incidents: z.array(Incident),
  aggregates: z.array(Aggregate),
  warnings: z.array(Warning),
  accounting: Accounting.optional(),
  /** extra: what became of each analyst decision (given with --decisions, or stored) */
  decisions: z.array(DecisionStatus).optional(),
});
export type Output = z.infer<typeof Output>;
