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
  it('is confirmed when a belligerent acknowledges', () => {
    expect(grade([mention('r1', 0, { claims: [{ value: 3 }], stances: [{ actor: 'coalition', stance: 'acknowledges', source: 'coalition' }] })])).toBe('confirmed');
  });
  it('is fair with two independent sources, weak with one (relays do not count)', () => {
    expect(grade([mention('r1', 0, { claims: [{ value: 3 }] }), mention('r2', 0, { claims: [{ value: 3, source: 'sana' }] })])).toBe('fair');
    expect(grade([mention('r1', 0, { claims: [{ value: 3 }] }), mention('r2', 0, { claims: [{ value: 3, via: 'afp' }] })])).toBe('weak');
  });
  it('follows the order the rules give', () => {
    const r = { ...rules, grade: { ...rules.grade, order: ['fair', 'contested', 'confirmed', 'weak'] as typeof rules.grade.order } };
    const ms = [mention('r1', 0, { claims: [{ value: 3 }], stances: [{ actor: 'coalition', stance: 'acknowledges', source: 'coalition' }] })];
    expect(gradeIncident(r)(ms)).toBe('fair');
  });
});
