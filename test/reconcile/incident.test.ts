import { describe, expect, it } from 'vitest';
import { incidentDate, incidentId, reconcileIncident } from '../../src/reconcile/incident.js';
import { Incident } from '../../src/model/contract.js';
import { mention, testRules } from '../cluster/support.js';

const rules = testRules();

describe('reconcileIncident', () => {
  const ms = [
    mention('r2', 0, { date: '2018-07-12', places: ['al-susah'], publishedAt: '2018-07-13',
      claims: [{ group: 'all', value: 54 }, { group: 'civilians', value: 28 }, { group: 'civilians', value: 30, source: 'sana', via: 'reuters' }],
      stances: [{ actor: 'coalition', stance: 'likely' }, { actor: 'coalition', stance: 'possible', source: 'coalition' }] }),
    mention('r1', 0, { date: ['2018-07-11', '2018-07-12'], places: ['hajin', 'al-susah'], publishedAt: '2018-07-12',
      claims: [{ group: 'civilians', value: 30, source: 'sana' }], stances: [{ actor: 'coalition', stance: 'asserts', source: 'sana' }] }),
  ];
  const inc = reconcileIncident(rules)({ mentions: ms });

  it('builds a contract incident', () => {
    expect(Incident.safeParse(inc).success).toBe(true);
    expect(inc.reportIds).toEqual(['r1', 'r2']);
    expect(inc.mentionIds).toEqual(['r1#0', 'r2#0']);
    expect(inc.date).toEqual({ start: '2018-07-12', end: '2018-07-12' });
    expect(inc.places.map((p) => p.id)).toEqual(['al-susah', 'hajin']);
    expect(inc.places[0]).toEqual({ id: 'al-susah', name: 'al-Susah', governorate: 'deir-ez-zor' });
  });

  it('reconciles tolls, derived figures, attribution, disagreements and grade', () => {
    const civ = inc.tolls.find((t) => t.group === 'civilians')!;
    expect([civ.min, civ.max, civ.best, civ.claims.length]).toEqual([28, 30, 28, 3]);
    const derived = inc.tolls.find((t) => t.group === 'combatants')!;
    expect([derived.derived, derived.best, derived.claims]).toEqual([true, 26, []]);
    expect(inc.attributions.map((a) => [a.actor, a.status])).toEqual([['coalition', 'uncontested']]);
    expect(inc.disagreements.map((d) => [d.kind, d.group])).toEqual([['toll', 'civilians']]);
    expect(inc.grade).toBe('fair');
  });

  it('has an id derived from its evidence alone', () => {
    expect(inc.id).toMatch(/^inc-[0-9a-f]{10}$/);
    expect(reconcileIncident(rules)({ mentions: [...ms].reverse() })).toEqual(inc);
    expect(inc.id).toBe(incidentId(['r2#0', 'r1#0']));
    expect(incidentId(['r1#0'])).not.toBe(inc.id);
  });
});

describe('incidentDate', () => {
  const d = (s: string, e: string) => mention('r', 0, { date: [s, e] });
  it('takes the range every mention agrees on, else the hull', () => {
    expect(incidentDate('narrowest-agreed')([d('2018-11-01', '2018-11-30'), d('2018-11-04', '2018-11-04')])).toEqual({ start: '2018-11-04', end: '2018-11-04' });
    expect(incidentDate('narrowest-agreed')([d('2018-11-02', '2018-11-02'), d('2018-11-04', '2018-11-04')])).toEqual({ start: '2018-11-02', end: '2018-11-04' });
    expect(incidentDate('hull')([d('2018-11-01', '2018-11-30'), d('2018-11-04', '2018-11-04')])).toEqual({ start: '2018-11-01', end: '2018-11-30' });
    expect(incidentDate('hull')([mention('r', 0)])).toBeNull();
  });
});
