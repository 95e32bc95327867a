/**
 * The decisions file (README "Reviewing"): what analysts decided about the machine's
 * reading, as data that survives re-runs. Every decision names its anchor by report id and
 * quote (and the span when known), never by an internal id, so it still finds its claim or
 * incident after the rules, and so the extraction, change.
 */
import { z } from 'zod';
import { type DecisionKind, DecisionKind as DecisionKinds, Group, Outcome, Qualifier } from '../model/contract.js';

const text = z.string().trim().min(1, 'expected a non-empty string');
const span = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()])
  .refine(([a, b]) => a <= b, { message: 'a span is [start, end] with start ≤ end' });

/** A claim by where it is read: the report, the quote (any part of the claim's text), its span when given. */
export const ClaimAnchor = z.object({
  report: text,
  quote: text,
  span: span.optional(),
  /** to choose among the claims one quote holds ("5 killed and 10 wounded") */
  outcome: Outcome.optional(),
  group: Group.optional(),
}).strict();
export type ClaimAnchor = z.infer<typeof ClaimAnchor>;

/** One event of a report, by a quote of its (a claim or a stance of that event). */
export const MemberAnchor = z.object({ report: text, quote: text, span: span.optional() }).strict();
export type MemberAnchor = z.infer<typeof MemberAnchor>;

/** An incident, by its member reports and quotes: the incident that holds them. */
export const IncidentAnchor = z.object({ members: z.array(MemberAnchor).min(1, 'an incident is anchored by at least one member (report and quote)') }).strict();
export type IncidentAnchor = z.infer<typeof IncidentAnchor>;

/** `when`: an ISO date or date and time (YAML may read an unquoted date as a date). */
const when = z.union([z.string(), z.date()]).transform((v) => (v instanceof Date ? v.toISOString() : v))
  .refine((v) => /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(v), { message: 'expected an ISO date (2024-05-01) or date and time' });

const common = {
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'an id is letters, digits, . _ or -, starting with a letter or digit'),
  who: text,
  when,
  why: text,
};

/** The fields a correction may replace, and an added claim must (mostly) give. */
const ClaimFields = {
  source: text.optional(),
  via: text.nullable().optional(),
  outcome: Outcome.optional(),
  group: Group.optional(),
  affiliation: text.nullable().optional(),
  value: z.number().int().nonnegative().nullable().optional(),
  qualifier: Qualifier.optional(),
};

export const RejectClaim = z.object({ ...common, kind: z.literal('reject-claim'), claim: ClaimAnchor }).strict();
export const CorrectClaim = z.object({
  ...common, kind: z.literal('correct-claim'), claim: ClaimAnchor,
  set: z.object(ClaimFields).strict().refine((s) => Object.keys(s).length > 0, { message: 'set needs at least one field to replace' }),
}).strict();
export const AddClaim = z.object({
  ...common, kind: z.literal('add-claim'),
  /** where the claim is read: report and quote (the quote must be in the report's text) */
  claim: MemberAnchor,
  add: z.object({ ...ClaimFields, source: text, outcome: Outcome, group: Group, value: z.number().int().nonnegative().nullable() }).strict(),
}).strict();
export const SameIncident = z.object({
  ...common, kind: z.literal('same-incident'),
  members: z.array(MemberAnchor).min(2, 'same-incident joins at least two members'),
}).strict();
export const DifferentIncidents = z.object({
  ...common, kind: z.literal('different-incidents'),
  /** every two of them are in different incidents */
  members: z.array(MemberAnchor).min(2, 'different-incidents keeps at least two members apart'),
}).strict();
export const SetAttribution = z.object({
  ...common, kind: z.literal('set-attribution'), incident: IncidentAnchor,
  actor: text,
  status: z.enum(['uncontested', 'contested', 'unclear']).default('uncontested'),
  belligerent: z.enum(['known', 'suspected']).optional(),
}).strict();
export const SetGrade = z.object({
  ...common, kind: z.literal('set-grade'), incident: IncidentAnchor,
  grade: z.enum(['confirmed', 'fair', 'weak', 'contested']),
}).strict();
export const Note = z.object({
  ...common, kind: z.literal('note'),
  incident: IncidentAnchor.optional(),
  claim: ClaimAnchor.optional(),
}).strict().refine((n) => (n.incident === undefined) !== (n.claim === undefined), { message: 'a note is anchored to an incident or to a claim (one of them)' });

/** The schema of each kind (the file is validated decision by decision, by its kind). */
export const SCHEMAS = {
  'reject-claim': RejectClaim, 'correct-claim': CorrectClaim, 'add-claim': AddClaim, 'same-incident': SameIncident,
  'different-incidents': DifferentIncidents, 'set-attribution': SetAttribution, 'set-grade': SetGrade, note: Note,
} as const satisfies Record<DecisionKind, z.ZodTypeAny>;
export type RejectClaim = z.infer<typeof RejectClaim>;
export type CorrectClaim = z.infer<typeof CorrectClaim>;
export type AddClaim = z.infer<typeof AddClaim>;
export type SameIncident = z.infer<typeof SameIncident>;
export type DifferentIncidents = z.infer<typeof DifferentIncidents>;
export type SetAttribution = z.infer<typeof SetAttribution>;
export type SetGrade = z.infer<typeof SetGrade>;
export type Note = z.infer<typeof Note>;
/** A decision as validated, with where it is in its file (for warnings). */
export type Decision = (RejectClaim | CorrectClaim | AddClaim | SameIncident | DifferentIncidents | SetAttribution | SetGrade | Note) & {
  readonly location?: string;
};

export const DECISION_KINDS = DecisionKinds.options;

/** The file: a list of decisions, or `decisions:` with the list. */
export const DecisionsFile = z.union([
  z.object({ decisions: z.array(z.unknown()) }).strict(),
  z.array(z.unknown()),
]);
