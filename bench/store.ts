/**
 * `npm run bench:store`: how long `reconcile add` takes to add 1,000 reports to an incident
 * store that holds 100,000 (issue 9). Generates base + new reports (deterministic for a seed),
 * builds the store with one add, then times the CLI adding the new ones (wall and CPU time, a
 * fresh process each, on a copy of the store) and saves the figures under bench/results/.
 * With --verify, also exports the store after the add and checks it equals `reconcile run` on
 * all its reports (incident ids compared through their evidence).
 * `npm run bench:store -- [--base N] [--add N] [--seed S] [--repeat R] [--pick random|latest] [--verify] [--keep] [--no-save]`
 */
import { execFile } from 'node:child_process';
import { appendFile, copyFile, cp, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import * as E from 'fp-ts/lib/Either.js';
import { loadRules } from '../src/cli/rules.js';
import { nodeSystem } from '../src/cli/system.js';
import { DEFAULT_OPTIONS, generateCorpus, ndjsonLines, vocabularyOf } from '../src/generate/index.js';
import type { Output } from '../src/model/contract.js';
import { sortIncidents } from '../src/pipeline.js';
import { incidentId } from '../src/reconcile/incident.js';

const here = dirname(fileURLToPath(import.meta.url));
const RESULTS = join(here, 'results');
const BIN = join(here, '..', 'bin', 'reconcile.js');

const { values } = parseArgs({
  options: {
    base: { type: 'string', default: '100000' },
    add: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '42' },
    repeat: { type: 'string', default: '3' },
    pick: { type: 'string', default: 'random' },
    keep: { type: 'boolean', default: false },
    verify: { type: 'boolean', default: false },
    'no-save': { type: 'boolean', default: false },
  },
});
const base = Number(values.base), added = Number(values.add), seed = Number(values.seed), repeat = Number(values.repeat);
const log = (s: string): void => { process.stderr.write(`${s}\n`); };

type Timed = { readonly wall: number; readonly cpu: number; readonly rssMB: number; readonly stderr: string; readonly load: number };

