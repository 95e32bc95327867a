/**
 * Shared by the store tests: generated reports (text, or hand-coded, read as the CLI reads
 * NDJSON), the one-shot pipeline result, and outputs with ids normalised to evidence hashes.
 */
import * as E from 'fp-ts/lib/Either.js';
import type { Output } from '../../src/model/contract.js';
import type { Report } from '../../src/model/report.js';
import { DEFAULT_OPTIONS, generateCorpus, ndjsonLines, vocabularyOf } from '../../src/generate/index.js';
import * as Pipeline from '../../src/pipeline.js';
import { readInputs } from '../../src/read/index.js';
import { incidentId } from '../../src/reconcile/incident.js';
import type { Rules } from '../../src/rules/schema.js';
import { shippedRules } from '../support/rules.js';

export const { rules, hash } = shippedRules();
const vocabulary = vocabularyOf(rules);
if (E.isLeft(vocabulary)) throw new Error(vocabulary.left.join('; '));

/** NDJSON text of a dense generated corpus (few weeks, few governorates: many joins, splits and merges). */
export const corpusLines = (seed: number, reports: number, days = 20, governorates: readonly string[] = ['idlib', 'aleppo'], codedEvery = 0): string[] => {
  const from = '2017-03-01';
  const to = new Date(Date.parse(`${from}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const rates = { ...DEFAULT_OPTIONS.rates, neighbourVillage: 0.3, sameDayOtherVillage: 0.2 };
  const corpus = generateCorpus(vocabulary.right)({ ...DEFAULT_OPTIONS, rates, seed, reports, from, to, governorates });
  return corpus.reports.map((r, k) => ndjsonLines([r], codedEvery > 0 && k % codedEvery === 0)[0]!);
};

export const readLines = (r: Rules, lines: readonly string[], path = 'batch.ndjson'): Report[] => readInputs({
  actors: new Set(r.actors.map((a) => a.id)), sources: new Set(r.sources.map((s) => s.id)),
})([{ path, bytes: new TextEncoder().encode(`${lines.join('\n')}\n`) }]).reports as Report[];

export const oneShot = (r: Rules, h: string, reports: readonly Report[]): Output =>
  Pipeline.reconcileReports({ reports, rules: r, rulesHash: h, readWarnings: [], reportsSkipped: 0, reportsSkippedBy: {} });

/** Every incident id replaced by the hash of its mentions (what a one-shot run gives), in run's order. */
export const byEvidence = (o: Output): Output => ({
  ...o,
  incidents: Pipeline.sortIncidents(o.incidents.map((i) => ({ ...i, id: incidentId(i.mentionIds ?? []) }))),
});

export const lineage = (o: Output): Map<string, string[]> => new Map(o.incidents.map((i) => [i.id, i.mentionIds ?? []]));
