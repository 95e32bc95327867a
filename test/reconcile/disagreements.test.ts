import { describe, expect, it } from 'vitest';
import { findDisagreements } from '../../src/reconcile/disagreements.js';
import type { Mention } from '../../src/model/claim.js';
import { placeGrain } from '../../src/cluster/features.js';
import { mention, testRules } from '../cluster/support.js';

const all = testRules();
const rules = all.reconcile;
const disagree = (ms: Mention[]) =>
  findDisagreements(rules, placeGrain(all).isSpecific)(ms, ms.flatMap((m) => m.claims.map((claim) => ({ claim, publishedAt: m.publishedAt }))));

describe('toll disagreements', () => {
  it('reports independent sources that differ, per category', () => {
    const ds = disagree([
      mention('r1', 0, { claims: [{ group: 'civilians', value: 28 }, { group: 'all', value: 54 }] }),
      mention('r2', 0, { claims: [{ group: 'civilians', value: 30, source: 'sana' }, { group: 'all', value: 54, source: 'sana' }] }),
    ]);
    expect(ds.map((d) => [d.kind, d.group, d.reason, d.sources])).toEqual([['toll', 'civilians', 'sources-differ', ['sana', 'sohr']]]);
  });

  it('does not count a relay as a second source', () => {
    expect(disagree([mention('r1', 0, { claims: [{ value: 28 }] }), mention('r2', 0, { claims: [{ value: 28, via: 'afp' }] })])).toEqual([]);
  });

  it('reports a source revising its own figure across reports, separately', () => {
    const ds = disagree([
      mention('r1', 0, { publishedAt: '2018-07-12', claims: [{ value: 20 }] }),
      mention('r2', 0, { publishedAt: '2018-07-13', claims: [{ value: 28, via: 'afp' }] }),
    ]);
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ kind: 'toll', reason: 'revision', sources: ['sohr'] });
    expect(ds[0]!.summary).toContain('raised');
  });
});

describe('attribution disagreements', () => {
  it('reports a contested actor', () => {
    const ds = disagree([mention('r1', 0, { stances: [{ actor: 'coalition', stance: 'asserts', source: 'sana' }, { actor: 'coalition', stance: 'denies', source: 'coalition' }] })]);
    expect(ds).toEqual([expect.objectContaining({ kind: 'attribution', actor: 'coalition', sources: ['coalition', 'sana'] })]);
  });

  it('reports different actors blamed, but not the coalition against the US', () => {
    const competing = disagree([mention('r1', 0, { stances: [{ actor: 'coalition', stance: 'asserts', source: 'sana' }] }),
      mention('r2', 0, { stances: [{ actor: 'russia', stance: 'asserts', source: 'us-gov' }] })]);
    expect(competing.map((d) => [d.kind, d.actor])).toEqual([['attribution', 'coalition'], ['attribution', 'russia']]);
    expect(disagree([mention('r1', 0, { stances: [{ actor: 'coalition', stance: 'asserts', source: 'sana' }] }),
      mention('r2', 0, { stances: [{ actor: 'us', stance: 'acknowledges', source: 'us-dod' }] })])).toEqual([]);
  });
});

describe('place, date and existence disagreements', () => {
  it('reports mentions from different reports naming different places, none shared', () => {
    expect(disagree([mention('r1', 0, { places: ['hajin'] }), mention('r2', 0, { places: ['al-susah'] })]).map((d) => d.kind)).toEqual(['place']);
    expect(disagree([mention('r1', 0, { places: ['hajin'] }), mention('r2', 0, { places: ['al-susah', 'hajin'] })])).toEqual([]);
    expect(disagree([mention('r1', 0, { places: ['hajin'] }), mention('r2', 0, { places: ['Hajeen'] })])).toEqual([]);
    // a shared governorate is not a shared place; a governorate alone contradicts nothing
    expect(disagree([mention('r1', 0, { places: ['deir-ez-zor', 'hajin'] }), mention('r2', 0, { places: ['deir-ez-zor', 'al-susah'] })]).map((d) => d.kind)).toEqual(['place']);
    expect(disagree([mention('r1', 0, { places: ['deir-ez-zor'] }), mention('r2', 0, { places: ['al-susah'] })])).toEqual([]);
  });

  it('reports dates that do not overlap', () => {
    const ds = disagree([mention('r1', 0, { date: '2018-11-02', claims: [{ value: 14 }] }), mention('r2', 0, { date: '2018-11-04', claims: [{ value: 14, source: 'sana' }] })]);
    expect(ds.map((d) => [d.kind, d.sources])).toEqual([['date', ['sana', 'sohr']]]);
    expect(disagree([mention('r1', 0, { date: ['2018-11-01', '2018-11-30'] }), mention('r2', 0, { date: '2018-11-04' })])).toEqual([]);
  });

  it('reports a denial that the event happened, before everything else', () => {
    const ds = disagree([mention('r1', 0, { claims: [{ value: 4 }, { value: 3, source: 'sana' }],
      stances: [{ actor: 'unknown', stance: 'denies', source: 'coalition' }] })]);
    expect(ds.map((d) => [d.kind, d.sources])).toEqual([['existence', ['coalition']], ['toll', ['sana', 'sohr']]]);
  });
});
