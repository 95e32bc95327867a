import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { reconcileIncident } from '../../src/reconcile/incident.js';
import type { Incident, Toll } from '../../src/model/contract.js';
import type { Mention } from '../../src/model/claim.js';
import { claimArb, mentionsAndShuffleArb, mentionsArb } from '../cluster/arbitraries.js';
import { claimOf, testRules } from '../cluster/support.js';

const rules = testRules();
const reconcile = (ms: readonly Mention[]): Incident => reconcileIncident(rules)({ mentions: ms });
const params = { numRuns: 150 };
const key = (t: Pick<Toll, 'outcome' | 'group' | 'affiliation'>) => `${t.outcome}/${t.group}/${t.affiliation ?? ''}`;

/** The whole a toll answers to: its nearest ancestor group (affiliation none) present in the incident. */
const wholeOf = (inc: Incident, t: Toll): Toll | undefined => {
  const parent = new Map(rules.reconcile.hierarchy.map((h) => [h.part, h.whole]));
  for (let g = parent.get(t.group); g; g = parent.get(g)) {
    const w = inc.tolls.find((x) => x.outcome === t.outcome && x.group === g && x.affiliation === null);
    if (w) return w;
  }
  return undefined;
};

describe('reconciliation properties', () => {
  test.prop([mentionsArb(6)], params)('every stated figure lies inside its range, unless set aside as not the whole event’s toll', (ms) => {
    for (const t of reconcile(ms).tolls) {
      const anyWhole = t.claims.some((c) => c.value !== null && !c.notWhole);
      for (const c of t.claims) {
        if (c.value === null || (c.notWhole && anyWhole)) continue;
        expect(c.value).toBeGreaterThanOrEqual(t.min);
        expect(t.max).not.toBeNull();
        expect(c.value).toBeLessThanOrEqual(t.max!);
      }
    }
  });

  test.prop([mentionsArb(6)], params)('best lies inside the range unless a part exceeds its whole', (ms) => {
    const inc = reconcile(ms);
    for (const t of inc.tolls) {
      if (t.best === null || t.derived) continue;
      const flagged = inc.disagreements.some((d) => d.reason === 'part-exceeds-whole' && d.group === t.group && d.outcome === t.outcome && d.affiliation === t.affiliation);
      if (flagged) continue;
      expect(t.best).toBeGreaterThanOrEqual(t.min);
      if (t.max !== null) expect(t.best).toBeLessThanOrEqual(t.max);
    }
  });

  test.prop([mentionsArb(6)], params)('a part’s best never exceeds its whole’s best, unless the part’s own figures all do (a disagreement)', (ms) => {
    const inc = reconcile(ms);
    for (const t of inc.tolls) {
      const w = wholeOf(inc, t);
      if (!w || w.best === null || t.best === null || t.best <= w.best) continue;
      expect(t.best).toBe(t.min);
      expect(inc.disagreements.some((d) => d.reason === 'part-exceeds-whole' && d.group === t.group && d.outcome === t.outcome)).toBe(true);
    }
  });

  test.prop([mentionsArb(6)], params)('an uncapped median best is one independent source’s stated figure', (ms) => {
    for (const t of reconcile(ms).tolls) {
      if (t.bestPolicy !== 'median-of-independent-sources' || t.derived || t.best === null) continue;
      expect(t.claims.map((c) => c.value)).toContain(t.best);
    }
  });

  test.prop([mentionsArb(6, 1), claimArb, fc.nat()], params)('adding a claim never narrows a stated range', (ms, spec, pick) => {
    const before = reconcile(ms);
    const i = pick % ms.length, m = ms[i]!;
    const added = { ...m, claims: [...m.claims, claimOf(m.reportId, [900_000 + i, 900_001 + i], spec)] };
    const after = reconcile(ms.map((x, k) => (k === i ? added : x)));
    const at = (c: { reportId: string; span: readonly number[] }) => `${c.reportId}@${c.span[0]}`;
    const setAsideAfter = new Set(after.tolls.flatMap((x) => x.claims.filter((c) => c.notWhole).map(at)));
    for (const t of before.tolls) {
      if (t.derived || t.max === null) continue;
      // the added claim may show that a figure is not the whole event's toll ("12 civilians and 5 others"):
      // that figure leaves the range
      // that figure leaves the range; a range of set-aside figures only holds until a whole figure comes
      if (t.claims.some((c) => !c.notWhole && setAsideAfter.has(at(c)))) continue;
      const stated = t.claims.filter((c) => c.value !== null && !c.notWhole);
      if (!stated.length) continue;
      // the added claim may show whose fighters the figures count (rules: sides): a category's claims may then
      // move to another category, each by its own source and sentence, and the range they stated holds across
      // the categories that now hold them
      const us = stated.map((s) => after.tolls.find((x) => !x.derived && x.claims.some((c) => at(c) === at(s))));
      for (const u of us) expect(u).toBeDefined();
      expect(Math.min(...us.map((u) => u!.min ?? Infinity))).toBeLessThanOrEqual(t.min);
      expect(us.some((u) => u!.max === null)).toBe(false);
      expect(Math.max(...us.map((u) => u!.max!))).toBeGreaterThanOrEqual(t.max);
    }
  });

  test.prop([mentionsAndShuffleArb(6)], params)('the incident does not depend on the order of its mentions', ([ms, shuffled]) => {
    expect(reconcile(shuffled)).toEqual(reconcile(ms));
  });
});
