/**
 * check-rules as a library: every property holds under the shipped rules, a planted rule set
 * whose best-estimate policy can leave the range is caught (not by the schema, by the
 * property), and a failure comes with a readable counterexample and a seed and path that replay it.
 */
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { ruleProperties, runProperty, type RuleProperty } from '../../src/check/index.js';
import { parseRules } from '../../src/rules/load.js';
import type { Rules } from '../../src/rules/schema.js';
import { readRuleFiles, shippedRules } from '../support/rules.js';

const withPolicy = (policy: string): Rules => {
  const files = structuredClone(readRuleFiles()) as Record<string, any>;
  files['reconcile.yaml'].best.policy = policy;
  const parsed = parseRules(files);
  if (E.isLeft(parsed)) throw new Error(`the planted rule set should be valid by schema: ${parsed.left.map((p) => p.message).join('; ')}`);
  return parsed.right;
};

const named = (props: readonly RuleProperty[], name: string): RuleProperty => {
  const p = props.find((x) => x.name === name);
  expect(p, `property ${name}`).toBeDefined();
  return p!;
};

describe('rule properties', () => {
  const shipped = ruleProperties(shippedRules().rules);

  it('covers the invariants of the issue, and extraction once per language of the rule set', () => {
    expect(shipped.map((p) => p.name)).toEqual([
      'order-independence', 'idempotence', 'ranges-contain-figures', 'best-within-range', 'claims-conserved',
      'adding-never-narrows', 'parts-within-wholes', 'date-window', 'output-contract',
      ...Object.keys(shippedRules().rules.languages).sort().map((l) => `extraction[${l}]`),
    ]);
  });

  it.each(shipped.map((p) => [p.name, p] as const))('%s holds under the shipped rules', (_, p) => {
    const r = runProperty(p, { runs: 40, seed: 20240611 });
    expect(r.status === 'failed' ? `${r.violations.join('\n')}\n${r.counterexample}` : 'passed').toBe('passed');
    expect(r.runs).toBe(40);
  });

  it('accepts a mean-plus-sd best policy by schema, and best-within-range catches it with a readable counterexample', () => {
    const planted = ruleProperties(withPolicy('mean-plus-sd'));
    const r = runProperty(named(planted, 'best-within-range'), { runs: 200, seed: 7 });
    expect(r.status).toBe('failed');
    if (r.status !== 'failed') return;
    expect(r.violations[0]).toMatch(/best \d+ is above the highest figure \d+ \(policy mean-plus-sd/);
    // mentions print as lines, a text report as its id, metadata and text; never [object Object]
    expect(r.counterexample).toMatch(/r\d#\d .*\[.*(killed|injured)|t-\w+ \(published [^)]*\b\w+ text\b[^)]*\): ".+"/);
    expect(r.counterexample).not.toContain('[object Object]');
    expect(r.seed).toBe(7);
    expect(r.path).toMatch(/^\d+(:\d+)*$/);
  });

  it('prints an added claim as a line, never [object Object]', () => {
    const p = named(shipped, 'adding-never-narrows');
    const [sample] = fc.sample(p.arbitrary, { numRuns: 1, seed: 5 });
    const shown = fc.stringify(sample);
    expect(shown).toMatch(/add to mention #\d+ \(of the clustered mentions, wrapping\): (killed|injured)\/\w+(\/[\w-]+)?=(\d+|~\w+).* \([\w:-]+( via [\w:-]+)?\)/);
    expect(shown).not.toContain('[object Object]');
  });

  it('replays a failure from its seed and path', () => {
    const p = named(ruleProperties(withPolicy('mean-plus-sd')), 'best-within-range');
    const first = runProperty(p, { runs: 200, seed: 99 });
    expect(first.status).toBe('failed');
    if (first.status !== 'failed') return;
    const again = runProperty(p, { runs: 200, seed: first.seed, path: first.path });
    expect(again).toEqual(expect.objectContaining({ status: 'failed', counterexample: first.counterexample, violations: first.violations }));
  });

  it('keeps the other policies within the range', () => {
    for (const policy of ['minimum', 'maximum', 'latest']) {
      const r = runProperty(named(ruleProperties(withPolicy(policy)), 'best-within-range'), { runs: 60, seed: 3 });
      expect([policy, r.status]).toEqual([policy, 'passed']);
    }
  });

  it('reports an exception in the engine as a violation, not a crash', () => {
    const throwing: RuleProperty = {
      name: 'throws', statement: 'never throws', arbitrary: fc.integer({ min: 0, max: 10 }),
      check: (n) => { if ((n as number) > 3) throw new RangeError(`boom at ${String(n)}`); return []; },
    };
    const r = runProperty(throwing, { runs: 100, seed: 1 });
    expect(r).toEqual(expect.objectContaining({ status: 'failed', counterexample: '4', violations: ['the engine threw RangeError: boom at 4'] }));
  });
});