/** Run the CLI under GNU time: wall seconds, user + system CPU seconds, peak RSS. */
const timed = async (args: readonly string[]): Promise<Timed & { readonly stdout: string }> => {
  const { stdout, stderr } = await promisify(execFile)('/usr/bin/time', ['-f', 'TIME %e %U %S %M', process.execPath, BIN, ...args],
    { maxBuffer: 1 << 30, env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=8192' } });
  const m = /TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(stderr);
  if (!m) throw new Error(`no timing in: ${stderr.slice(-500)}`);
  return { load: round(loadavg()[0]!), stdout, wall: Number(m[1]), cpu: Number(m[2]) + Number(m[3]), rssMB: Math.round(Number(m[4]) / 1024), stderr: stderr.replace(/TIME .*\n?$/, '') };
};

/** Incident ids replaced by the hash of their mentions (what one run gives), in run's order. */
const byEvidence = (o: Output): string =>
  JSON.stringify({ ...o, incidents: sortIncidents(o.incidents.map((i) => ({ ...i, id: incidentId(i.mentionIds ?? []) }))) });

const round = (x: number, d = 2): number => Math.round(x * 10 ** d) / 10 ** d;

const main = async (): Promise<void> => {
  const loaded = await loadRules(nodeSystem, nodeSystem.defaultRulesDir);
  if (E.isLeft(loaded)) throw new Error('invalid rules');
  const vocabulary = vocabularyOf(loaded.right.rules);
  if (E.isLeft(vocabulary)) throw new Error(vocabulary.left.join('; '));
  const corpus = generateCorpus(vocabulary.right)({ ...DEFAULT_OPTIONS, seed, reports: base + added });
  // random: the new reports are any 1,000 of the corpus (dates all over the years: the hard case);
  // latest: the 1,000 published last (what a monitor's daily batch looks like).
  const byDate = [...corpus.reports].sort((p, q) => (p.publishedAt < q.publishedAt ? -1 : p.publishedAt > q.publishedAt ? 1 : 0));
  const isNew = values.pick === 'latest'
    ? new Set(byDate.slice(-added).map((r) => r.id))
    : new Set(corpus.reports.filter((_, k) => k % Math.floor((base + added) / added) === 0).slice(0, added).map((r) => r.id));
  const dir = await mkdtemp(join(tmpdir(), 'reconcile-bench-store-'));
  await writeFile(join(dir, 'base.ndjson'), `${ndjsonLines(corpus.reports.filter((r) => !isNew.has(r.id)), false).join('\n')}\n`);
  await writeFile(join(dir, 'new.ndjson'), `${ndjsonLines(corpus.reports.filter((r) => isNew.has(r.id)), false).join('\n')}\n`);
  // A copy of the rules: the store and every add use the same rules, even if rules/ changes meanwhile.
  const rules = join(dir, 'rules');
  await cp(nodeSystem.defaultRulesDir, rules, { recursive: true });
  const store = join(dir, 'base.duckdb');
  log(`${base} + ${added} reports generated (${values.pick}) in ${dir}; building the store…`);
  const build = await timed(['add', join(dir, 'base.ndjson'), '--store', store, '--rules', rules]);
  log(`  store of ${base} reports built in ${build.wall} s (${(await stat(store)).size >> 20} MB): ${build.stderr.trim().split('\n').pop()}`);
  const runs: Timed[] = [];
  for (let k = 0; k < repeat; k++) {
    const copy = join(dir, `run-${k}.duckdb`);
    await copyFile(store, copy);
    const t = await timed(['add', join(dir, 'new.ndjson'), '--store', copy, '--rules', rules]);
    runs.push(t);
    log(`  add ${added}: ${t.wall} s wall, ${round(t.cpu)} s CPU, peak RSS ${t.rssMB} MB, load average ${t.load}: ${t.stderr.trim().split('\n').pop()}`);
    await rm(copy, { force: true });
  }
  let verified: { readonly equal: boolean; readonly exportSeconds: number; readonly runSeconds: number; readonly incidents: number } | null = null;
  if (values.verify) {
    const copy = join(dir, 'verify.duckdb');
    await copyFile(store, copy);
    await timed(['add', join(dir, 'new.ndjson'), '--store', copy, '--rules', rules, '-q']);
    const exported = await timed(['export', '--store', copy, '--rules', rules, '-q']);
    const run = await timed(['run', join(dir, 'base.ndjson'), join(dir, 'new.ndjson'), '--rules', rules, '-q']);
    const [e, r] = [JSON.parse(exported.stdout) as Output, JSON.parse(run.stdout) as Output];
    verified = { equal: byEvidence(e) === byEvidence(r), exportSeconds: exported.wall, runSeconds: run.wall, incidents: e.incidents.length };
    log(`  verify: export ${verified.equal ? 'equals' : 'DIFFERS FROM'} run on all ${base + added} reports (${verified.incidents} incidents); export ${exported.wall} s, run ${run.wall} s`);
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const result = {
    base, added, pick: values.pick, seed, repeat,
    addSecondsMedian: median(runs.map((r) => r.wall)), addCpuSecondsMedian: round(median(runs.map((r) => r.cpu))),
    addSeconds: runs.map((r) => r.wall), addCpuSeconds: runs.map((r) => round(r.cpu)), loadDuringAdds: runs.map((r) => r.load), addPeakRssMB: Math.max(...runs.map((r) => r.rssMB)),
    buildSeconds: build.wall, storeMB: round((await stat(store)).size / 2 ** 20, 1),
    summary: runs[0]?.stderr.trim().split('\n').pop() ?? '',
    ...(verified ? { verified } : {}),
    cores: (await import('node:os')).cpus().length,
    at: new Date().toISOString(),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  if (!values['no-save']) {
    await mkdir(RESULTS, { recursive: true });
    await writeFile(join(RESULTS, `store-${base}-${added}-${values.pick}.json`), `${JSON.stringify(result, null, 2)}\n`);
    await appendFile(join(RESULTS, 'store-history.ndjson'), `${JSON.stringify(result)}\n`);
  }
  if (!values.keep) await rm(dir, { recursive: true, force: true });
  if (verified && !verified.equal) process.exitCode = 1;
};

main().catch((e: unknown) => {
  process.stderr.write(`bench/store: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
