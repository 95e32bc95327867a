/**
 * `add` over the store port: extract new reports, re-cluster only the stored components their
 * mentions reach, keep incident ids stable, and hand the store one change set (under other
 * rules than the store's, everything is reconciled again). All IO goes through the port.
 */
import { createHash } from 'node:crypto';
import { mentionFeatures, type Cluster, type MentionFeatures } from '../cluster/index.js';
import type { Incident, Warning } from '../model/contract.js';
import type { Mention } from '../model/claim.js';
import type { Report } from '../model/report.js';
import { extractAll, keepCluster, sortReports, type ExtractedReport } from '../pipeline.js';
import { incidentId } from '../reconcile/incident.js';
import { reconcileIncident } from '../reconcile/index.js';
import type { Rules } from '../rules/schema.js';
import { assignStableIds, type Lineage } from './ids.js';
import { toFeatureRecord } from './features.js';
import type { ChangeSet, HistoryEvent, IncidentStore, LoadedMention, MentionPlace, StoredReport } from './port.js';
import { mentionKeys, probeOf } from './probe.js';
import { clusterRegion, touchedComponents } from './region.js';

export type StoreRules = {
  readonly rules: Rules;
  readonly rulesHash: string;
  /** what the reader said while reading the reports added (kept with the reports they are about) */
  readonly readWarnings?: readonly Warning[];
};

/** A read warning is about a report when it names it, or is located in its file or record. */
const isAbout = (r: Report) => (w: Warning): boolean => {
  if (w.reportId !== null) return w.reportId === r.id;
  const at = w.location;
  if (at === undefined) return false;
  return at === r.origin || r.origin.startsWith(`${at}:`) || r.origin.startsWith(`${at}[`)
    || at.startsWith(`${r.origin}:`) || at.startsWith(`${r.origin} `);
};

export const StoreCode = {
  /** a report with this id is stored already, with other content: the stored one is kept */
  conflictingReport: 'stored-report-differs',
} as const;

export type AddSummary = {
  readonly batch: number;
  readonly added: number;
  /** reports already stored with the same content (nothing to do) */
  readonly alreadyStored: number;
  readonly warnings: readonly Warning[];
  /** history events of this add, by kind */
  readonly events: Readonly<Record<string, number>>;
  /** the store was written under other rules and was reconciled again */
  readonly rulesChanged: { readonly from: string; readonly to: string } | null;
  readonly mentionsReclustered: number;
};

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The record's content, not where it was read from: the same report from another file hashes the same. */
export const reportHash = (r: Report): string =>
  createHash('sha256').update(JSON.stringify([r.id, r.publishedAt, r.outlet, r.language, r.url, r.text, r.coded])).digest('hex').slice(0, 16);

const storedReport = (readOf: (r: Report) => readonly Warning[]) => ({ report, extraction: x }: ExtractedReport): StoredReport => {
  const read = readOf(report);
  return { report, contentHash: reportHash(report), aggregates: x.aggregates, looseStances: x.looseStances, warnings: x.warnings, ...(read.length ? { readWarnings: read } : {}) };
};

/** The read warnings of the reports being added, by report. */
const readOfNew = (ctx: StoreRules) => (r: Report): readonly Warning[] => (ctx.readWarnings ?? []).filter(isAbout(r));

/** The incidents a set of stored mentions belonged to. */
const lineages = (stored: readonly LoadedMention[]): Lineage[] => {
  const by = new Map<string, string[]>();
  for (const s of stored) {
    if (s.incidentId === null) continue;
    const l = by.get(s.incidentId);
    if (l) l.push(s.mention.id); else by.set(s.incidentId, [s.mention.id]);
  }
  return [...by].map(([id, ms]) => ({ incidentId: id, mentionIds: ms.sort(cmp) }));
};

/** Extraction warnings of the new reports, as contract warnings (run lists them too). */
const extractionWarnings = (extracted: readonly ExtractedReport[]): Warning[] => extracted.flatMap((e) => e.extraction.warnings.map((w) => ({
  reportId: w.reportId, code: w.code, message: w.message, ...(w.location === undefined ? {} : { location: w.location }),
})));

