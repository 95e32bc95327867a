/** Per-place parts of a total (issue 17): no whole of their own, whatever the group, so never a range end or a revision. */
import { describe, expect, it } from 'vitest';
import { reconcileIncident } from '../../src/reconcile/incident.js';
import type { Mention } from '../../src/model/claim.js';
import { mention, testRules } from '../cluster/support.js';

const rules = testRules();
const reconcile = (ms: Mention[]) => reconcileIncident(rules)({ mentions: ms });

describe('parts of a claim of their own group', () => {
  it('combatants at three places, parts of the combatants total: the total alone sets the range and no revision is told', () => {
    const m = mention('r1', 0, { claims: [{ group: 'combatants', value: 44 }, { group: 'combatants', value: 25 }, { group: 'combatants', value: 12 }, { group: 'combatants', value: 7 }] });
    const whole = m.claims[0]!;
    const ms = [{ ...m, claims: m.claims.map((c, k) => (k === 0 ? c : { ...c, partOf: whole.id })) }];
    const i = reconcile(ms);
    const t = i.tolls.find((x) => x.group === 'combatants')!;
    expect(t).toMatchObject({ min: 44, max: 44, best: 44 });
    expect(t.claims.filter((c) => c.notWhole).map((c) => c.value).sort()).toEqual([12, 25, 7]);
    expect(i.disagreements.filter((d) => d.reason === 'revision')).toEqual([]);
  });
  it('the same figures without partOf are wholes of their own', () => {
    const ms = [mention('r1', 0, { claims: [{ group: 'combatants', value: 44 }, { group: 'combatants', value: 25 }] })];
    expect(reconcile(ms).tolls.find((x) => x.group === 'combatants')).toMatchObject({ min: 25, max: 44 });
  });
});
