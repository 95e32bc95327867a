import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/cli/args.js';
import { formatIdProblem, resolveIncident } from '../../src/cli/inspect.js';
import type { Incident, Output } from '../../src/model/contract.js';
import { ROOT, runCli } from '../acceptance/support.js';

const inc = (id: string): Incident => ({ id, date: null, places: [], reportIds: [], tolls: [], attributions: [], disagreements: [] });
const incidents = ['inc-0a1b2c', 'inc-0a9f00', 'inc-7e7e7e'].map(inc);
const idOf = (r: ReturnType<typeof resolveIncident>): string => (E.isRight(r) ? r.right.id : `left:${r.left.kind}`);

describe('resolveIncident', () => {
  it('takes an exact id, or a prefix that names one incident (with or without inc-)', () => {
    expect(idOf(resolveIncident(incidents, 'inc-7e7e7e'))).toBe('inc-7e7e7e');
    expect(idOf(resolveIncident(incidents, 'inc-7'))).toBe('inc-7e7e7e');
    expect(idOf(resolveIncident(incidents, '0a1'))).toBe('inc-0a1b2c');
  });
  it('lists the candidates of an ambiguous prefix', () => {
    const r = resolveIncident(incidents, '0a');
    expect(r).toEqual(E.left({ kind: 'ambiguous', id: '0a', candidates: ['inc-0a1b2c', 'inc-0a9f00'] }));
    expect(formatIdProblem((r as E.Left<never>).left)).toBe("'0a' matches 2 incidents: inc-0a1b2c, inc-0a9f00; give more of the id");
  });
  it('lists each candidate with its date and places when it has the incidents', () => {
    const dated = [
      { ...inc('inc-0a1b2c'), date: { start: '2019-03-02', end: '2019-03-02' }, places: [{ id: 'ariha', name: 'Ariha', governorate: 'idlib' }] },
      { ...inc('inc-0a9f00'), date: { start: '2019-03-01', end: '2019-03-04' }, unresolvedPlaces: [{ name: 'Tal Aqrab', names: ['Tal Aqrab'], reportIds: [] }] },
      inc('inc-0a7777'),
    ];
    const r = resolveIncident(dated, '0a');
    expect(formatIdProblem((r as E.Left<never>).left, dated)).toBe(
      "'0a' matches 3 incidents: inc-0a1b2c (2019-03-02, Ariha), inc-0a9f00 (2019-03-01 to 2019-03-04, Tal Aqrab), inc-0a7777 (undated, no place); give more of the id");
    const u = resolveIncident(dated, 'zz');
    expect(formatIdProblem((u as E.Left<never>).left, dated)).toContain('the 3 incident(s) are: inc-0a1b2c (2019-03-02, Ariha), ');
  });
  it('says so for an unknown or empty id', () => {
    expect(idOf(resolveIncident(incidents, 'inc-ffff'))).toBe('left:unknown');
    expect(idOf(resolveIncident(incidents, '  '))).toBe('left:empty');
    expect(idOf(resolveIncident([], 'inc-1'))).toBe('left:unknown');
  });
});

describe('parse inspect arguments', () => {
  it('needs an id and at least one input', () => {
    expect(parseCommand(['inspect', 'inc-1', 'a', 'b', '--rules', 'r'])).toEqual(E.right({ kind: 'inspect', options: { id: 'inc-1', inputs: ['a', 'b'], rules: 'r', quiet: false } }));
    expect(E.isLeft(parseCommand(['inspect']))).toBe(true);
    expect(E.isLeft(parseCommand(['inspect', 'inc-1']))).toBe(true);
    expect(parseCommand(['inspect', '--help'])).toEqual(E.right({ kind: 'help', topic: 'inspect' }));
  });
});

/** A hand-coded report whose claims and stances quote `text`; spans computed here. */
const coded = (id: string, publishedAt: string, outlet: string, text: string,
  claims: Record<string, unknown>[], stances: Record<string, unknown>[] = []) => {
  const span = (q: string): [number, number] => {
    const at = text.indexOf(q);
    if (at < 0) throw new Error(`quote not in text: ${q}`);
    return [at, at + q.length];
  };
  const withSpan = (x: Record<string, unknown>) => ({ ...x, span: span(x.quote as string) });
  return { id, publishedAt, outlet, language: 'ar', text, claims: claims.map(withSpan), stances: stances.map(withSpan) };
};

