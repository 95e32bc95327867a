import { describe, expect, it } from 'vitest';
import type { ComparedPair } from '../../src/cluster/index.js';
import type { Incident, Output } from '../../src/model/contract.js';
import { LRI, PDI, RLI } from '../../src/render/bidi.js';
import { renderInspect } from '../../src/render/inspect.js';

const hostile = '\u001b[2J\u202Eevil <b>';
const incident = (over: Partial<Incident> = {}): Incident => ({
  id: 'inc-aaaa', date: { start: '2018-07-12', end: '2018-07-13' },
  places: [{ id: 'al-susah', name: 'al-Susah', governorate: 'deir-ez-zor' }],
  reportIds: ['r1', 'r2'],
  tolls: [{ outcome: 'killed', group: 'civilians', affiliation: null, min: 28, max: 30, best: 28, bestPolicy: 'minimum', claims: [
    { source: 'sohr', via: 'reuters', reportId: 'r1', value: 28, qualifier: 'at-least', mayRise: true, quote: 'قتل 28 مدنيا', span: [0, 1] },
    { source: 'sana', via: null, reportId: 'r2', value: 30, qualifier: 'about', mayRise: false, quote: hostile, span: [0, 1] },
  ] }],
  attributions: [
    { actor: 'coalition', status: 'contested', stances: [
      { source: 'sana', via: null, stance: 'asserts', reportId: 'r2', quote: 'حملت سانا التحالف', span: [0, 1] },
      { source: 'coalition', via: null, stance: 'denies', reportId: 'r1', quote: 'denied', span: [0, 1] }] },
    { actor: 'russia', status: 'unclear', stances: [{ source: 'sana', via: null, stance: 'possible', reportId: 'r2', quote: 'ربما', span: [0, 1] }] },
  ],
  disagreements: [{ kind: 'toll', outcome: 'killed', group: 'civilians', affiliation: null, sources: ['sana', 'sohr'], summary: 'Sources differ', reason: 'sources-differ' }],
  grade: 'contested', mentionIds: ['r1#0', 'r2#0'], ...over,
});
const other: Incident = { ...incident(), id: 'inc-bbbb', mentionIds: ['r3#0'], reportIds: ['r3'] };
const output: Output = { schemaVersion: 1, rulesHash: 'h', incidents: [incident(), other], aggregates: [], warnings: [],
  reports: [{ id: 'r1', publishedAt: '2018-07-13', outlet: 'reuters', language: 'en' }, { id: 'r2', publishedAt: null, outlet: 'sana', language: 'ar' }] };

const level = (comparison: 'date' | 'place', label: string, weight: number) => ({ comparison, level: label, label, weight });
const pair = (a: string, b: string, decision: 'merged' | 'kept-apart', score: number, reason: string): ComparedPair =>
  ({ a, b, score, veto: null, blockedBy: ['date-overlap'], decision, reason, levels: [level('date', 'same single day', 3), level('place', 'same gazetteer place', 4)] });
const pairs = [
  pair('r1#0', 'r2#0', 'merged', 7, 'score 7 ≥ threshold 6'),
  pair('r2#0', 'r3#0', 'kept-apart', 2, 'score 2 is below the threshold 6'),
  pair('r1#0', 'r9#0', 'kept-apart', 5, 'score 5 is below the threshold 6'),
  pair('r3#0', 'r9#0', 'kept-apart', 9, 'not about this incident'),
];
const text = renderInspect(output, pairs)(incident());
const section = (title: string): string => text.split(`\n${title}\n`)[1]!.split('\n\n')[0]!;

describe('renderInspect', () => {
  it('lists every figure with source, qualifier, relaying outlet, report and quote, and the range with its policy', () => {
    expect(text).toContain('killed · civilians: low 28 · best 28 (minimum) · high 30   [sources disagree]');
    expect(section('Figures')).toMatch(/sohr\s+28 \(may rise\)\s+at-least\s+reuters\s+r1\s+«/);
  });
  it('isolates Arabic quotes with their numbers, and neutralises control and bidi characters', () => {
    expect(text).toContain(`«${RLI}قتل ${LRI}28${PDI} مدنيا${PDI}»`);
    expect(text).not.toMatch(/[\u001b\u202e]/);
    expect(text).toContain('«\uFFFD[2Jevil <b>»');
  });
  it('puts stances side by side: one row per speaker, one column per actor', () => {
    const rows = section('Attribution (stances side by side)').split('\n');
    expect(rows[0]).toMatch(/^\s+coalition \(contested\)\s+russia \(unclear\)$/);
    expect(rows.find((r) => r.trim().startsWith('sana'))).toMatch(/^\s+sana\s+asserts\s+possible$/);
    expect(rows.slice(1).find((r) => r.trim().startsWith('coalition'))).toMatch(/^\s+coalition\s+denies\s+—$/);
  });
  it('explains joined pairs with their levels, and near candidates (best first) with where they went', () => {
    const joined = section('Why these mentions are one incident');
    expect(joined).toContain('r1#0 + r2#0: joined, score 7 ≥ threshold 6 [blocking: date-overlap]');
    expect(joined).toContain('date: same single day (+3) · place: same gazetteer place (+4)');
    const near = text.split('\nNear candidates kept apart\n')[1]!.trimEnd().split('\n').filter((l) => l.startsWith('  r'));
    expect(near).toEqual([
      '  r1#0 vs r9#0 (in no incident: it has no figures): kept apart, score 5 is below the threshold 6 [blocking: date-overlap]',
      '  r2#0 vs r3#0 (in incident inc-bbbb): kept apart, score 2 is below the threshold 6 [blocking: date-overlap]',
    ]);
    expect(text).not.toContain('not about this incident');
  });
  it('says so when there is nothing to join, and no near candidate', () => {
    const alone = renderInspect(output, [])(incident({ mentionIds: ['r1#0'] }));
    expect(alone).toContain('One mention (r1#0): nothing to join.');
    expect(alone).toContain('None: no mention outside this incident was compared with one inside it.');
  });
});
