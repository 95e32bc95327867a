/**
 * Model-based: the per-incident checks that used to visit every two mentions or claims
 * (outlier figures, dates and places that disagree) give what visiting every two gives.
 * They now run in linear time (places: in the number of distinct place sets), so that an
 * incident told by 20,000 reports reconciles in seconds. The models below are the pairwise
 * definitions, written out.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { formatRange, overlaps, toDays } from '../../src/cluster/dates.js';
import { categoryKey } from '../../src/cluster/features.js';
import type { Mention } from '../../src/model/claim.js';
import { dateDisagreements, placeDisagreements } from '../../src/reconcile/disagreements.js';
import { partialWholes, sameSentence } from '../../src/reconcile/hierarchy.js';
import { markOutliers } from '../../src/reconcile/incident.js';
import { eventOf } from '../../src/reconcile/tolls.js';
import type { DatedClaim } from '../../src/reconcile/tolls.js';
import { mentionsOf, specArb } from '../cluster/arbitraries.js';
import { testRules } from '../cluster/support.js';

const rules = testRules();
const r = rules.reconcile;

const mentionsArb = fc.array(fc.record({ s: specArb, r: fc.nat({ max: 5 }) }), { maxLength: 25 })
  .map((xs) => mentionsOf(xs.map(({ s, r: k }) => ({ reportId: `r${k + 1}`, spec: s }))));

/** Pairwise: a figure at least `factor` times every other comparable figure (same category, or a whole of its group). */
const outliersModel = (claims: readonly DatedClaim[]): boolean[] => {
  const factor = r.limits!.outlierFactor!;
  const parent = new Map<string, string>(r.hierarchy.map((h) => [h.part, h.whole]));
  const wholesOf = (group: string): Set<string> => {
    const out = new Set<string>();
    for (let g = parent.get(group); g !== undefined; g = parent.get(g)) out.add(g);
    return out;
  };
  const comparable = (d: DatedClaim, e: DatedClaim): boolean => categoryKey(e.claim) === categoryKey(d.claim)
    || (e.claim.outcome === d.claim.outcome && e.claim.affiliation === null && wholesOf(d.claim.group).has(e.claim.group));
  return claims.map((d) => {
    const v = d.claim.value;
    if (v === null) return false;
    const others = claims.filter((e) => e !== d && !e.claim.notWhole && comparable(d, e) && e.claim.value !== null && e.claim.value !== v).map((e) => e.claim.value!);
    const top = others.length ? Math.max(...others) : 0;
    return top > 0 && v >= factor * top;
  });
};

/** Pairwise: mentions of two reports naming specific places, none in common. */
const placeClashModel = (ms: readonly Mention[]): string[] => {
  const placed = ms.map((m) => ({ m, ids: new Set(m.places.flatMap((p) => (p.id ? [p.id] : [])).filter((id) => !['deir-ez-zor', 'abu-kamal-district'].includes(id))) })).filter((x) => x.ids.size > 0);
  const clash = new Set<Mention>();
  for (const a of placed) for (const b of placed) if (a !== b && a.m.reportId !== b.m.reportId && ![...a.ids].some((id) => b.ids.has(id))) { clash.add(a.m); clash.add(b.m); }
  return ms.filter((m) => clash.has(m)).map((m) => m.id);
};

/** Pairwise: dated mentions whose dates do not overlap another's. */
const dateClashModel = (ms: readonly Mention[]): string[] => {
  const dated = ms.filter((m) => m.date !== null);
  const clash = new Set<Mention>();
  for (const a of dated) for (const b of dated) if (!overlaps(toDays(a.date!), toDays(b.date!))) { clash.add(a); clash.add(b); }
  return dated.filter((m) => clash.has(m)).map((m) => m.id);
};

const isSpecific = (id: string): boolean => !['deir-ez-zor', 'abu-kamal-district'].includes(id);
const byId = (ms: readonly Mention[]) => new Map(ms.map((m) => [m.id, m]));
const sourcesOf = (ms: readonly Mention[]): string[] =>
  [...new Set(ms.flatMap((m) => [...m.claims.map((c) => c.source), ...m.stances.map((s) => s.source)]))].sort();
