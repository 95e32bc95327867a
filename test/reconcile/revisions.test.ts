/**
 * Issue 4: a source that revises its own toll ("18, then 44") — the range shows both, best
 * follows the source's latest figure, and the disagreements tell a revision from sources
 * that disagree; a figure revised within one report ("up from 18") is superseded.
 */
import { describe, expect, it } from 'vitest';
import { findDisagreements } from '../../src/reconcile/disagreements.js';
import { currentFigures, reconcileTolls, type DatedClaim } from '../../src/reconcile/tolls.js';
import { placeGrain } from '../../src/cluster/features.js';
import type { Mention, TollClaim } from '../../src/model/claim.js';
import { claimOf, mention, testRules } from '../cluster/support.js';

const all = testRules();
const rules = all.reconcile;
const dated = (ms: Mention[]): DatedClaim[] => ms.flatMap((m) => m.claims.map((claim) => ({ claim, publishedAt: m.publishedAt })));
const disagree = (ms: Mention[]) => findDisagreements(rules, placeGrain(all).isSpecific)(ms, dated(ms));
const superseded = (c: TollClaim): TollClaim => ({ ...c, superseded: true });

describe('revisions', () => {
  it('across reports: the range keeps both figures, best follows the latest, and it is a revision, not a disagreement', () => {
    const ms = [mention('r1', 0, { publishedAt: '2019-11-21', claims: [{ value: 18 }] }), mention('r2', 0, { publishedAt: '2019-11-23', claims: [{ value: 44 }] })];
    const [t] = reconcileTolls(rules)(dated(ms));
    expect(t).toMatchObject({ min: 18, max: 44, best: 44 });
    expect(disagree(ms).map((d) => d.reason)).toEqual(['revision']);
  });

  it('within a report: a superseded figure is in the range, never the current figure', () => {
    const cs: DatedClaim[] = [
      { claim: claimOf('r1', [0, 5], { value: 39, group: 'all' }), publishedAt: '2019-07-23' },
      { claim: superseded(claimOf('r1', [10, 15], { value: 31, group: 'all' })), publishedAt: '2019-07-23' },
    ];
    expect(currentFigures(cs).map((f) => f.value)).toEqual([39]);
    expect(reconcileTolls(rules)(cs)[0]).toMatchObject({ min: 31, max: 39, best: 39 });
    const m: Mention = { ...mention('r1', 0, { publishedAt: '2019-07-23' }), claims: cs.map((d) => d.claim) };
    const [d] = disagree([m]);
    expect(d).toMatchObject({ kind: 'toll', reason: 'revision', sources: ['sohr'] });
    expect(d!.summary).toContain('31');
    expect(d!.summary).toContain('raised');
  });

  it('a category with only a superseded figure has its range but no best: a superseded figure is never the best', () => {
    const cs: DatedClaim[] = [{ claim: superseded(claimOf('r1', [0, 5], { value: 18, group: 'all' })), publishedAt: null }];
    expect(reconcileTolls(rules)(cs)[0]).toMatchObject({ min: 18, max: 18, best: null });
  });

  it('two sources with different current figures disagree, whatever either revised', () => {
    const ms = [
      mention('r1', 0, { publishedAt: '2019-11-21', claims: [{ value: 18 }] }),
      mention('r2', 0, { publishedAt: '2019-11-23', claims: [{ value: 44 }, { value: 40, source: 'sana' }] }),
    ];
    expect(disagree(ms).map((d) => d.reason).sort()).toEqual(['revision', 'sources-differ']);
  });
});
