/**
 * B14: a YAML alias bomb in a rule file (--rules) gave "internal error" instead of a rule
 * problem located at that file. Rule files are read with the same limits as front matter.
 */
import { cpSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../acceptance/support.js';
import { putGood, scratch } from './breaks-support.js';
import { runInProcess } from './support.js';

const dir = scratch('b14');

const bomb = (): string => {
  const lines = ['zz0: &zz0 [x, x, x, x, x, x, x, x, x]'];
  for (let k = 1; k < 9; k++) lines.push(`zz${k}: &zz${k} [${Array(9).fill(`*zz${k - 1}`).join(', ')}]`);
  return `\n${lines.join('\n')}\n`;
};

describe('B14: rule files are read with YAML limits', () => {
  it.each(['run', 'check-rules'])('%s: an alias bomb in one rule file is a located rule problem, exit 2', async (command) => {
    const rules = join(dir, `rules-${command}`);
    cpSync(join(ROOT, 'rules'), rules, { recursive: true });
    appendFileSync(join(rules, 'actors.yaml'), bomb());
    const args = command === 'run' ? ['run', putGood(join(dir, 'in')), '--rules', rules] : ['check-rules', '--rules', rules];
    const r = await runInProcess(args);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.stderr).toMatch(/→ at actors\.yaml/);
    expect(r.stderr).toMatch(/alias/i);
  });
});
