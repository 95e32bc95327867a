/**
 * Claims and event mentions: what extraction (or hand coding) yields per report,
 * and what clustering joins into incidents.
 */
import type { DateRange, Group, HarmAssessmentKind, Outcome, Qualifier, Span, StanceKind } from './contract.js';

/** A place reference resolved against the gazetteer (or left unresolved: id null). */
export type PlaceRef = {
  readonly id: string | null;
  readonly name: string;
  readonly governorate: string | null;
  readonly span: Span | null;
};

/** A casualty figure stated by one source in one report. */
export type TollClaim = {
  /** `${reportId}:${span[0]}-${span[1]}:${outcome}/${group}/${affiliation}`: unique and order-free */
  readonly id: string;
  readonly reportId: string;
  readonly source: string;
  /** extra: an unlisted source's (`unlisted:<slug>`) name as written */
  readonly sourceName?: string;
  readonly via: string | null;
  /** extra: who carried it to the reader, source first ("sohr", "afp", "the-new-arab") */
  readonly relayChain?: readonly string[];
  readonly outcome: Outcome;
  readonly group: Group;
  readonly affiliation: string | null;
  readonly value: number | null;
  readonly qualifier: Qualifier;
  readonly mayRise: boolean;
  readonly quote: string;
  readonly span: Span;
  /** id of the claim this one is a part of ("54 killed, among them 28 civilians") */
  readonly partOf: string | null;
  /** lower bound a vague quantity stands for (rules: vague words), null when value is stated */
  readonly vagueMin: number | null;
  /** extra: an earlier figure the source itself revised in the same report ("risen to 31, up from 18") */
  readonly superseded?: boolean;
  /** extra: implausible beside the incident's other figures of its category (rules: limits.outlierFactor); to review */
  readonly review?: boolean;
  /** extra: not the toll of the whole event for its group (src/reconcile/hierarchy.ts partialWholes) */
  readonly notWhole?: boolean;
  /** extra: the construction that read the claim (rules/languages/<lang>/constructions.yaml), or "core" */
  readonly rule?: string;
  /** the folded words of its sentence, when long enough to tell a copied sentence from a common one */
  readonly sentenceKey?: string;
  /** extra: the report's other statements of this same claim (a headline repeating the body's figure) */
  readonly restatements?: readonly { readonly quote: string; readonly span: Span }[];
};

/** Who carried out the attack, according to one source. */
export type Stance = {
  readonly id: string;
  readonly reportId: string;
  readonly source: string;
  /** extra: an unlisted source's (`unlisted:<slug>`) name as written */
  readonly sourceName?: string;
  readonly via: string | null;
  /** extra: who carried it to the reader, source first */
  readonly relayChain?: readonly string[];
  /** the folded words of its sentence, when long enough to tell a copied sentence from a common one */
  readonly sentenceKey?: string;
  readonly actor: string;
  readonly stance: StanceKind;
  readonly quote: string;
  readonly span: Span;
  /** the construction that read it (rules/languages/<lang>/), or "core" */
  readonly rule?: string;
};

/** What a belligerent says about civilian harm from its own strike (Airwars' belligerent assessment), apart from who struck. */
export type HarmAssessment = {
  readonly id: string;
  readonly reportId: string;
  readonly source: string;
  readonly sourceName?: string;
  /** the belligerent the assessment is about, usually the speaker's own side */
  readonly actor: string;
  readonly assessment: HarmAssessmentKind;
  readonly quote: string;
  readonly span: Span;
  readonly rule?: string;
};

/** One event as one report tells it: the unit clustering joins across reports. */
export type Mention = {
  /** `${reportId}#${ordinal}` for extracted text, `${reportId}#${event key}` for hand-coded claims */
  readonly id: string;
  readonly reportId: string;
  readonly ordinal: number;
  readonly publishedAt: string | null;
  readonly date: DateRange | null;
  readonly places: readonly PlaceRef[];
  readonly claims: readonly TollClaim[];
  readonly stances: readonly Stance[];
  /** what belligerents said about civilian harm in this event */
  readonly assessments?: readonly HarmAssessment[];
  /** content words about the target ("prison", "camp", "ice factory") for comparison */
  readonly targets: readonly string[];
};

/** A total over many events: never joins an incident. */
export type AggregateClaim = TollClaim;

export type ExtractWarning = { readonly reportId: string; readonly code: string; readonly message: string; readonly location?: string };

export type Extraction = {
  readonly mentions: readonly Mention[];
  readonly aggregates: readonly AggregateClaim[];
  /** stances found outside any event that has a toll: counted, not reconciled */
  readonly looseStances: readonly Stance[];
  readonly warnings: readonly ExtractWarning[];
};
