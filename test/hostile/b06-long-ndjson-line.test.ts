/**
 * B6: one very long .ndjson line never finished (over 400 s for 3.2 GB): the line splitter
 * joined the unfinished line to every chunk and split it again. Lines are cut in linear
 * work, and a line longer than one record may be is refused with `too-large`, located at its
 * line, while the rest of the file is read. Here the limits are lowered (the System's
 * readLimits) so a few kilobytes reach the paths a gigabyte takes; `npm run fuzz` runs the
 * gigabyte itself.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lineSplitter } from '../../src/read/ndjson-stream.js';
import { CLAIM, put } from './fixtures.js';
import { expectGoodReconciled, expectLocated, putGood, scratch } from './breaks-support.js';
import { expectBalanced, runInProcess } from './support.js';
import type { Output } from '../../src/model/contract.js';

const dir = scratch('b06');
const record = (id: string, text = CLAIM): string => JSON.stringify({ id, language: 'ar', text });

describe('B6: long .ndjson lines', () => {
  it('a line past the limit is refused at its line; the lines around it and the file beside it are read', async () => {
    const inputs = join(dir, 'in');
    putGood(inputs);
    put(inputs, 'long.ndjson', [record('before'), record('huge', `${CLAIM} ${'كلمة '.repeat(4000)}`), record('after'), ''].join('\n'));
    const r = await runInProcess(['run', inputs], { readLimits: { streamFromBytes: 64, maxFileBytes: 8192 } });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as Output;
    expectBalanced(out, r.stderr);
    expectGoodReconciled(out);
    expectGoodReconciled(out, 'before');
    expectGoodReconciled(out, 'after');
    expectLocated(out, 'too-large', `${join(inputs, 'long.ndjson')}:2`);
    expect(out.reports.map((x) => x.id)).not.toContain('huge');
  });

  it('the splitter searches each character once, however the line is cut', () => {
    let searched = 0;
    const s = lineSplitter(1_000_000, (n) => { searched += n; });
    const chunk = 'x'.repeat(1000);
    for (let k = 0; k < 2000; k++) expect(s.push(chunk)).toEqual([]);
    expect(s.push('\n')).toEqual([{ tooLong: 2_000_000 }]);
    expect(searched).toBe(2_000_001);
    const t = lineSplitter(Number.POSITIVE_INFINITY);
    expect([...t.push('ab'), ...t.push('c\nd'), ...t.push('e\n\nf'), ...t.end()]).toEqual(['abc', 'de', '', 'f']);
  });
});