const tally = (events: readonly HistoryEvent[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const e of events) out[e.event] = (out[e.event] ?? 0) + 1;
  return out;
};

type Settled = {
  /** the incidents that are new or whose mentions changed (all of them, with `all`) */
  readonly incidents: readonly Incident[];
  /** ids of previous incidents that hold the same mentions as before */
  readonly unchanged: ReadonlySet<string>;
  readonly places: readonly MentionPlace[];
  readonly events: readonly HistoryEvent[];
  readonly previous: readonly Lineage[];
};

/**
 * Cluster a closed set of mentions, give the incidents stable ids against the incidents
 * those mentions were in, and reconcile the new or changed ones (all, with `all`: under new
 * rules every incident changes). Only the store's `takenIds` is asked.
 */
const settle = async (store: IncidentStore, { rules }: StoreRules, mentions: readonly Mention[], stored: readonly LoadedMention[], all: boolean): Promise<Settled> => {
  const region = clusterRegion(rules)(mentions);
  const kept: Cluster[] = region.clusters.filter(keepCluster(rules));
  const nextIds = kept.map((c) => c.mentions.map((m) => m.id));
  const taken = await store.takenIds(nextIds.map(incidentId));
  const previous = lineages(stored);
  const stable = assignStableIds(previous, nextIds, taken);
  const before = new Map(previous.map((l) => [l.incidentId, l.mentionIds.join('\n')]));
  const unchanged = new Set(stable.incidents.filter((l) => before.get(l.incidentId) === l.mentionIds.join('\n')).map((l) => l.incidentId));
  const reconcile = reconcileIncident(rules);
  const incidents = kept.flatMap((c, k) => {
    const id = stable.incidents[k]!.incidentId;
    return !all && unchanged.has(id) ? [] : [{ ...reconcile(c), id }];
  });
  const incidentOf = new Map<string, string>();
  stable.incidents.forEach((l) => l.mentionIds.forEach((m) => incidentOf.set(m, l.incidentId)));
  const places = mentions.map((m) => ({ id: m.id, component: region.componentOf.get(m.id)!, incidentId: incidentOf.get(m.id) ?? null }));
  return { incidents, unchanged, places, events: stable.events, previous };
};

/** Split the given reports into new ones, ones stored already, and ones whose id is stored with other content. */
const sortOut = async (store: IncidentStore, reports: readonly Report[]) => {
  const hashes = await store.reportHashes(reports.map((r) => r.id));
  const fresh: Report[] = [], warnings: Warning[] = [];
  let same = 0;
  for (const r of reports) {
    const h = hashes.get(r.id);
    if (h === undefined) fresh.push(r);
    else if (h === reportHash(r)) same++;
    else {
      warnings.push({ reportId: r.id, code: StoreCode.conflictingReport, location: r.origin,
        message: `a report with id '${r.id}' is stored already with other content; the stored one is kept` });
    }
  }
  return { fresh, same, warnings };
};

/** A mention's blocking keys and features under the rules, as the store keeps them. */
const indexed = (rules: Rules) => {
  const keys = mentionKeys(rules.clustering);
  return (f: MentionFeatures) => ({ keys: keys(f), features: toFeatureRecord(f) });
};

