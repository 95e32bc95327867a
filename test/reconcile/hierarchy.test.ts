import { describe, expect, it } from 'vitest';
import { applyHierarchy, deriveTolls } from '../../src/reconcile/hierarchy.js';
import { reconcileTolls, type DatedClaim } from '../../src/reconcile/tolls.js';
import type { Toll } from '../../src/model/contract.js';
import { claimOf, testRules, type ClaimSpec } from '../cluster/support.js';

const rules = testRules().reconcile;
const claims = (specs: [string, string | null, ClaimSpec][]): DatedClaim[] =>
  specs.map(([reportId, publishedAt, spec], i) => ({ claim: claimOf(reportId, [i * 10, i * 10 + 5], spec), publishedAt }));
const find = (ts: readonly Toll[], group: string) => ts.find((t) => t.group === group && t.outcome === 'killed');

describe('derived figures', () => {
  it('derives combatants = all − civilians from one source, never as a stated figure', () => {
    const cs = claims([['r1', null, { group: 'all', value: 54 }], ['r1', null, { group: 'civilians', value: 28 }],
      ['r2', null, { group: 'civilians', value: 30, source: 'sana' }]]);
    const [d, ...rest] = deriveTolls(rules)(cs);
    expect(rest).toHaveLength(0);
    expect(d).toMatchObject({ outcome: 'killed', group: 'combatants', affiliation: null, min: 26, max: 26, best: 26, claims: [], derived: true });
    expect(d!.derivedFrom).toContain('54 − 28');
  });

  it('derives nothing when combatants are stated, or no source gives both figures', () => {
    expect(deriveTolls(rules)(claims([['r1', null, { group: 'all', value: 57 }], ['r1', null, { group: 'civilians', value: 42 }],
      ['r1', null, { group: 'combatants', affiliation: 'isis', value: 15 }]]))).toEqual([]);
    expect(deriveTolls(rules)(claims([['r1', null, { group: 'all', value: 57 }], ['r2', null, { group: 'civilians', value: 42, source: 'sana' }]])))
      .toEqual([]);
  });

  it('derives nothing from one source\'s whole and part in different reports (a revised toll is not a part)', () => {
    expect(deriveTolls(rules)(claims([['r1', '2019-07-23', { group: 'all', value: 39 }], ['r2', '2019-07-22', { group: 'civilians', value: 31 }]])))
      .toEqual([]);
  });

  it('can be switched off in rules', () => {
    const off = { ...rules, derive: rules.derive.map((d) => ({ ...d, enabled: false })) };
    expect(deriveTolls(off)(claims([['r1', null, { group: 'all', value: 54 }], ['r1', null, { group: 'civilians', value: 28 }]]))).toEqual([]);
  });
});

