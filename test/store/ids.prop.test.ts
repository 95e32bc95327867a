/**
 * assignStableIds: for any previous incidents and any regrouping of their mentions (with
 * new mentions), ids are unique and never taken twice, grown incidents keep theirs, a split
 * keeps it on the larger part, a merge on the larger predecessor, and history explains
 * every id that is not the cluster's evidence hash.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { assignStableIds } from '../../src/store/index.js';
import { incidentId } from '../../src/reconcile/incident.js';

/** Mentions m00..mNN; previous incidents are a partition of some; next a partition of some of those plus new ones. */
const world = fc.integer({ min: 1, max: 24 }).chain((n) => fc.record({
  mentions: fc.constant([...Array(n).keys()].map((k) => `m${String(k).padStart(2, '0')}`)),
  prevGroup: fc.array(fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }), { minLength: n, maxLength: n }),
  nextGroup: fc.array(fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }), { minLength: n, maxLength: n }),
  taken: fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 3 }),
}));

const groups = (mentions: readonly string[], g: readonly (number | null)[]): string[][] => {
  const by = new Map<number, string[]>();
  mentions.forEach((m, k) => { const x = g[k]; if (x !== null && x !== undefined) by.set(x, [...(by.get(x) ?? []), m]); });
  return [...by.values()];
};

describe('assignStableIds', () => {
  test.prop([world, fc.integer()])('ids unique, grown keep theirs, splits and merges keep the larger, history explains the rest', (w, shuffleSeed) => {
    const prev = groups(w.mentions, w.prevGroup).map((ms, k) => ({ incidentId: `inc-prev-${k}`, mentionIds: ms }));
    const next = groups(w.mentions, w.nextGroup);
    // Ids already used elsewhere: some evidence hashes of next clusters (a fresh id must avoid them).
    const taken = new Set(w.taken.flatMap((k) => (next[k] ? [incidentId(next[k])] : [])));
    const { incidents, events } = assignStableIds(prev, next, taken);
    const ids = incidents.map((i) => i.incidentId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) if (!prev.some((p) => p.incidentId === id)) expect(taken.has(id)).toBe(false);
    expect(incidents.map((i) => i.mentionIds)).toEqual(next.map((ms) => [...ms].sort()));

    const owner = new Map(incidents.flatMap((i) => i.mentionIds.map((m) => [m, i.incidentId] as const)));
    for (const p of prev) {
      const heirs = p.mentionIds.map((m) => owner.get(m)).filter((x): x is string => x !== undefined);
      const count = (id: string): number => heirs.filter((h) => h === id).length;
      const kept = ids.includes(p.incidentId);
      if (heirs.length === 0) { expect(events).toContainEqual(expect.objectContaining({ event: 'removed', incidentId: p.incidentId })); continue; }
      // Only grew: one heir holding no other previous incident's mentions → same id.
      const heirSet = new Set(heirs);
      const [only] = heirSet;
      const mixed = prev.some((q) => q !== p && q.mentionIds.some((m) => owner.get(m) === only));
      if (heirSet.size === 1 && heirs.length === p.mentionIds.length && !mixed) expect(only).toBe(p.incidentId);
      if (kept) {
        // The part that kept the id holds at least as many of its mentions as any other part.
        for (const h of heirSet) expect(count(p.incidentId)).toBeGreaterThanOrEqual(count(h));
        for (const h of heirSet) if (h !== p.incidentId) expect(events).toContainEqual(expect.objectContaining({ event: 'split', incidentId: p.incidentId, otherId: h }));
      } else {
        const into = events.find((e) => e.event === 'merged' && e.incidentId === p.incidentId);
        expect(into).toBeDefined();
        // It went into the incident holding most of its mentions, which kept a larger (or equal) predecessor's id.
        const target = prev.find((q) => q.incidentId === into!.otherId);
        if (target) expect(target.mentionIds.length).toBeGreaterThanOrEqual(p.mentionIds.length);
      }
    }
    // Every id that is not the cluster's evidence hash is a predecessor's (kept) or salted away from a taken one.
    for (const i of incidents) {
      if (i.incidentId === incidentId(i.mentionIds)) continue;
      const explained = prev.some((p) => p.incidentId === i.incidentId) || taken.has(incidentId(i.mentionIds)) || ids.includes(incidentId(i.mentionIds))
        || prev.some((p) => p.incidentId === incidentId(i.mentionIds));
      expect(explained).toBe(true);
    }
    // The same whatever the order of the next clusters.
    const order = next.map((_, k) => k).sort((a, b) => ((a * 7919 + shuffleSeed) % 13) - ((b * 7919 + shuffleSeed) % 13) || a - b);
    const again = assignStableIds([...prev].reverse(), order.map((k) => next[k]!), taken);
    expect(order.map((k) => ids[k])).toEqual(again.incidents.map((i) => i.incidentId));
    expect(again.events).toEqual(events);
  });

  it('a split keeps the id on the larger part and records where the rest went', () => {
    const r = assignStableIds([{ incidentId: 'inc-a', mentionIds: ['x1', 'x2', 'x3'] }], [['x1'], ['x2', 'x3']], new Set());
    expect(r.incidents.map((i) => i.incidentId)).toEqual([incidentId(['x1']), 'inc-a']);
    expect(r.events).toContainEqual(expect.objectContaining({ event: 'split', incidentId: 'inc-a', otherId: incidentId(['x1']), after: 1 }));
    expect(r.events).toContainEqual(expect.objectContaining({ event: 'changed', incidentId: 'inc-a', before: 3, after: 2 }));
  });

  it('a merge keeps the id of the larger predecessor and records the retired one', () => {
    const r = assignStableIds([{ incidentId: 'inc-a', mentionIds: ['x1'] }, { incidentId: 'inc-b', mentionIds: ['x2', 'x3'] }], [['x1', 'x2', 'x3', 'n1']], new Set());
    expect(r.incidents[0]!.incidentId).toBe('inc-b');
    expect(r.events).toContainEqual(expect.objectContaining({ event: 'merged', incidentId: 'inc-a', otherId: 'inc-b' }));
    expect(r.events).toContainEqual(expect.objectContaining({ event: 'grown', incidentId: 'inc-b', before: 2, after: 4 }));
  });

  it('a split part whose evidence hash is the kept id gets another id', () => {
    // inc-a was created for {x1, x2}, grew, and now splits: {x1, x2} is the smaller part.
    const id = incidentId(['x1', 'x2']);
    const r = assignStableIds([{ incidentId: id, mentionIds: ['x1', 'x2', 'x3', 'x4', 'x5'] }], [['x1', 'x2'], ['x3', 'x4', 'x5']], new Set([id]));
    expect(r.incidents[1]!.incidentId).toBe(id);
    expect(r.incidents[0]!.incidentId).not.toBe(id);
    expect(r.incidents[0]!.incidentId).toMatch(/^inc-[0-9a-f]{10}$/);
  });
});
