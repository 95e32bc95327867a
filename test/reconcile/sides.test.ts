import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assignSides } from '../../src/reconcile/sides.js';
import type { DatedClaim } from '../../src/reconcile/tolls.js';
import type { Group } from '../../src/model/contract.js';
import { claimOf, testRules, type ClaimSpec } from '../cluster/support.js';

const rules = testRules().reconcile;
/** Each claim in its own report (its own sentence) unless a report id is given. */
const claims = (specs: (ClaimSpec & { report?: string; at?: number })[]): DatedClaim[] =>
  specs.map((s, i) => ({ claim: claimOf(s.report ?? `r${i}`, [s.at ?? i * 1000, (s.at ?? i * 1000) + 5], s), publishedAt: null }));
const cats = (ds: readonly DatedClaim[]) => ds.map((d) => `${d.claim.outcome}/${d.claim.group}/${d.claim.affiliation ?? '-'}=${d.claim.value}`);

describe('whose fighters', () => {
  it('fighters counted without a side take the one side the incident names', () => {
    const out = assignSides(rules)(claims([
      { group: 'combatants', affiliation: null, value: 30 },
      { group: 'combatants', affiliation: 'armed-opposition', value: 25, source: 'sana' },
      { outcome: 'injured', group: 'combatants', affiliation: null, value: 40 },
    ]));
    expect(cats(out)).toEqual(['killed/combatants/armed-opposition=30', 'killed/combatants/armed-opposition=25', 'injured/combatants/armed-opposition=40']);
  });

  it('two sides named: fighters without a side keep none', () => {
    const out = assignSides(rules)(claims([
      { group: 'combatants', affiliation: null, value: 12 },
      { group: 'combatants', affiliation: 'isis', value: 5 },
      { group: 'combatants', affiliation: 'sdf', value: 3, source: 'sdf' },
    ]));
    expect(cats(out)[0]).toBe('killed/combatants/-=12');
  });

  it('where only fighters are counted, a figure of people counts those fighters', () => {
    const out = assignSides(rules)(claims([
      { group: 'all', value: 90, source: 'local-sources' },
      { group: 'combatants', affiliation: 'syrian-government', value: 70 },
      { outcome: 'injured', group: 'all', value: 20 },
    ]));
    expect(cats(out)).toEqual(['killed/combatants/syrian-government=90', 'killed/combatants/syrian-government=70', 'injured/combatants/syrian-government=20']);
  });

  it('a figure of people stays everyone when two sides\' fighters are counted, or fighters of no side', () => {
    const two = assignSides(rules)(claims([
      { group: 'all', value: 57 }, { group: 'combatants', affiliation: 'syrian-government', value: 14, source: 'sana' },
      { group: 'combatants', affiliation: 'iran-backed', value: 16, source: 'sana' },
    ]));
    expect(cats(two)[0]).toBe('killed/all/-=57');
    const none = assignSides(rules)(claims([{ group: 'all', value: 20 }, { group: 'combatants', affiliation: null, value: 12, source: 'sana' }]));
    expect(cats(none)).toEqual(['killed/all/-=20', 'killed/combatants/-=12']);
  });

  it('a figure of people stays everyone when any figure counts civilians or a part of them', () => {
    for (const g of ['civilians', 'children', 'women', 'men'] as Group[]) {
      const out = assignSides(rules)(claims([
        { group: 'all', value: 40 }, { group: 'combatants', affiliation: 'isis', value: 20 }, { outcome: 'injured', group: g, value: 2 },
      ]));
      expect(cats(out)[0]).toBe('killed/all/-=40');
    }
  });

  it('a whole a source states beside a smaller fighter figure of its own, in one sentence, stays everyone', () => {
    const out = assignSides(rules)(claims([
      { group: 'all', value: 20, report: 'r1', at: 10 }, { group: 'combatants', affiliation: 'isis', value: 5, report: 'r1', at: 30 },
      { group: 'all', value: 21, source: 'sana' },
    ]));
    expect(cats(out)).toEqual(['killed/all/-=20', 'killed/combatants/isis=5', 'killed/all/-=21']);
  });

  it('a fighter figure that is a part of a whole keeps that whole everyone', () => {
    const [w, p] = claims([{ group: 'all', value: 20 }, { group: 'combatants', affiliation: 'isis', value: 5, source: 'sana' }]);
    const out = assignSides(rules)([w!, { ...p!, claim: { ...p!.claim, partOf: w!.claim.id } }]);
    expect(cats(out)[0]).toBe('killed/all/-=20');
  });

  it('can be switched off in rules', () => {
    const input = claims([{ group: 'all', value: 9 }, { group: 'combatants', affiliation: null, value: 9 }, { group: 'combatants', affiliation: 'isis', value: 8 }]);
    expect(cats(assignSides({ ...rules, sides: { carryOver: false, fightersOnly: false } })(input))).toEqual(cats(input));
  });

  it('for any claims: figures, outcomes, sources and civilian groups are kept; a named side is never changed', () => {
    const spec = fc.record({
      outcome: fc.constantFrom('killed' as const, 'injured' as const),
      group: fc.constantFrom<Group>('all', 'civilians', 'children', 'combatants'),
      affiliation: fc.constantFrom(null, 'isis', 'sdf'),
      value: fc.option(fc.integer({ min: 1, max: 200 }), { nil: null }),
      source: fc.constantFrom('sohr', 'sana', 'local-sources'),
    });
    fc.assert(fc.property(fc.array(spec, { maxLength: 8 }), (specs) => {
      const input = claims(specs.map((s) => ({ ...s, affiliation: s.group === 'combatants' ? s.affiliation : null })));
      const out = assignSides(rules)(input);
      expect(out).toHaveLength(input.length);
      out.forEach((d, i) => {
        const before = input[i]!.claim;
        expect([d.claim.outcome, d.claim.value, d.claim.source, d.claim.id]).toEqual([before.outcome, before.value, before.source, before.id]);
        if (before.group !== 'all' && before.group !== 'combatants') expect(d.claim.group).toBe(before.group);
        if (before.affiliation !== null) expect(d.claim.affiliation).toBe(before.affiliation);
        if (d.claim.group !== before.group) expect(input.some((e) => e.claim.group === 'civilians' || e.claim.group === 'children')).toBe(false);
      });
    }), { numRuns: 60 });
  });
});
