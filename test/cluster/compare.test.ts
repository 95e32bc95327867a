import { describe, expect, it } from 'vitest';
import { comparePair } from '../../src/cluster/compare.js';
import { mentionFeatures } from '../../src/cluster/features.js';
import type { Mention } from '../../src/model/claim.js';
import { mention, readRuleFile, testRules } from './support.js';

const rules = testRules();
const feat = mentionFeatures(rules);
const compare = (a: Mention, b: Mention) => comparePair(rules.clustering)(feat(a), feat(b));
const levelOf = (a: Mention, b: Mention, name: string) => compare(a, b).levels.find((l) => l.comparison === name)!.level;

describe('date levels', () => {
  it.each([
    [{ date: '2018-07-12' }, { date: '2018-07-12' }, 'same-day'],
    [{ date: ['2018-07-10', '2018-07-14'] }, { date: '2018-07-12' }, 'overlapping'],
    [{ date: '2018-07-12' }, { date: '2018-07-14' }, 'within-window'],
    [{ date: null }, { date: '2018-07-14' }, 'undated'],
    [{ date: '2018-07-12' }, { date: '2018-07-20' }, 'incompatible'],
  ] as const)('%j vs %j → %s', (a, b, level) => {
    expect(levelOf(mention('r1', 0, a), mention('r2', 0, b), 'date')).toBe(level);
  });
});

describe('place levels', () => {
  it.each([
    [['hajin'], ['hajin', 'al-susah'], 'same-place'],
    [['Hajeen'], ['hajin'], 'similar-name'],
    [['Hajeen'], ['Hajen'], 'similar-name'],
    [['hajin'], ['al-susah'], 'other-place-same-district'],
    [['abu-kamal-district'], ['al-susah'], 'same-district'],
    [['hajin'], ['al-mayadin'], 'other-place-same-governorate'],
    [['deir-ez-zor', 'hajin'], ['deir-ez-zor', 'al-mayadin'], 'other-place-same-governorate'],
    [['deir-ez-zor'], ['al-mayadin'], 'same-governorate'],
    [['deir-ez-zor'], ['deir-ez-zor'], 'same-governorate'],
    [[], ['al-susah'], 'no-place'],
    [['hajin'], ['saraqib'], 'different'],
  ] as const)('%j vs %j → %s', (a, b, level) => {
    expect(levelOf(mention('r1', 0, { places: a }), mention('r2', 0, { places: b }), 'place')).toBe(level);
  });

  it('never calls two different gazetteer places similar names', () => {
    // 'al-susah' and 'al-mayadin' are far apart anyway; 'hajin' vs a resolved look-alike would be too.
    const a = mention('r1', 0, { places: ['hajin'] });
    const b: Mention = { ...mention('r2', 0), places: [{ id: 'hajin-2', name: 'Hajin', governorate: 'idlib', span: null }] };
    expect(levelOf(a, b, 'place')).toBe('different');
  });
});

describe('actor levels', () => {
  it('treats the coalition and the US as one doer and ignores unknown', () => {
    const a = mention('r1', 0, { stances: [{ actor: 'coalition', stance: 'asserts' }] });
    expect(levelOf(a, mention('r2', 0, { stances: [{ actor: 'us', stance: 'likely' }] }), 'actor')).toBe('same-actor');
    expect(levelOf(a, mention('r2', 0, { stances: [{ actor: 'unknown', stance: 'asserts' }] }), 'actor')).toBe('no-actor');
    expect(levelOf(a, mention('r2', 0, { stances: [{ actor: 'russia', stance: 'asserts' }] }), 'actor')).toBe('different');
    // a denial or a mere possibility blames no one
    expect(levelOf(a, mention('r2', 0, { stances: [{ actor: 'russia', stance: 'possible' }] }), 'actor')).toBe('no-actor');
  });
});

