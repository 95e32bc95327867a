import { describe, expect, it } from 'vitest';
import { blockMentions } from '../../src/cluster/block.js';
import { clusterMentions } from '../../src/cluster/cluster.js';
import { explainPairs } from '../../src/cluster/explain.js';
import { mentionFeatures } from '../../src/cluster/features.js';
import { mention, partition, testRules } from './support.js';

const rules = testRules();
const cluster = clusterMentions(rules);

describe('clusterMentions', () => {
  it('joins reports of one strike: same day, same governorate, close figures, same target', () => {
    const sohr = mention('reuters-1', 0, { date: '2018-07-12', places: ['al-susah'], targets: ['ice factory'],
      claims: [{ group: 'all', value: 54 }, { group: 'civilians', value: 28 }], stances: [{ actor: 'coalition', stance: 'likely' }] });
    const sana = mention('sana-1', 0, { date: '2018-07-12', places: ['hajin'], targets: ['ice factory'],
      claims: [{ group: 'civilians', value: 30, source: 'sana' }], stances: [{ actor: 'coalition', stance: 'asserts', source: 'sana' }] });
    expect(partition(cluster([sohr, sana]).clusters)).toEqual([['reuters-1#0', 'sana-1#0']]);
  });

  it('keeps apart strikes on one town the same day that hit different targets', () => {
    const prison = mention('afp', 0, { date: '2017-06-26', places: ['al-mayadin'], targets: ['prison'],
      claims: [{ group: 'all', value: 57 }], stances: [{ actor: 'coalition', stance: 'asserts' }] });
    const factory = mention('coalition', 0, { date: '2017-06-26', places: ['al-mayadin'], targets: ['ied factory'],
      claims: [{ outcome: 'injured', group: 'civilians', value: 2, source: 'coalition' }], stances: [{ actor: 'coalition', stance: 'acknowledges', source: 'coalition' }] });
    expect(partition(cluster([prison, factory]).clusters)).toEqual([['afp#0'], ['coalition#0']]);
  });

  it('never joins the same place years apart', () => {
    const a = mention('r2015', 0, { date: '2015-12-06', places: ['hajin'], claims: [{ value: 4 }] });
    const b = mention('r2022', 0, { date: '2022-08-24', places: ['hajin'], claims: [{ value: 4 }] });
    const { clusters, pairs } = cluster([a, b]);
    expect(clusters).toHaveLength(2);
    expect(pairs).toHaveLength(0); // not even compared: no shared block
  });

  it('gives a mention to the better of two events of one report (cannot-link)', () => {
    // One report tells two events in one camp the same day; another report tells one of them.
    const camp = mention('baladi', 0, { date: '2019-03-10', places: ['hajin'], claims: [{ value: 50 }] });
    const artillery = mention('baladi', 1, { date: '2019-03-10', places: ['hajin'], claims: [{ value: 7 }] });
    const other = mention('times', 0, { date: '2019-03-10', places: ['hajin'], claims: [{ value: 50, source: 'sana' }] });
    const { clusters, pairs } = cluster([artillery, other, camp]);
    expect(partition(clusters)).toEqual([['baladi#0', 'times#0'], ['baladi#1']]);
    const lost = pairs.find((p) => p.a === 'baladi#1' && p.b === 'times#0')!;
    expect(lost.decision).toBe('kept-apart');
    expect(lost.score).toBeGreaterThanOrEqual(rules.clustering.threshold);
    expect(lost.reason).toContain('two events of report baladi');
  });

  it('keeps a chain from stretching beyond the date window', () => {
    const ms = ['2018-07-10', '2018-07-12', '2018-07-14'].map((d, i) =>
      mention(`r${i}`, 0, { date: d, places: ['hajin'], claims: [{ value: 20 }], targets: ['camp'] }));
    const { clusters } = cluster(ms);
    for (const c of clusters) {
      const days = c.mentions.map((m) => Date.parse(m.date!.start));
      expect(Math.max(...days) - Math.min(...days)).toBeLessThanOrEqual(rules.clustering.dateWindowDays * 86_400_000);
    }
    expect(clusters.length).toBe(2);
  });

  it('records every compared pair with levels, blocking rules, decision and reason', () => {
    const a = mention('r1', 0, { date: '2018-07-12', places: ['hajin'] });
    const b = mention('r2', 0, { date: '2018-07-12', places: ['hajin'] });
    const u = mention('r3', 0, { places: ['hajin'], claims: [{ value: 3 }] });
    const { pairs } = cluster([a, b, u]);
    const ab = pairs.find((p) => p.a === 'r1#0' && p.b === 'r2#0')!;
    expect(ab.decision).toBe('merged');
    expect(ab.blockedBy).toEqual(['date-overlap']);
    expect(ab.levels.map((l) => l.comparison)).toEqual(['date', 'place', 'actor', 'victims', 'target']);
    const au = pairs.find((p) => p.a === 'r1#0' && p.b === 'r3#0')!;
    expect(au.blockedBy).toEqual(['place-with-undated']);
    expect(au.decision).toBe('kept-apart');
    const explained = explainPairs(['r3#0'])(pairs);
    expect(explained.map((p) => [p.a, p.b])).toEqual([['r1#0', 'r3#0'], ['r2#0', 'r3#0']]);
    expect(explained[0]!.levels).toMatchObject({ date: 'undated', place: 'same-place' });
  });
});

describe('blockMentions', () => {
  it('finds dated pairs within the window once, and only those', () => {
    const fs = [
      mention('r1', 0, { date: '2018-07-10' }),
      mention('r2', 0, { date: ['2018-07-11', '2018-07-13'] }),
      mention('r3', 0, { date: '2018-07-16' }),
      mention('r4', 0, { date: '2018-07-19' }),
    ].map(mentionFeatures(rules));
    const pairs = blockMentions(rules.clustering)(fs).map((p) => [p.i, p.j]);
    // r1–r2 overlap by window; r2 ends 07-13 so r3 (07-16) is 3 days off; r3–r4 are 3 days apart.
    expect(pairs).toEqual([[0, 1]]);
  });

  it('pairs undated mentions only through a shared place id, never within one report', () => {
    const fs = [
      mention('r1', 0, { places: ['hajin'] }),
      mention('r1', 1, { date: '2018-07-10', places: ['hajin'] }),
      mention('r2', 0, { date: '2018-07-10', places: ['hajin'] }),
      mention('r3', 0, { places: ['saraqib'] }),
    ].map(mentionFeatures(rules));
    const pairs = blockMentions(rules.clustering)(fs).map((p) => [p.i, p.j, [...p.blockedBy]]);
    expect(pairs).toEqual([[0, 2, ['place-with-undated']], [1, 2, ['date-overlap']]]);
  });
});
