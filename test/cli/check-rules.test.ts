/**
 * `reconcile check-rules` end to end (in process, real files): the shipped rules pass with
 * one line per property; a planted best policy that can leave the range fails with its
 * counterexample and a replay command that reproduces it; invalid rules exit 2 with every problem.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { program } from '../../src/cli/program.js';
import { nodeSystem } from '../../src/cli/system.js';
import { RULES_DIR } from '../support/rules.js';

const cli = async (args: string[]) => {
  const out: string[] = [], err: string[] = [];
  const code = await program({ ...nodeSystem, stdout: (t) => { out.push(t); }, stderr: (t) => { err.push(t); } })(args);
  return { code, stdout: out.join(''), stderr: err.join('') };
};

let dir: string;
const copyRules = (name: string, edit: (file: string, text: string) => string): string => {
  const target = join(dir, name);
  cpSync(RULES_DIR, target, { recursive: true });
  for (const file of ['reconcile.yaml', 'clustering.yaml', 'sources.yaml', 'gazetteer.yaml']) {
    const path = join(target, file);
    writeFileSync(path, edit(file, readFileSync(path, 'utf8')));
  }
  return target;
};

beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'reconcile-check-rules-')); });
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

describe('reconcile check-rules', () => {
  it('passes on the shipped rules, one line per property with its runs and time', async () => {
    const r = await cli(['check-rules', '--runs', '25', '--seed', '42']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^check-rules: .*rules \(rules [0-9a-f]{16}\), \d+ properties, 25 runs each, seed 42$/m);
    for (const name of ['order-independence', 'idempotence', 'ranges-contain-figures', 'best-within-range', 'claims-conserved',
      'adding-never-narrows', 'parts-within-wholes', 'date-window', 'output-contract', 'extraction\\[ar\\]']) {
      expect(r.stdout).toMatch(new RegExp(`^ {2}✓ ${name} +25 runs {2}\\d+\\.\\d s$`, 'm'));
    }
    expect(r.stdout).toMatch(/^\d+ properties: \d+ passed, 0 failed \(\d+\.\d s, seed 42\)$/m);
  });

  it('catches a best-estimate policy that can fall outside the range, and replays the failure', async () => {
    const planted = copyRules('mean-plus-sd', (f, t) => (f === 'reconcile.yaml' ? t.replace(/^ {2}policy: .*$/m, '  policy: mean-plus-sd') : t));
    const r = await cli(['check-rules', '--rules', planted, '--seed', '11', '--property', 'best-within-range', '--property', 'ranges-contain-figures']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✖ best-within-range +failed after \d+ runs? \(\d+ shrinks\)/);
    expect(r.stdout).toMatch(/✓ ranges-contain-figures +200 runs/);
    expect(r.stdout).toMatch(/counterexample \(shrunk\):\n {4}r\d \(published .*\)\n {6}r\d#\d /);
    expect(r.stdout).toMatch(/violates:\n {4}- incident inc-[0-9a-f]+ [a-z/-]+: best \d+ is above the highest figure \d+ \(policy mean-plus-sd\)/);
    const replay = /replay: reconcile check-rules --rules (\S+) --property best-within-range --seed 11 --path (\S+)/.exec(r.stdout);
    expect(replay).not.toBeNull();
    const again = await cli(['check-rules', '--rules', replay![1]!, '--property', 'best-within-range', '--seed', '11', '--path', replay![2]!]);
    expect(again.code).toBe(1);
    const counterexample = (s: string) => s.slice(s.indexOf('counterexample'), s.indexOf('replay:'));
    expect(counterexample(again.stdout)).toBe(counterexample(r.stdout));
  });

  it('refuses invalid rules with every problem, located, and runs nothing', async () => {
    const broken = copyRules('broken', (f, t) => {
      if (f === 'clustering.yaml') return t.replace(/^dateWindowDays: \d+/m, 'dateWindowDays: -1');
      if (f === 'sources.yaml') return t.replace('aliases:\n      ar: [سانا,', 'aliases:\n      ar: [المرصد, سانا,');
      if (f === 'gazetteer.yaml') return t.replace(/(- id: hajin\n(?: {4}.*\n)*?) {4}governorate: deir-ez-zor\n/, '$1');
      return t;
    });
    const r = await cli(['check-rules', '--rules', broken]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/✖ the date window cannot be negative.*\n {2}→ at clustering\.yaml: dateWindowDays/);
    expect(r.stderr).toMatch(/✖ 'المرصد' names two sources, sohr .* and sana.*\n {2}→ at sources\.yaml: sources\[\d+\]\.aliases\.ar\[0\]/);
    expect(r.stderr).toMatch(/✖ a place needs a governorate.*\n {2}→ at gazetteer\.yaml: places\[\d+\]\.governorate/);
    expect(r.stderr).toMatch(/reconcile: invalid rules in .*broken \(3 problems\)/);
  });

  it('explains itself with --help, and rejects an unknown property by listing the real ones', async () => {
    const help = await cli(['check-rules', '--help']);
    expect([help.code, help.stdout]).toEqual([0, expect.stringContaining('Usage: reconcile check-rules')]);
    const bad = await cli(['check-rules', '--property', 'nonsense', '--runs', '1']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown property 'nonsense'; the properties are order-independence, .*extraction\[ar\]/);
  });
});
