/**
 * `reconcile add` and `reconcile export` through the program (DuckDB stores in a temporary
 * folder): export equals run, ids stay stable across adds, a rules change reconciles the
 * store again and the history says so; usage errors and stores that cannot be used exit 2
 * with one plain line and no stack trace.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Output } from '../../src/model/contract.js';
import { byEvidence, corpusLines } from '../store/support.js';
import { runBuilt, runInProcess } from '../support/cli.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = (args: string[]) => runInProcess(args);
const noStackTrace = (stderr: string): void => { expect(stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m); };

let dir: string;
const lines = corpusLines(7, 36, 8, ['idlib']);
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'reconcile-store-cli-'));
  mkdirSync(join(dir, 'in'));
  [0, 1, 2].forEach((k) => writeFileSync(join(dir, `in/part-${k}.ndjson`), `${lines.filter((_, i) => i % 3 === k).join('\n')}\n`));
});
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

const query = async (store: string, sql: string): Promise<Record<string, unknown>[]> => {
  const i = await DuckDBInstance.create(store);
  const c = await i.connect();
  try {
    return (await c.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
  } finally {
    c.closeSync();
    i.closeSync();
  }
};

describe('reconcile add and export', () => {
  it('three adds then export give what run gives on all the reports, and grown incidents keep their ids', async () => {
    const store = join(dir, 'three.duckdb');
    const first = await cli(['add', join(dir, 'in/part-0.ndjson'), '--store', store]);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/^store: 12 report\(s\) added \(batch 1\), 0 already stored; incidents: \d+ created; 0 stored mention\(s\) re-clustered$/m);
    const before = JSON.parse((await cli(['export', '--store', store, '-q'])).stdout) as Output;
    for (const k of [1, 2]) expect(await cli(['add', join(dir, `in/part-${k}.ndjson`), '--store', store, '-q'])).toEqual({ code: 0, stdout: '', stderr: '' });
    const exported = await cli(['export', '--store', store]);
    expect(exported.code).toBe(0);
    expect(exported.stderr).toMatch(/^reports: 36 read, 0 skipped; claims:/m);
    const run = await cli(['run', join(dir, 'in'), '-q']);
    const [e, r] = [JSON.parse(exported.stdout) as Output, JSON.parse(run.stdout) as Output];
    expect(byEvidence(e)).toEqual(byEvidence(r));
    // Every incident of the first add whose mentions all sit in one later incident holding no other first-add incident's mentions kept its id.
    const owner = new Map(e.incidents.flatMap((i) => (i.mentionIds ?? []).map((m) => [m, i.id] as const)));
    for (const i of before.incidents) {
      const heirs = new Set((i.mentionIds ?? []).map((m) => owner.get(m)));
      const heir = [...heirs][0]!;
      const shared = before.incidents.some((o) => o !== i && (o.mentionIds ?? []).some((m) => owner.get(m) === heir));
      if (heirs.size === 1 && !shared) expect(heir).toBe(i.id);
    }
    // Ids that differ from run's are explained by the history.
    const history = await query(store, 'SELECT event, incident_id FROM history');
    const runIds = new Set(r.incidents.map((i) => i.id));
    for (const i of e.incidents) {
      if (!runIds.has(i.id)) expect(history).toContainEqual(expect.objectContaining({ incident_id: i.id, event: expect.stringMatching(/grown|changed/) }));
    }
    expect(await query(store, 'SELECT count(*)::INTEGER AS n FROM reports')).toEqual([{ n: 36 }]);
    // --out writes the same bytes, atomically.
    const outFile = join(dir, 'export.json');
    expect(await cli(['export', '--store', store, '-q', '--out', outFile])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(outFile, 'utf8')).toBe(exported.stdout);
    // The other formats render the same output.
    for (const format of ['md', 'csv', 'html']) {
      const x = await cli(['export', '--store', store, '--format', format, '-q']);
      expect(x.code).toBe(0);
      expect(x.stdout.length).toBeGreaterThan(100);
    }
  });

  it('adding the same reports again changes nothing; a changed report under a stored id is skipped with a warning (exit 1)', async () => {
    const store = join(dir, 'again.duckdb');
    expect((await cli(['add', join(dir, 'in/part-0.ndjson'), '--store', store, '-q'])).code).toBe(0);
    const again = await cli(['add', join(dir, 'in/part-0.ndjson'), '--store', store]);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/0 report\(s\) added \(batch 1\), 12 already stored; incidents: no change/);
    const changed = JSON.parse(lines[0]!) as { id: string; text: string };
    writeFileSync(join(dir, 'changed.ndjson'), `${JSON.stringify({ ...changed, text: `${changed.text} ` })}\n`);
    const r = await cli(['add', join(dir, 'changed.ndjson'), '--store', store]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`warning stored-report-differs at ${join(dir, 'changed.ndjson')}:1: a report with id '${changed.id}' is stored already with other content; the stored one is kept`);
  });

  it('a store written under other rules is reconciled again, and the history says so', async () => {
    const store = join(dir, 'rules.duckdb');
    const rules = join(dir, 'rules');
    cpSync(join(root, 'rules'), rules, { recursive: true });
    const clustering = join(rules, 'clustering.yaml');
    writeFileSync(clustering, readFileSync(clustering, 'utf8').replace(/^dateWindowDays: 2$/m, 'dateWindowDays: 1'));
    expect((await cli(['add', join(dir, 'in/part-0.ndjson'), join(dir, 'in/part-1.ndjson'), '--store', store, '-q'])).code).toBe(0);
    const r = await cli(['add', join(dir, 'in/part-2.ndjson'), '--store', store, '--rules', rules]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^store: written under rules [0-9a-f]+; every stored report is reconciled again under rules [0-9a-f]+ \(recorded in the history\)$/m);
    const events = await query(store, "SELECT batch, event, detail FROM history WHERE event IN ('rules-changed', 'added') ORDER BY seq");
    expect(events).toEqual([
      expect.objectContaining({ batch: 1, event: 'added' }),
      expect.objectContaining({ batch: 2, event: 'rules-changed', detail: expect.stringContaining('24 stored report(s) extracted, clustered and reconciled again') }),
      expect.objectContaining({ batch: 2, event: 'added' }),
    ]);
    const e = JSON.parse((await cli(['export', '--store', store, '--rules', rules, '-q'])).stdout) as Output;
    const run = JSON.parse((await cli(['run', join(dir, 'in'), '--rules', rules, '-q'])).stdout) as Output;
    expect(byEvidence(e)).toEqual(byEvidence(run));
    // Exporting under the shipped rules again reconciles it back, with a second rules-changed line.
    const back = await cli(['export', '--store', store, '-q']);
    expect(byEvidence(JSON.parse(back.stdout) as Output)).toEqual(byEvidence(JSON.parse((await cli(['run', join(dir, 'in'), '-q'])).stdout) as Output));
    expect(await query(store, "SELECT count(*)::INTEGER AS n FROM history WHERE event = 'rules-changed'")).toEqual([{ n: 2 }]);
  });

  it.each([
    [['add', 'fixtures/seeds'], /^reconcile: add needs --store FILE/],
    [['add', '--store', 'x.duckdb'], /^reconcile: add needs at least one file or directory/],
    [['export'], /^reconcile: export needs --store FILE/],
    [['export', '--store', 'x.duckdb', 'fixtures/seeds'], /^reconcile: export reads only the store; unexpected 'fixtures\/seeds'/],
    [['export', '--store', 'x.duckdb', '--format', 'xml'], /^reconcile: unknown format 'xml'; use json, md, html, csv/],
    [['add', 'fixtures/seeds', '--store', 'x.duckdb', '--bogus'], /^reconcile: Unknown option '--bogus'/],
  ])('usage error %j exits 2 with a hint', async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/Run 'reconcile (add|export) --help' for usage\./);
  });

  it('help lists the store commands', async () => {
    expect((await cli(['--help'])).stdout).toMatch(/reconcile add \[file-or-dir\]\.\.\. --store FILE/);
    expect((await cli(['add', '--help'])).stdout).toMatch(/^Usage: reconcile add/);
    expect((await cli(['help', 'export'])).stdout).toMatch(/^Usage: reconcile export/);
  });

  it('stores that cannot be used exit 2 with one plain line', async () => {
    const missing = await cli(['export', '--store', join(dir, 'nothing.duckdb')]);
    expect([missing.code, missing.stderr]).toEqual([2, `reconcile: no store at ${join(dir, 'nothing.duckdb')} (reconcile add --store ${join(dir, 'nothing.duckdb')} creates one)\n`]);
    const nowhere = await cli(['add', 'fixtures/seeds', '--store', join(dir, 'no/such/dir/s.duckdb')]);
    expect([nowhere.code, nowhere.stderr]).toEqual([2, `reconcile: cannot create the store ${join(dir, 'no/such/dir/s.duckdb')}: no such directory: ${join(dir, 'no/such/dir')}\n`]);
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'not a database\n'.repeat(500));
    const bad = await cli(['add', 'fixtures/seeds', '--store', notes]);
    expect([bad.code, bad.stderr]).toEqual([2, `reconcile: ${notes} is not a DuckDB database, so not an incident store\n`]);
    const empty = join(dir, 'empty.duckdb');
    (await DuckDBInstance.create(empty)).closeSync();
    expect((await cli(['export', '--store', empty])).stderr).toMatch(/^reconcile: the store .*empty\.duckdb holds no reports yet/);
    // Held open by another process (this one): DuckDB allows one writer.
    const held = join(dir, 'held.duckdb');
    expect((await cli(['add', 'fixtures/seeds', '--store', held, '-q'])).code).toBe(0);
    const i = await DuckDBInstance.create(held);
    // A process of its own: DuckDB's file lock does not keep out a second open in the same process.
    const busy = runBuilt(['add', 'fixtures/hand-coded', '--store', held]);
    i.closeSync();
    expect(busy.code).toBe(2);
    expect(busy.stderr).toBe(`reconcile: the store ${held} is in use by another process (DuckDB allows one writer); try again when it has finished\n`);
    // Written by a newer schema.
    const j = await DuckDBInstance.create(held);
    const c = await j.connect();
    await c.run("UPDATE meta SET value = '2' WHERE key = 'schema_version'");
    c.closeSync();
    j.closeSync();
    const newer = await cli(['export', '--store', held]);
    expect(newer.code).toBe(2);
    expect(newer.stderr).toBe(`reconcile: the store ${held} was written by a newer reconcile (store schema 2; this version reads up to 1); upgrade reconcile\n`);
    for (const r of [missing, nowhere, bad, busy, newer]) noStackTrace(r.stderr);
  });
});
