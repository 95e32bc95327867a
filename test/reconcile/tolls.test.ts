import { describe, expect, it } from 'vitest';
import { chooseBest, currentFigures, reconcileTolls, type DatedClaim } from '../../src/reconcile/tolls.js';
import { BEST_POLICIES } from '../../src/rules/reconcile-schema.js';
import { claimOf, testRules, type ClaimSpec } from '../cluster/support.js';

const rules = testRules();
let offset = 0;
const dated = (reportId: string, publishedAt: string | null, spec: ClaimSpec): DatedClaim => {
  offset += 10;
  return { claim: claimOf(reportId, [offset, offset + 5], spec), publishedAt };
};
const withPolicy = (policy: string) => testRules({ reconcile: { ...rulesRaw(), best: { ...rulesRaw().best, policy } } }).reconcile;
const rulesRaw = () => JSON.parse(JSON.stringify(rules.reconcile)) as typeof rules.reconcile;

describe('ranges', () => {
  it('spans the lowest to the highest stated figure, whatever the qualifier', () => {
    const [t] = reconcileTolls(rules.reconcile)([
      dated('r1', null, { value: 28, qualifier: 'at-least' }),
      dated('r1', null, { value: 30, source: 'sana', qualifier: 'about' }),
      dated('r2', null, { value: 35, source: 'local-sources', qualifier: 'up-to' }),
    ]);
    expect([t!.min, t!.max]).toEqual([28, 35]);
    expect(t!.claims.map((c) => c.value)).toEqual([28, 30, 35]);
  });

  it('bounds a category with only vague claims below by the vague minimum, unbounded above', () => {
    const [t] = reconcileTolls(rules.reconcile)([
      dated('r1', null, { value: null, vagueMin: 12 }), dated('r2', null, { value: null, vagueMin: 10 })]);
    expect([t!.min, t!.max, t!.best]).toEqual([10, null, 10]);
  });

  it('falls back to the rules default when a vague claim has no minimum', () => {
    const [t] = reconcileTolls(rules.reconcile)([dated('r1', null, { value: null, vagueMin: null })]);
    expect(t!.min).toBe(rules.reconcile.vague.defaultMin);
  });

  it('ignores vague claims once a figure is stated', () => {
    const [t] = reconcileTolls(rules.reconcile)([dated('r1', null, { value: null, vagueMin: 12 }), dated('r2', null, { value: 57 })]);
    expect([t!.min, t!.max]).toEqual([57, 57]);
    expect(t!.claims).toHaveLength(2);
  });

  it('keeps one toll per outcome × group × affiliation, killed first', () => {
    const ts = reconcileTolls(rules.reconcile)([
      dated('r1', null, { outcome: 'injured', group: 'all', value: 3 }),
      dated('r1', null, { group: 'combatants', affiliation: 'isis', value: 9 }),
      dated('r1', null, { group: 'combatants', affiliation: null, value: 2 }),
      dated('r1', null, { group: 'civilians', value: 14 }),
    ]);
    expect(ts.map((t) => `${t.outcome}/${t.group}/${t.affiliation}`))
      .toEqual(['killed/civilians/null', 'killed/combatants/null', 'killed/combatants/isis', 'injured/all/null']);
  });
});

describe('independent sources', () => {
  it('counts a relayed claim under its source, taking its latest report (ties: the highest)', () => {
    const figures = currentFigures([
      dated('r1', '2018-07-12', { value: 20 }),
      dated('r2', '2018-07-13', { value: 28, via: 'afp' }),
      dated('r3', '2018-07-13', { value: 26, via: 'reuters' }),
      dated('r4', null, { value: 99 }),
      dated('r4', null, { value: 30, source: 'sana' }),
    ]);
    expect(figures.map((f) => [f.source, f.value])).toEqual([['sana', 30], ['sohr', 28]]);
  });
});

describe('best policies', () => {
  const figures = (values: number[]) => values.map((value, i) => ({ source: `s${i}`, value, publishedAt: `2018-07-1${i}`, reportId: `r${i}` }));

  it('median-of-independent-sources takes the lower middle', () => {
    expect(chooseBest('median-of-independent-sources')(figures([30, 10, 20]))).toBe(20);
    expect(chooseBest('median-of-independent-sources')(figures([40, 10, 30, 20]))).toBe(20);
  });
  it('minimum, maximum and latest', () => {
    expect(chooseBest('minimum')(figures([30, 10, 20]))).toBe(10);
    expect(chooseBest('maximum')(figures([30, 10, 20]))).toBe(30);
    expect(chooseBest('latest')(figures([30, 10, 20]))).toBe(20); // s2 published last
  });
  it('has no best without figures', () => {
    for (const p of BEST_POLICIES) expect(chooseBest(p)([])).toBeNull();
  });
  it('records the policy that chose best, and one relay does not outvote its source', () => {
    const claims = [
      dated('r1', '2018-07-12', { value: 28 }),
      dated('r2', '2018-07-13', { value: 28, via: 'afp' }),
      dated('r3', '2018-07-13', { value: 28, via: 'reuters' }),
      dated('r3', '2018-07-13', { value: 30, source: 'sana' }),
      dated('r4', '2018-07-14', { value: 50, source: 'local-sources' }),
    ];
    const [median] = reconcileTolls(rules.reconcile)(claims);
    expect([median!.best, median!.bestPolicy]).toEqual([30, 'median-of-independent-sources']);
    const [minimum] = reconcileTolls(withPolicy('minimum'))(claims);
    expect([minimum!.best, minimum!.bestPolicy]).toEqual([28, 'minimum']);
    const [latest] = reconcileTolls(withPolicy('latest'))(claims);
    expect(latest!.best).toBe(50);
  });
});
