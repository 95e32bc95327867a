/**
 * B3: a `.json` report whose id holds a lone surrogate (`"x\ud800"`) was stored again on
 * every `add`: the store kept another string than the one looked up. Ids that are not
 * well-formed Unicode are refused with a located warning; other text fields have each lone
 * surrogate read as U+FFFD (one code unit for one, so spans hold).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Output } from '../../src/model/contract.js';
import { loneSurrogateAt } from '../../src/read/unicode.js';
import { CLAIM, put } from './fixtures.js';
import { expectGoodReconciled, expectLocated, putGood, scratch } from './breaks-support.js';
import { expectBalanced, runInProcess, runJson } from './support.js';

const dir = scratch('b03');

describe('B3: ids are well-formed Unicode', () => {
  const inputs = join(dir, 'in');
  put(inputs, 'bad.json', `{"id": "x\\ud800", "language": "ar", "text": ${JSON.stringify(CLAIM)}}`);
  put(inputs, 'low.ndjson', `{"id": "y\\udc00z", "language": "ar", "text": ${JSON.stringify(CLAIM)}}\n`);
  put(inputs, 'front.txt', `---\nid: "q\\ud800"\nlanguage: ar\n---\n${CLAIM}\n`);
  put(inputs, 'textual.json', `{"id": "t", "language": "ar", "outlet": "a\\ud800", "text": "${CLAIM} \\udfff"}`);
  putGood(inputs);

  it('run: the bad ids are refused at their field, the good report reconciled, exit 1', async () => {
    const { r, out } = await runJson([inputs]);
    expect(r.code).toBe(1);
    expectGoodReconciled(out);
    expectLocated(out, 'invalid-report', `${join(inputs, 'bad.json')} id`);
    expectLocated(out, 'invalid-report', `${join(inputs, 'low.ndjson')}:1 id`);
    expectLocated(out, 'invalid-front-matter', `${join(inputs, 'front.txt')} id`);
    for (const r of out.reports) expect(loneSurrogateAt(r.id)).toBe(-1);
    const lone: string[] = [];
    JSON.stringify(out, (k, v: unknown) => { if (typeof v === 'string' && loneSurrogateAt(v) >= 0) lone.push(k); return v; });
    expect(lone).toEqual([]);
  });

  it('three adds of the same files store each report once, and export balances', async () => {
    const store = join(dir, 's.duckdb');
    const codes: number[] = [];
    for (let k = 0; k < 3; k++) codes.push((await runInProcess(['add', inputs, '--store', store, '-q'])).code);
    const e = await runInProcess(['export', '--store', store]);
    const out = JSON.parse(e.stdout) as Output;
    const ids = out.reports.map((r) => r.id);
    expect(ids.length).toBe(new Set(ids).size);
    expect(ids.sort()).toEqual(['front', 'good', 't']);
    expectBalanced(out, e.stderr);
    expect(codes).toEqual([1, 1, 1]);
  }, 120_000);
});
