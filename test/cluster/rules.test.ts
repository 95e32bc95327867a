import { describe, expect, it } from 'vitest';
import { ClusteringRules } from '../../src/rules/clustering-schema.js';
import { readRuleFile } from './support.js';

const shipped = () => structuredClone(readRuleFile('clustering.yaml')) as Record<string, any>;
const issues = (v: unknown) => {
  const r = ClusteringRules.safeParse(v);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('rules/clustering.yaml', () => {
  it('is valid as shipped', () => {
    expect(issues(shipped())).toEqual([]);
  });

  it('rejects a comparison that lacks a level or names one twice, collecting every problem', () => {
    const r = shipped();
    r.comparisons.date.levels = r.comparisons.date.levels.slice(1);
    r.comparisons.target.levels.push(r.comparisons.target.levels[0]);
    const found = issues(r);
    expect(found.some((m) => m.startsWith('comparisons.date.levels') && m.includes("'same-day'"))).toBe(true);
    expect(found.some((m) => m.startsWith('comparisons.target.levels') && m.includes("'shared-target'"))).toBe(true);
  });

  it('rejects blocking that would lose pairs', () => {
    const r = shipped();
    r.blocking = r.blocking.filter((b: { kind: string }) => b.kind !== 'place-id');
    expect(issues(r).join('\n')).toContain('place-id');
  });

  it('rejects an unknown level id and a non-numeric weight', () => {
    const r = shipped();
    r.comparisons.actor.levels[0].id = 'same-doer';
    r.comparisons.place.levels[0].weight = 'high';
    expect(issues(r).length).toBeGreaterThanOrEqual(2);
  });
});
