/**
 * B9: `publishedAt: 2018-02-30` was accepted, rolled over to March, and merged two reports
 * wrongly. Dates are validated as calendar dates, wherever they are read.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IsoDate } from '../../src/model/contract.js';
import { CLAIM, put } from './fixtures.js';
import { expectGoodReconciled, expectLocated, putGood, scratch } from './breaks-support.js';
import { runJson } from './support.js';

const dir = scratch('b09');

describe('B9: calendar dates', () => {
  it.each(['2018-02-30', '2019-02-29', '2018-13-01', '2018-00-10', '2018-04-31', '2018-01-00'])('%s is no date', (d) => {
    expect(IsoDate.safeParse(d).success).toBe(false);
  });
  it.each(['2020-02-29', '2000-02-29', '2018-12-31', '2018-01-01'])('%s is a date', (d) => {
    expect(IsoDate.safeParse(d).success).toBe(true);
  });

  it('front matter, a manifest and a structured record with 2018-02-30: located warnings, the good report reconciled', async () => {
    const inputs = join(dir, 'in');
    putGood(inputs);
    put(inputs, 'front.txt', `---\nid: front\npublishedAt: 2018-02-30\nlanguage: ar\n---\n${CLAIM}\n`);
    put(inputs, 'listed/reports.json', JSON.stringify({ 'a.txt': { id: 'listed', publishedAt: '2018-02-30', language: 'ar' } }));
    put(inputs, 'listed/a.txt', `${CLAIM}\n`);
    put(inputs, 'coded.json', JSON.stringify({ id: 'coded', publishedAt: '2018-02-30', language: 'ar', text: CLAIM }));
    const { r, out } = await runJson([inputs]);
    expect(r.code).toBe(1);
    expectGoodReconciled(out);
    expectLocated(out, 'invalid-front-matter', `${join(inputs, 'front.txt')} publishedAt`);
    expectLocated(out, 'invalid-manifest', `${join(inputs, 'listed/reports.json')} ["a.txt"].publishedAt`);
    expectLocated(out, 'invalid-report', `${join(inputs, 'coded.json')} publishedAt`);
    expect(out.reports.filter((x) => x.publishedAt === '2018-02-30' || x.publishedAt === '2018-03-02')).toEqual([]);
  });
});
