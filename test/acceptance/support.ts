/**
 * End-to-end helpers: run the CLI's program as a user would (in-process, test/support/cli.ts),
 * and score its JSON with the shared scorer (../shared/tools/score.mjs). Tests using the
 * scorer skip when ../shared is absent.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ROOT } from '../support/cli.js';

export { ROOT };
export const SHARED = join(ROOT, '..', 'shared');
export const hasShared = existsSync(join(SHARED, 'tools', 'score.mjs'));

export type { Run } from '../support/cli.js';
export { runInProcess as runCli } from '../support/cli.js';

export type Score = {
  claims: [number, number]; stances: [number, number]; ranges: [number, number]; dates: [number, number];
  disagreements: [number, number]; splits: number; wrongMerges: number; spurious: number; noiseHits: number;
  aggregateAsIncident: number; badQuotes: number; totalQuotes: number;
};

export const score = (output: string, gold: string, texts: string): Score => {
  const dir = mkdtempSync(join(tmpdir(), 'reconcile-score-'));
  const file = join(dir, 'out.json');
  writeFileSync(file, output);
  const lines = execFileSync(process.execPath, [join(SHARED, 'tools', 'score.mjs'), '--gold', gold, '--texts', texts, '--output', file, '--json'], { encoding: 'utf8' })
    .trim().split('\n');
  return JSON.parse(lines[0]!) as Score;
};
