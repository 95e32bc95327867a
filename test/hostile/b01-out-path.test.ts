/**
 * B1: `--out` onto the store or onto an input replaced it with the output (exit 0). An
 * output path that is an input, the store, or inside a folder that is read is refused
 * before anything is read; so is an output folder that does not exist.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../acceptance/support.js';
import { putGood, scratch } from './breaks-support.js';
import { runInProcess } from './support.js';

const dir = scratch('b01');
const seeds = join(ROOT, 'fixtures/seeds');

describe('B1: --out never replaces an input or the store', () => {
  it('export --out onto its own store: exit 2, the store untouched and still exports', async () => {
    const store = join(dir, 's.duckdb');
    expect((await runInProcess(['add', seeds, '--store', store, '-q'])).code).toBe(0);
    const before = readFileSync(store);
    const first = await runInProcess(['export', '--store', store, '-q']);
    const r = await runInProcess(['export', '--store', store, '--out', store, '-q']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the store/);
    expect(readFileSync(store).equals(before)).toBe(true);
    expect((await runInProcess(['export', '--store', store, '-q'])).stdout).toBe(first.stdout);
  }, 120_000);

  it('run --out onto an input file, a file in an input folder, or a rule file: exit 2, the file untouched', async () => {
    const input = putGood(join(dir, 'in'));
    const text = readFileSync(input, 'utf8');
    const named = await runInProcess(['run', input, '--out', input]);
    const walked = await runInProcess(['run', join(dir, 'in'), '--out', input]);
    for (const r of [named, walked]) {
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/is an input/);
    }
    expect(readFileSync(input, 'utf8')).toBe(text);
    const intoRules = await runInProcess(['run', input, '--out', join(ROOT, 'rules/sources.yaml')]);
    expect([intoRules.code, intoRules.stderr]).toEqual([2, expect.stringMatching(/rule/)]);
  });

  it('the same file reached through another name (a ./ path, a symbolic link) is refused too', async () => {
    const input = putGood(join(dir, 'in2'));
    const r = await runInProcess(['run', join(dir, 'in2'), '--out', `${join(dir, 'in2')}/./good.txt`]);
    expect(r.code).toBe(2);
  });

  it('an output folder that does not exist is refused before any input is read', async () => {
    const input = putGood(join(dir, 'in3'));
    let reads = 0;
    const r = await runInProcess(['run', input, '--out', join(dir, 'missing/x.json')], {
      readFile: async (p) => { reads++; return readFileSync(p); },
    });
    expect([r.code, reads]).toEqual([2, 0]);
    expect(r.stderr).toContain(`cannot write ${join(dir, 'missing/x.json')}: no such directory`);
  });
});
