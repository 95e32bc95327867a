/**
 * B8: a figure of ten or more digits vanished without a word, where 3,000,000 got
 * `implausible-figure`. A figure beyond the limits gets the same warning whatever its length.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAID, front, put } from './fixtures.js';
import { scratch } from './breaks-support.js';
import { runJson } from './support.js';

const dir = scratch('b08');
const figures = ['3000000', '9999999999', '123456789012', '4'.repeat(40), '9'.repeat(1000)];

describe('B8: every implausible figure is said, whatever its length', () => {
  figures.forEach((f, k) => put(dir, `f${k}.txt`, `${front(`f${k}`)}${SAID} ${f} مدنيا قتلوا في غارة جوية على بلدة هجين.\n`));

  it.each(figures.map((f, k) => [f.length, k]))('%d digits: implausible-figure at the report, no claim', async (_, k) => {
    const { out } = await runJson([join(dir, `f${k}.txt`)]);
    const w = out.warnings.filter((x) => x.code === 'implausible-figure' && x.reportId === `f${k}`);
    expect(w).toHaveLength(1);
    expect(w[0]!.location).toMatch(new RegExp(`f${k}\\.txt at offset \\d+$`));
    expect(out.incidents.flatMap((i) => i.tolls)).toEqual([]);
    expect(out.aggregates).toEqual([]);
  });
});
