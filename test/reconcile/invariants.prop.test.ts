/**
 * Reconciliation invariants (test/reconcile/invariants.ts) over generated claim sets, and for
 * each one a deliberately broken reconcile fed the same cases, which the check must catch.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { Incident } from '../../src/model/contract.js';
import type { Mention, TollClaim } from '../../src/model/claim.js';
import { reconcileIncident } from '../../src/reconcile/incident.js';
import { reconcileExtracted, type ExtractedReport, type PipelineInput } from '../../src/pipeline.js';
import { claimOf, testRules } from '../cluster/support.js';
import {
  RUNS, claimsAccountedFor, contestNeedsDenialOrCompetitor, derivedFromOneEvent, incidentArb, notWholesOutsideRange, partsAndWholes,
  rangeOrder, revisionsOfOneEvent, stancedIncidentArb, supersededNeverBest, wholesCoverParts, type IncidentCheck,
} from './invariants.js';

const rules = testRules();
const reconcile = (ms: readonly Mention[]): Incident => reconcileIncident(rules)({ mentions: ms });
const params = { numRuns: RUNS };

// ---- broken reconciles, each a mistake the engine once made or could make ----
/** Caps a part at its whole's best even below the part's own figures (the old hierarchy). */
const capBelowOwnFigures = (ms: readonly Mention[]): Incident => {
  const inc = reconcile(ms);
  const parent = new Map<string, string>(rules.reconcile.hierarchy.map((h) => [h.part, h.whole]));
  const tolls = inc.tolls.map((t) => ({ ...t }));
  for (const t of tolls) {
    for (let g = parent.get(t.group); g !== undefined; g = parent.get(g)) {
      const w = tolls.find((x) => x.outcome === t.outcome && x.group === g && x.affiliation === null);
      if (!w) continue;
      if (w.best !== null && t.best !== null && t.best > w.best) t.best = w.best;
      break;
    }
  }
  return { ...inc, tolls };
};
/** Cannot tell a report's events apart: one mention per report. */
const oneEventPerReport = (ms: readonly Mention[]): Incident => {
  const byReport = new Map<string, Mention>();
  for (const m of ms) {
    const held = byReport.get(m.reportId);
    byReport.set(m.reportId, held ? { ...held, claims: [...held.claims, ...m.claims] } : m);
  }
  return reconcile([...byReport.values()]);
};
/** Forgets which figures were revised, then shows the flags again. */
const forgetsRevisions = (ms: readonly Mention[]): Incident => {
  const flagged = new Set(ms.flatMap((m) => m.claims.filter((c) => c.superseded).map((c) => `${c.reportId}@${c.span[0]}`)));
  const inc = reconcile(ms.map((m) => ({ ...m, claims: m.claims.map(({ superseded: _s, ...c }) => c) })));
  return { ...inc, tolls: inc.tolls.map((t) => ({ ...t, claims: t.claims.map((c) => (flagged.has(`${c.reportId}@${c.span[0]}`) ? { ...c, superseded: true } : c)) })) };
};

/** Caps a part at its whole even onto a revised figure: the part's lowest stated figure, revised or not. */
const capOntoRevised = (ms: readonly Mention[]): Incident => {
  const inc = reconcile(ms);
  return { ...inc, tolls: inc.tolls.map((t) => {
    const revised = t.claims.filter((c) => c.superseded && c.value !== null).map((c) => c.value!);
    return !t.derived && revised.length && t.best !== null && Math.min(...revised) < t.best ? { ...t, best: Math.min(...revised), bestPolicy: `${t.bestPolicy}, capped` } : t;
  }) };
};
/** Never raises a whole to its parts (the engine before issue 17 raised only a vague whole, to its largest part). */
const neverRaises = (ms: readonly Mention[]): Incident => {
  const inc = reconcile(ms);
  return { ...inc, tolls: inc.tolls.map((t) => {
    const vs = t.claims.flatMap((c) => (c.value === null || c.superseded || c.review || c.notWhole ? [] : [c.value]));
    return (t.bestPolicy ?? '').includes('raised') && vs.length ? { ...t, best: Math.min(...vs) } : t;
  }), disagreements: inc.disagreements.filter((d) => d.reason !== 'parts-exceed-whole') };
};

/** Keeps every figure in its category's range, set aside or not (the engine before issue 17). */
const rangeOverEveryFigure = (ms: readonly Mention[]): Incident => {
  const inc = reconcile(ms);
  return { ...inc, tolls: inc.tolls.map((t) => {
    const vs = t.claims.flatMap((c) => (c.value === null ? [] : [c.value]));
    return t.derived || !vs.length ? t : { ...t, min: Math.min(...vs), max: Math.max(...vs) };
  }) };
};
/** Grades any incident with stances for two actors, or a denial, contested: hedges count as a contest. */
const hedgeContests = (ms: readonly Mention[]): Incident => {
  const inc = reconcile(ms);
  const stances = ms.flatMap((m) => m.stances);
  return new Set(stances.map((s) => s.actor)).size >= 2 || stances.some((s) => s.stance === 'denies') ? { ...inc, grade: 'contested' } : inc;
};

