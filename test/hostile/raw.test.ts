/**
 * Hostile raw text, one case per kind of damage a scraper leaves (issue 7): each case is a
 * folder generated into a temporary directory, run through the CLI program, and has one
 * asserted outcome; on every case the accounting balances and the exit code is 0, 1 or 2.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Output } from '../../src/model/contract.js';
import { buildRaw, CLAIM, enc, front, INVALID } from './fixtures.js';
import { expectBalanced, expectQuotesIn, runInProcess, runJson } from './support.js';

let root: string;
const dir = (name: string): string => join(root, name);

const claimsOf = (out: Output, reportId?: string) => out.incidents.flatMap((i) => i.tolls.filter((t) => !t.derived)
  .flatMap((t) => t.claims.filter((c) => reportId === undefined || c.reportId === reportId).map((c) => ({ ...c, group: t.group, outcome: t.outcome }))));
const codes = (out: Output): string[] => [...new Set(out.warnings.map((w) => w.code))].sort();

const run = runJson;


beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'reconcile-hostile-raw-'));
  buildRaw(root);
}, 60_000);
afterAll(() => { rmSync(root, { recursive: true, force: true }); });

describe('raw text: encodings and bytes', () => {
  it('invalid UTF-8 is read with U+FFFD, the first bad byte located, and spans index the decoded text', async () => {
    const { r, out } = await run([dir('invalid-utf8')]);
    expect(r.code).toBe(1);
    expect(out.warnings).toEqual([expect.objectContaining({ code: 'invalid-utf8', location: `${dir('invalid-utf8')}/r.txt:8:1` })]);
    expect(claimsOf(out).map((c) => c.value)).toEqual([12]);
    const decoded = new TextDecoder().decode(new Uint8Array([...enc(`${front('bad-bytes')}سطر أول\n`), ...INVALID, ...enc(` ${CLAIM}`)]));
    expectQuotesIn(out, { 'bad-bytes': decoded.slice(front('bad-bytes').length) });
  });

  it('UTF-16 with a byte-order mark, either order, is read with a notice (exit 0)', async () => {
    const { r, out } = await run([dir('utf16')]);
    expect(r.code).toBe(0);
    expect(codes(out)).toEqual(['utf16']);
    expect(claimsOf(out).map((c) => [c.reportId, c.value]).sort()).toEqual([['utf16-be', 12], ['utf16-le', 12]]);
    expectQuotesIn(out, { 'utf16-le': CLAIM, 'utf16-be': CLAIM });
  });

  it('CRLF line ends are kept as read and change nothing', async () => {
    const { r, out } = await run([dir('crlf')]);
    expect([r.code, out.warnings]).toEqual([0, []]);
    expectQuotesIn(out, { crlf: `سطر أول\n${CLAIM}\n`.replaceAll('\n', '\r\n') });
    expect(claimsOf(out).map((c) => c.value)).toEqual([12]);
  });

  it('NUL bytes are kept, noticed, and skipped by extraction', async () => {
    const { r, out } = await run([dir('nul')]);
    expect([r.code, codes(out)]).toEqual([0, ['control-characters']]);
    expect(claimsOf(out).map((c) => c.value)).toEqual([12]);
    expectQuotesIn(out, { nul: CLAIM.replaceAll(' ', '\u0000 ') });
  });

  it('bidi controls stay in the quotes but never reach the terminal or the JSON raw', async () => {
    const { r, out } = await run([dir('bidi')]);
    expect(claimsOf(out).map((c) => c.value)).toEqual([12]);
    expect(claimsOf(out)[0]?.quote).toMatch(/\u202e/);
    expect(r.stdout).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    const md = await runInProcess(['run', dir('bidi'), '--format', 'md']);
    expect(md.stdout + md.stderr).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  });

  it('HTML markup and entities are read as text with a notice; nothing comes from scripts or comments', async () => {
    const { r, out } = await run([dir('html')]);
    expect([r.code, codes(out)]).toEqual([0, ['html-markup']]);
    expect(claimsOf(out).map((c) => c.value)).toEqual([12]);
    expect(claimsOf(out)[0]?.quote).toContain('</b>&nbsp;');
  });

  it('empty and blank files are skipped, each with its reason', async () => {
    const { r, out } = await run([dir('empty')]);
    expect(r.code).toBe(1);
    expect(out.accounting?.reportsSkippedBy).toEqual({ 'empty-file': 2 });
    expect(out.reports.map((x) => x.id)).toEqual(['not-empty']);
    expect(r.stderr).toMatch(/^reports: 1 read, 2 skipped \(2 empty-file\); claims: 1 extracted/m);
  });

  it('one huge line is read to its end', async () => {
    const { r, out } = await run([dir('huge-line')]);
    expect(r.code).toBe(0);
    expect(claimsOf(out).map((c) => `${c.group}=${c.value}`).sort()).toEqual(['children=7', 'civilians=12']);
  });

  it('a page larger than the memory of the run allows is skipped unread, with its size, instead of crashing', async () => {
    const r = await runInProcess(['run', dir('huge-line'), dir('crlf'), '--format', 'json'], { heapLimit: () => 80 * 1024 * 1024 });
    const out = JSON.parse(r.stdout) as Output;
    expectBalanced(out, r.stderr);
    expect(r.code).toBe(1);
    expect(out.warnings).toEqual([expect.objectContaining({ code: 'too-large', location: `${dir('huge-line')}/r.txt`, message: expect.stringMatching(/^the file is 2\.\d MB, more than the 1\.0 MB/) })]);
    expect(out.reports.map((x) => x.id)).toEqual(['crlf']);
  });
});

describe('raw text: numbers', () => {
  it('"1,200", "1.200" and "١٬٢٠٠" are 1200; a thousand-digit number is no claim', async () => {
    const { out } = await run([dir('numbers')]);
    const by = (id: string): (number | null)[] => claimsOf(out, id).map((c) => c.value);
    expect([by('comma'), by('dot'), by('arabic'), by('thousand')]).toEqual([[1200], [1200], [1200], []]);
    expect(out.aggregates.filter((a) => a.reportId === 'thousand')).toEqual([]);
  });
});

describe('raw text: files, folders and manifests', () => {
  it('two files with one report id: the first by path is kept, the warning names both, nothing is overwritten', async () => {
    const { r, out } = await run([dir('duplicate-ids')]);
    expect(r.code).toBe(1);
    const w = out.warnings.find((x) => x.code === 'duplicate-report-id');
    expect(w?.location).toBe(`${dir('duplicate-ids')}/b/second.txt`);
    expect(w?.message).toContain(`${dir('duplicate-ids')}/a/first.txt`);
    expect(claimsOf(out, 'same').map((c) => c.value)).toEqual([12]);
  });

  it('a manifest entry without its file, and a file without a manifest entry, are both named', async () => {
    const { r, out } = await run([dir('manifest')]);
    expect(r.code).toBe(1);
    expect(out.warnings.map((w) => [w.code, w.location])).toEqual([
      ['manifest-missing-file', `${dir('manifest')}/reports.json ["gone.txt"]`],
      ['not-in-manifest', `${dir('manifest')}/stray.txt`],
    ]);
    expect(out.reports.map((x) => x.id).sort()).toEqual(['listed', 'stray']);
  });

  it('symbolic links: loops, broken links and links to folders are named and not followed; no hang', async () => {
    const { r, out } = await run([dir('symlinks')]);
    expect(r.code).toBe(1);
    expect(out.warnings.map((w) => [w.code, w.location!.slice(dir('symlinks').length + 1), w.message])).toEqual([
      ['not-followed', 'a.txt', 'a symbolic link that loops'],
      ['not-followed', 'b.txt', 'a symbolic link that loops'],
      ['not-followed', 'broken.txt', 'a broken symbolic link'],
      ['not-followed', 'dir-link', 'a symbolic link to a directory: not followed'],
      ['not-followed', 'loop.txt', 'a symbolic link that loops'],
      ['not-followed', 'up', 'a symbolic link to a directory: not followed'],
    ]);
    expect(out.reports.map((x) => x.id)).toEqual(['beside-links']);
    const named = await runInProcess(['run', join(dir('symlinks'), 'loop.txt'), join(dir('symlinks'), 'ok.txt'), '--format', 'json']);
    expect(named.code).toBe(1);
    expect(JSON.parse(named.stdout).warnings).toEqual([expect.objectContaining({ code: 'unreadable-input', location: `${dir('symlinks')}/loop.txt` })]);
  });

  it('unreadable files (a pipe, a file the reader may not open) are skipped with the reason, the rest is read', async () => {
    const locked = `${dir('unreadable')}/locked.txt`;
    const denied = Object.assign(new Error(`EACCES: permission denied, open '${locked}'`), { code: 'EACCES' });
    const { nodeSystem, plainError } = await import('../../src/cli/system.js');
    const r = await runInProcess(['run', dir('unreadable'), '--format', 'json'], {
      readFile: async (p) => { if (p === locked) throw plainError(denied); return nodeSystem.readFile(p); },
    });
    const out = JSON.parse(r.stdout) as Output;
    expectBalanced(out, r.stderr);
    expect(r.code).toBe(1);
    expect(out.warnings.map((w) => [w.code, w.location, w.message])).toEqual([
      ['not-followed', `${dir('unreadable')}/pipe.txt`, 'not a regular file (a pipe, socket or device)'],
      ['unreadable-input', locked, 'permission denied'],
    ]);
    expect(out.accounting).toMatchObject({ reportsRead: 1, reportsSkipped: 1, reportsSkippedBy: { 'unreadable-input': 1 } });
  });

  it('file names that are not UTF-8 or hold terminal controls are reported, escaped on the terminal', async () => {
    const { r, out } = await run([dir('names'), `${dir('names')}/evil\u001b[31m\u202e.bin`]);
    expect(r.code).toBe(1);
    expect(out.reports.map((x) => x.id)).toEqual(['named-ok']);
    expect(codes(out)).toEqual(['unreadable-input', 'unsupported-file']);
    expect(r.stderr).not.toMatch(/[\u001b\u202e]/);
    expect(r.stderr).toContain('evil\\u001b[31m\\u202e.bin');
  });
});