describe('part ≤ whole', () => {
  const run = (cs: DatedClaim[]) => applyHierarchy(rules)(reconcileTolls(rules)(cs));

  it('caps a part’s best at its whole’s best, staying in range', () => {
    // all: 30 (sohr), civilians: 28 (sohr), 35 (sana), 40 (local) → median 35 > 30 → 30
    const { tolls, disagreements } = run(claims([['r1', null, { group: 'all', value: 30 }], ['r1', null, { group: 'civilians', value: 28 }],
      ['r2', null, { group: 'civilians', value: 35, source: 'sana' }], ['r3', null, { group: 'civilians', value: 40, source: 'local-sources' }]]));
    expect(find(tolls, 'civilians')!.best).toBe(30);
    expect(find(tolls, 'civilians')!.bestPolicy).toContain('capped');
    expect(disagreements).toEqual([]);
  });

  it('skips a missing whole: children are capped by all when no civilians figure exists', () => {
    const { tolls } = run(claims([['r1', null, { group: 'all', value: 7 }], ['r2', null, { group: 'children', value: 5, source: 'sana' }],
      ['r3', null, { group: 'children', value: 9, source: 'local-sources' }], ['r4', null, { group: 'children', value: 8, source: 'snhr' }]]));
    expect(find(tolls, 'children')!.best).toBe(7);
  });

  it('reports a part whose lowest figure exceeds the whole’s highest, and keeps the part’s best among its own figures', () => {
    const { tolls, disagreements } = run(claims([['r1', null, { group: 'all', value: 10 }], ['r2', null, { group: 'civilians', value: 20, source: 'sana' }]]));
    expect(find(tolls, 'civilians')!.best).toBe(20);
    expect(find(tolls, 'all')!.best).toBe(10);
    expect(disagreements).toHaveLength(1);
    expect(disagreements[0]).toMatchObject({ kind: 'toll', group: 'civilians', reason: 'part-exceeds-whole', sources: ['sana', 'sohr'] });
  });

  it('raises an unbounded (vague) whole to its part instead of capping the part', () => {
    const { tolls } = run(claims([['r1', null, { group: 'all', value: null, vagueMin: 12 }], ['r1', null, { group: 'civilians', value: 28 }]]));
    expect(find(tolls, 'civilians')!.best).toBe(28);
    expect(find(tolls, 'all')!.best).toBe(28);
  });

  it('caps combatants of an affiliation at all', () => {
    const { tolls } = run(claims([['r1', null, { group: 'all', value: 6 }], ['r2', null, { group: 'combatants', affiliation: 'isis', value: 5, source: 'sana' }],
      ['r3', null, { group: 'combatants', affiliation: 'isis', value: 9, source: 'local-sources' }], ['r4', null, { group: 'combatants', affiliation: 'isis', value: 8, source: 'snhr' }]]));
    expect(find(tolls, 'combatants')!.best).toBe(6);
  });

  it('raises a whole to cover the sum of its parts within its own figures', () => {
    // civilians 10 (sohr) and 16 (sana): median 10; children 6 + women 5 + men 3 = 14 → 14
    const { tolls, disagreements } = run(claims([['r1', null, { group: 'civilians', value: 10 }], ['r2', null, { group: 'civilians', value: 16, source: 'sana' }],
      ['r1', null, { group: 'children', value: 6 }], ['r1', null, { group: 'women', value: 5 }], ['r1', null, { group: 'men', value: 3 }]]));
    expect(find(tolls, 'civilians')!.best).toBe(14);
    expect(find(tolls, 'civilians')!.bestPolicy).toContain('raised to the sum of its parts');
    expect(disagreements).toEqual([]);
  });

  it('parts summing beyond the whole’s highest figure are a disagreement, and the whole’s best stays in its range', () => {
    const { tolls, disagreements } = run(claims([['r1', null, { group: 'all', value: 9 }], ['r1', null, { group: 'civilians', value: 7 }],
      ['r2', null, { group: 'combatants', affiliation: 'isis', value: 4, source: 'sana' }]]));
    expect(find(tolls, 'all')!.best).toBe(9);
    expect(disagreements).toEqual([expect.objectContaining({ kind: 'toll', group: 'all', reason: 'parts-exceed-whole', sources: ['sana', 'sohr'] })]);
    expect(disagreements[0]!.summary).toMatch(/civilians killed 7, .*killed 4: 11 together\) exceed its highest figure \(9\)/);
  });

  it('a part that alone exceeds its whole leaves the whole’s parts-sum disagreement standing when the other parts exceed it too', () => {
    // all 15; combatants 16 exceed it alone, and civilians (0 or 16, but children 15 + women 1 = 16) exceed it as well:
    // civilians are capped at 15, below their own parts, so the sum's disagreement is no repeat (fast-check seed 798551153)
    const { tolls, disagreements } = run(claims([['r1', null, { group: 'all', value: 15 }], ['r2', null, { group: 'civilians', value: 0, source: 'sana' }],
      ['r1', null, { group: 'women', value: 1 }], ['r1', null, { group: 'children', value: 15 }], ['r1', null, { group: 'combatants', value: 16 }],
      ['r1', null, { group: 'civilians', value: 16 }]]));
    expect(find(tolls, 'civilians')!.best).toBe(15);
    expect(disagreements.map((d) => [d.reason, d.group])).toEqual([['parts-exceed-whole', 'all'], ['part-exceeds-whole', 'combatants']]);
  });

  it('a part that alone exceeds its whole is said once, when the other parts fit inside the whole', () => {
    const { disagreements } = run(claims([['r1', null, { group: 'all', value: 15 }], ['r1', null, { group: 'civilians', value: 4 }],
      ['r2', null, { group: 'combatants', value: 16, source: 'sana' }]]));
    expect(disagreements.map((d) => [d.reason, d.group])).toEqual([['part-exceeds-whole', 'combatants']]);
  });

  it('a capped part never settles on a figure its source revised', () => {
    // civilians: 30 now, "up from 20"; all 12 → the part keeps 30 and the sources disagree
    const cs = claims([['r1', null, { group: 'all', value: 12, source: 'sana' }], ['r2', null, { group: 'civilians', value: 30 }], ['r2', null, { group: 'civilians', value: 20 }]]);
    const revised = cs.map((d, i) => (i === 2 ? { ...d, claim: { ...d.claim, superseded: true } } : d));
    const { tolls, disagreements } = run(revised);
    expect(find(tolls, 'civilians')!.best).toBe(30);
    expect(disagreements.map((d) => d.reason)).toContain('part-exceeds-whole');
  });
});