/** Ingest reports into the store: one transaction, incident ids kept stable, every change in the history. */
export const addReports = (store: IncidentStore, ctx: StoreRules) => async (reports: readonly Report[]): Promise<AddSummary> => {
  const meta = await store.meta();
  if (meta.rulesHash !== null && meta.rulesHash !== ctx.rulesHash) return reconcileAgain(store, ctx, meta.rulesHash)(reports);
  const { rules } = ctx;
  const { fresh, same, warnings } = await sortOut(store, reports);
  if (fresh.length === 0) return { batch: meta.batches, added: 0, alreadyStored: same, warnings, events: {}, rulesChanged: null, mentionsReclustered: 0 };
  const extracted = extractAll(rules)(sortReports(fresh));
  const newMentions = extracted.flatMap((e) => e.extraction.mentions);
  const newFeatures = newMentions.map(mentionFeatures(rules));
  const index = indexed(rules);
  const newIndex = new Map(newFeatures.map((f) => [f.mention.id, index(f)]));

  const candidates = newMentions.length ? await store.candidates(probeOf(rules.clustering)([...newIndex.values()].map((x) => x.keys))) : [];
  const stored = await store.components(touchedComponents(rules)(newFeatures, candidates));
  const settled = await settle(store, ctx, [...stored.map((s) => s.mention), ...newMentions], stored, false);

  const place = new Map(settled.places.map((p) => [p.id, p]));
  const added: HistoryEvent = { event: 'added', incidentId: null, otherId: null, before: null, after: null,
    detail: `${fresh.length} report(s), ${newMentions.length} mention(s); ${same} already stored; ${stored.length} stored mention(s) re-clustered` };
  const changes: ChangeSet = {
    kind: 'add',
    rulesHash: ctx.rulesHash,
    reports: extracted.map(storedReport(readOfNew(ctx))),
    mentions: newMentions.map((m) => ({ mention: m, ...newIndex.get(m.id)!, ...place.get(m.id)! })),
    moved: stored.map((s) => place.get(s.mention.id)!).filter((p, k) => p.component !== stored[k]!.component || p.incidentId !== stored[k]!.incidentId),
    removedIncidents: settled.previous.map((l) => l.incidentId).filter((id) => !settled.unchanged.has(id)),
    incidents: settled.incidents,
    history: [added, ...settled.events],
  };
  const batch = await store.apply(changes);
  return { batch, added: fresh.length, alreadyStored: same, warnings: [...warnings, ...extractionWarnings(extracted)], events: tally(settled.events), rulesChanged: null, mentionsReclustered: stored.length };
};

/**
 * The store was written under other rules: extract every stored report again (with the new
 * ones), cluster all, keep ids stable against the stored incidents, and replace everything.
 */
export const reconcileAgain = (store: IncidentStore, ctx: StoreRules, from: string) => async (reports: readonly Report[]): Promise<AddSummary> => {
  const { rules } = ctx;
  const { fresh, same, warnings } = await sortOut(store, reports);
  const all = await store.everything();
  const storedRead = new Map(all.reports.map((s) => [s.report.id, s.readWarnings ?? []]));
  const extracted = extractAll(rules)(sortReports([...all.reports.map((s) => s.report), ...fresh]));
  const mentions = extracted.flatMap((e) => e.extraction.mentions);
  const settled = await settle(store, ctx, mentions, all.mentions, true);
  const index = indexed(rules);
  const features = mentionFeatures(rules);
  const place = new Map(settled.places.map((p) => [p.id, p]));
  const history: HistoryEvent[] = [
    { event: 'rules-changed', incidentId: null, otherId: null, before: null, after: null,
      detail: `rules ${from} → ${ctx.rulesHash}: ${all.reports.length} stored report(s) extracted, clustered and reconciled again` },
    ...(fresh.length ? [{ event: 'added' as const, incidentId: null, otherId: null, before: null, after: null,
      detail: `${fresh.length} report(s), ${same} already stored` }] : []),
    ...settled.events,
  ];
  const changes: ChangeSet = {
    kind: 'replace',
    rulesHash: ctx.rulesHash,
    reports: extracted.map(storedReport((r) => storedRead.get(r.id) ?? readOfNew(ctx)(r))),
    mentions: mentions.map((m) => ({ mention: m, ...index(features(m)), ...place.get(m.id)! })),
    moved: [],
    removedIncidents: settled.previous.map((l) => l.incidentId),
    incidents: settled.incidents,
    history,
  };
  const batch = await store.apply(changes);
  const freshIds = new Set(fresh.map((r) => r.id));
  return { batch, added: fresh.length, alreadyStored: same, warnings: [...warnings, ...extractionWarnings(extracted.filter((e) => freshIds.has(e.report.id)))], events: tally(settled.events), rulesChanged: { from, to: ctx.rulesHash }, mentionsReclustered: all.mentions.length };
};
