/** Wholes that are not wholes, and what makes an incident contested (issue 17). */
import { describe, expect, it } from 'vitest';
import { reconcileIncident } from '../../src/reconcile/incident.js';
import { gradeIncident } from '../../src/reconcile/grade.js';
import type { Mention } from '../../src/model/claim.js';
import { mention, testRules } from '../cluster/support.js';

const rules = testRules();
const reconcile = (ms: Mention[]) => reconcileIncident(rules)({ mentions: ms });
const toll = (ms: Mention[], group: string) => reconcile(ms).tolls.find((t) => t.group === group && !t.derived)!;

describe('a killed/all figure caps its parts only when it is the toll of the whole event', () => {
  it('a source’s figure for "other people" beside a larger civilian figure of its own caps nothing', () => {
    // "12 civilians and 5 others were killed": the 5 is not all killed
    const ms = [mention('r1', 0, { publishedAt: '2019-07-20', claims: [{ group: 'civilians', value: 12 }, { group: 'all', value: 5 }] })];
    expect(toll(ms, 'civilians').best).toBe(12);
    expect(toll(ms, 'all')).toMatchObject({ min: 5, max: 5, best: null });
    expect(toll(ms, 'all').claims[0]!.notWhole).toBe(true);
    // beside another source's whole, it is listed, outside the range and the best
    const two = [...ms, mention('r2', 0, { publishedAt: '2019-07-21', claims: [{ group: 'all', value: 14, source: 'sana' }] })];
    expect(toll(two, 'all')).toMatchObject({ min: 14, max: 14, best: 14 });
    expect(toll(two, 'all').claims.map((c) => c.value).sort()).toEqual([14, 5]);
  });
  it('a larger part figure in a later sentence is an update, and the earlier whole stays a whole', () => {
    // "18 killed ..." then, paragraphs later, "the toll rose to 34 civilians"
    const m = mention('r1', 0, { claims: [{ group: 'all', value: 18 }, { group: 'civilians', value: 34 }] });
    const far = { ...m, claims: [m.claims[0]!, { ...m.claims[1]!, span: [m.claims[1]!.span[0] + 600, m.claims[1]!.span[1] + 600] as [number, number] }] };
    expect(toll([far], 'all')).toMatchObject({ min: 18, max: 18, best: 18 });
    expect(toll([far], 'all').claims[0]!.notWhole).toBeUndefined();
    // the same figures with sentence keys: different sentences are an update, one sentence sets the 18 aside
    const keyed = (a: string, b: string) => [{ ...m, claims: [{ ...m.claims[0]!, sentenceKey: a }, { ...m.claims[1]!, sentenceKey: b }] }];
    expect(toll(keyed('first sentence', 'second sentence'), 'all').claims[0]!.notWhole).toBeUndefined();
    expect(toll(keyed('one sentence', 'one sentence'), 'all').claims[0]!.notWhole).toBe(true);
  });
  it('another source’s whole still caps, never below the part’s own figures', () => {
    const ms = [
      mention('r1', 0, { publishedAt: '2019-07-20', claims: [{ group: 'civilians', value: 9 }, { group: 'civilians', value: 14, source: 'sana' }, { group: 'civilians', value: 20, source: 'snhr' }] }),
      mention('r2', 0, { publishedAt: '2019-07-21', claims: [{ group: 'all', value: 11, source: 'local-sources' }] }),
    ];
    expect(toll(ms, 'civilians').best).toBe(11);
    const low = [mention('r1', 0, { claims: [{ group: 'civilians', value: 12 }] }), mention('r2', 0, { claims: [{ group: 'all', value: 7, source: 'sana' }] })];
    expect(toll(low, 'civilians').best).toBe(12);
    expect(reconcile(low).disagreements.some((d) => d.reason === 'part-exceeds-whole')).toBe(true);
  });
  it('a figure that is itself part of another claim is no whole', () => {
    const m = mention('r1', 0, { claims: [{ group: 'civilians', value: 30 }, { group: 'all', value: 4 }] });
    const ms = [{ ...m, claims: [m.claims[0]!, { ...m.claims[1]!, partOf: m.claims[0]!.id }] }];
    expect(toll(ms, 'civilians').best).toBe(30);
  });
});

describe('contested needs a denial or a competing belligerent, not a hedge', () => {
  const grade = (stances: { actor: string; stance: 'asserts' | 'likely' | 'possible' | 'denies' | 'acknowledges'; source: string }[]) =>
    gradeIncident(rules.reconcile)([mention('r1', 0, { claims: [{ value: 5 }, { value: 6, source: 'sana' }], stances })]);
  it('hedged attributions to two actors are no contest', () => {
    expect(grade([{ actor: 'russia', stance: 'likely', source: 'sohr' }, { actor: 'syrian-government', stance: 'possible', source: 'sana' }])).not.toBe('contested');
  });
  it('a denial, or two sources naming competing belligerents, is', () => {
    expect(grade([{ actor: 'russia', stance: 'asserts', source: 'sohr' }, { actor: 'russia', stance: 'denies', source: 'russia-mod' }])).toBe('contested');
    expect(grade([{ actor: 'russia', stance: 'asserts', source: 'sohr' }, { actor: 'coalition', stance: 'asserts', source: 'sana' }])).toBe('contested');
  });
});

describe('a figure many times every other figure of its category goes to review', () => {
  it('stays in the range, marked, out of the best and of the sources’ disagreement', () => {
    const ms = [
      mention('r1', 0, { publishedAt: '2019-07-20', claims: [{ value: 12 }, { value: 15, source: 'sana' }] }),
      mention('r2', 0, { publishedAt: '2019-07-21', claims: [{ value: 650, source: 'snhr' }] }),
    ];
    const inc = reconcile(ms);
    const t = inc.tolls.find((x) => x.group === 'civilians')!;
    expect([t.min, t.max, t.best]).toEqual([12, 650, 12]);
    expect(t.claims.filter((c) => c.review).map((c) => c.value)).toEqual([650]);
    expect(inc.disagreements.find((d) => d.reason === 'sources-differ')?.sources).toEqual(['sana', 'sohr']);
  });
  it('a figure a few times the others is a disagreement, not a review', () => {
    const inc = reconcile([mention('r1', 0, { claims: [{ value: 12 }, { value: 40, source: 'sana' }] })]);
    expect(inc.tolls[0]!.claims.some((c) => c.review)).toBe(false);
  });
});

describe('a total beside an incident’s figures is no toll disagreement', () => {
  it('a part many times every figure of its whole goes to review, and no part exceeds its whole', () => {
    // a month's civilian toll beside one strike's killed/all figures
    const ms = [
      mention('r1', 0, { claims: [{ group: 'all', value: 12 }, { group: 'all', value: 15, source: 'sana' }] }),
      mention('r2', 0, { claims: [{ group: 'civilians', value: 650, source: 'snhr' }] }),
    ];
    const inc = reconcile(ms);
    expect(toll(ms, 'civilians').claims.map((c) => c.review)).toEqual([true]);
    expect(toll(ms, 'civilians').best).toBeNull();
    expect(inc.disagreements.filter((d) => d.group === 'civilians')).toEqual([]);
  });
  it('a whole many times its parts is no outlier, nor a sibling group many times another', () => {
    const ms = [mention('r1', 0, { claims: [{ group: 'all', value: 200 }, { group: 'children', value: 2 }, { group: 'civilians', value: 1, source: 'sana' },
      { group: 'combatants', value: 30, source: 'sana' }] })];
    expect(reconcile(ms).tolls.flatMap((t) => t.claims).some((c) => c.review)).toBe(false);
  });
});
