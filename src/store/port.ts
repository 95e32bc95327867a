/**
 * The incident store's port: what incremental reconciliation needs from a database, as an
 * interface a backend implements (the DuckDB adapter in src/cli/store/, an in-memory one in
 * src/store/memory.ts). Types only: nothing here touches a file, a database or the clock.
 */
import type { Incident, Warning } from '../model/contract.js';
import type { AggregateClaim, ExtractWarning, Mention, Stance } from '../model/claim.js';
import type { Report } from '../model/report.js';
import type { FeatureRecord } from './features.js';
import type { MentionKeys, Probe } from './probe.js';

/** Bumped when the tables change shape; a store written by a newer schema is refused. */
export const STORE_SCHEMA_VERSION = 1;

/** A report as stored: the record needed to extract it again, and what extraction gave besides its mentions. */
export type StoredReport = {
  readonly report: Report;
  /** hash of the record (not of where it was read from): the same report added twice is recognised */
  readonly contentHash: string;
  readonly aggregates: readonly AggregateClaim[];
  readonly looseStances: readonly Stance[];
  readonly warnings: readonly ExtractWarning[];
  /** what the reader said about this report (notices such as html-markup, dropped fields), so export says it as run does */
  readonly readWarnings?: readonly Warning[];
};

/**
 * An event mention as read back: the connected component of the mergeable-pair graph it
 * belongs to (named by its smallest mention id) and its incident (null when its cluster is
 * not an incident: no toll, and the rules drop those).
 */
export type LoadedMention = {
  readonly mention: Mention;
  readonly component: string;
  readonly incidentId: string | null;
};

/** A mention as written: with its blocking keys and clustering features (both under the store's rules). */
export type StoredMention = LoadedMention & { readonly keys: MentionKeys; readonly features: FeatureRecord };

/** A stored mention a probe found: its features (enough to compare it with new ones) and component. */
export type Candidate = { readonly features: FeatureRecord; readonly component: string };

/** Where a stored mention now belongs. */
export type MentionPlace = { readonly id: string; readonly component: string; readonly incidentId: string | null };

export const HISTORY_EVENTS = ['added', 'rules-changed', 'created', 'grown', 'changed', 'split', 'merged', 'removed'] as const;
export type HistoryEventKind = (typeof HISTORY_EVENTS)[number];

/**
 * One line of history. `incidentId` is the incident the event is about; `otherId` is where
 * a split part went (split) or the incident a retired id merged into (merged). The backend
 * adds the batch number, the rules hash and the time.
 */
export type HistoryEvent = {
  readonly event: HistoryEventKind;
  readonly incidentId: string | null;
  readonly otherId: string | null;
  /** mentions of the incident before and after the change (or moved, for a split part) */
  readonly before: number | null;
  readonly after: number | null;
  readonly detail: string;
};

/** A written history line, as read back. */
export type HistoryRecord = HistoryEvent & { readonly seq: number; readonly batch: number; readonly rulesHash: string; readonly at: string };

/**
 * Everything one `add` changes, applied in one transaction: all of it or none.
 * - `add`: new reports and mentions; stored mentions that moved; incidents rewritten or removed.
 * - `replace`: the rules changed: every report, mention and incident is written anew.
 */
export type ChangeSet = {
  readonly kind: 'add' | 'replace';
  readonly rulesHash: string;
  readonly reports: readonly StoredReport[];
  readonly mentions: readonly StoredMention[];
  readonly moved: readonly MentionPlace[];
  /** incident ids whose rows go (retired, or rewritten below) */
  readonly removedIncidents: readonly string[];
  readonly incidents: readonly Incident[];
  readonly history: readonly HistoryEvent[];
};

export type StoreMeta = {
  readonly schemaVersion: number;
  /** the rule set the stored incidents were reconciled under (null: nothing stored yet) */
  readonly rulesHash: string | null;
  readonly batches: number;
};

/** Everything `export` needs. */
export type StoreContent = {
  readonly reports: readonly StoredReport[];
  readonly mentions: readonly Mention[];
  readonly incidents: readonly Incident[];
};

/** A change to the decisions table: a decision stored for the first time, or again with other content. */
export type DecisionChange = {
  readonly decisionId: string;
  readonly kind: string;
  readonly who: string;
  /** the decision's own `when` */
  readonly when: string;
  readonly change: 'added' | 'changed';
  /** the decision as stored before (null: new) and after */
  readonly before: unknown;
  readonly after: unknown;
};

/** A line of the decisions table, as read back: the backend adds the order and the time it was stored. */
export type DecisionRecord = DecisionChange & { readonly seq: number; readonly recordedAt: string };

export type IncidentStore = {
  readonly meta: () => Promise<StoreMeta>;
  /** content hashes of the stored reports among these ids */
  readonly reportHashes: (ids: readonly string[]) => Promise<ReadonlyMap<string, string>>;
  /** stored mentions whose keys meet the probe (see probe.ts for the rule), sorted by id */
  readonly candidates: (probe: Probe) => Promise<readonly Candidate[]>;
  /** every stored mention of these components, sorted by id */
  readonly components: (components: readonly string[]) => Promise<readonly LoadedMention[]>;
  /** which of these incident ids were ever given (each has a 'created' line in the history) */
  readonly takenIds: (ids: readonly string[]) => Promise<ReadonlySet<string>>;
  /** every stored report and mention (to reconcile again under other rules) */
  readonly everything: () => Promise<{ readonly reports: readonly StoredReport[]; readonly mentions: readonly LoadedMention[] }>;
  readonly content: () => Promise<StoreContent>;
  readonly history: () => Promise<readonly HistoryRecord[]>;
  /** the decisions table: every decision as stored, with its earlier versions, in order */
  readonly decisions: () => Promise<readonly DecisionRecord[]>;
  /** append to the decisions table in one transaction (creating the store's tables when new) */
  readonly recordDecisions: (changes: readonly DecisionChange[]) => Promise<void>;
  /** write the change set in one transaction; returns the batch number it was given */
  readonly apply: (changes: ChangeSet) => Promise<number>;
};
