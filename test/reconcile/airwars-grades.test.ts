/** Grades as Airwars defines them (DOMAIN.md), harm assessments and known/suspected belligerents (issue 17). */
import { describe, expect, it } from 'vitest';
import { combatantsOnly, gradeIncident, otherPartyLikelier } from '../../src/reconcile/grade.js';
import { belligerentOf } from '../../src/reconcile/attribution.js';
import { harmAssessmentsOf, reconcileIncident } from '../../src/reconcile/incident.js';
import { Grade, Incident, Output, SCHEMA_VERSION } from '../../src/model/contract.js';
import type { HarmAssessment, Mention } from '../../src/model/claim.js';
import type { HarmAssessmentKind, StanceKind } from '../../src/model/contract.js';
import type { Rules } from '../../src/rules/schema.js';
import { mention, stanceOf, testRules, type ClaimSpec } from '../cluster/support.js';

// the coalition's own voice speaks for it (rules/sources.yaml speaksFor); a monitor speaks for no one
const rules: Rules = { ...testRules(), sources: [
  { id: 'coalition', name: 'Coalition', kind: 'belligerent', speaksFor: ['coalition'], relay: false, aliases: {} },
  { id: 'sohr', name: 'SOHR', kind: 'monitor', speaksFor: [], relay: false, aliases: {} },
] };
const r = rules.reconcile;
const speaksFor = (source: string) => rules.sources.find((s) => s.id === source)?.speaksFor ?? [];
const grade = gradeIncident(r, speaksFor);

type S = { actor: string; stance: StanceKind; source: string };
const one = (claims: ClaimSpec[], stances: S[] = [], assessments: HarmAssessment[] = []): Mention[] =>
  [{ ...mention('r1', 0, { claims, stances }), assessments }];
const assessment = (actor: string, source: string, kind: HarmAssessmentKind, at = 700): HarmAssessment => ({
  id: `r1:${at}-${at + 5}:${actor}/${kind}`, reportId: 'r1', source, actor, assessment: kind, quote: `${source} ${kind}`, span: [at, at + 5],
});
const twoSources: ClaimSpec[] = [{ value: 5 }, { value: 6, source: 'sana' }];

describe('discounted: those killed were combatants, or another party most likely responsible', () => {
  it('holds when every killed figure is for combatants', () => {
    const fighters: ClaimSpec[] = [{ group: 'combatants', affiliation: 'isis', value: 12 }, { group: 'all', value: 12, source: 'sana' }];
    expect(combatantsOnly(one(fighters))).toBe(true);
    expect(grade(one(fighters, [{ actor: 'coalition', stance: 'asserts', source: 'sohr' }]))).toBe('discounted');
  });
  it('does not hold when any source gives civilians (or a part of them) killed, or combatants none', () => {
    for (const group of ['civilians', 'children', 'women', 'men'] as const) {
      expect(combatantsOnly(one([{ group: 'combatants', value: 12 }, { group, value: 2, source: 'sana' }]))).toBe(false);
    }
    expect(combatantsOnly(one([{ group: 'combatants', value: 0 }, { group: 'all', value: 3 }]))).toBe(false);
    expect(combatantsOnly(one([{ group: 'all', value: 3 }]))).toBe(false);
    // civilians wounded are no civilians killed: those killed were still combatants
    expect(combatantsOnly(one([{ group: 'combatants', value: 4 }, { group: 'civilians', outcome: 'injured', value: 2 }]))).toBe(true);
  });
  it('holds when the graded belligerents are only suspected or denied and another actor is named firmly', () => {
    const hedged: S[] = [{ actor: 'russia', stance: 'likely', source: 'local-sources' }, { actor: 'syrian-government', stance: 'asserts', source: 'sohr' }];
    expect(otherPartyLikelier(r)(one(twoSources, hedged)[0]!.stances)).toBe(true);
    expect(grade(one(twoSources, hedged))).toBe('discounted');
    const denied: S[] = [{ actor: 'coalition', stance: 'denies', source: 'coalition' }, { actor: 'syrian-government', stance: 'asserts', source: 'sohr' }];
    expect(grade(one(twoSources, denied))).toBe('discounted');
  });
  it('does not hold when a graded belligerent is named firmly, or no other actor is', () => {
    const firm: S[] = [{ actor: 'russia', stance: 'asserts', source: 'sohr' }, { actor: 'syrian-government', stance: 'asserts', source: 'sana' }];
    expect(grade(one(twoSources, firm))).toBe('contested');
    const onlyHedges: S[] = [{ actor: 'russia', stance: 'likely', source: 'sohr' }, { actor: 'syrian-government', stance: 'possible', source: 'sana' }];
    expect(grade(one(twoSources, onlyHedges))).toBe('fair');
    // an unnamed doer ("warplanes struck") is no other party
    expect(grade(one(twoSources, [{ actor: 'russia', stance: 'likely', source: 'sohr' }, { actor: 'unknown', stance: 'asserts', source: 'sana' }]))).toBe('fair');
    // an incident no graded belligerent is named for is not discounted for another party
    expect(grade(one(twoSources, [{ actor: 'syrian-government', stance: 'asserts', source: 'sohr' }]))).toBe('fair');
  });
  it('is off when the rules turn it off', () => {
    const off = gradeIncident({ ...r, grade: { ...r.grade, discounted: { combatantsOnly: false, belligerents: [] } } }, speaksFor);
    expect(off(one([{ group: 'combatants', value: 9 }, { group: 'combatants', value: 9, source: 'sana' }]))).toBe('fair');
  });
});

