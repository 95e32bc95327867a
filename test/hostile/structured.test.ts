/**
 * Hostile structured input (hand-edited spreadsheets exported as JSON, truncated dumps):
 * one case per kind of damage, each with one asserted outcome; on every case the
 * accounting balances and the exit code is 0, 1 or 2.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Output } from '../../src/model/contract.js';
import { buildStructured } from './fixtures.js';
import { runJson } from './support.js';

let root: string;
const dir = (name: string): string => join(root, name);

const run = runJson;
const where = (out: Output, name: string) => out.warnings.map((w) => [w.code, w.location?.slice(dir(name).length + 1)]);
const values = (out: Output, reportId: string): (number | null)[] =>
  out.incidents.flatMap((i) => i.tolls.filter((t) => !t.derived).flatMap((t) => t.claims.filter((c) => c.reportId === reportId).map((c) => c.value))).sort();

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'reconcile-hostile-structured-'));
  buildStructured(root);
});
afterAll(() => { rmSync(root, { recursive: true, force: true }); });

describe('structured input', () => {
  it('zod errors name the record and the field; the valid record is read', async () => {
    const { r, out } = await run([dir('schema')]);
    expect(r.code).toBe(1);
    expect(where(out, 'schema')).toEqual([
      ['invalid-report', 'recs.json[1] publishedAt'], ['invalid-report', 'recs.json[2] id'],
      ['invalid-report', 'recs.json[3]'], ['invalid-report', 'recs.json[4]'], ['invalid-report', 'recs.json[5]'],
    ]);
    expect(out.accounting).toMatchObject({ reportsRead: 1, reportsSkippedBy: { 'invalid-report': 5 } });
  });

  it('strings where numbers belong are rejected with what was found, and the rest of the report is kept', async () => {
    const { r, out } = await run([dir('strings')]);
    expect(r.code).toBe(1);
    expect(out.warnings.map((w) => [w.location?.slice(dir('strings').length + 1), w.message])).toEqual([
      ['s.json claims[0].value', 'expected a number, got the string "54" (write the number without quotes)'],
      ['s.json claims[1].span[1]', expect.stringContaining('expected a number, got the string')],
    ]);
    expect(values(out, 'strings')).toEqual([3]);
  });

  it('extra fields are ignored with a notice, and everything else is read (exit 0)', async () => {
    const { r, out } = await run([dir('extra')]);
    expect(r.code).toBe(0);
    expect(where(out, 'extra')).toEqual([
      ['unknown-field', 'e.json notes'], ['unknown-field', 'e.json row'], ['unknown-field', 'e.json claims[0].confidence'],
    ]);
    expect(values(out, 'extra')).toEqual([12, 3].sort());
  });

  it('__proto__ and constructor are plain data: as keys they are ignored, as ids they are ids', async () => {
    const { out } = await run([dir('proto')]);
    expect(out.reports.map((x) => x.id).sort()).toEqual(['__proto__', 'constructor', 'front-proto', 'toString']);
    expect([values(out, 'constructor'), values(out, '__proto__'), values(out, 'toString')]).toEqual([[12], [13], [14]]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('absurd values are rejected, each with its reason: negative, fractional, Infinity, NaN, more than a city holds', async () => {
    const { r, out } = await run([dir('absurd')]);
    expect(r.code).toBe(1);
    const msg = (loc: string): string => out.warnings.find((w) => w.location === `${dir('absurd')}/${loc}`)?.message ?? '(none)';
    expect(msg('a.json[0] claims[0].value')).toMatch(/negative|>=0/);
    expect(msg('a.json[0] claims[1].value')).toContain('whole number');
    expect(msg('a.json[0] claims[2].value')).toContain('maxPerIncident');
    expect(msg('a.json[0] claims[3].value')).toContain('maxPerAggregate');
    expect(msg('a.json[0] claims[5].value')).toContain('Infinity');
    expect(out.warnings.find((w) => w.code === 'malformed-json')?.location).toBe(`${dir('absurd')}/n.ndjson:2:43`);
    expect(values(out, 'absurd')).toEqual([3]);
    expect(out.aggregates).toEqual([]);
  });

  it('a truncated file is skipped with the line and column where it breaks', async () => {
    const { r, out } = await run([dir('truncated')]);
    expect(r.code).toBe(1);
    expect(where(out, 'truncated')).toEqual([['malformed-json', expect.stringMatching(/^t\.json:\d+:\d+$/)]]);
    expect(out.reports.map((x) => x.id)).toEqual(['whole']);
  });

  it('100,000 nested brackets are malformed JSON, not a crash', async () => {
    const { r, out } = await run([dir('deep')]);
    expect(r.code).toBe(1);
    expect(where(out, 'deep')).toEqual([['malformed-json', 'd.json:1:100001']]);
  });

  it('NDJSON with CRLF, a blank line and a bad line: the bad line is skipped by its number', async () => {
    const { r, out } = await run([dir('ndjson')]);
    expect(r.code).toBe(1);
    expect(where(out, 'ndjson')).toEqual([['malformed-json', 'l.ndjson:2:2']]);
    expect(out.reports.map((x) => x.id)).toEqual(['line-1', 'line-4']);
  });
});
