/**
 * One measured run in a fresh process (bench/run.ts starts it, so peak RSS is the engine's
 * alone): read a generated corpus from disk, extract, cluster, reconcile and render with
 * wall time per stage, then score the incidents against the generator's truth.
 * Usage: tsx bench/measure.ts <corpus-dir> <text|ndjson|coded|stream> [no-gate]; prints one JSON line.
 * `stream` reads reports.ndjson as `reconcile run` streams a large .ndjson file: each report is
 * extracted as it is read and kept without its text, so the read stage includes extraction.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { gatherInputs, readReports } from '../src/cli/inputs.js';
import { loadRules } from '../src/cli/rules.js';
import { nodeSystem } from '../src/cli/system.js';
import { scoreClustering } from '../src/generate/score.js';
import type { Output, Warning } from '../src/model/contract.js';
import type { Report } from '../src/model/report.js';
import * as Pipeline from '../src/pipeline.js';
import { readInputs } from '../src/read/index.js';

export type Stage = 'read' | 'extract' | 'cluster' | 'reconcile' | 'render';

export type Measurement = {
  readonly reports: number;
  readonly input: string;
  readonly textMB: number;
  readonly seconds: number;
  readonly reportsPerSecond: number;
  readonly mbPerSecond: number;
  readonly peakRssMB: number;
  readonly stages: Readonly<Record<Stage, number>>;
  /** processor time (user + system) of this process: what the run cost whatever else the machine was doing */
  readonly cpuSeconds: number;
  readonly stagesCpu: Readonly<Record<Stage, number>>;
  readonly mentions: number;
  readonly comparedPairs: number;
  readonly incidents: number;
  readonly pairwisePrecision: number;
  readonly pairwiseRecall: number;
  readonly pairwiseF1: number;
  readonly incidentsSplit: number;
  readonly incidentsMerged: number;
  readonly totalsInIncidents: number;
};

const INPUTS: Readonly<Record<string, string>> = { text: 'text', ndjson: 'reports.ndjson', coded: 'coded.ndjson', stream: 'reports.ndjson' };

const round = (x: number, digits = 3): number => Math.round(x * 10 ** digits) / 10 ** digits;

const main = async (): Promise<void> => {
  const [dir, input = 'text', gateArg] = process.argv.slice(2);
  const extract = gateArg === 'no-gate' ? { gate: false } : {};
  if (!dir || !INPUTS[input]) throw new Error('usage: tsx bench/measure.ts <corpus-dir> <text|ndjson|coded|stream>');
  const loaded = await loadRules(nodeSystem, nodeSystem.defaultRulesDir);
  if (E.isLeft(loaded)) throw new Error(`invalid rules: ${loaded.left.map((p) => `${p.file} ${p.path}: ${p.message}`).join('; ')}`);
  const { rules, hash } = loaded.right;
  const truth = JSON.parse(await readFile(join(dir, 'truth.json'), 'utf8')) as { reports: Record<string, string | null> };

  const stages: Record<Stage, number> = { read: 0, extract: 0, cluster: 0, reconcile: 0, render: 0 };
  const stagesCpu: Record<Stage, number> = { read: 0, extract: 0, cluster: 0, reconcile: 0, render: 0 };
  const cpu = (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
  const c0 = cpu();
  const t0 = performance.now();
  const early = Pipeline.extractAsReadLean(rules, extract);
  let read: { reports: readonly Report[]; warnings: readonly Warning[]; skipped: number };
  let textBytes = 0;
  if (input === 'stream') {
    // As `reconcile run` reads it (streamed whatever its size).
    const sys = { ...nodeSystem, fileSize: async () => Number.MAX_SAFE_INTEGER };
    const keep = (r: Report): Report => { textBytes += Buffer.byteLength(r.text ?? '', 'utf8'); return early.lean(r); };
    read = await readReports(sys, rules, { keep })([join(dir, INPUTS[input]!)]);
  } else {
    // Read whole, however large (`reconcile run` would stream a .ndjson file over 16 MB).
    const { readChunks: _streams, ...whole } = nodeSystem;
    const gathered = await gatherInputs(whole, [join(dir, INPUTS[input]!)]);
    const got = readInputs({ actors: new Set(rules.actors.map((a) => a.id)), sources: new Set(rules.sources.map((s) => s.id)) })(gathered.files);
    read = { ...got, warnings: [...gathered.warnings, ...got.warnings] };
    textBytes = read.reports.reduce((n, r) => n + Buffer.byteLength(r.text ?? '', 'utf8'), 0);
  }
  if (read.reports.length === 0) throw new Error(`no reports read from ${join(dir, INPUTS[input]!)}`);
  const t1 = performance.now();
  stages.read = t1 - t0;
  let cpuSince = cpu();
  stagesCpu.read = cpuSince - c0;

  // Stage boundaries come from the pipeline's progress events: a stage ends when the next begins.
  let current: Stage = 'extract';
  let since = t1;
  const progress: Pipeline.Progress = (e) => {
    if (e.stage === current) return;
    const now = performance.now(), c = cpu();
    stages[current] += now - since;
    stagesCpu[current] += c - cpuSince;
    current = e.stage;
    since = now;
    cpuSince = c;
  };
  const { output, clustering } = Pipeline.reconcileReportsDetailed({
    reports: read.reports, rules, rulesHash: hash, readWarnings: read.warnings, reportsSkipped: read.skipped, progress, extracted: early.extracted, extract,
  });
  const t2 = performance.now();
  stages[current] += t2 - since;
  stagesCpu[current] += cpu() - cpuSince;
  const c2 = cpu();

  const json = JSON.stringify(output, null, 2);
  const t3 = performance.now();
  stages.render = t3 - t2;
  stagesCpu.render = cpu() - c2;
  const cpuSeconds = (cpu() - c0) / 1000;
  const seconds = (t3 - t0) / 1000;

  const score = scoreClustering(truth.reports)((output as Output).incidents);
  const m: Measurement = {
    reports: read.reports.length,
    input,
    textMB: round(textBytes / 1e6),
    seconds: round(seconds),
    reportsPerSecond: Math.round(read.reports.length / seconds),
    mbPerSecond: round(textBytes / 1e6 / seconds),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    stages: Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, round(v / 1000)])) as Record<Stage, number>,
    cpuSeconds: round(cpuSeconds),
    stagesCpu: Object.fromEntries(Object.entries(stagesCpu).map(([k, v]) => [k, round(v / 1000)])) as Record<Stage, number>,
    mentions: clustering.clusters.reduce((n, c) => n + c.mentions.length, 0),
    comparedPairs: clustering.pairs.length,
    incidents: output.incidents.length,
    pairwisePrecision: round(score.precision, 4),
    pairwiseRecall: round(score.recall, 4),
    pairwiseF1: round(score.f1, 4),
    incidentsSplit: score.incidentsSplit,
    incidentsMerged: score.incidentsMerged,
    totalsInIncidents: score.totalsInIncidents,
  };
  if (json.length === 0) throw new Error('empty output');
  process.stdout.write(`${JSON.stringify(m)}\n`);
};

main().catch((e: unknown) => {
  process.stderr.write(`bench/measure: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exitCode = 1;
});
