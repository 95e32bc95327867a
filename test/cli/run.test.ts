import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runInProcess as cli } from '../support/cli.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const noStackTrace = (stderr: string): void => { expect(stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m); };

const TEXT = 'A strike on the market killed 7 civilians, monitors said.';
const quote = '7 civilians';
const good = {
  id: 'good-report', publishedAt: '2019-03-21', outlet: 'afp', language: 'en', text: TEXT,
  claims: [{ source: 'sohr', via: 'afp', outcome: 'killed', group: 'civilians', value: 7, quote, span: [TEXT.indexOf(quote), TEXT.indexOf(quote) + quote.length], date: '2019-03-20', places: ['hajin'] }],
  stances: [],
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'reconcile-cli-'));
  mkdirSync(join(dir, 'in/nested'), { recursive: true });
  writeFileSync(join(dir, 'in/nested/good.json'), JSON.stringify([good]));
  writeFileSync(join(dir, 'in/bad.json'), '[{"id": "bad-report", "text": "x",]');
});
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

describe('reconcile run', () => {
  it('reconciles the good report and exits 1 when another file is bad', async () => {
    const r = await cli(['run', join(dir, 'in')]);
    expect(r.code).toBe(1);
    noStackTrace(r.stderr);
    const out = JSON.parse(r.stdout) as { reports: { id: string }[]; incidents: { tolls: { claims: { reportId: string; value: number }[] }[] }[]; warnings: { code: string; location?: string }[] };
    expect(out.reports.map((x) => x.id)).toEqual(['good-report']);
    const claims = out.incidents.flatMap((i) => i.tolls.flatMap((t) => t.claims));
    expect(claims).toEqual([expect.objectContaining({ reportId: 'good-report', value: 7 })]);
    expect(out.warnings).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'malformed-json', location: expect.stringContaining('bad.json:1:') })]));
    expect(r.stderr).toMatch(/malformed-json at .*bad\.json:1:\d+/);
    expect(r.stderr).toMatch(/^reports: 1 read, 1 skipped/m);
  });

  it('exits 0 on good input, and --quiet drops the accounting line', async () => {
    const r = await cli(['run', join(dir, 'in/nested'), '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).reports).toHaveLength(1);
  });

  it('writes --out atomically and leaves no temporary file behind', async () => {
    const out = join(dir, 'out.json');
    const r = await cli(['run', join(dir, 'in/nested'), '--out', out, '-q']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).reports).toEqual([expect.objectContaining({ id: 'good-report' })]);
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('exits 2 on a missing path, with one line saying so', async () => {
    const r = await cli(['run', join(dir, 'does-not-exist')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('does-not-exist');
    noStackTrace(r.stderr);
  });

  it('exits 2 with located problems when the rules are broken', async () => {
    const rules = join(dir, 'rules');
    cpSync(join(root, 'rules'), rules, { recursive: true });
    writeFileSync(join(rules, 'actors.yaml'), 'actors:\n  - id: [unclosed\n');
    const r = await cli(['run', join(dir, 'in/nested'), '--rules', rules]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/actors\.yaml: line \d+, column \d+/);
    noStackTrace(r.stderr);
  });
});

describe('usage', () => {
  it('--help prints usage and exits 0', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage:[\s\S]*reconcile run/);
  });

  it('run --help prints the options and exits 0', async () => {
    const r = await cli(['run', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--format <json|md|html|csv|ucdp|airwars|geojson>');
  });

  it('an unknown flag is one line plus a hint, exit 2', async () => {
    const r = await cli(['run', 'x', '--frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringContaining('--frobnicate'), expect.stringContaining('--help')]);
  });
});
