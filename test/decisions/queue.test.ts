/**
 * The review queue's signals on outputs written by hand: each signal fires on what it names and
 * not beside it, a doubt outranks any number of "less checked" signals, and decided items leave.
 */
import { describe, expect, it } from 'vitest';
import type { Incident, Output, TollClaimOut } from '../../src/model/contract.js';
import { DOUBTS, REASON_WHY, REVIEW_REASONS, reviewQueue } from '../../src/decisions/queue.js';
import { shippedRules } from '../support/rules.js';

const { rules } = shippedRules();
const claim = (reportId: string, value: number, start: number, extra: Partial<TollClaimOut> = {}): TollClaimOut => ({
  source: 'sohr', via: null, reportId, value, qualifier: 'exact', mayRise: false, quote: `q${start}`, span: [start, start + 3], ...extra,
});
const incident = (id: string, reportIds: string[], tolls: Incident['tolls'], extra: Partial<Incident> = {}): Incident => ({
  id, date: { start: '2020-01-01', end: '2020-01-01' }, places: [{ id: 'p', name: 'P', governorate: null }], reportIds, tolls, attributions: [], disagreements: [], ...extra,
});
const toll = (group: Incident['tolls'][number]['group'], claims: TollClaimOut[]): Incident['tolls'][number] =>
  ({ outcome: 'killed', group, affiliation: null, min: 0, max: null, best: null, claims });
const output = (incidents: Incident[]): Output => ({ schemaVersion: 2, rulesHash: 'h', reports: [], incidents, aggregates: [], warnings: [] });
const reasonsOf = (o: Output, reportId: string, start: number): string[] =>
  reviewQueue(rules)(o).find((x) => x.reportId === reportId && x.span?.[0] === start)?.reasons.map((r) => r.reason) ?? [];

describe('the review queue', () => {
  it('documents every signal, and names which are doubts', () => {
    expect(Object.keys(REASON_WHY).sort()).toEqual([...REVIEW_REASONS].sort());
    expect([...DOUBTS].every((d) => REVIEW_REASONS.includes(d))).toBe(true);
  });

  it('a part above its whole in one report marks both figures; across reports it does not', () => {
    const one = output([incident('i', ['r1', 'r2'], [toll('all', [claim('r1', 5, 10, { rule: 'en.claim.a' })]), toll('children', [claim('r1', 9, 40, { rule: 'en.claim.a' })])])]);
    expect(reasonsOf(one, 'r1', 10)).toContain('part-above-whole');
    expect(reasonsOf(one, 'r1', 40)).toContain('part-above-whole');
    const two = output([incident('i', ['r1', 'r2'], [toll('all', [claim('r1', 5, 10, { rule: 'en.claim.a' })]), toll('children', [claim('r2', 9, 40, { rule: 'en.claim.a' })])])]);
    expect(reasonsOf(two, 'r2', 40)).not.toContain('part-above-whole');
    const below = output([incident('i', ['r1', 'r2'], [toll('all', [claim('r1', 9, 10, { rule: 'en.claim.a' })]), toll('civilians', [claim('r1', 5, 40, { rule: 'en.claim.a' })])])]);
    expect(reasonsOf(below, 'r1', 40)).not.toContain('part-above-whole');
  });

  it('the residual procedure is a doubt and outranks a rare construction, an unlisted source and a single report together', () => {
    const o = output([
      incident('a', ['r1'], [toll('all', [claim('r1', 3, 0, { rule: 'core' })])]),
      incident('b', ['r2'], [toll('all', [claim('r2', 300, 0, { source: 'unlisted:x', sourceName: 'X', rule: 'en.claim.a' })])]),
    ]);
    const q = reviewQueue(rules)(o);
    expect(q[0]).toMatchObject({ reportId: 'r1', reasons: [{ reason: 'residual-reading' }, { reason: 'single-report' }] });
    expect(q[1]!.reasons.map((r) => r.reason)).toEqual(['unlisted-source', 'single-report']);
    expect(q[0]!.risk).toBeGreaterThan(q[1]!.risk);
  });

  it('joins without a place or a day are weak; decided claims leave the queue', () => {
    const weak = output([incident('w', ['r1', 'r2'], [toll('all', [claim('r1', 3, 0, { rule: 'en.claim.a' }), claim('r2', 3, 0, { rule: 'en.claim.a', decidedBy: ['d1'] })])], { places: [] })]);
    const q = reviewQueue(rules)(weak);
    expect(q.find((x) => x.target === 'incident')?.reasons.map((r) => r.reason)).toEqual(['weak-join']);
    expect(q.some((x) => x.reportId === 'r2')).toBe(false);
    const strong = output([incident('s', ['r1', 'r2'], [toll('all', [claim('r1', 3, 0, { rule: 'en.claim.a' })])])]);
    expect(reviewQueue(rules)(strong).some((x) => x.target === 'incident')).toBe(false);
  });
});
