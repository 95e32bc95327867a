/**
 * B13: `١٢٫٥ مدنيا` (12.5) was read as 5, and `1 200` with a no-break space as 200, neither
 * with a warning. A decimal is read with a multiplier (`٢٫٥ ألف` is 2500) and otherwise
 * refused with a notice; digit groups set off by a no-break or thin space are one number.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Output } from '../../src/model/contract.js';
import { SAID, front, put } from './fixtures.js';
import { scratch } from './breaks-support.js';
import { runJson } from './support.js';

const dir = scratch('b13');
const values = (out: Output, id: string): (number | null)[] =>
  [...out.incidents.flatMap((i) => i.tolls.flatMap((t) => t.claims)), ...out.aggregates].filter((c) => c.reportId === id).map((c) => c.value);
const report = (id: string, figure: string, noun = 'مدنيا'): string =>
  put(dir, `${id}.txt`, `${front(id)}${SAID} ${figure} ${noun} قتلوا في غارة جوية على بلدة هجين.\n`);

describe('B13: decimal and grouped figures', () => {
  it.each([
    ['nbsp', '1\u00a0200'], ['thin', '1\u2009200'], ['narrow', '1\u202f200'], ['arabic-nbsp', '١\u00a0٢٠٠'], ['two-groups', '1\u00a0200\u00a0000'],
  ])('%s: a grouped figure is one number', async (id, figure) => {
    const { out } = await runJson([report(id, figure, 'مدني')]);
    const v = values(out, id);
    expect(v).toEqual([figure.includes('000') ? 1_200_000 : 1200]);
  });

  it.each([['arabic-decimal', '١٢٫٥'], ['dot-decimal', '12.5'], ['comma-decimal', '7,25']])('%s: no claim of its fraction, a located notice', async (id, figure) => {
    const { out } = await runJson([report(id, figure)]);
    expect(values(out, id)).toEqual([]);
    const w = out.warnings.filter((x) => x.code === 'decimal-figure' && x.reportId === id);
    expect(w).toHaveLength(1);
    expect(w[0]!.location).toMatch(new RegExp(`${id}\\.txt:\\d+:\\d+$`));
  });

  it('a decimal with a multiplier is read: ٢٫٥ ألف is 2500', async () => {
    const { out } = await runJson([report('thousands', '٢٫٥ ألف', 'مدني')]);
    expect(values(out, 'thousands')).toEqual([2500]);
  });
});
