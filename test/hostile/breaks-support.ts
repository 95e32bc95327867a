/**
 * Helpers for the reliability suite (issue 14, one test file per break B1–B14): a scratch
 * folder per test file, a good report to put beside a bad one, and a check that the good
 * one was reconciled while the bad one got a located warning.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import type { Output } from '../../src/model/contract.js';
import { CLAIM, front, put } from './fixtures.js';

/** A scratch folder, removed after the file's tests. */
export const scratch = (name: string): string => {
  const dir = mkdtempSync(join(tmpdir(), `reconcile-${name}-`));
  afterAll(() => { rmSync(dir, { recursive: true, force: true }); });
  return dir;
};

/** A good raw report (id `good`, one claim of 12 civilians) in `dir`. */
export const putGood = (dir: string, name = 'good.txt', id = 'good'): string => put(dir, name, `${front(id)}${CLAIM}\n`);

/** The good report was read and its claim reached an incident. */
export const expectGoodReconciled = (out: Output, id = 'good'): void => {
  expect(out.reports.map((r) => r.id)).toContain(id);
  const claims = out.incidents.flatMap((i) => i.tolls.flatMap((t) => t.claims)).filter((c) => c.reportId === id);
  expect(claims.map((c) => c.value)).toContain(12);
};

/** A warning of `code` located at `where` (a path, then optional `:line…` or ` field`). */
export const expectLocated = (out: Output, code: string, where: string): void => {
  const found = out.warnings.filter((w) => w.code === code);
  expect(found.map((w) => w.location), `${code} warnings`).toContainEqual(expect.stringMatching(new RegExp(`^${where.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:$|[: ])`)));
};
