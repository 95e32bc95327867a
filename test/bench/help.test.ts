/** `npm run bench -- --help` names every option the bench parses, and exits without measuring. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('bench --help', () => {
  it('lists every option of bench/run.ts', () => {
    const source = readFileSync('bench/run.ts', 'utf8');
    const block = source.slice(source.indexOf('options: {'), source.indexOf('},\n});'));
    const names = [...block.matchAll(/^\s+'?([a-z-]+)'?: \{ type:/gmu)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(5);
    const help = execFileSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--help'], { encoding: 'utf8', timeout: 60_000 });
    for (const n of names) expect(help, n).toContain(`--${n}`);
  }, 90_000);
});
