/**
 * `npm run bench`: generate corpora of 1k, 10k and 100k reports (deterministic for a seed),
 * write them to a temporary folder, measure each in a fresh process (bench/measure.ts),
 * print the figures and save them under bench/results/ beside the previous run's.
 * `npm run bench -- --reports N [--json] [--seed S] [--input text|ndjson|coded|stream] [--pad BYTES] [--dense] [--no-gate] [--giant N] [--keep] [--no-save]`
 * `--input stream` reads reports.ndjson as `reconcile run` reads a large one: record by record,
 * each extracted as it is read and kept without its text (its read stage includes extraction).
 * `--pad BYTES` lengthens every report with that much background prose (no figures, places or
 * sources), as real articles are longer than the generator's one or two sentences: 4000 by
 * default (about 4.6 KB a report, real length); `--pad 0` keeps the generator's short reports.
 * `--dense` pads with the sentences of other reports instead, so that most sentences carry
 * figures, places and speakers. `--no-gate` extracts every sentence (src/extract/gate.ts).
 * `--giant N` measures one giant block instead: N reports of one incident (one village, one
 * day), copies and updates of its reports with the figures varied.
 * Beside each run the floor is measured on the same files (bench/floor.ts: read, decode, one
 * regex for figures, as ../shared/tools/floor.mjs) and the run's processor time divided by it.
 */
