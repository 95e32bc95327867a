/**
 * Fuzzing properties (issue 7): generators of hostile inputs (raw bytes, report text built
 * from claims, markup and damage, structured mutations of the hand-coded fixtures) and the
 * check every input must pass: reading and reconciling never throw, the output meets the
 * contract, the accounting balances, and every quote is its span of the text as read.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc } from '@fast-check/vitest';
import { expect } from 'vitest';
import { Output } from '../../src/model/contract.js';
import { reconcileReports } from '../../src/pipeline.js';
import { readInputs, type InputFile } from '../../src/read/index.js';
import { ROOT } from '../acceptance/support.js';
import { expectBalanced } from '../hostile/support.js';
import { shippedRules } from '../support/rules.js';

/** How many runs each property gets: small in the normal suite, `FUZZ_RUNS` for `npm run fuzz`. */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 0) || undefined;
export const runs = (bounded: number): { numRuns: number } => ({ numRuns: RUNS ?? bounded });

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

// ---- raw text --------------------------------------------------------------------------

const SAID = ['قال المرصد السوري لحقوق الإنسان إن', 'أفادت وكالة سانا بأن', 'The Syrian Observatory said', 'وذكرت مصادر محلية أن'];
const FIGURES = ['12', '1,200', '1.200', '١٬٢٠٠', '٥٧', 'عشرات', '9'.repeat(40), '0', '-3', '2.5', 'ثلاثة'];
const VICTIMS = ['مدنيا', 'أطفال', 'شخصا', 'عنصرا من تنظيم الدولة', 'civilians', 'people'];
const VERBS = ['قتلوا', 'أصيبوا', 'لقوا حتفهم', 'were killed', 'were wounded'];
const PLACES = ['في غارة على هجين', 'في قصف على الباغوز', 'قرب الميادين', 'in an air strike on Raqqa', ''];
const DAMAGE = ['<b>', '</p>', '<script>alert(1)</script>', '&nbsp;', '&amp;', '&#1602;', '<!--', '\u0000', '\u202e', '\u2066',
  '\r\n', '\n', '\t', '\u001b[31m', '\ufeff', '\ufffd', '«', '»', '،', '.', '؟', '---\n', 'id: x\n', '"', '{', '}', '[', ']'];

/** A sentence that states a toll, in pieces a scraper might have damaged. */
const sentence = fc.tuple(fc.constantFrom(...SAID), fc.constantFrom(...FIGURES), fc.constantFrom(...VICTIMS), fc.constantFrom(...VERBS), fc.constantFrom(...PLACES))
  .map((parts) => `${parts.join(' ')}.`);
const piece = fc.oneof({ weight: 4, arbitrary: sentence }, { weight: 3, arbitrary: fc.constantFrom(...DAMAGE) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) });

/** Report text: sentences, markup and damage in any order. */
export const reportText = fc.array(piece, { maxLength: 14 }).map((xs) => xs.join(' '));

/** Bytes of a report file: random bytes, or text encoded as UTF-8 (then maybe corrupted or cut) or UTF-16. */
export const reportBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 400 }),
  reportText.map(enc),
  fc.tuple(reportText, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }), fc.nat())
    .map(([t, flips, cut]) => {
      const b = enc(t);
      for (const [i, v] of flips) if (b.length) b[i % b.length] = v;
      return b.subarray(0, b.length ? cut % (b.length + 1) : 0);
    }),
  reportText.map((t) => new Uint8Array([0xff, 0xfe, ...[...t].flatMap((c) => { const u = c.charCodeAt(0); return [u & 0xff, u >> 8]; })])),
);

const NAMES = ['a.txt', 'b.md', 'c.json', 'd.ndjson', 'reports.json', 'e.csv', 'sub/f.txt', 'sub/reports.json', 'sub/g.json'];

/** A manifest for the files of one folder, sometimes broken. */
const manifest = fc.dictionary(fc.constantFrom('a.txt', 'b.md', 'f.txt', 'gone.txt', '__proto__', 'constructor'),
  fc.record({ id: fc.constantFrom('a', 'b', 'same', '__proto__', 'toString', ''), publishedAt: fc.constantFrom('2018-11-05', '05/11/2018', null) },
    { requiredKeys: [] }), { maxKeys: 4 }).map((m) => enc(JSON.stringify(m)));

/** A folder of files as the CLI would hand them to the reader. */
export const inputFiles: fc.Arbitrary<InputFile[]> = fc.uniqueArray(
  fc.tuple(fc.constantFrom(...NAMES), fc.boolean()).chain(([name, walked]) =>
    (name.endsWith('reports.json') ? fc.oneof(manifest, reportBytes) : reportBytes).map((bytes) => ({ path: `in/${name}`, bytes, walked }))),
  { minLength: 1, maxLength: 6, selector: (f) => f.path },
);

