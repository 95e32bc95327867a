/**
 * `reconcile diff` end to end (in process, real files): between the shipped rules and a copy
 * with one setting changed, the reported differences are exactly those between the two
 * `run` outputs on the fixtures; between identical rule sets there are none.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { program } from '../../src/cli/program.js';
import { nodeSystem } from '../../src/cli/system.js';
import type { OutputDiff } from '../../src/diff/index.js';
import type { Incident, Output } from '../../src/model/contract.js';
import { RULES_DIR } from '../support/rules.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = ['fixtures/seeds', 'fixtures/hand-coded', 'fixtures/corpus-dev'].map((f) => join(root, f));

const cli = async (args: string[]) => {
  const out: string[] = [], err: string[] = [];
  const code = await program({ ...nodeSystem, stdout: (t) => { out.push(t); }, stderr: (t) => { err.push(t); } })(args);
  return { code, stdout: out.join(''), stderr: err.join('') };
};

let dir: string;
const copyRules = (name: string, file: string, edit: (text: string) => string): string => {
  const target = join(dir, name);
  cpSync(RULES_DIR, target, { recursive: true });
  const path = join(target, file);
  const before = readFileSync(path, 'utf8');
  const after = edit(before);
  expect(after, `the edit of ${file} must change it`).not.toBe(before);
  writeFileSync(path, after);
  return target;
};

beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'reconcile-diff-')); });
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

const runJson = async (rules: string, input: string): Promise<Output> => JSON.parse((await cli(['run', input, '--rules', rules, '-q'])).stdout) as Output;

/** An incident as diff compares it: the best-estimate policy's name is not a difference on its own. */
const canon = (i: Incident): string => JSON.stringify({ ...i, tolls: i.tolls.map((t) => ({ ...t, bestPolicy: null })) });
const changedIn = (xs: readonly Incident[], ys: readonly Incident[]): string[] => {
  const others = new Set(ys.map(canon));
  return xs.filter((i) => !others.has(canon(i))).map((i) => i.id).sort();
};
const figures = (i: Incident) => new Map(i.tolls.map((t) => [`${t.outcome}/${t.group}${t.affiliation ? `/${t.affiliation}` : ''}`,
  JSON.stringify([t.min, t.max, t.best, t.claims.length, [...new Set(t.claims.map((c) => c.source))].sort(), t.derived === true])]));

/** What diff must report, from the two run outputs alone. */
const expectConsistent = (before: Output, after: Output, d: OutputDiff): void => {
  const reportedBefore = [...d.removed, ...d.split.map((s) => s.from), ...d.merged.flatMap((m) => m.from),
    ...d.regrouped.flatMap((g) => g.from), ...d.changed.map((c) => c.before)].map((r) => r.id).sort();
  const reportedAfter = [...d.added, ...d.split.flatMap((s) => s.into), ...d.merged.map((m) => m.into),
    ...d.regrouped.flatMap((g) => g.into), ...d.changed.map((c) => c.after)].map((r) => r.id).sort();
  expect(reportedBefore).toEqual(changedIn(before.incidents, after.incidents));
  expect(reportedAfter).toEqual(changedIn(after.incidents, before.incidents));
  for (const c of d.changed) {
    const b = figures(before.incidents.find((i) => i.id === c.before.id)!), a = figures(after.incidents.find((i) => i.id === c.after.id)!);
    const differing = [...new Set([...b.keys(), ...a.keys()])].filter((k) => b.get(k) !== a.get(k)).sort();
    expect(c.changes.flatMap((x) => (x.field === 'toll' ? [x.category] : [])).sort()).toEqual(differing);
  }
  for (const s of d.split) expect([...s.from.mentionIds].sort()).toEqual(s.into.flatMap((r) => r.mentionIds).sort());
  for (const m of d.merged) expect([...m.into.mentionIds].sort()).toEqual(m.from.flatMap((r) => r.mentionIds).sort());
  expect(d.identical).toBe(reportedBefore.length === 0 && reportedAfter.length === 0
    && JSON.stringify(before.aggregates) === JSON.stringify(after.aggregates));
};