const cases: [string, IncidentCheck, (ms: readonly Mention[]) => Incident][] = [
  ['low ≤ best ≤ high for every category', rangeOrder, capBelowOwnFigures],
  ['a part never exceeds its whole, and capping keeps a best within its own figures', partsAndWholes, capBelowOwnFigures],
  ['a derived figure uses only claims of one source about one event', derivedFromOneEvent, oneEventPerReport],
  ['a revision joins only one source’s figures about one event', revisionsOfOneEvent, oneEventPerReport],
  ['a superseded figure is never the best', supersededNeverBest, forgetsRevisions],
  ['a superseded figure is never the best, capped or not', supersededNeverBest, capOntoRevised],
  ['a whole’s best covers its parts’ sum within its own figures, or the parts are said to exceed it', wholesCoverParts, neverRaises],
  ['a figure that is not the whole event’s toll stays outside the range', notWholesOutsideRange, rangeOverEveryFigure],
];

const stancedCases: [string, IncidentCheck, (ms: readonly Mention[]) => Incident][] = [
  ['contested needs a denial of another source’s claim or competing belligerents, not a hedge', contestNeedsDenialOrCompetitor, hedgeContests],
];

describe('reconciliation invariants over generated claim sets', () => {
  for (const [name, check, broken] of cases) {
    test.prop([incidentArb], params)(name, (ms) => {
      expect(check(rules, ms, reconcile(ms))).toEqual([]);
    });
    it(`${name}: the check catches a broken reconcile fed the same cases`, () => {
      const r = fc.check(fc.property(incidentArb, (ms) => check(rules, ms, broken(ms)).length === 0), { numRuns: 1000, seed: 17 });
      expect(r.failed).toBe(true);
    });
  }
  for (const [name, check, broken] of stancedCases) {
    test.prop([stancedIncidentArb], params)(name, (ms) => {
      expect(check(rules, ms, reconcile(ms))).toEqual([]);
    });
    it(`${name}: the check catches a broken reconcile fed the same cases`, () => {
      const r = fc.check(fc.property(stancedIncidentArb, (ms) => check(rules, ms, broken(ms)).length === 0), { numRuns: 1000, seed: 17 });
      expect(r.failed).toBe(true);
    });
  }
});

// ---- every claim in exactly one incident or aggregate, through the whole pipeline ----
const input: PipelineInput = { reports: [], rules, rulesHash: 'test', readWarnings: [], reportsSkipped: 0 };
const extractedArb: fc.Arbitrary<{ xs: ExtractedReport[]; claims: TollClaim[]; aggregates: TollClaim[] }> = fc.tuple(
  incidentArb, incidentArb, fc.array(fc.tuple(fc.constantFrom('r1', 'r2', 'r3'), fc.integer({ min: 1, max: 500 })), { maxLength: 3 }),
).map(([a, b, aggs]) => {
  // a second incident's mentions in other reports, dated apart
  const other = b.map((m) => ({ ...m, id: `${m.reportId}x${m.id}`, reportId: `${m.reportId}x`, date: { start: '2019-01-02', end: '2019-01-02' },
    claims: m.claims.map((c) => ({ ...c, reportId: `${m.reportId}x`, id: `${m.reportId}x${c.id}` })) }));
  const mentions = [...a, ...other];
  const aggregates = aggs.map(([r, v], k) => claimOf(r, [900_000 + k * 10, 900_005 + k * 10], { value: v }));
  const ids = [...new Set([...mentions.map((m) => m.reportId), ...aggregates.map((c) => c.reportId)])].sort();
  const xs = ids.map((id): ExtractedReport => ({
    report: { id, publishedAt: mentions.find((m) => m.reportId === id)?.publishedAt ?? null, outlet: null, language: 'ar', url: null, text: null, coded: null, origin: id },
    extraction: { mentions: mentions.filter((m) => m.reportId === id), aggregates: aggregates.filter((c) => c.reportId === id), looseStances: [], warnings: [] },
  }));
  return { xs, claims: mentions.flatMap((m) => m.claims), aggregates };
});

describe('every claim ends up in exactly one incident or aggregate', () => {
  test.prop([extractedArb], params)('through the pipeline', ({ xs, claims, aggregates }) => {
    expect(claimsAccountedFor(claims, aggregates, reconcileExtracted(input)(xs).output)).toEqual([]);
  });
  it('the check catches a pipeline that drops incidents told by one report only', () => {
    const r = fc.check(fc.property(extractedArb, ({ xs, claims, aggregates }) => {
      const out = reconcileExtracted(input)(xs).output;
      return claimsAccountedFor(claims, aggregates, { ...out, incidents: out.incidents.filter((i) => i.reportIds.length > 1) }).length === 0;
    }), { numRuns: 500, seed: 17 });
    expect(r.failed).toBe(true);
  });
});
