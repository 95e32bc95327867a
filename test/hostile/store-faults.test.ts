/**
 * Crash safety at every step of an add: a fault (an exception) before each store write,
 * and a SIGKILL before each write and just after the add, leave the store as it was before
 * the add or holding the whole add; the next add then gives what an uninterrupted one does,
 * and `export` gives what `run` gives on the same reports.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDuckDbStore, type DuckDbOptions } from '../../src/cli/store/duckdb.js';
import type { Output } from '../../src/model/contract.js';
import { addReports } from '../../src/store/index.js';
import { ROOT } from '../acceptance/support.js';
import { byEvidence, corpusLines, hash, readLines, rules } from '../store/support.js';
import { scratch } from './breaks-support.js';
import { runInProcess } from './support.js';

const dir = scratch('faults');
const lines = corpusLines(11, 40, 10, ['idlib', 'aleppo']);
const first = join(dir, 'first.ndjson');
const second = join(dir, 'second.ndjson');
writeFileSync(first, `${lines.slice(0, 20).join('\n')}\n`);
writeFileSync(second, `${lines.slice(20).join('\n')}\n`);

/** Everything a store holds, history included (without the clock). */
const state = async (path: string): Promise<unknown> => {
  const s = await openDuckDbStore(path, { create: false });
  if (E.isLeft(s)) throw new Error(s.left.message);
  try {
    const c = await s.right.content();
    const all = { meta: await s.right.meta(), history: await s.right.history(), reports: c.reports, mentions: c.mentions, incidents: c.incidents };
    return JSON.parse(JSON.stringify(all, (k, v: unknown) => (k === 'at' ? undefined : v)));
  } finally {
    s.right.close();
  }
};

const add = async (path: string, file: string, opts: Partial<DuckDbOptions> = {}): Promise<void> => {
  const s = await openDuckDbStore(path, { create: true, ...opts });
  if (E.isLeft(s)) throw new Error(s.left.message);
  try {
    await addReports(s.right, { rules, rulesHash: hash })(readLines(rules, (file === first ? lines.slice(0, 20) : lines.slice(20)), file));
  } finally {
    s.right.close();
  }
};

let base: string, before: unknown, after: unknown, steps: string[];
beforeAll(async () => {
  base = join(dir, 'base.duckdb');
  await add(base, first);
  before = await state(base);
  const whole = join(dir, 'whole.duckdb');
  copyFileSync(base, whole);
  steps = [];
  await add(whole, second, { beforeWrite: (_, what) => { steps.push(what); } });
  after = await state(whole);
}, 120_000);

describe('crash safety at every write step of add', () => {
  it('an add writes in several steps, BEGIN to COMMIT', () => {
    expect(steps[0]).toBe('BEGIN TRANSACTION');
    expect(steps.at(-1)).toBe('COMMIT');
    expect(steps.length).toBeGreaterThan(5);
  });

  it('a fault before any one step: the add fails, the store is as before, and the next add completes it', async () => {
    for (let k = 1; k <= steps.length; k++) {
      const store = join(dir, `fault-${k}.duckdb`);
      copyFileSync(base, store);
      await expect(add(store, second, { beforeWrite: (step) => { if (step === k) throw new Error(`fault at step ${k}`); } })).rejects.toThrow(`fault at step ${k}`);
      expect(await state(store), `fault before step ${k} (${steps[k - 1]})`).toEqual(before);
      await add(store, second);
      expect(await state(store)).toEqual(after);
    }
  }, 300_000);

  it('killed before any one step, or right after the add: the store is as before or whole, and export equals run', async () => {
    const run = JSON.parse((await runInProcess(['run', first, second, '-q'])).stdout) as Output;
    for (let k = 0; k <= steps.length; k++) {
      const store = join(dir, `kill-${k}.duckdb`);
      copyFileSync(base, store);
      const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/hostile/kill-driver.ts'), store, second, String(k)], { cwd: ROOT });
      const signal = await new Promise<string | null>((done) => { child.on('close', (_, sig) => { done(sig); }); });
      expect(signal, `step ${k}`).toBe('SIGKILL');
      expect(await state(store), `killed at step ${k}`).toEqual(k === 0 ? after : before);
      if (k !== 0) await add(store, second);
      const exported = await runInProcess(['export', '--store', store, '-q']);
      expect(byEvidence(JSON.parse(exported.stdout) as Output)).toEqual(byEvidence(run));
    }
  }, 600_000);
});
