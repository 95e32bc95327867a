import { describe, expect, it } from 'vitest';
import { attribute, attributionStatus } from '../../src/reconcile/attribution.js';
import { stanceOf, testRules, type StanceSpec } from '../cluster/support.js';

const rules = testRules().reconcile;
const stances = (specs: StanceSpec[]) => specs.map((s, i) => stanceOf(`r${i}`, [i, i + 1], s));
const status = (specs: StanceSpec[]) => attributionStatus(rules)(stances(specs));

describe('attribution status', () => {
  it('is contested when one source denies what another blames the actor for', () => {
    expect(status([{ actor: 'coalition', stance: 'asserts', source: 'sana' }, { actor: 'coalition', stance: 'denies', source: 'coalition' }])).toBe('contested');
    expect(status([{ actor: 'russia', stance: 'likely', source: 'us-dod' }, { actor: 'russia', stance: 'denies', source: 'russia-mod' }])).toBe('contested');
  });
  it('is not contested by a source that denies and blames alone', () => {
    expect(status([{ actor: 'coalition', stance: 'asserts', source: 'sohr' }, { actor: 'coalition', stance: 'denies', source: 'sohr' }])).toBe('uncontested');
  });
  it('is unclear with only tentative stances (or a lone denial)', () => {
    expect(status([{ actor: 'coalition', stance: 'possible', source: 'coalition' }, { actor: 'coalition', stance: 'likely', source: 'sohr' }])).toBe('unclear');
    expect(status([{ actor: 'coalition', stance: 'denies', source: 'coalition' }])).toBe('unclear');
  });
  it('is uncontested when someone asserts or acknowledges and nobody denies', () => {
    expect(status([{ actor: 'coalition', stance: 'likely', source: 'sohr' }, { actor: 'coalition', stance: 'acknowledges', source: 'coalition' }])).toBe('uncontested');
  });
});

describe('attribute', () => {
  it('keeps every stance under its actor, actors by id', () => {
    const as = attribute(rules)(stances([
      { actor: 'russia', stance: 'likely', source: 'us-dod' },
      { actor: 'coalition', stance: 'asserts', source: 'sana', via: 'afp' },
      { actor: 'coalition', stance: 'denies', source: 'coalition' },
    ]));
    expect(as.map((a) => [a.actor, a.status, a.stances.length])).toEqual([['coalition', 'contested', 2], ['russia', 'unclear', 1]]);
    expect(as[0]!.stances[0]).toMatchObject({ source: 'sana', via: 'afp', stance: 'asserts', reportId: 'r1' });
  });
});