describe('victim levels', () => {
  const civ = (value: number | null) => ({ claims: [{ group: 'civilians' as const, value }] });
  it.each([
    [civ(28), civ(30), 'close-figures'],
    [civ(28), civ(42), 'shared-category'],
    [civ(null), civ(42), 'shared-category'],
    [{}, civ(42), 'no-claims'],
    [civ(28), { claims: [{ group: 'all' as const, value: 28 }] }, 'different-categories'],
  ])('%j vs %j → %s', (a, b, level) => {
    expect(levelOf(mention('r1', 0, a), mention('r2', 0, b), 'victims')).toBe(level);
  });

  it('counts a side\'s combatants and combatants of no side as one category, never two sides as one', () => {
    const fighters = (affiliation: string | null, value: number) => ({ claims: [{ group: 'combatants' as const, affiliation, value }] });
    expect(levelOf(mention('r1', 0, fighters('syrian-government', 2)), mention('r2', 0, fighters(null, 2)), 'victims')).toBe('close-figures');
    expect(levelOf(mention('r1', 0, fighters(null, 2)), mention('r2', 0, fighters('syrian-government', 2)), 'victims')).toBe('close-figures');
    expect(levelOf(mention('r1', 0, fighters(null, 2)), mention('r2', 0, fighters('sdf', 20)), 'victims')).toBe('shared-category');
    expect(levelOf(mention('r1', 0, fighters('sdf', 2)), mention('r2', 0, fighters('syrian-government', 2)), 'victims')).toBe('different-categories');
  });

  it('uses the relative tolerance for large figures', () => {
    const big = (v: number) => ({ claims: [{ group: 'all' as const, value: v }] });
    expect(levelOf(mention('r1', 0, big(100)), mention('r2', 0, big(119)), 'victims')).toBe('close-figures');
    expect(levelOf(mention('r1', 0, big(100)), mention('r2', 0, big(130)), 'victims')).toBe('shared-category');
  });
});

describe('target levels', () => {
  it.each([
    [['prison'], ['prison', 'camp'], 'shared-target'],
    [[], ['prison'], 'no-target'],
    [['prison'], ['factory'], 'different-target'],
  ] as const)('%j vs %j → %s', (a, b, level) => {
    expect(levelOf(mention('r1', 0, { targets: a }), mention('r2', 0, { targets: b }), 'target')).toBe(level);
  });
});

describe('score and hard rules', () => {
  it('sums the weights of the levels hit', () => {
    const c = compare(mention('r1', 0, { date: '2018-07-12', places: ['hajin'] }), mention('r2', 0, { date: '2018-07-12', places: ['hajin'] }));
    expect(c.score).toBe(c.levels.reduce((s, l) => s + l.weight, 0));
    expect(c.veto).toBeNull();
  });

  it('orders the pair by id whatever the argument order', () => {
    const a = mention('r1', 0), b = mention('r2', 0);
    expect(compare(b, a)).toEqual(compare(a, b));
    expect(compare(b, a).a).toBe('r1#0');
  });

  it('vetoes two mentions of one report, and dates beyond the window', () => {
    expect(compare(mention('r1', 0), mention('r1', 1)).veto?.rule).toBe('same-report');
    expect(compare(mention('r1', 0, { date: '2015-12-06', places: ['hajin'] }), mention('r2', 0, { date: '2022-08-24', places: ['hajin'] })).veto?.rule)
      .toBe('dates-incompatible');
  });

  it('lets an undated mention join only the same gazetteer place with agreeing content', () => {
    const undated = mention('r1', 0, { places: ['hajin'], claims: [{ value: 14 }] });
    expect(compare(undated, mention('r2', 0, { date: '2018-11-04', places: ['hajin'], claims: [{ value: 15 }] })).veto).toBeNull();
    expect(compare(undated, mention('r2', 0, { date: '2018-11-04', places: ['hajin'], claims: [{ value: 40 }] })).veto?.rule)
      .toBe('undated-weak-evidence');
    expect(compare(undated, mention('r2', 0, { date: '2018-11-04', places: ['Hajeen'], claims: [{ value: 14 }] })).veto?.rule)
      .toBe('undated-weak-evidence');
    // a shared target word alone is not enough (rules/clustering.yaml: the same camp is struck years apart)
    const target = mention('r1', 1, { places: ['hajin'], targets: ['camp'] });
    expect(compare(target, mention('r2', 0, { places: ['hajin'], targets: ['camp'] })).veto?.rule).toBe('undated-weak-evidence');
  });

  it('takes the first level in the order the rules give', () => {
    const raw = readRuleFile('clustering.yaml') as { comparisons: { date: { levels: { id: string }[] } } };
    const levels = raw.comparisons.date.levels;
    // Put 'within-window' first: it also holds for same-day pairs, so it now wins.
    const reordered = { ...raw, comparisons: { ...raw.comparisons, date: { levels: [levels[2], ...levels.filter((_, i) => i !== 2)] } } };
    const r = testRules({ clustering: reordered });
    const c = comparePair(r.clustering)(mentionFeatures(r)(mention('r1', 0, { date: '2018-07-12' })), mentionFeatures(r)(mention('r2', 0, { date: '2018-07-12' })));
    expect(c.levels.find((l) => l.comparison === 'date')!.level).toBe('within-window');
  });
});