import { execFile } from 'node:child_process';
import { appendFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import * as E from 'fp-ts/lib/Either.js';
import { loadRules } from '../src/cli/rules.js';
import { nodeSystem } from '../src/cli/system.js';
import { DEFAULT_OPTIONS, corpusFiles, generateCorpus, vocabularyOf, type Corpus, type CorpusFile, type GeneratedReport } from '../src/generate/index.js';
import type { Measurement } from './measure.js';

const here = dirname(fileURLToPath(import.meta.url));
const RESULTS = join(here, 'results');

const { values } = parseArgs({
  options: {
    reports: { type: 'string', multiple: true },
    seed: { type: 'string', default: '42' },
    input: { type: 'string', default: 'text' },
    json: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'no-save': { type: 'boolean', default: false },
    pad: { type: 'string', default: '4000' },
    dense: { type: 'boolean', default: false },
    'no-gate': { type: 'boolean', default: false },
    giant: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  process.stdout.write(`Usage: npm run bench -- [options]

Generates corpora (deterministic for a seed), runs each in a fresh process and prints its speed,
memory and pairwise F1 beside the floor measured on the same files (read, decode, one regex).

Options:
  --reports N[,N...]  corpus sizes (default: 1000, 10000 and 100000)
  --seed S            generator seed (default: 42)
  --input KIND        text, ndjson, coded or stream (default: text)
  --pad BYTES         background prose added to each report (default: 4000, real length; 0: none)
  --dense             pad with other reports' sentences: most sentences carry figures, places, speakers
  --no-gate           extract every sentence (no conservative gate)
  --giant N           one incident told by N reports: one giant block
  --keep              keep the generated corpus folder
  --no-save           do not save the figures under bench/results/
  --json              print the measurements as JSON
  -h, --help          show this help
`);
  process.exit(0);
}
const pad = Number(values.pad);

/** Background prose of the kind that follows the lead of a news report: no figures, places or sources. */
const FILLER = [
  'وتشهد المنطقة منذ أشهر توترا متزايدا بين الأطراف المتنازعة، فيما تواصل المنظمات الإنسانية مطالبتها بفتح الممرات أمام القوافل.',
  'ويعاني السكان من نقص حاد في الوقود والمواد الغذائية والأدوية، بينما نزحت عائلات كثيرة نحو المخيمات القريبة من الحدود.',
  'ولم تتمكن فرق الدفاع المدني من الوصول إلى بعض الأحياء بسبب استمرار القصف وانقطاع الطرق الرئيسية.',
].join(' ');
const padding = (bytes: number): string =>
  bytes <= 0 ? '' : `\n\n${`${FILLER} `.repeat(Math.ceil(bytes / Buffer.byteLength(`${FILLER} `))).trimEnd()}`;
/** Padding of other reports' sentences (figures, places, speakers), about `bytes` long, picked by k. */
const densePadding = (sentences: readonly string[], bytes: number, k: number): string => {
  const out: string[] = [];
  let n = 0;
  for (let j = 0; n < bytes && sentences.length; j++) {
    const s = sentences[(k * 7919 + j * 104_729) % sentences.length]!;
    out.push(s);
    n += Buffer.byteLength(s) + 1;
  }
  return out.length ? `\n\n${out.join(' ')}` : '';
};

/** N reports of one incident: its reports again and again, each copy with its own id and its figures moved a little. */
const giantCorpus = (corpus: Corpus, n: number): Corpus => {
  const byIncident = new Map<string, GeneratedReport[]>();
  for (const r of corpus.reports) if (r.incident && r.kind === 'report') byIncident.set(r.incident, [...(byIncident.get(r.incident) ?? []), r]);
  const [incident, told] = [...byIncident].sort((p, q) => q[1].length - p[1].length)[0]!;
  const reports = Array.from({ length: n }, (_, k): GeneratedReport => {
    const r = told[k % told.length]!;
    const bump = Math.floor(k / told.length) % 3;
    return { ...r, id: `giant-${String(k).padStart(6, '0')}`, text: r.text.replace(/[0-9]+/, (d) => String(Number(d) + bump)) };
  });
  return { incidents: corpus.incidents.filter((i) => i.id === incident), reports };
};
const giant = values.giant === undefined ? null : Number(values.giant);
const sizes = giant !== null ? [giant] : (values.reports ?? ['1000', '10000', '100000']).flatMap((s) => s.split(',')).map(Number);
const seed = Number(values.seed);
const input = values.input ?? 'text';
const log = (s: string): void => { if (!values.json) process.stderr.write(`${s}\n`); };

const writeCorpus = async (dir: string, files: readonly CorpusFile[]): Promise<void> => {
  const dirs = new Set(files.map((f) => dirname(join(dir, f.path))));
  for (const d of dirs) await mkdir(d, { recursive: true });
  // A few writes at a time: 100k small files one by one take long, all at once exhaust file handles.
  for (let i = 0; i < files.length; i += 64) {
    await Promise.all(files.slice(i, i + 64).map((f) => writeFile(join(dir, f.path), f.content)));
  }
};

const inProcess = async <T>(script: string, args: readonly string[]): Promise<T> => {
  // The source through esbuild's plain transform (bench/register.mjs): the same code tsc emits into dist/.
  const register = pathToFileURL(join(here, 'register.mjs')).href;
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', register, join(here, script), ...args],
    { maxBuffer: 1 << 24, env: { ...process.env, NODE_OPTIONS: '' } });
  return JSON.parse(stdout.trim().split('\n').pop()!) as T;
};
const measure = (dir: string): Promise<Measurement> => inProcess<Measurement>('measure.ts', [dir, input, ...(values['no-gate'] ? ['no-gate'] : [])]);
type Floor = { readonly files: number; readonly MB: number; readonly cpuSeconds: number; readonly seconds: number };
const floorOf = (dir: string): Promise<Floor | null> => (input === 'text' ? inProcess<Floor>('floor.ts', [dir]) : Promise.resolve(null));

const previous = async (name: string): Promise<Measurement | null> => {
  try {
    return JSON.parse(await readFile(join(RESULTS, name), 'utf8')) as Measurement;
  } catch {
    return null;
  }
};

const change = (now: number, before: number | undefined): string =>
  before === undefined || before === 0 ? '' : ` (${now >= before ? '+' : ''}${Math.round(((now - before) / before) * 100)}% vs last)`;

const main = async (): Promise<void> => {
  const loaded = await loadRules(nodeSystem, nodeSystem.defaultRulesDir);
  if (E.isLeft(loaded)) throw new Error('invalid rules');
  const vocabulary = vocabularyOf(loaded.right.rules);
  if (E.isLeft(vocabulary)) throw new Error(`the rules lack what the generator needs: ${vocabulary.left.join('; ')}`);
  const results: Measurement[] = [];
  for (const n of sizes) {
    const g0 = performance.now();
    const made = generateCorpus(vocabulary.right)({ ...DEFAULT_OPTIONS, seed, reports: giant !== null ? Math.min(n, 2000) : n });
    const generated = giant !== null ? giantCorpus(made, n) : made;
    const more = padding(pad);
    const sentences = values.dense ? made.reports.flatMap((r) => r.text.split(/(?<=[.!؟?])\s+/u)) : [];
    const pads = (k: number): string => (values.dense ? densePadding(sentences, pad, k) : more);
    const corpus = pad > 0 ? { ...generated, reports: generated.reports.map((r, k) => ({ ...r, text: r.text + pads(k) })) } : generated;
    const files = corpusFiles(seed, corpus).filter((f) => f.path === 'truth.json' || (input === 'text' ? f.path.startsWith('text/') : f.path === `${input === 'coded' ? 'coded' : 'reports'}.ndjson`));
    const dir = await mkdtemp(join(tmpdir(), `reconcile-bench-${n}-`));
    await writeCorpus(dir, files);
    log(`${n} reports: generated and written in ${((performance.now() - g0) / 1000).toFixed(1)} s (${dir})`);
    const m = await measure(dir);
    const floor = await floorOf(dir);
    if (!values.keep) await rm(dir, { recursive: true, force: true });
    const ratio = floor && floor.cpuSeconds > 0 ? m.cpuSeconds / floor.cpuSeconds : null;
    const extractMBs = m.stagesCpu.extract > 0 ? m.textMB / m.stagesCpu.extract : null;
    results.push(m);
    const name = `${giant !== null ? 'giant-' : ''}${n}-${input}${pad > 0 ? `-pad${pad}` : ''}${values.dense ? '-dense' : ''}${values['no-gate'] ? '-nogate' : ''}.json`;
    const last = await previous(name);
    if (values.json) {
      // The issue's fields first, then the rest.
      const { reports, seconds, peakRssMB, pairwiseF1, stages, ...rest } = m;
      process.stdout.write(`${JSON.stringify({ reports, seconds, peakRssMB, pairwiseF1, stages, ...rest, floorCpuSeconds: floor?.cpuSeconds ?? null, ratioToFloor: ratio, extractMBPerCpuSecond: extractMBs })}\n`);
    } else {
      log(`  ${m.seconds} s end to end${change(m.seconds, last?.seconds)}: ${m.reportsPerSecond} reports/s, ${m.mbPerSecond} MB/s of text (${m.textMB} MB)`);
      log(`  stages (s): ${Object.entries(m.stages).map(([k, v]) => `${k} ${v}`).join(', ')}`);
      log(`  processor time ${m.cpuSeconds} s${change(m.cpuSeconds, last?.cpuSeconds)}: ${Object.entries(m.stagesCpu).map(([k, v]) => `${k} ${v}`).join(', ')}`);
      if (extractMBs !== null) log(`  extraction ${extractMBs.toFixed(2)} MB/s of processor time${values['no-gate'] ? ' (no gate)' : ''}`);
      if (floor) log(`  floor (read, decode, one regex; bench/floor.ts) ${floor.cpuSeconds} s processor time for ${floor.MB} MB: the run is ${ratio!.toFixed(1)}× the floor`);
      log(`  peak RSS ${m.peakRssMB} MB${change(m.peakRssMB, last?.peakRssMB)}; ${m.mentions} mentions, ${m.comparedPairs} compared pairs, ${m.incidents} incidents`);
      log(`  pairwise P ${m.pairwisePrecision} R ${m.pairwiseRecall} F1 ${m.pairwiseF1}; ${m.incidentsSplit} incidents split, ${m.incidentsMerged} merged, ${m.totalsInIncidents} totals in incidents`);
    }
    if (!values['no-save']) {
      await mkdir(RESULTS, { recursive: true });
      const dated = { ...m, seed, at: new Date().toISOString() };
      await writeFile(join(RESULTS, name), `${JSON.stringify(dated, null, 2)}\n`);
      await appendFile(join(RESULTS, 'history.ndjson'), `${JSON.stringify(dated)}\n`);
    }
  }
  const t10k = results.find((r) => r.reports === 10000), t100k = results.find((r) => r.reports === 100000);
  if (t10k && t100k) log(`time(100k) / time(10k) = ${(t100k.seconds / t10k.seconds).toFixed(1)}`);
};

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
