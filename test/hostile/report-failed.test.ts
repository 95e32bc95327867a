/**
 * A failure in one report never loses the others: an exception while reading or extracting
 * one report (a bug, an input nobody foresaw) becomes a `report-failed` warning located at
 * that report; the run goes on, exits 1, and the accounting balances. The reader and the
 * extractor are made to throw on chosen reports.
 */
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Output } from '../../src/model/contract.js';
import { CLAIM, front, put } from './fixtures.js';
import { expectGoodReconciled, expectLocated, putGood, scratch } from './breaks-support.js';
import { expectBalanced, runInProcess, runJson } from './support.js';

vi.mock('../../src/extract/index.js', async (original) => {
  const m = await original<typeof import('../../src/extract/index.js')>();
  return {
    ...m,
    extractReport: (rules: Parameters<typeof m.extractReport>[0]) => {
      const extract = m.extractReport(rules);
      return (r: Parameters<typeof extract>[0]) => {
        if (r.id.startsWith('explodes')) throw new Error('an extractor bug');
        return extract(r);
      };
    },
  };
});
vi.mock('../../src/read/raw.js', async (original) => {
  const m = await original<typeof import('../../src/read/raw.js')>();
  return {
    ...m,
    readRaw: (...a: Parameters<typeof m.readRaw>) => {
      if (a[0].endsWith('unreadable.txt')) throw new RangeError('a reader bug');
      return m.readRaw(...a);
    },
  };
});

const dir = scratch('failed');

describe('report-failed: one report failing never loses the others', () => {
  const inputs = join(dir, 'in');
  putGood(inputs);
  put(inputs, 'explodes.txt', `${front('explodes')}${CLAIM}\n`);
  put(inputs, 'unreadable.txt', `${front('unreadable')}${CLAIM}\n`);
  put(inputs, 'many.ndjson', `${JSON.stringify({ id: 'explodes-too', language: 'ar', text: CLAIM })}\n${JSON.stringify({ id: 'fine', language: 'ar', text: CLAIM })}\n`);

  it('run: located warnings, the good reports reconciled, exit 1, and the accounting line printed', async () => {
    const { r, out } = await runJson([inputs]);
    expect(r.code).toBe(1);
    expectGoodReconciled(out);
    expectGoodReconciled(out, 'fine');
    expectLocated(out, 'report-failed', join(inputs, 'explodes.txt'));
    expectLocated(out, 'report-failed', `${join(inputs, 'many.ndjson')}:1`);
    expectLocated(out, 'report-failed', join(inputs, 'unreadable.txt'));
    expect(out.accounting!.reportsSkippedBy).toMatchObject({ 'report-failed': 1 });
  });

  it('add and export: the same', async () => {
    const store = join(dir, 's.duckdb');
    const a = await runInProcess(['add', inputs, '--store', store]);
    expect(a.code).toBe(1);
    expect(a.stderr).toMatch(/warning report-failed at .*explodes\.txt/);
    const e = await runInProcess(['export', '--store', store]);
    const out = JSON.parse(e.stdout) as Output;
    expectGoodReconciled(out);
    expectBalanced(out, e.stderr);
  }, 60_000);
});
