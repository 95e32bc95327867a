/**
 * Issue 9's property: for any split of a generated batch into k parts added in order, the
 * store's export equals the one-shot run (same incidents, ranges, disagreements, aggregates,
 * warnings and accounting; ids compared through their evidence), and an incident whose
 * evidence only grew keeps its id. In-memory store; the DuckDB adapter is checked against it.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { addReports, exportOutput, memoryStore } from '../../src/store/index.js';
import type { Report } from '../../src/model/report.js';
import { byEvidence, corpusLines, hash, lineage, oneShot, readLines, rules } from './support.js';

/** Cut `reports` (in a shuffled order) into k consecutive parts at the given points. */
const parts = (reports: readonly Report[], order: readonly number[], cuts: readonly number[]): Report[][] => {
  const shuffled = order.map((k) => reports[k]!);
  const at = [...new Set(cuts.map((c) => c % (shuffled.length + 1)))].sort((a, b) => a - b);
  const out: Report[][] = [];
  let from = 0;
  for (const c of [...at, shuffled.length]) { out.push(shuffled.slice(from, c)); from = c; }
  return out;
};

describe('incremental reconciliation in the store', () => {
  const scenario = fc.record({
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    reports: fc.integer({ min: 5, max: 40 }),
    days: fc.integer({ min: 2, max: 40 }),
    codedEvery: fc.constantFrom(0, 0, 3),
    k: fc.integer({ min: 1, max: 6 }),
  }).chain((s) => fc.record({
    s: fc.constant(s),
    order: fc.shuffledSubarray([...Array(s.reports).keys()], { minLength: s.reports, maxLength: s.reports }),
    cuts: fc.array(fc.nat(), { minLength: s.k - 1, maxLength: s.k - 1 }),
  }));

  test.prop([scenario], { numRuns: 60 })('export after k adds equals the one-shot run; grown incidents keep their ids', async ({ s, order, cuts }) => {
    const all = readLines(rules, corpusLines(s.seed, s.reports, s.days, ['idlib', 'aleppo'], s.codedEvery));
    const store = memoryStore();
    const add = addReports(store, { rules, rulesHash: hash });
    const exported = async () => exportOutput(rules, hash)(await store.content());
    let before = lineage(await exported());
    for (const part of parts(all, order, cuts)) {
      await add(part);
      const now = await exported();
      const after = lineage(now);
      // An incident whose mentions all sit in one new incident that holds no other incident's mentions kept its id.
      const ownerAfter = new Map([...after].flatMap(([id, ms]) => ms.map((m) => [m, id] as const)));
      for (const [id, ms] of before) {
        const heirs = new Set(ms.map((m) => ownerAfter.get(m)));
        if (heirs.size !== 1) continue;
        const heir = [...heirs][0]!;
        const others = [...before].filter(([other, oms]) => other !== id && oms.some((m) => ownerAfter.get(m) === heir));
        if (heir !== undefined && others.length === 0) expect(heir).toBe(id);
      }
      before = after;
    }
    expect(byEvidence(await exported())).toEqual(byEvidence(oneShot(rules, hash, all)));
    // Adding the same reports again changes nothing.
    const again = await add(all);
    expect(again.added).toBe(0);
    expect(again.alreadyStored).toBe(all.length);
  });
});
