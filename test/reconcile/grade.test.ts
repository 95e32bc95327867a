import { describe, expect, it } from 'vitest';
import { gradeIncident } from '../../src/reconcile/grade.js';
import { mention, testRules } from '../cluster/support.js';

const rules = testRules().reconcile;
const grade = gradeIncident(rules);

describe('grade', () => {
  it('is contested on any denial, even with an acknowledgement', () => {
    expect(grade([mention('r1', 0, { stances: [{ actor: 'coalition', stance: 'acknowledges', source: 'coalition' },
      { actor: 'coalition', stance: 'denies', source: 'us-gov' }] })])).toBe('contested');
  });
  it('is contested on competing actors', () => {
    expect(grade([mention('r1', 0, { stances: [{ actor: 'coalition', stance: 'asserts', source: 'sana' }, { actor: 'russia', stance: 'asserts', source: 'sohr' }] })]))
      .toBe('contested');
  });
  it('is not contested by a joint operation every source names alike', () => {
    expect(grade([mention('r1', 0, { claims: [{ value: 2 }], stances: [{ actor: 'coalition', stance: 'asserts', source: 'sohr' }, { actor: 'sdf', stance: 'asserts', source: 'sohr' }] })]))
      .not.toBe('contested');
  });
  it('is confirmed when a belligerent acknowledges the strike and concedes civilian harm itself', () => {
    const acknowledged = { stances: [{ actor: 'coalition', stance: 'acknowledges' as const, source: 'coalition' }] };
    expect(grade([mention('r1', 0, { claims: [{ value: 2, group: 'children', source: 'coalition' }], ...acknowledged })])).toBe('confirmed');
    expect(grade([mention('r1', 0, { claims: [{ value: null, vagueMin: 3, source: 'coalition' }], ...acknowledged })])).toBe('confirmed');
    // the strike only, with others' figures: not confirmed
    expect(grade([mention('r1', 0, { claims: [{ value: 3 }], ...acknowledged })])).toBe('fair');
    // combatants only, or no one harmed by its own count
    expect(grade([mention('r1', 0, { claims: [{ value: 7, group: 'combatants', affiliation: 'isis', source: 'coalition' }], ...acknowledged })])).not.toBe('confirmed');
    expect(grade([mention('r1', 0, { claims: [{ value: 0, source: 'coalition' }], ...acknowledged })])).not.toBe('confirmed');
    // with harmConceded empty, acknowledging the strike is enough
    const strikeOnly = gradeIncident({ ...rules, grade: { ...rules.grade, confirmed: { ...rules.grade.confirmed, harmConceded: [] } } });
    expect(strikeOnly([mention('r1', 0, { claims: [{ value: 3 }], ...acknowledged })])).toBe('confirmed');
  });
  it('is fair with two independent sources, weak with one (relays do not count)', () => {
    expect(grade([mention('r1', 0, { claims: [{ value: 3 }] }), mention('r2', 0, { claims: [{ value: 3, source: 'sana' }] })])).toBe('fair');
    expect(grade([mention('r1', 0, { claims: [{ value: 3 }] }), mention('r2', 0, { claims: [{ value: 3, via: 'afp' }] })])).toBe('weak');
  });
  it('follows the order the rules give', () => {
    const r = { ...rules, grade: { ...rules.grade, order: ['fair', 'contested', 'confirmed', 'weak'] as typeof rules.grade.order } };
    const ms = [mention('r2', 0, { claims: [{ value: 4 }] }), mention('r1', 0, { claims: [{ value: 3, source: 'coalition' }], stances: [{ actor: 'coalition', stance: 'acknowledges', source: 'coalition' }] })];
    expect(gradeIncident(r)(ms)).toBe('fair');
    expect(grade(ms)).toBe('confirmed');
  });
});
