/**
 * Crash test: a process killed (SIGKILL) in the middle of an add leaves the store as it was
 * before that add, and the next add succeeds with the result an uninterrupted one gives.
 * Killed inside the transaction with every row written (a driver waits there), and the real
 * binary killed at points spread over its run.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDuckDbStore } from '../../src/cli/store/duckdb.js';
import { corpusLines } from './support.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'bin/reconcile.js');
let dir: string;

/** Everything a store holds, history included, as one comparable value. */
const state = async (path: string): Promise<unknown> => {
  const s = await openDuckDbStore(path, { create: false });
  if (E.isLeft(s)) throw new Error(s.left.message);
  try {
    const c = await s.right.content();
    return { meta: await s.right.meta(), history: await s.right.history(), reports: c.reports, mentions: c.mentions, incidents: c.incidents };
  } finally {
    s.right.close();
  }
};

const add = (store: string, input: string) => spawnSync(process.execPath, [bin, 'add', input, '--store', store, '-q'], { encoding: 'utf8' });

let base: string, big: string, before: unknown, after: unknown, seconds: number;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'reconcile-crash-'));
  const lines = corpusLines(5, 1600, 120, ['idlib', 'aleppo', 'hama']);
  writeFileSync(join(dir, 'first.ndjson'), `${lines.slice(0, 400).join('\n')}\n`);
  big = join(dir, 'big.ndjson');
  writeFileSync(big, `${lines.slice(400).join('\n')}\n`);
  base = join(dir, 'base.duckdb');
  expect(add(base, join(dir, 'first.ndjson')).status).toBe(0);
  before = await state(base);
  // An uninterrupted add: how long it takes, and what it leaves.
  const whole = join(dir, 'whole.duckdb');
  copyFileSync(base, whole);
  const t0 = performance.now();
  expect(add(whole, big).status).toBe(0);
  seconds = (performance.now() - t0) / 1000;
  after = await state(whole);
}, 600_000);
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

const withoutTimes = (s: unknown): unknown => JSON.parse(JSON.stringify(s, (k, v: unknown) => (k === 'at' ? undefined : v)));

describe('a killed add', () => {
  it('killed inside the transaction, every row written: the store is as before, and the next add succeeds', async () => {
    const store = join(dir, 'driver.duckdb');
    copyFileSync(base, store);
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'test/store/crash-driver.ts'), store, big], { cwd: root });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => { if (d.toString().includes('IN-TRANSACTION')) { child.kill('SIGKILL'); resolve(); } });
      child.on('exit', (code) => reject(new Error(`the driver ended (${code}) before its transaction`)));
    });
    await new Promise((r) => child.on('close', r));
    expect(child.signalCode).toBe('SIGKILL');
    expect(await state(store)).toEqual(before);
    expect(add(store, big).status).toBe(0);
    expect(withoutTimes(await state(store))).toEqual(withoutTimes(after));
  }, 600_000);

  it('the binary killed at points spread over its run: each time the store is as before, and the next add succeeds', async () => {
    let killed = 0;
    for (const share of [0.3, 0.7, 0.95]) {
      const store = join(dir, `kill-${share}.duckdb`);
      copyFileSync(base, store);
      const child = spawn(process.execPath, [bin, 'add', big, '--store', store, '-q']);
      const timer = setTimeout(() => child.kill('SIGKILL'), share * seconds * 1000);
      await new Promise((r) => child.on('close', r));
      clearTimeout(timer);
      if (child.signalCode === 'SIGKILL') {
        const seen = await state(store);
        // killed after its commit but before it exited: the add is whole, and adding again must still work
        if (JSON.stringify(withoutTimes(seen)) === JSON.stringify(withoutTimes(after))) { expect(add(store, big).status).toBe(0); continue; }
        killed++;
        expect(seen).toEqual(before);
      } else expect(child.exitCode).toBe(0); // finished first: nothing to check but that it worked
      expect(add(store, big).status).toBe(0);
      expect(withoutTimes(await state(store))).toEqual(withoutTimes(after));
    }
    expect(killed).toBeGreaterThan(0);
  }, 900_000);
});
