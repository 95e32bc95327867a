/**
 * Reports as the engine sees them, and the structured (hand-coded) input format.
 * Structured records are validated with these schemas; raw text files become
 * Reports through the reader in src/read.
 */
import { z } from 'zod';
import { DateRange, Group, IsoDate, Outcome, Qualifier, Span, StanceKind } from './contract.js';

/** A report after reading: text (possibly empty) plus metadata, and where it came from. */
export type Report = {
  readonly id: string;
  readonly publishedAt: string | null;
  readonly outlet: string | null;
  readonly language: string;
  readonly url: string | null;
  readonly text: string | null;
  /** hand-coded claims and stances from structured input; when present, text is not extracted */
  readonly coded: CodedReportContent | null;
  /** file (and record) the report came from, for located messages */
  readonly origin: string;
  /** the text is an HTML page (as read): extraction reads its article text, offsets kept (src/read/html.ts) */
  readonly markup?: 'html';
};

const nonEmpty = z.string().trim().min(1, 'expected a non-empty string');
const dateish = z.union([IsoDate, DateRange]);

/** One hand-coded toll claim. `event` groups claims of one report into one event mention. */
export const CodedClaim = z.object({
  source: nonEmpty,
  via: z.string().nullable().default(null),
  outcome: Outcome,
  group: Group,
  affiliation: z.string().nullable().default(null),
  value: z.number().int('expected a whole number of people').nonnegative('a toll cannot be negative').nullable(),
  qualifier: Qualifier.default('exact'),
  mayRise: z.boolean().default(false),
  quote: z.string(),
  span: Span,
  event: z.string().default(''),
  date: dateish.nullable().optional(),
  places: z.array(z.string()).optional(),
  aggregate: z.boolean().default(false),
  /** index (in this report's claims) of the whole this claim is a part of ("بينهم") */
  partOf: z.number().int().nonnegative().nullable().optional(),
});
export type CodedClaim = z.infer<typeof CodedClaim>;

export const CodedStance = z.object({
  source: nonEmpty,
  via: z.string().nullable().default(null),
  actor: nonEmpty,
  stance: StanceKind,
  quote: z.string(),
  span: Span,
  event: z.string().default(''),
});
export type CodedStance = z.infer<typeof CodedStance>;

export type CodedReportContent = {
  readonly claims: readonly CodedClaim[];
  readonly stances: readonly CodedStance[];
};

/** A structured report record (.json array/object or one .ndjson line). */
export const StructuredReport = z.object({
  id: nonEmpty,
  publishedAt: IsoDate.nullable().optional(),
  outlet: z.string().nullable().optional(),
  language: z.string().default('und'),
  url: z.string().nullable().optional(),
  text: z.string().optional(),
  claims: z.array(z.unknown()).optional(),
  stances: z.array(z.unknown()).optional(),
}).refine((r) => r.text !== undefined || r.claims !== undefined, {
  message: 'a report needs text, claims, or both',
});
export type StructuredReport = z.infer<typeof StructuredReport>;

/** Metadata for a raw text file, from reports.json or front matter. */
export const ReportMeta = z.object({
  id: nonEmpty.optional(),
  publishedAt: IsoDate.nullable().optional(),
  outlet: z.string().nullable().optional(),
  language: z.string().optional(),
  url: z.string().nullable().optional(),
}).passthrough();
export type ReportMeta = z.infer<typeof ReportMeta>;