describe('reconcile diff', () => {
  it('shows no differences between two identical rule sets', async () => {
    const copy = join(dir, 'same');
    cpSync(RULES_DIR, copy, { recursive: true });
    const r = await cli(['diff', '--rules', copy, '--against', RULES_DIR, FIXTURES[0]!]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^no differences: \d+ incidents, the same under both rule sets$/m);
    const json = JSON.parse((await cli(['diff', '--rules', copy, '--against', RULES_DIR, FIXTURES[0]!, '--format', 'json'])).stdout) as OutputDiff;
    expect([json.identical, json.changed, json.added, json.removed, json.split, json.merged]).toEqual([true, [], [], [], [], []]);
  });

  const changes: [string, string, (t: string) => string][] = [
    ['threshold 9', 'clustering.yaml', (t) => t.replace(/^threshold: .*$/m, 'threshold: 9')],
    ['threshold 3', 'clustering.yaml', (t) => t.replace(/^threshold: .*$/m, 'threshold: 3')],
    // (a zero window no longer shows: the fixtures' merged reports now agree on their dates; a week's
    // window joins the two strikes on the Baghuz camp seven days apart)
    ['dateWindowDays 7', 'clustering.yaml', (t) => t.replace(/^dateWindowDays: .*$/m, 'dateWindowDays: 7')],
    ['best policy maximum', 'reconcile.yaml', (t) => t.replace(/^ {2}policy: .*$/m, '  policy: maximum')],
  ];

  it.each(changes)('with %s, reports exactly what the two run outputs differ by, on every fixture', async (name, file, edit) => {
    const changed = copyRules(name.replaceAll(' ', '-'), file, edit);
    let differences = 0;
    for (const input of FIXTURES) {
      const [before, after] = [await runJson(RULES_DIR, input), await runJson(changed, input)];
      const r = await cli(['diff', '--rules', changed, '--against', RULES_DIR, input, '--format', 'json']);
      expect(r.code).toBeLessThan(2);
      const d = JSON.parse(r.stdout) as OutputDiff;
      expectConsistent(before, after, d);
      if (!d.identical) differences++;
    }
    // The fixtures hold incidents told by several sources, so each of these settings shows somewhere.
    expect(differences).toBeGreaterThan(0);
  });

  it('prints the changes as text, grouped, with before → after', async () => {
    const changed = copyRules('policy-text', 'reconcile.yaml', (t) => t.replace(/^ {2}policy: .*$/m, '  policy: maximum'));
    const input = FIXTURES[2]!;
    const [before, after] = [await runJson(RULES_DIR, input), await runJson(changed, input)];
    const r = await cli(['diff', '--rules', changed, '--against', RULES_DIR, input]);
    expect(r.stdout).toMatch(new RegExp(`^incidents: ${before.incidents.length} → ${after.incidents.length} \\(`, 'm'));
    const bests = before.incidents.flatMap((i) => i.tolls.flatMap((t) => {
      const u = after.incidents.find((j) => j.id === i.id)?.tolls.find((x) => x.outcome === t.outcome && x.group === t.group && x.affiliation === t.affiliation);
      return u && u.best !== t.best ? [`best ${t.best} → ${u.best}`] : [];
    }));
    expect(bests.length).toBeGreaterThan(0);
    for (const b of bests) expect(r.stdout).toContain(b);
  });

  it('needs --against, and refuses invalid rules in either set naming which', async () => {
    expect((await cli(['diff', FIXTURES[0]!])).stderr).toMatch(/needs --against/);
    const broken = copyRules('broken', 'clustering.yaml', (t) => t.replace(/^dateWindowDays: .*$/m, 'dateWindowDays: -2'));
    const r = await cli(['diff', '--rules', broken, '--against', RULES_DIR, FIXTURES[0]!]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/date window cannot be negative[\s\S]*invalid rules in .*broken \(--rules\)/);
  });
});
