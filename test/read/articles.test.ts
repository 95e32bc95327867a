import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Output } from '../../src/model/contract.js';
import { stdinName } from '../../src/cli/inputs.js';
import { readInputs } from '../../src/read/index.js';
import { BIN, ROOT, runInProcess } from '../support/cli.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const q = (s: string): string => `"${s.replaceAll('"', '""')}"`;

describe('a CSV of articles', () => {
  const csv = [
    'id,date,outlet,language,url,text,section',
    `a1,2019-03-02,example,en,https://example.org/a1,${q('Nine civilians were killed in an air strike on Maarrat al-Numan, the "Observatory" said.\nA second paragraph, with commas.')},world`,
    `a2,2019-03-02 14:05,,ar,,${q('قتل سبعة مدنيين في قصف على مدينة أريحا.')},`,
    `,2019-03-03,example,en,,No id here.,`,
    `a4,2019-03-04,example,en,,,`,
  ].join('\r\n');
  const r = readInputs()([{ path: 'in/articles.csv', bytes: enc(csv) }]);

  it('reads one report a row, each field from its column, the text cell as written', () => {
    expect(r.reports.map((x) => x.id)).toEqual(['a1', 'a2', 'a4']);
    expect(r.reports[0]).toMatchObject({ publishedAt: '2019-03-02', outlet: 'example', language: 'en', url: 'https://example.org/a1', origin: 'in/articles.csv:2' });
    expect(r.reports[0]!.text).toBe('Nine civilians were killed in an air strike on Maarrat al-Numan, the "Observatory" said.\nA second paragraph, with commas.');
    // a timestamp's day; an empty cell is no value; the row of a report after a two-line cell is located right
    expect(r.reports[1]).toMatchObject({ publishedAt: '2019-03-02', outlet: null, language: 'ar', origin: 'in/articles.csv:4' });
  });

  it('skips a row without an id, located, and names a column it does not know', () => {
    expect(r.warnings).toEqual(expect.arrayContaining([
      expect.objectContaining({ code: 'invalid-report', location: expect.stringMatching(/^in\/articles\.csv:5/) }),
      expect.objectContaining({ code: 'unknown-field', location: 'in/articles.csv:1', message: expect.stringContaining('"section"') }),
    ]));
    expect(r.skipped).toBe(1);
  });

  it('refuses a CSV without id and text columns as a whole, saying why', () => {
    const bad = readInputs()([{ path: 'b.csv', bytes: enc('name,value\nx,1\n') }]);
    expect(bad.reports).toEqual([]);
    expect(bad.warnings).toEqual([expect.objectContaining({ code: 'invalid-report', location: 'b.csv:1', message: expect.stringContaining('id and a text column') })]);
  });

  it('the seeds as one CSV of articles reconcile exactly as the seeds folder', async () => {
    const seeds = join(ROOT, 'fixtures', 'seeds');
    const manifest = JSON.parse(readFileSync(join(seeds, 'reports.json'), 'utf8')) as Record<string, { id: string; publishedAt: string; outlet: string; language: string }>;
    const rows = readdirSync(seeds).filter((f) => f.endsWith('.txt')).map((f) => {
      const m = manifest[f]!;
      return [m.id, m.publishedAt, m.outlet, m.language, '', q(readFileSync(join(seeds, f), 'utf8'))].join(',');
    });
    const dir = mkdtempSync(join(tmpdir(), 'reconcile-csv-'));
    writeFileSync(join(dir, 'seeds.csv'), `id,date,outlet,language,url,text\r\n${rows.join('\r\n')}\r\n`);
    const [a, b] = await Promise.all([seeds, dir].map((d) => runInProcess(['run', d, '--format', 'json', '--quiet'])));
    expect(b!.code).toBe(0);
    const strip = (o: Output) => ({ incidents: o.incidents, aggregates: o.aggregates, reports: o.reports });
    expect(strip(JSON.parse(b!.stdout) as Output)).toEqual(strip(JSON.parse(a!.stdout) as Output));
  });
});

describe('standard input', () => {
  const ndjson = [
    JSON.stringify({ id: 's1', publishedAt: '2019-04-01', outlet: 'example', language: 'en', text: 'Six civilians were killed in an air strike on Saraqib on Monday, the Observatory said.' }),
    JSON.stringify({ id: 's2', publishedAt: '2019-04-01', outlet: 'other', language: 'en', text: 'An air strike on Saraqib killed six civilians on Monday, rescuers said.' }),
  ].join('\n');

  it('names what it reads by its first characters', () => {
    expect(stdinName(enc(`${ndjson}\n`))).toBe('stdin.ndjson');
    expect(stdinName(enc('{"id": "x",\n "text": "y"}'))).toBe('stdin.json');
    expect(stdinName(enc('[{"id":"x"}]'))).toBe('stdin.json');
    expect(stdinName(enc('  <!doctype html><p>x</p>'))).toBe('stdin.html');
    expect(stdinName(enc('Plain report text.'))).toBe('stdin.txt');
  });

  it('reads .ndjson from `-`', async () => {
    const r = await runInProcess(['run', '-', '--format', 'json'], { readStdin: async () => enc(ndjson) });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Output;
    expect(out.reports.map((x) => x.id)).toEqual(['s1', 's2']);
    expect(out.incidents.flatMap((i) => i.tolls.map((t) => [t.outcome, t.group, t.best]))).toContainEqual(['killed', 'civilians', 6]);
  });

  it('reads text from `-` in the built CLI, beside a folder', () => {
    const r = spawnSync(process.execPath, [BIN, 'run', '-', join(ROOT, 'fixtures', 'seeds'), '--format', 'json', '--quiet'], {
      input: 'Eight civilians were killed in an air strike on the town of Saraqib in Idlib on 3 April 2019, the Observatory said.',
      encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' },
    });
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as Output;
    expect(out.reports.map((x) => x.id)).toContain('stdin');
    expect(out.incidents.filter((i) => i.reportIds.includes('stdin')).flatMap((i) => i.tolls.map((t) => t.best))).toContain(8);
  });
});