const placesOf = (m: Mention): string => [...new Set(m.places.flatMap((p) => (p.id && isSpecific(p.id) ? [p.id] : [])))].sort().join(', ');

describe('per-incident checks in linear time', () => {
  test.prop([mentionsArb, fc.array(fc.integer({ min: 0, max: 900 }), { maxLength: 40 })], { numRuns: 200 })('outliers: the pairwise definition', (ms, values) => {
    // figures spread widely, so that some are ten times the others
    const claims: DatedClaim[] = ms.flatMap((m) => m.claims).map((c, k) => ({
      claim: { ...c, value: c.value === null ? null : values[k] ?? c.value, ...(k % 5 === 4 ? { notWhole: true } : {}) },
      publishedAt: null, mentionId: `m${k}`,
    }));
    expect(markOutliers(r)(claims).map((d) => d.claim.review === true)).toEqual(outliersModel(claims));
  });

  test.prop([mentionsArb], { numRuns: 300 })('dates and places that disagree: the pairwise definition', (ms) => {
    const index = byId(ms);
    const dated = dateClashModel(ms).map((id) => index.get(id)!), placed = placeClashModel(ms).map((id) => index.get(id)!);
    expect(dateDisagreements(ms)).toEqual(dated.length ? [{ kind: 'date', sources: sourcesOf(dated),
      summary: `Reports date it differently: ${dated.map((m) => `${m.reportId} ${formatRange(m.date!)}`).join('; ')}.` }] : []);
    expect(placeDisagreements(isSpecific)(ms)).toEqual(placed.length ? [{ kind: 'place', sources: sourcesOf(placed),
      summary: `Reports place it differently: ${placed.map((m) => `${m.reportId} ${placesOf(m)}`).join('; ')}.` }] : []);
  });

  test.prop([mentionsArb, fc.array(fc.tuple(fc.integer({ min: 0, max: 80 }), fc.nat(), fc.boolean()), { maxLength: 40 })], { numRuns: 300 })(
    'partial wholes: the pairwise definition', (ms, picks) => {
      const base = ms.flatMap((m) => m.claims.map((claim) => ({ claim, mentionId: m.id })));
      // figures, parts of other claims and mentions moved about, so that wholes meet larger parts in their sentences
      const claims: DatedClaim[] = base.map((d, k) => {
        const [value, of, sameMention] = picks[k] ?? [d.claim.value ?? 0, k, false];
        const other = base[of % Math.max(base.length, 1)];
        return { claim: { ...d.claim, value, partOf: of % 3 === 0 && other ? other.claim.id : null }, publishedAt: null, mentionId: sameMention && other ? other.mentionId : d.mentionId };
      });
      const near = r.wholes?.sentenceChars ?? Infinity;
      const parent = new Map<string, string>(r.hierarchy.map((h) => [h.part, h.whole]));
      const below = (part: string, whole: string): boolean => { for (let g = parent.get(part); g !== undefined; g = parent.get(g)) if (g === whole) return true; return false; };
      const wholes = new Set(parent.values());
      const model = new Set(claims.filter((d) => {
        const c = d.claim;
        if (c.value === null) return false;
        // a part of a claim of its own category, of any group, is no whole
        if (c.partOf !== null && claims.some((e) => e.claim.id === c.partOf && e.claim.group === c.group && e.claim.affiliation === c.affiliation)) return true;
        if (!wholes.has(c.group) || c.affiliation !== null) return false;
        const larger = claims.some((e) => e.claim.source === c.source && eventOf(e) === eventOf(d) && e.claim.outcome === c.outcome
          && !e.claim.superseded && e.claim.value !== null && e.claim.value > c.value! && below(e.claim.group, c.group) && sameSentence(near)(e.claim, c));
        const within = c.partOf !== null && claims.some((e) => e.claim.id === c.partOf && !below(c.group, e.claim.group));
        return larger || within;
      }).map((d) => d.claim.id));
      expect([...partialWholes(r)(claims)].sort()).toEqual([...model].sort());
    });
});
