/**
 * A folder of text files is read a few hundred files at a time (each chunk handed on to be
 * extracted and let go) with the result of reading it whole: the same reports, warnings in
 * the same order, the same accounting. Manifests, an entry naming no file, empty files,
 * undecodable bytes and one id used twice are in the folder; a file of another kind sends
 * the whole read back to the one-go reader.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readReports } from '../../src/cli/inputs.js';
import { nodeSystem } from '../../src/cli/system.js';
import type { Report } from '../../src/model/report.js';
import { shippedRules } from '../support/rules.js';

const { rules } = shippedRules();
const dir = mkdtempSync(join(tmpdir(), 'reconcile-chunks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (path: string, content: string | Uint8Array): void => {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), content);
};

// Two folders with a manifest each, one without; 700 reports in all, so several chunks.
const manifest: Record<string, unknown> = {};
for (let k = 0; k < 300; k++) {
  write(`a/r${k}.txt`, `Report ${k}: a strike on a market killed ${k % 40} people, a monitor said.\n`);
  manifest[`r${k}.txt`] = { id: k === 7 ? 'same-id' : `a-${k}`, publishedAt: '2019-03-02', outlet: 'Wire', language: 'en' };
}
manifest['ghost.txt'] = { id: 'ghost', publishedAt: '2019-03-02', outlet: 'Wire', language: 'en' };
write('a/reports.json', JSON.stringify(manifest));
const second: Record<string, unknown> = {};
for (let k = 0; k < 250; k++) {
  write(`b/s${k}.txt`, `Shelling of a village left ${k} dead on Friday.\n`);
  second[`s${k}.txt`] = { id: k === 200 ? 'same-id' : `b-${k}`, publishedAt: null, outlet: 'Agency', language: 'en' };
}
write('b/reports.json', JSON.stringify(second));
for (let k = 0; k < 150; k++) write(`c/t${k}.md`, k === 3 ? '' : `Two civilians were killed in an air raid (${k}).\n`);
write('c/bad.txt', new Uint8Array([0x41, 0xff, 0xfe, 0x20, 0x80, 0x42, 0x0a]));

const chunked = async (paths: string[]) => {
  let calls = 0;
  const read = await readReports(nodeSystem, rules, { keepBatch: async (rs: readonly Report[]) => { calls++; return rs; } })(paths);
  return { read, calls };
};

describe('reading text files chunk by chunk', () => {
  it('gives what reading them whole gives', async () => {
    const whole = await readReports(nodeSystem, rules)([dir]);
    const { read, calls } = await chunked([dir]);
    expect(calls).toBeGreaterThan(2);
    expect(read).toEqual(whole);
    expect(whole.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['duplicate-report-id']));
    expect(whole.reports.length).toBeGreaterThan(690);
  });

  it('reads whole when a file of another kind is among them', async () => {
    write('d/extra.ndjson', `${JSON.stringify({ id: 'x1', publishedAt: null, outlet: 'X', language: 'en', text: 'Five killed.' })}\n`);
    const whole = await readReports(nodeSystem, rules)([dir]);
    const { read, calls } = await chunked([dir]);
    expect(calls).toBe(0);
    expect(read).toEqual(whole);
    rmSync(join(dir, 'd'), { recursive: true });
  });
});
