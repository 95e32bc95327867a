import { describe, expect, it } from 'vitest';
import { ReconcileRules } from '../../src/rules/reconcile-schema.js';
import { readRuleFile } from '../cluster/support.js';

const shipped = () => structuredClone(readRuleFile('reconcile.yaml')) as Record<string, any>;
const ok = (v: unknown) => ReconcileRules.safeParse(v).success;

describe('rules/reconcile.yaml', () => {
  it('is valid as shipped', () => {
    const r = ReconcileRules.safeParse(shipped());
    expect(r.success ? [] : r.error.issues).toEqual([]);
  });
  it('rejects an unknown best policy', () => {
    const r = shipped(); r.best.policy = 'mean';
    expect(ok(r)).toBe(false);
  });
  it('rejects a cyclic hierarchy and a part with two wholes', () => {
    const cyclic = shipped(); cyclic.hierarchy.push({ part: 'all', whole: 'children' });
    expect(ok(cyclic)).toBe(false);
    const twice = shipped(); twice.hierarchy.push({ part: 'children', whole: 'all' });
    expect(ok(twice)).toBe(false);
  });
  it('rejects a grade order without a catch-all', () => {
    const r = shipped(); r.grade.order = ['contested', 'confirmed'];
    expect(ok(r)).toBe(false);
  });
});
