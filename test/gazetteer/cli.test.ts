/**
 * `reconcile gazetteer import` end to end (in process, real files in a temporary folder):
 * the written gazetteer extends the shipped one, `run --rules` reads it, and a report on a
 * village only it has resolves there.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { program } from '../../src/cli/program.js';
import { nodeSystem } from '../../src/cli/system.js';
import type { Output } from '../../src/model/contract.js';
import { RULES_DIR } from '../support/rules.js';

const dir = mkdtempSync(join(tmpdir(), 'reconcile-gazetteer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = async (args: string[]) => {
  const out: string[] = [], err: string[] = [];
  const code = await program({ ...nodeSystem, stdout: (t) => { out.push(t); }, stderr: (t) => { err.push(t); } })(args);
  return { code, stdout: out.join(''), stderr: err.join('') };
};

// an invented village in an invented community row (Idlib SY07, Harem district SY0703)
const TABLE = [
  'admin1Name_en,admin1Name_ar,admin1Pcode,admin2Name_en,admin2Name_ar,admin2Pcode,admin3Name_en,admin3Name_ar,admin3Pcode,admin4Name_en,admin4Name_ar,admin4Pcode',
  'Idleb,إدلب,SY07,Harim,حارم,SY0703,Qourqeena,ناحية قورقينا,SY070305,Kherbet Louza,خربة لوزة,C9002',
  'Idleb,إدلب,SY07,Harim,حارم,SY0703,Qourqeena,ناحية قورقينا,SY070305,,,C9005',
].join('\n');

describe('reconcile gazetteer import', () => {
  it('writes a gazetteer that run reads, where the imported village resolves', async () => {
    const rules = join(dir, 'rules');
    cpSync(RULES_DIR, rules, { recursive: true });
    const table = join(dir, 'communities.csv');
    writeFileSync(table, TABLE);
    const r = await cli(['gazetteer', 'import', table, '--out', join(rules, 'gazetteer.yaml'), '--base', join(RULES_DIR, 'gazetteer.yaml')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/communities\.csv:3: .*skipped/);
    expect(readFileSync(join(rules, 'gazetteer.yaml'), 'utf8')).toContain('C9002');
    writeFileSync(join(dir, 'r1.txt'), 'قتل أربعة مدنيين في قصف على قرية خربة لوزة بريف إدلب يوم الاثنين.');
    const out = join(dir, 'out.json');
    expect((await cli(['run', join(dir, 'r1.txt'), '--rules', rules, '--format', 'json', '--out', out, '-q'])).code).toBeLessThan(2);
    const o = JSON.parse(readFileSync(out, 'utf8')) as Output;
    expect(o.incidents.flatMap((i) => i.places.map((p) => p.id))).toContain('kherbet-louza');
  });
  it('explains its usage and refuses what it cannot do', async () => {
    expect((await cli(['gazetteer', '--help'])).stdout).toMatch(/^Usage: reconcile gazetteer import/);
    expect((await cli(['gazetteer', 'export'])).code).toBe(2);
    expect((await cli(['gazetteer', 'import', join(dir, 'x.csv')])).stderr).toMatch(/--out/);
    const same = join(dir, 'same.csv');
    writeFileSync(same, TABLE);
    expect((await cli(['gazetteer', 'import', same, '--out', same])).code).toBe(2);
    expect(readFileSync(same, 'utf8')).toBe(TABLE);
  });
});
