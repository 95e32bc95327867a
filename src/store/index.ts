/**
 * The incident store: incremental reconciliation with stable incident ids behind a port
 * (port.ts) that a database adapter implements. Pure apart from the port it is given.
 */
export { addReports, reconcileAgain, reportHash, StoreCode } from './ingest.js';
export type { AddSummary, StoreRules } from './ingest.js';
export { assignStableIds, freshId } from './ids.js';
export type { Lineage, StableIds } from './ids.js';
export { exportOutput } from './export.js';
export { memoryStore } from './memory.js';
export type { MemoryStore } from './memory.js';
export { ANY_PLACE, meets, mentionKeys, probeOf } from './probe.js';
export type { MentionKeys, Probe } from './probe.js';
export { clusterRegion, mergeable, touchedComponents } from './region.js';
export { fromFeatureRecord, toFeatureRecord } from './features.js';
export type { FeatureRecord } from './features.js';
export { HISTORY_EVENTS, STORE_SCHEMA_VERSION } from './port.js';
export type { Candidate, ChangeSet, HistoryEvent, HistoryEventKind, HistoryRecord, IncidentStore, LoadedMention, MentionPlace, StoreContent, StoreMeta, StoredMention, StoredReport } from './port.js';
export { currentDecisions, decisionChanges, exportDecided, withFile } from './decisions.js';
export type { DecisionChange, DecisionRecord } from './port.js';