// ---- structured mutations ----------------------------------------------------------------

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const SEEDS = JSON.parse(readFileSync(join(ROOT, 'fixtures/hand-coded/seeds.json'), 'utf8')) as Json;
const ODD_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'notes', 'vaule', ''];
const ODD_VALUES: Json[] = [-1, 0, 2.5, 1e308, 5_000_000, '54', '1,200', '', ' ', null, true, [], {}, [1, 2], 'NaN', '2018-02-30', '13/07/2018'];

/** Every container and key path in a JSON value. */
const paths = (v: Json, at: (string | number)[] = []): (string | number)[][] => {
  if (Array.isArray(v)) return [at, ...v.flatMap((x, i) => paths(x, [...at, i]))];
  if (v && typeof v === 'object') return [at, ...Object.keys(v).flatMap((k) => paths(v[k]!, [...at, k]))];
  return [at];
};

/** Set an own property (a "__proto__" key too, as JSON.parse would make it). */
const setOwn = (o: object, k: string | number, v: Json): void => { Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true }); };

type Mutation = { readonly at: number; readonly op: 'delete' | 'set' | 'add' | 'dup'; readonly key: string; readonly value: Json };

const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(), op: fc.constantFrom('delete', 'set', 'add', 'dup'), key: fc.constantFrom(...ODD_KEYS),
  value: fc.oneof(fc.constantFrom(...ODD_VALUES), fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>),
});

const apply = (root: Json, m: Mutation): Json => {
  const all = paths(root);
  const path = all[m.at % all.length]!;
  if (path.length === 0) return m.op === 'set' ? m.value : root;
  const parent = path.slice(0, -1).reduce<Json>((v, k) => (v as Record<string | number, Json>)[k]!, root) as Record<string | number, Json> | Json[];
  const key = path[path.length - 1]!;
  const target = parent[key as never] as Json;
  if (m.op === 'delete') { if (Array.isArray(parent)) parent.splice(key as number, 1); else delete parent[key as string]; }
  else if (m.op === 'set') setOwn(parent, key, m.value);
  else if (m.op === 'dup' && Array.isArray(parent)) parent.push(structuredClone(target));
  else if (target && typeof target === 'object' && !Array.isArray(target)) setOwn(target, m.key, m.value);
  return root;
};

/** The hand-coded seeds after a few mutations, serialised, sometimes cut short; as .json or .ndjson. */
export const mutatedSeeds: fc.Arbitrary<InputFile[]> = fc.tuple(fc.array(mutation, { minLength: 1, maxLength: 6 }), fc.boolean(), fc.option(fc.nat()))
  .map(([ms, ndjson, cut]) => {
    const doc = ms.reduce(apply, structuredClone(SEEDS));
    const text = ndjson && Array.isArray(doc) ? doc.map((r) => JSON.stringify(r)).join('\n') : JSON.stringify(doc, null, 1);
    const cutText = cut === null ? text : text.slice(0, cut % (text.length + 1));
    return [{ path: ndjson ? 'in/seeds.ndjson' : 'in/seeds.json', bytes: enc(cutText) }];
  });

// ---- the check --------------------------------------------------------------------------

/** Read and reconcile; whatever the input, the output is whole, balanced and quotes the text as read. */
export const checkInputs = (files: readonly InputFile[]): void => {
  const { rules } = shippedRules();
  const read = readInputs({
    actors: new Set(rules.actors.map((a) => a.id)), sources: new Set(rules.sources.map((s) => s.id)),
    ...(rules.reconcile.limits ? { limits: rules.reconcile.limits } : {}),
  })(files);
  for (const w of read.warnings) expect(w.location, w.message).toEqual(expect.any(String));
  const ids = read.reports.map((r) => r.id);
  expect(new Set(ids).size).toBe(ids.length);
  const output = reconcileReports({ reports: read.reports, rules, rulesHash: 'fuzz', readWarnings: read.warnings, reportsSkipped: read.skipped, reportsSkippedBy: read.skippedBy });
  expect(Output.safeParse(output).success).toBe(true);
  expectBalanced(output);
  const texts = new Map(read.reports.map((r) => [r.id, r.text]));
  const quoted = [...output.incidents.flatMap((i) => [...i.tolls.flatMap((t) => t.claims), ...i.attributions.flatMap((a) => a.stances)]), ...output.aggregates];
  for (const q of quoted) {
    const text = texts.get(q.reportId);
    if (text !== null && text !== undefined) expect(text.slice(q.span[0], q.span[1])).toBe(q.quote);
  }
  const figures = output.incidents.flatMap((i) => i.tolls.flatMap((t) => [t.min, t.max, t.best, ...t.claims.map((c) => c.value)]));
  for (const n of figures) if (n !== null) expect(Number.isSafeInteger(n) && n >= 0).toBe(true);
};
