/**
 * The README's SQL for the incident store runs: each query of its "Incident store" section,
 * against a store of generated reports added in two batches, returns rows, and the history
 * query follows an incident that grew.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, describe, expect, it } from 'vitest';
import { openDuckDbStore } from '../../src/cli/store/duckdb.js';
import { addReports } from '../../src/store/index.js';
import { corpusLines, hash, readLines, rules } from './support.js';

const readme = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');
const section = readme.split(/^## Incident store$/m)[1]?.split(/^## /m)[0] ?? '';
const queries = [...section.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1]!);
const dir = mkdtempSync(join(tmpdir(), 'reconcile-readme-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the README queries of the incident store', () => {
  it('run and return rows', async () => {
    expect(queries).toHaveLength(3);
    const path = join(dir, 'incidents.duckdb');
    const opened = await openDuckDbStore(path, { create: true });
    if (E.isLeft(opened)) throw new Error(opened.left.message);
    const all = readLines(rules, corpusLines(21, 60, 200, ['idlib']));
    const add = addReports(opened.right, { rules, rulesHash: hash });
    await add(all.slice(0, 30));
    await add(all.slice(30));
    const grown = (await opened.right.history()).find((h) => h.event === 'grown')!.incidentId!;
    opened.right.close();

    const instance = await DuckDBInstance.create(path);
    const c = await instance.connect();
    try {
      const run = async (sql: string) => (await c.runAndReadAll(sql)).getRowObjectsJS();
      const [range, lineage, sources] = [
        await run(queries[0]!),
        await run(queries[1]!.replace("'inc-0123456789'", `'${grown}'`)),
        await run(queries[2]!),
      ];
      expect(range.length).toBeGreaterThan(0);
      expect(range[0]).toEqual(expect.objectContaining({ id: expect.stringMatching(/^inc-/), low: expect.any(Number) }));
      expect(lineage.map((r) => r.event)).toEqual(expect.arrayContaining(['created', 'grown']));
      expect(sources.length).toBeGreaterThan(0);
      expect(sources[0]).toEqual(expect.objectContaining({ source: expect.any(String), claims: expect.anything() }));
    } finally {
      c.closeSync();
      instance.closeSync();
    }
  });
});