/** Two more reports on the seed's ice-factory strike, coded by hand so the snapshot does not move
 *  with extraction: one joins it, and the other's second event (two days earlier, another
 *  village) is a near candidate kept apart. */
const companions = [
  coded('companion-sana', '2018-07-12', 'sana',
    'قالت مصادر محلية لسانا إن نحو ثلاثين مدنيا قتلوا في غارة لطيران التحالف على السوسة. وقبل يومين قتل 30 مدنيا في الباغوز فوقاني.',
    [
      { source: 'local-sources', via: 'sana', outcome: 'killed', group: 'civilians', value: 30, qualifier: 'about', quote: 'نحو ثلاثين مدنيا', event: 'susah', date: '2018-07-12', places: ['al-susah'] },
      { source: 'local-sources', via: 'sana', outcome: 'killed', group: 'civilians', value: 30, quote: 'قتل 30 مدنيا', event: 'baghuz', date: '2018-07-10', places: ['al-baghuz-fawqani'] },
    ],
    [{ source: 'local-sources', via: 'sana', actor: 'coalition', stance: 'asserts', quote: 'لطيران التحالف', event: 'susah' }]),
  coded('companion-afp', '2018-07-13', 'afp',
    'أفاد المرصد السوري لحقوق الإنسان بمقتل 54 شخصا بينهم 28 مدنيا في قصف على بلدة السوسة.',
    [
      { source: 'sohr', via: 'afp', outcome: 'killed', group: 'all', value: 54, quote: 'بمقتل 54 شخصا', event: 'susah', date: '2018-07-12', places: ['al-susah'] },
      { source: 'sohr', via: 'afp', outcome: 'killed', group: 'civilians', value: 28, quote: 'بينهم 28 مدنيا', event: 'susah', partOf: 0 },
    ]),
];

describe('reconcile inspect', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'reconcile-inspect-'));
    writeFileSync(join(dir, 'companions.json'), JSON.stringify(companions));
  });
  afterAll(() => { rmSync(dir, { recursive: true, force: true }); });
  // The hand-coded seeds (stable under extraction changes) with the companion reports.
  const inputs = (): string[] => [join(ROOT, 'fixtures', 'hand-coded'), dir];
  const output = async (): Promise<Output> => JSON.parse((await runCli(['run', ...inputs(), '--quiet'])).stdout) as Output;

  it('explains the ice-factory seed incident (pinned: text a person reads)', async () => {
    const out = await output();
    const target = out.incidents.find((i) => i.mentionIds?.includes('seed-001#ice-factory'));
    expect(target).toBeDefined();
    const r = await runCli(['inspect', target!.id, ...inputs()]);
    expect(r.stdout.split('\n')[0]).toBe(`Incident ${target!.id}`);
    await expect(r.stdout).toMatchFileSnapshot('__snapshots__/inspect-ice-factory.txt');
  });

  it('accepts a unique prefix, and refuses an ambiguous or unknown one with exit 2 and the candidates', async () => {
    const ids = (await output()).incidents.map((i) => i.id);
    const unique = ids.map((id) => [id, id.slice(0, 7)] as const).find(([, p]) => ids.filter((x) => x.startsWith(p)).length === 1);
    expect(unique).toBeDefined();
    const ok = await runCli(['inspect', unique![1], ...inputs()]);
    expect(ok.stdout.split('\n')[0]).toBe(`Incident ${unique![0]}`);
    expect([0, 1]).toContain(ok.code);

    const ambiguous = await runCli(['inspect', 'inc-', ...inputs()]);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stdout).toBe('');
    expect(ambiguous.stderr).toContain(`'inc-' matches ${ids.length} incidents: ${ids[0]} (`);
    expect(ambiguous.stderr).toMatch(/matches \d+ incidents: inc-\w+ \((\d{4}-\d{2}-\d{2}|undated)[^)]*\), inc-/);

    const unknown = await runCli(['inspect', 'inc-zzzz', ...inputs()]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no incident 'inc-zzzz' in these inputs; the \d+ incident\(s\) are: inc-/);
    expect(unknown.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  });
});
