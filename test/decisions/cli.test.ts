/**
 * Decisions through the command line: they survive a rules change (matching ones apply, the
 * rest are stale); the store keeps their history; export of a store loaded with
 * `add --decisions` equals `run --decisions`; `review` lists the queue.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { Output } from '../../src/model/contract.js';
import { byEvidence } from '../store/support.js';
import { ROOT, runInProcess } from '../support/cli.js';

const cli = (args: string[]) => runInProcess(args);
const corpus = join(ROOT, 'fixtures/corpus-dev');
let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'reconcile-decisions-')); });
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

const runJson = async (args: string[]): Promise<Output> => {
  const r = await cli(['run', ...args, '-q']);
  expect(r.code).toBeLessThan(2);
  return JSON.parse(r.stdout) as Output;
};
type Anchored = { id: string; report: string; quote: string; span: [number, number]; outcome: string; group: string };
const anchorsOf = (o: Output): Anchored[] => o.incidents.flatMap((i) => i.tolls.filter((t) => !t.derived).flatMap((t) => t.claims.map((c) => ({
  report: c.reportId, quote: c.quote, span: [c.span[0], c.span[1]] as [number, number], outcome: t.outcome, group: t.group,
})))).map((a, k) => ({ ...a, id: `c${String(k).padStart(3, '0')}` }));
const correctAll = (as: readonly Anchored[]) => ({
  decisions: as.map((a) => ({
    id: a.id, kind: 'correct-claim', who: 'tester', when: '2026-01-02', why: 'checked',
    claim: { report: a.report, quote: a.quote, span: a.span, outcome: a.outcome, group: a.group }, set: { qualifier: 'about' },
  })),
});
const query = async (store: string, sql: string): Promise<Record<string, unknown>[]> => {
  const i = await DuckDBInstance.create(store);
  const c = await i.connect();
  try { return (await c.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[]; } finally { c.closeSync(); i.closeSync(); }
};

describe('decisions on the command line', () => {
  it('survive a rules change: every decision whose claim is still read applies, the rest are reported stale', async () => {
    const before = await runJson([corpus]);
    const anchors = anchorsOf(before);
    const file = join(dir, 'all.yaml');
    writeFileSync(file, stringify(correctAll(anchors)));
    // Rules with half the English claim constructions gone: extraction changes.
    const rules = join(dir, 'rules');
    cpSync(join(ROOT, 'rules'), rules, { recursive: true });
    const cons = join(rules, 'languages/en/constructions.yaml');
    const data = parse(readFileSync(cons, 'utf8')) as { constructions: { builds: string }[] };
    data.constructions = data.constructions.filter((c, k) => !(c.builds === 'claim' && k % 2 === 0));
    writeFileSync(cons, stringify(data));
    const plainAfter = await runJson([corpus, '--rules', rules]);
    const stillRead = (a: Anchored): boolean => plainAfter.incidents.some((i) => i.tolls.some((t) => t.outcome === a.outcome && t.group === a.group
      && t.claims.some((c) => c.reportId === a.report && c.span[0] < a.span[1] && a.span[0] < c.span[1])));
    const expected = anchors.filter(stillRead).map((a) => a.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(anchors.length);
    const r = await cli(['run', corpus, '--rules', rules, '--decisions', file, '-q']);
    const after = JSON.parse(r.stdout) as Output;
    const status = new Map(after.decisions!.map((s) => [s.id, s.status]));
    expect(anchors.filter((a) => status.get(a.id) === 'applied').map((a) => a.id)).toEqual(expected);
    expect(anchors.filter((a) => status.get(a.id) === 'stale').length).toBe(anchors.length - expected.length);
    for (const a of anchors.filter((x) => !expected.includes(x.id))) expect(r.stderr).toContain(`decision ${a.id} (correct-claim) no longer applies`);
    // diff shows what became of the decisions apart from the rule changes: exactly the ones gone stale.
    const diff = JSON.parse((await cli(['diff', corpus, '--against', join(ROOT, 'rules'), '--rules', rules, '--decisions', file, '--format', 'json'])).stdout) as { decisions: { id: string; after: string }[]; warnings: { added: string[] } };
    // (besides those that apply to an incident whose membership the rules changed)
    expect(diff.decisions.filter((d) => d.after.startsWith('stale')).map((d) => d.id)).toEqual(anchors.filter((a) => !expected.includes(a.id)).map((a) => a.id));
    expect(diff.decisions.filter((d) => !d.after.startsWith('stale')).every((d) => d.after.startsWith('applied to'))).toBe(true);
    expect(diff.warnings.added.some((w) => w.startsWith('stale-decision'))).toBe(false);
    // Under the rules they were made with, all apply.
    const same = await runJson([corpus, '--decisions', file]);
    expect(same.decisions!.every((s) => s.status === 'applied')).toBe(true);
  });

  it('the store keeps the history of decisions, and export of a store loaded with add --decisions equals run --decisions', async () => {
    const before = await runJson([corpus]);
    const anchors = anchorsOf(before).slice(0, 6);
    const members = before.incidents.slice(0, 2).map((i) => ({ report: i.tolls[0]!.claims[0]!.reportId, quote: i.tolls[0]!.claims[0]!.quote }));
    const decisions = {
      decisions: [
        { id: 'r1', kind: 'reject-claim', who: 'ana', when: '2026-01-02', why: 'not this strike', claim: anchors[0] },
        { id: 'c1', kind: 'correct-claim', who: 'ana', when: '2026-01-02', why: 'misread', claim: anchors[1], set: { value: 77 } },
        { id: 's1', kind: 'same-incident', who: 'ben', when: '2026-01-03', why: 'one strike', members },
        { id: 'g1', kind: 'set-grade', who: 'ben', when: '2026-01-03', why: 'checked', grade: 'confirmed', incident: { members: [members[0]] } },
      ].map((d) => ({ ...d, claim: d.claim ? { report: d.claim.report, quote: d.claim.quote, span: d.claim.span } : undefined }))
        .map((d) => JSON.parse(JSON.stringify(d)) as unknown),
    };
    const file = join(dir, 'some.yaml');
    writeFileSync(file, stringify(decisions));
    const store = join(dir, 'store.duckdb');
    expect((await cli(['add', corpus, '--store', store, '--decisions', file, '-q'])).code).toBeLessThan(2);
    const exported = await cli(['export', '--store', store, '-q']);
    expect(exported.code).toBe(0);
    const run = await runJson([corpus, '--decisions', file]);
    const e = JSON.parse(exported.stdout) as Output;
    expect(run.decisions!.filter((s) => s.status === 'applied').length).toBe(4);
    const noLocation = (o: Output): Output => ({ ...byEvidence(o), decisions: o.decisions!.map(({ location: _l, incidentIds: _i, ...s }) => s) as Output['decisions'],
      warnings: o.warnings.map(({ location: _l, ...w }) => w) });
    expect(noLocation(e)).toEqual(noLocation(run));
    // A decision changed and stored again: a 'changed' line with before and after; unchanged ones add nothing.
    const changed = { decisions: (decisions.decisions as Record<string, unknown>[]).map((d) => (d.id === 'c1' ? { ...d, set: { value: 78 }, who: 'cat' } : d)) };
    writeFileSync(file, stringify(changed));
    expect((await cli(['add', '--store', store, '--decisions', file, '-q'])).code).toBe(0);
    const rows = await query(store, 'SELECT decision_id, change, who, decided_at, before, after FROM decisions ORDER BY seq');
    expect(rows.map((r) => [r.decision_id, r.change])).toEqual([['c1', 'added'], ['g1', 'added'], ['r1', 'added'], ['s1', 'added'], ['c1', 'changed']]);
    const last = rows[4]!;
    expect(last.who).toBe('cat');
    expect((JSON.parse(String(last.before)) as { set: { value: number } }).set.value).toBe(77);
    expect((JSON.parse(String(last.after)) as { set: { value: number } }).set.value).toBe(78);
    const again = JSON.parse((await cli(['export', '--store', store, '-q'])).stdout) as Output;
    expect(noLocation(again)).toEqual(noLocation(await runJson([corpus, '--decisions', file])));
  });

  it('names the decisions that changed a figure, a range or a grade in Markdown, HTML and CSV, and inspect shows them', async () => {
    const before = await runJson([corpus]);
    const a = anchorsOf(before)[2]!;
    const inc = before.incidents.find((i) => i.tolls.some((t) => t.claims.some((c) => c.reportId === a.report && c.span[0] === a.span[0])))!;
    const file = join(dir, 'marks.yaml');
    writeFileSync(file, stringify([
      { id: 'fix-7', kind: 'correct-claim', who: 'ana', when: '2026-01-02', why: 'misread', claim: { report: a.report, quote: a.quote, span: a.span }, set: { value: 4321 } },
      { id: 'grade-7', kind: 'set-grade', who: 'ana', when: '2026-01-02', why: 'checked', grade: 'weak', incident: { members: [{ report: a.report, quote: a.quote }] } },
    ]));
    const md = (await cli(['run', corpus, '--decisions', file, '--format', 'md', '-q'])).stdout;
    expect(md).toMatch(/decided: fix-7/);
    expect(md).toMatch(/Grade: weak \(decided: grade-7\)/);
    expect(md).toMatch(/\*\*fix-7\*\* correct-claim by ana/);
    const page = (await cli(['run', corpus, '--decisions', file, '--format', 'html', '-q'])).stdout;
    expect(page).toContain('data-decided-by="fix-7"');
    expect(page).toContain('data-decided-by="grade-7"');
    const csv = (await cli(['run', corpus, '--decisions', file, '--format', 'csv', '-q'])).stdout.split('\r\n');
    expect(csv[0]!.endsWith(',decided_by')).toBe(true);
    expect(csv.filter((l) => l.includes('4321')).every((l) => /fix-7; grade-7$/.test(l))).toBe(true);
    expect(csv.some((l) => l.includes('4321'))).toBe(true);
    const decided = JSON.parse((await cli(['run', corpus, '--decisions', file, '-q'])).stdout) as Output;
    const id = decided.decisions!.find((s) => s.id === 'fix-7')!.incidentIds[0]!;
    expect(decided.incidents.find((i) => i.id === id)!.mentionIds).toEqual(inc.mentionIds);
    const shown = await cli(['inspect', id, corpus, '--decisions', file, '-q']);
    expect(shown.stdout).toMatch(/Decisions\n  - fix-7 correct-claim by ana, 2026-01-02: misread \[/);
    expect(shown.stdout).toMatch(/grade +weak \(decided: grade-7\)/);
  });

  it('review lists the queue as text and JSON, riskiest first, each item with an anchor', async () => {
    const text = await cli(['review', corpus, '-q', '--limit', '5']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^review queue: 5 item\(s\)/);
    const json = JSON.parse((await cli(['review', corpus, '-q', '--format', 'json'])).stdout) as { queue: { risk: number; anchor: unknown }[] };
    expect(json.queue.length).toBeGreaterThan(5);
    json.queue.slice(1).forEach((x, k) => expect(x.risk).toBeLessThanOrEqual(json.queue[k]!.risk));
    expect(json.queue.every((x) => x.anchor !== undefined)).toBe(true);
  });
});