describe('contested: a denial of what another source states, or competing belligerents', () => {
  it('a denial nobody else contradicts is no contest', () => {
    // the coalition denies a strike nobody blames it for; SOHR names the Syrian government
    expect(grade(one(twoSources, [{ actor: 'coalition', stance: 'denies', source: 'coalition' }]))).toBe('fair');
  });
  it('a denial of the event itself contests it', () => {
    expect(grade(one(twoSources, [{ actor: 'unknown', stance: 'denies', source: 'russia-mod' }]))).toBe('contested');
  });
  it('a denial of what another source blames the actor for, even tentatively, contests it', () => {
    expect(grade(one(twoSources, [{ actor: 'russia', stance: 'likely', source: 'sohr' }, { actor: 'russia', stance: 'asserts', source: 'sana' },
      { actor: 'russia', stance: 'denies', source: 'russia-mod' }]))).toBe('contested');
  });
  it('a hedge alone is no contest', () => {
    expect(grade(one(twoSources, [{ actor: 'russia', stance: 'possible', source: 'sohr' }, { actor: 'syrian-government', stance: 'possible', source: 'sohr' }]))).toBe('fair');
  });
});

describe('confirmed: a belligerent accepts responsibility for civilian harm', () => {
  it('by its own assessment that the harm is credible, or an acknowledgement of it', () => {
    for (const kind of ['credible', 'acknowledges-harm'] as const) {
      expect(grade(one(twoSources, [{ actor: 'coalition', stance: 'asserts', source: 'sohr' }], [assessment('coalition', 'coalition', kind)]))).toBe('confirmed');
    }
  });
  it('not by an assessment that rejects or defers, nor by someone else speaking about the belligerent', () => {
    for (const kind of ['non-credible', 'no-evidence', 'under-assessment', 'declined-to-comment'] as const) {
      expect(grade(one(twoSources, [], [assessment('coalition', 'coalition', kind)]))).toBe('fair');
    }
    // a monitor saying the coalition's harm is credible is not the coalition accepting it
    expect(grade(one(twoSources, [], [assessment('coalition', 'sohr', 'credible')]))).toBe('fair');
  });
  it('settles a contest: the belligerent concedes what others deny', () => {
    const ms = one(twoSources, [{ actor: 'coalition', stance: 'denies', source: 'us-gov' }, { actor: 'coalition', stance: 'asserts', source: 'sohr' }],
      [assessment('coalition', 'coalition', 'credible')]);
    expect(grade(ms)).toBe('confirmed');
  });
});

describe('the incident carries the belligerent’s assessment and known or suspected belligerents', () => {
  const reconcile = (ms: Mention[]): Incident => reconcileIncident(rules)({ mentions: ms });
  it('lists each assessment once, in report and text order, and grades with the rules’ speakers', () => {
    const a = assessment('coalition', 'coalition', 'under-assessment', 900), b = assessment('coalition', 'coalition', 'credible', 700);
    const ms: Mention[] = [{ ...one(twoSources)[0]!, assessments: [a, b, a] }];
    const inc = reconcile(ms);
    expect(inc.harmAssessments?.map((x) => [x.assessment, x.span[0]])).toEqual([['credible', 700], ['under-assessment', 900]]);
    expect(inc.grade).toBe('confirmed');
    expect(Incident.safeParse(inc).success).toBe(true);
    expect(harmAssessmentsOf(one(twoSources))).toEqual([]);
    expect('harmAssessments' in reconcile(one(twoSources))).toBe(false);
  });
  it('a belligerent is known when a source asserts it or it acknowledges, suspected when sources only hedge', () => {
    const st = (stance: StanceKind, k: number, actor = 'russia') => stanceOf('r1', [k * 10, k * 10 + 5], { actor, stance, source: 'sohr' });
    expect(belligerentOf(r)([st('likely', 1), st('asserts', 2)])).toBe('known');
    expect(belligerentOf(r)([st('acknowledges', 1)])).toBe('known');
    expect(belligerentOf(r)([st('likely', 1), st('possible', 2)])).toBe('suspected');
    expect(belligerentOf(r)([st('denies', 1)])).toBeUndefined();
    expect(belligerentOf(r)([st('asserts', 1, 'unknown')])).toBeUndefined();
    const inc = reconcile(one(twoSources, [{ actor: 'russia', stance: 'likely', source: 'sohr' }, { actor: 'syrian-government', stance: 'asserts', source: 'sana' }]));
    expect(inc.attributions.map((x) => [x.actor, x.belligerent])).toEqual([['russia', 'suspected'], ['syrian-government', 'known']]);
  });
});

describe('the contract', () => {
  it('has the grade discounted, and writes schemaVersion 2 while still reading 1', () => {
    expect(Grade.options).toContain('discounted');
    expect(SCHEMA_VERSION).toBe(2);
    const out = (v: number) => ({ schemaVersion: v, rulesHash: 'h', reports: [], incidents: [], aggregates: [], warnings: [] });
    expect([1, 2, 3].map((v) => Output.safeParse(out(v)).success)).toEqual([true, true, false]);
  });
});
