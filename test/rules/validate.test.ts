/**
 * Rule-set validation: the shipped rules pass, and each planted mistake (the shipped files
 * with one change) is caught with its own code, file, path and message, all in one run.
 */
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { parseRules, type RuleProblem } from '../../src/rules/load.js';
import { validateRules } from '../../src/rules/validate.js';
import { readRuleFiles, shippedRules } from '../support/rules.js';

type Files = Record<string, any>;

/** The shipped rule files, deep-copied, with `change` applied. */
const planted = (change: (files: Files) => void): Files => {
  const files = structuredClone(readRuleFiles()) as Files;
  change(files);
  return files;
};

const problemsOf = (files: Files): readonly RuleProblem[] => {
  const r = parseRules(files);
  return E.isLeft(r) ? r.left : [];
};

const indexOf = (list: { id: string }[], id: string): number => {
  const i = list.findIndex((x) => x.id === id);
  expect(i).toBeGreaterThanOrEqual(0);
  return i;
};

describe('rule set validation', () => {
  it('accepts the shipped rules', () => {
    expect(problemsOf(readRuleFiles())).toEqual([]);
  });

  it('lets a source and an actor share an alias (التحالف names the coalition as speaker and as doer)', () => {
    const { rules } = shippedRules();
    expect(rules.sources.find((s) => s.id === 'coalition')!.aliases.ar).toContain('التحالف');
    expect(rules.actors.find((a) => a.id === 'coalition')!.aliases.ar).toContain('التحالف');
    expect(validateRules({ sources: rules.sources, actors: rules.actors }).filter((p) => p.code === 'shared-alias')).toEqual([]);
  });

  it('catches an alias shared by two sources, at the second one', () => {
    let path = '';
    const files = planted((f) => {
      const sana = indexOf(f['sources.yaml'].sources, 'sana');
      const aliases: string[] = f['sources.yaml'].sources[sana].aliases.ar;
      aliases.push('المرصد');
      path = `sources[${sana}].aliases.ar[${aliases.length - 1}]`;
    });
    expect(problemsOf(files)).toEqual([{
      file: 'sources.yaml', path, code: 'shared-alias',
      message: expect.stringMatching(/'المرصد' names two sources, sohr \(at sources\[0\]\.aliases\.ar\[\d+\]\) and sana/),
    }]);
  });

  it('folds spelling variants before comparing aliases (أ/ا, ة/ه)', () => {
    const files = planted((f) => { f['sources.yaml'].sources[indexOf(f['sources.yaml'].sources, 'snhr')].aliases.ar.push('المرصد السوري لحقوق الانسان'); });
    expect(problemsOf(files).map((p) => p.code)).toEqual(['shared-alias']);
  });

  it('catches a gazetteer entry without a governorate', () => {
    let i = -1;
    const files = planted((f) => { i = indexOf(f['gazetteer.yaml'].places, 'hajin'); delete f['gazetteer.yaml'].places[i].governorate; });
    expect(problemsOf(files)).toEqual([{
      file: 'gazetteer.yaml', path: `places[${i}].governorate`, message: expect.stringContaining('a place needs a governorate'),
    }]);
  });

  it('catches a governorate that is not a governorate entry', () => {
    let i = -1;
    const files = planted((f) => { i = indexOf(f['gazetteer.yaml'].places, 'hajin'); f['gazetteer.yaml'].places[i].governorate = 'hajin'; });
    expect(problemsOf(files)).toEqual([
      expect.objectContaining({ file: 'gazetteer.yaml', path: `places[${i}].governorate`, code: 'unknown-governorate', message: expect.stringContaining("'hajin' is not a governorate") }),
      expect.objectContaining({ file: 'gazetteer.yaml', path: `places[${i}].district`, code: 'wrong-governorate' }),
    ]);
  });

  it('catches a negative date window', () => {
    const files = planted((f) => { f['clustering.yaml'].dateWindowDays = -1; });
    expect(problemsOf(files)).toEqual([{ file: 'clustering.yaml', path: 'dateWindowDays', message: expect.stringContaining('the date window cannot be negative') }]);
  });

  it('catches a place name shared without sharesNameWith, and accepts it with the tie-break on either side', () => {
    const strip = (f: Files) => { for (const id of ['suran-aleppo', 'suran-hama']) delete f['gazetteer.yaml'].places[indexOf(f['gazetteer.yaml'].places, id)].sharesNameWith; };
    const problems = problemsOf(planted(strip));
    expect(problems.map((p) => p.code)).toEqual(['shared-place-name', 'shared-place-name', 'shared-place-name']); // صوران, Suran, Souran
    expect(problems[0]!.message).toMatch(/'صوران' names two places, suran-aleppo .* and suran-hama/);
    expect(problems[0]!.path).toMatch(/^places\[\d+\]\.ar\[0\]$/);
    const oneSide = planted((f) => { strip(f); f['gazetteer.yaml'].places[indexOf(f['gazetteer.yaml'].places, 'suran-hama')].sharesNameWith = ['suran-aleppo']; });
    expect(problemsOf(oneSide)).toEqual([]);
  });

  it('catches a tie-break between places that share no name, and one naming no place', () => {
    let i = -1;
    const files = planted((f) => { i = indexOf(f['gazetteer.yaml'].places, 'hajin'); f['gazetteer.yaml'].places[i].sharesNameWith = ['al-susah', 'atlantis']; });
    expect(problemsOf(files)).toEqual([
      expect.objectContaining({ path: `places[${i}].sharesNameWith[1]`, code: 'unknown-id' }),
      expect.objectContaining({ path: `places[${i}].sharesNameWith[0]`, code: 'stale-tie-break', message: expect.stringContaining('hajin shares no name with al-susah') }),
    ]);
  });

  it('catches references to ids that do not exist, in every file', () => {
    const files = planted((f) => {
      f['sources.yaml'].sources[0].speaksFor = ['martians'];
      f['actors.yaml'].actors[0].speaker = 'nobody';
      f['reconcile.yaml'].existence.denialActor = 'ghost';
      f['clustering.yaml'].comparisons.actor.ignore = ['phantom'];
      f['languages/ar/victims.yaml'].heads.find((h: { group: string }) => h.group === 'combatants').affiliation = 'aliens';
    });
    expect(problemsOf(files).map((p) => [p.file, p.code, p.message.split(' ')[0]])).toEqual([
      ['sources.yaml', 'unknown-id', "'martians'"],
      ['actors.yaml', 'unknown-id', "'nobody'"],
      ['clustering.yaml', 'unknown-id', "'phantom'"],
      ['reconcile.yaml', 'unknown-id', "'ghost'"],
      ['languages/ar/victims.yaml', 'unknown-id', "'aliens'"],
    ]);
  });

  it('catches a threshold no pair can reach, and one every pair reaches', () => {
    const high = problemsOf(planted((f) => { f['clustering.yaml'].threshold = 100; }));
    expect(high).toEqual([expect.objectContaining({ file: 'clustering.yaml', path: 'threshold', code: 'out-of-range', message: expect.stringContaining('can never be reached') })]);
    const low = problemsOf(planted((f) => { f['clustering.yaml'].threshold = -50; }));
    expect(low).toEqual([expect.objectContaining({ path: 'threshold', code: 'out-of-range', message: expect.stringContaining('reached by every pair') })]);
  });

  it('catches a dropped contract id and a duplicate id', () => {
    const files = planted((f) => {
      f['actors.yaml'].actors = f['actors.yaml'].actors.filter((a: { id: string }) => a.id !== 'iraq');
      f['sources.yaml'].sources.push({ ...f['sources.yaml'].sources[0], aliases: {} });
    });
    expect(problemsOf(files).map((p) => [p.file, p.code, p.path])).toEqual([
      ['sources.yaml', 'duplicate-id', `sources[${files['sources.yaml'].sources.length - 1}].id`],
      ['actors.yaml', 'contract-id', 'actors'],
    ]);
  });

  it('catches a phrase with two meanings in a language file', () => {
    const files = planted((f) => { f['languages/ar/numbers.yaml'].words['ثلاثه'] = 4; });
    expect(problemsOf(files)).toEqual([expect.objectContaining({
      file: 'languages/ar/numbers.yaml', path: 'words.ثلاثه', code: 'conflicting-phrase', message: expect.stringContaining('the number 4 here but the number 3'),
    })]);
  });

  it('catches a derived figure whose parts are not parts of its whole', () => {
    const files = planted((f) => { f['reconcile.yaml'].derive[0].minus = 'all'; });
    expect(problemsOf(files)).toEqual([expect.objectContaining({ file: 'reconcile.yaml', path: 'derive[0].minus', code: 'outside-hierarchy' })]);
  });

  it('reports every problem of every file in one run', () => {
    const files = planted((f) => {
      f['clustering.yaml'].dateWindowDays = -3;
      delete f['gazetteer.yaml'].places[5].governorate;
      f['sources.yaml'].sources[1].aliases.en.push('SOHR');
      f['reconcile.yaml'].existence.denialActor = 'ghost';
    });
    expect(problemsOf(files).map((p) => p.file).sort()).toEqual(['clustering.yaml', 'gazetteer.yaml', 'reconcile.yaml', 'sources.yaml']);
  });
});
