/**
 * An in-memory IncidentStore: the port's reference behaviour, for tests and as the model
 * the DuckDB adapter is checked against. A change set is applied to a copy and swapped in,
 * so a failing apply leaves the state as it was. The clock is given.
 */
import type { Incident } from '../model/contract.js';
import type { ChangeSet, DecisionRecord, HistoryRecord, IncidentStore, StoredMention, StoredReport } from './port.js';
import { STORE_SCHEMA_VERSION } from './port.js';
import { meets } from './probe.js';

type State = {
  readonly rulesHash: string | null;
  readonly batches: number;
  readonly reports: ReadonlyMap<string, StoredReport>;
  readonly mentions: ReadonlyMap<string, StoredMention>;
  readonly incidents: ReadonlyMap<string, Incident>;
  readonly history: readonly HistoryRecord[];
  readonly decisions: readonly DecisionRecord[];
};

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export type MemoryStore = IncidentStore & { readonly state: () => State };

export const memoryStore = (now: () => string = () => '1970-01-01T00:00:00.000Z'): MemoryStore => {
  let state: State = { rulesHash: null, batches: 0, reports: new Map(), mentions: new Map(), incidents: new Map(), history: [], decisions: [] };
  const sortedMentions = (pred: (s: StoredMention) => boolean): StoredMention[] =>
    [...state.mentions.values()].filter(pred).sort((p, q) => cmp(p.mention.id, q.mention.id));
  return {
    state: () => state,
    meta: async () => ({ schemaVersion: STORE_SCHEMA_VERSION, rulesHash: state.rulesHash, batches: state.batches }),
    reportHashes: async (ids) => new Map(ids.flatMap((id) => {
      const r = state.reports.get(id);
      return r ? [[id, r.contentHash] as const] : [];
    })),
    candidates: async (probe) => {
      const hit = meets(probe);
      return sortedMentions((s) => probe.mentions.some((n) => hit(s.keys, n))).map((s) => ({ features: s.features, component: s.component }));
    },
    components: async (components) => {
      const want = new Set(components);
      return sortedMentions((s) => want.has(s.component));
    },
    takenIds: async (ids) => {
      // Every id ever given has a 'created' line in the history.
      const ever = new Set(state.history.flatMap((h) => (h.event === 'created' && h.incidentId !== null ? [h.incidentId] : [])));
      return new Set(ids.filter((id) => ever.has(id)));
    },
    everything: async () => ({
      reports: [...state.reports.values()].sort((p, q) => cmp(p.report.id, q.report.id)),
      mentions: sortedMentions(() => true),
    }),
    content: async () => ({
      reports: [...state.reports.values()].sort((p, q) => cmp(p.report.id, q.report.id)),
      mentions: sortedMentions(() => true).map((s) => s.mention),
      incidents: [...state.incidents.values()],
    }),
    history: async () => state.history,
    decisions: async () => state.decisions,
    recordDecisions: async (changes) => {
      const at = now();
      state = { ...state, decisions: [...state.decisions, ...changes.map((c, k) => ({ ...c, seq: state.decisions.length + k + 1, recordedAt: at }))] };
    },
    apply: async (c: ChangeSet) => {
      const batch = state.batches + 1;
      const replace = c.kind === 'replace';
      const reports = new Map(replace ? [] : state.reports);
      const mentions = new Map(replace ? [] : state.mentions);
      const incidents = new Map(replace ? [] : state.incidents);
      for (const r of c.reports) reports.set(r.report.id, r);
      for (const m of c.mentions) mentions.set(m.mention.id, m);
      for (const p of c.moved) {
        const m = mentions.get(p.id);
        if (!m) throw new Error(`moved mention ${p.id} is not stored`);
        mentions.set(p.id, { ...m, component: p.component, incidentId: p.incidentId });
      }
      for (const id of c.removedIncidents) incidents.delete(id);
      for (const i of c.incidents) incidents.set(i.id, i);
      const at = now();
      const seq = state.history.length;
      const history = [...state.history, ...c.history.map((h, k) => ({ ...h, seq: seq + k + 1, batch, rulesHash: c.rulesHash, at }))];
      state = { rulesHash: c.rulesHash, batches: batch, reports, mentions, incidents, history, decisions: state.decisions };
      return batch;
    },
  };
};
