/**
 * The invariant checks behind check-rules find what they are for: each is run on a real
 * output (no violation) and on the same output broken in one way (the violation, named).
 */
import { describe, expect, it } from 'vitest';
import { Invariants } from '../../src/check/index.js';
import type { Incident, Output, Toll } from '../../src/model/contract.js';
import { reconcileExtracted, type ExtractedReport } from '../../src/pipeline.js';
import { mention, testRules } from '../cluster/support.js';

const rules = testRules();
const r = rules.reconcile;

const extracted: ExtractedReport[] = ['r1', 'r2', 'r3'].map((id, k) => ({
  report: { id, publishedAt: '2018-07-13', outlet: null, language: 'ar', url: null, text: null, coded: null, origin: id },
  extraction: {
    mentions: [mention(id, 0, {
      date: '2018-07-12', places: ['hajin'], publishedAt: '2018-07-13',
      claims: [{ group: 'all', value: 50 + k, source: ['sohr', 'sana', 'local-sources'][k] }, { group: 'civilians', value: 20 + 5 * k, source: ['sohr', 'sana', 'local-sources'][k] }],
      stances: [{ actor: 'coalition', stance: 'likely', source: 'sohr' }],
    })],
    aggregates: [], looseStances: [], warnings: [],
  },
}));
const good: Output = reconcileExtracted({ reports: [], rules, rulesHash: 't', readWarnings: [], reportsSkipped: 0 })(extracted).output;
const only = (o: Output): Incident => { expect(o.incidents).toHaveLength(1); return o.incidents[0]!; };
const withToll = (o: Output, group: string, change: (t: Toll) => Toll): Output =>
  ({ ...o, incidents: o.incidents.map((i) => ({ ...i, tolls: i.tolls.map((t) => (t.group === group ? change(t) : t)) })) });

