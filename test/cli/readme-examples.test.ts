/**
 * The README's worked examples (its "Worked examples" section) run as printed: each ```sh
 * block in bash from the package's folder, with the built CLI behind `npx reconcile`. Each
 * must exit 0, print something, and say nothing of an error on stderr.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const section = /\n### Worked examples\n([\s\S]*?)\n##/.exec(readme)?.[1] ?? '';
const examples = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!.trim());

describe("the README's worked examples", () => {
  it('are there', () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
    // every output format the section is about appears in one
    for (const f of ['ucdp', 'airwars', 'geojson', 'csv']) expect(examples.some((e) => e.includes(`--format ${f}`))).toBe(true);
  });

  it.each(examples.map((e, i) => [i + 1, e] as const))('example %i runs as printed', (_, command) => {
    const r = spawnSync('bash', ['-c', command], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1' } });
    expect(r.stderr).not.toMatch(/error|Error|not found|usage/i);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim().length).toBeGreaterThan(0);
  }, 130_000);
});
