/**
 * The DuckDB adapter against the in-memory store (the port's reference): the same adds give
 * the same export, ids and history, after reopening the file too; the plain tables hold what
 * the incidents say; files that are not stores, or stores of a newer schema, are refused.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, describe, expect, it } from 'vitest';
import { openDuckDbStore, type DuckDbStore } from '../../src/cli/store/duckdb.js';
import { addReports, exportOutput, memoryStore, type HistoryRecord } from '../../src/store/index.js';
import { byEvidence, corpusLines, hash, oneShot, readLines, rules } from './support.js';

const dir = mkdtempSync(join(tmpdir(), 'reconcile-duckdb-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const open = async (path: string, create = true): Promise<DuckDbStore> => {
  const s = await openDuckDbStore(path, { create });
  if (E.isLeft(s)) throw new Error(s.left.message);
  return s.right;
};

const withoutTime = (h: readonly HistoryRecord[]) => h.map(({ at, ...rest }) => rest);

describe('the DuckDB store', () => {
  it.each([[11, 30, 3], [12, 40, 4], [13, 25, 2]])('seed %i: %i reports in %i adds give what the in-memory store gives, and what run gives', async (seed, n, k) => {
    const all = readLines(rules, corpusLines(seed, n, 6, ['idlib'], 4));
    const path = join(dir, `s${seed}.duckdb`);
    const db = await open(path);
    const mem = memoryStore();
    const size = Math.ceil(all.length / k);
    for (let p = 0; p < k; p++) {
      const part = all.slice(p * size, (p + 1) * size);
      const [a, b] = [await addReports(db, { rules, rulesHash: hash })(part), await addReports(mem, { rules, rulesHash: hash })(part)];
      expect(a).toEqual(b);
    }
    const exported = exportOutput(rules, hash)(await db.content());
    expect(exported).toEqual(exportOutput(rules, hash)(await mem.content()));
    expect(withoutTime(await db.history())).toEqual(withoutTime(await mem.history()));
    expect(byEvidence(exported)).toEqual(byEvidence(oneShot(rules, hash, all)));
    db.close();
    const again = await open(path, false);
    expect(exportOutput(rules, hash)(await again.content())).toEqual(exported);
    expect(await again.meta()).toEqual({ schemaVersion: 1, rulesHash: hash, batches: k });
    again.close();

    // The plain tables agree with the incidents.
    const inst = await DuckDBInstance.create(path);
    const c = await inst.connect();
    const q = async (sql: string) => (await c.runAndReadAll(sql)).getRowObjectsJS();
    expect(Number((await q('SELECT count(*) AS n FROM incidents'))[0]!.n)).toBe(exported.incidents.length);
    expect(Number((await q('SELECT count(*) AS n FROM tolls'))[0]!.n)).toBe(exported.incidents.reduce((s, i) => s + i.tolls.length, 0));
    expect(Number((await q('SELECT count(*) AS n FROM disagreements'))[0]!.n)).toBe(exported.incidents.reduce((s, i) => s + i.disagreements.length, 0));
    expect(Number((await q('SELECT count(*) AS n FROM stances'))[0]!.n)).toBe(exported.accounting!.stancesInIncidents);
    expect(Number((await q('SELECT count(*) AS n FROM reports'))[0]!.n)).toBe(all.length);
    expect(Number((await q('SELECT count(*) AS n FROM claims'))[0]!.n)).toBe(exported.accounting!.claimsExtracted);
    const unplaced = await q('SELECT count(*) AS n FROM mentions m JOIN claims c ON c.mention_id = m.id WHERE m.incident_id IS NULL');
    expect(Number(unplaced[0]!.n)).toBe(0);
    c.closeSync();
    inst.closeSync();
  });

  it('refuses a file that is not a DuckDB database, a database that is not a store, and a store of a newer schema', async () => {
    const text = join(dir, 'notes.duckdb');
    writeFileSync(text, 'hello, this is not a database\n'.repeat(400));
    const a = await openDuckDbStore(text, { create: true });
    expect(E.isLeft(a) && a.left.code).toBe('not-a-store');

    const other = join(dir, 'other.duckdb');
    const i1 = await DuckDBInstance.create(other);
    const c1 = await i1.connect();
    await c1.run('CREATE TABLE people (name VARCHAR)');
    c1.closeSync(); i1.closeSync();
    const b = await openDuckDbStore(other, { create: true });
    expect(E.isLeft(b) && b.left.code).toBe('not-a-store');

    const newer = join(dir, 'newer.duckdb');
    const s = await open(newer);
    await addReports(s, { rules, rulesHash: hash })(readLines(rules, corpusLines(3, 4)));
    s.close();
    const i2 = await DuckDBInstance.create(newer);
    const c2 = await i2.connect();
    await c2.run("UPDATE meta SET value = '99' WHERE key = 'schema_version'");
    c2.closeSync(); i2.closeSync();
    const d = await openDuckDbStore(newer, { create: false });
    expect(E.isLeft(d) && d.left).toEqual({ code: 'newer-schema', message: expect.stringContaining('store schema 99; this version reads up to 1') });

    const missing = await openDuckDbStore(join(dir, 'missing.duckdb'), { create: false });
    expect(E.isLeft(missing) && missing.left.code).toBe('no-store');
  });
});
