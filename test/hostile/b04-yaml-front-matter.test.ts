/**
 * B4: front matter with a YAML alias bomb, or merely 101 aliases, aborted the whole run
 * ("internal error", exit 2). YAML is read with limits (aliases, size); past them the front
 * matter of that one file is ignored with a located warning and every other file is read.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../src/read/meta.js';
import { CLAIM, put } from './fixtures.js';
import { expectGoodReconciled, expectLocated, putGood, scratch } from './breaks-support.js';
import { runJson } from './support.js';

const dir = scratch('b04');

/** Nine levels of nine aliases each: 9^9 nodes when expanded. */
const bomb = (): string => {
  const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x]'];
  for (let k = 1; k < 9; k++) lines.push(`a${k}: &a${k} [${Array(9).fill(`*a${k - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
};
const aliases = (n: number): string => `x: &x 1\ny: [${Array(n).fill('*x').join(', ')}]\n`;

describe('B4: YAML front matter is read with limits', () => {
  it.each([['bomb', bomb()], ['many-aliases', aliases(101)], ['huge', `note: "${'a'.repeat(300_000)}"\n`]])(
    '%s: that file gets a located invalid-front-matter warning, the good one is reconciled, exit 1',
    async (name, yaml) => {
      const inputs = join(dir, name);
      put(inputs, 'bad.txt', `---\n${yaml}id: bad\n---\n${CLAIM}\n`);
      putGood(inputs);
      const { r, out } = await runJson([inputs]);
      expect(r.code).toBe(1);
      expectGoodReconciled(out);
      expectLocated(out, 'invalid-front-matter', join(inputs, 'bad.txt'));
      expect(out.reports.map((x) => x.id)).toContain('bad');
    },
  );

  it('a few aliases are still read', () => {
    const fm = splitFrontMatter(`---\n${aliases(5)}id: fine\n---\nbody`);
    expect(fm).toMatchObject({ kind: 'found', data: { id: 'fine', y: [1, 1, 1, 1, 1] } });
  });
});