describe('invariant checks', () => {
  it('find nothing wrong in a real output', () => {
    only(good);
    expect([
      ...Invariants.rangeViolations(good), ...Invariants.bestViolations(r)(good), ...Invariants.partWholeViolations(r)(good),
      ...Invariants.conservationViolations(r)(extracted, good), ...Invariants.contractViolations(good),
      ...Invariants.dateWindowViolations(rules.clustering.dateWindowDays, new Map(extracted.flatMap((x) => x.extraction.mentions.map((m) => [m.id, m]))))(good),
    ]).toEqual([]);
  });

  it('ranges: a stated figure outside its range', () => {
    expect(Invariants.rangeViolations(withToll(good, 'all', (t) => ({ ...t, max: 51 }))))
      .toEqual([expect.stringMatching(/killed\/all: the stated figure 52 lies outside the range 50–51/), expect.stringContaining('is not the span')]);
  });

  it('best: above the highest figure, and below the lowest unless capped at the whole', () => {
    expect(Invariants.bestViolations(r)(withToll(good, 'all', (t) => ({ ...t, best: 60, bestPolicy: 'x' }))))
      .toEqual([expect.stringMatching(/killed\/all: best 60 is above the highest figure 52 \(policy x\)/)]);
    expect(Invariants.bestViolations(r)(withToll(good, 'all', (t) => ({ ...t, best: 3 })))).toEqual([expect.stringContaining('best 3 is below the lowest figure 50')]);
    const capped = withToll(withToll(good, 'all', (t) => ({ ...t, best: 18 })), 'civilians', (t) => ({ ...t, best: 18 }));
    expect(Invariants.bestViolations(r)(capped).filter((v) => v.includes('civilians'))).toEqual([]);
  });

  it('parts: a part whose best exceeds its whole', () => {
    expect(Invariants.partWholeViolations(r)(withToll(good, 'civilians', (t) => ({ ...t, best: 99 }))))
      .toEqual([expect.stringMatching(/killed\/civilians: best 99 exceeds the best \d+ of its whole killed\/all/)]);
  });

  it('conservation: a claim lost, a claim twice, a stance twice', () => {
    const lost = withToll(good, 'civilians', (t) => ({ ...t, claims: t.claims.slice(1) }));
    expect(Invariants.conservationViolations(r)(extracted, lost)).toEqual([expect.stringMatching(/^the claim r1@\d+-\d+ killed\/civilians sohr=20 is in no incident/)]);
    const twice = withToll(good, 'all', (t) => ({ ...t, claims: [...t.claims, t.claims[0]!] }));
    expect(Invariants.conservationViolations(r)(extracted, twice)).toEqual([expect.stringContaining('appears more often than it was extracted')]);
    const stance = { ...good, incidents: good.incidents.map((i) => ({ ...i, attributions: i.attributions.map((a) => ({ ...a, stances: [...a.stances, a.stances[0]!] })) })) };
    expect(Invariants.conservationViolations(r)(extracted, stance)).toEqual([expect.stringMatching(/^the stance .* appears more often/)]);
  });

  it('date window: two mentions too far apart in one incident', () => {
    const far = new Map(extracted.flatMap((x) => x.extraction.mentions.map((m) => [m.id, m.reportId === 'r3' ? { ...m, date: { start: '2018-07-20', end: '2018-07-20' } } : m])));
    expect(Invariants.dateWindowViolations(2, far)(good)).toEqual([
      expect.stringMatching(/joins r1#0 and r3#0, 8 days apart \(window 2\)/), expect.stringMatching(/joins r2#0 and r3#0, 8 days apart/),
    ]);
  });

  it('narrowing: a range that shrinks or disappears', () => {
    const i = only(good);
    const narrower = { ...i, tolls: i.tolls.map((t) => (t.group === 'all' ? { ...t, min: 51 } : t)) };
    expect(Invariants.narrowingViolations(i, narrower)).toEqual([expect.stringContaining('the range 50–52 narrowed to 51–52')]);
    expect(Invariants.narrowingViolations(i, { ...i, tolls: i.tolls.filter((t) => t.group !== 'all') })).toEqual([expect.stringContaining('disappeared')]);
  });

  it('narrowing: figures that part for several categories keep their range across them, and a narrowing there is caught', () => {
    // one side's fighters (0) and a figure naming no group (1) read as those fighters; an added civilian figure
    // makes the 1 everyone's again: the 0–1 they stated holds across the two categories that now hold them
    const claim = (span: number, value: number) => ({ source: 's', via: null, reportId: 'r1', value, qualifier: 'exact' as const, mayRise: false, quote: 'q', span: [span, span + 5] as [number, number] });
    const toll = (group: 'all' | 'combatants', values: [number, number][]): Toll => ({
      outcome: 'killed', group, affiliation: group === 'combatants' ? 'us' : null, min: Math.min(...values.map((v) => v[1])), max: Math.max(...values.map((v) => v[1])),
      best: values[0]![1], claims: values.map(([at, v]) => claim(at, v)),
    });
    const before = { ...only(good), tolls: [toll('combatants', [[0, 0], [10, 1]])] };
    const parted = { ...before, tolls: [toll('all', [[10, 1]]), toll('combatants', [[0, 0]])] };
    expect(Invariants.narrowingViolations(before, parted)).toEqual([]);
    const lost = { ...before, tolls: [toll('all', [[10, 1]]), { ...toll('combatants', [[0, 0]]), claims: [] }] };
    expect(Invariants.narrowingViolations(before, lost)).toEqual([expect.stringContaining('disappeared')]);
    const narrowed = { ...before, tolls: [{ ...toll('all', [[10, 1]]), min: 1, max: 1 }, { ...toll('combatants', [[0, 0]]), min: 1, max: 1 }] };
    expect(Invariants.narrowingViolations(before, narrowed)).toEqual([expect.stringMatching(/the range 0–1 narrowed to 1–1 across killed\/combatants\/us, killed\/all/)]);
  });

  it('contract and quotes: a fractional best, a quote that is not the text at its span', () => {
    expect(Invariants.contractViolations(withToll(good, 'all', (t) => ({ ...t, best: 50.5 })))).toEqual([expect.stringMatching(/^incidents\.0\.tolls\.\d+\.best: /)]);
    const x = extracted[0]!.extraction;
    expect(Invariants.quoteViolations('claim 10 and more', x)).toEqual(expect.arrayContaining([expect.stringContaining('is not the text at')]));
  });

  it('first difference: the path where two values part', () => {
    expect(Invariants.firstDifference({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] })).toBe('a[1].b: 2 ≠ 3');
    expect(Invariants.firstDifference({ a: [1] }, { a: [1] })).toBeNull();
  });
});
