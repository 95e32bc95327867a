/**
 * The whole hostile fixture set through the real binary (no stack trace, exit 0/1/2, the
 * accounting balances in every format), --strict, the accounting line when nothing can be
 * read, a closed stdout pipe, and atomic --out writes under failure, SIGINT and SIGKILL.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Output } from '../../src/model/contract.js';
import { ROOT } from '../acceptance/support.js';
import { buildRaw, buildStructured, put } from './fixtures.js';
import { accountingLine, expectBalanced, runBinary, runInProcess, STACK_LINE } from './support.js';

let root: string;
let tmp: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'reconcile-hostile-all-'));
  tmp = mkdtempSync(join(tmpdir(), 'reconcile-hostile-out-'));
  buildRaw(join(root, 'raw'));
  buildStructured(join(root, 'structured'));
}, 60_000);
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(tmp, { recursive: true, force: true });
});

describe('the whole hostile set through the binary', () => {
  const plain = (stderr: string): void => {
    expect(stderr).not.toMatch(STACK_LINE);
    expect(stderr).not.toMatch(/internal error|[\u0000-\u0009\u000b-\u001f\u202a-\u202e\u2066-\u2069]/);
    expect(stderr.trimEnd().split('\n').at(-1)).toMatch(/^reports: \d+ read, \d+ skipped \(.+\); claims: /);
  };

  it('JSON: exit 1, no stack trace, escaped stderr, and the accounting balances and matches the stderr line', () => {
    const file = join(tmp, 'all.json');
    const r = runBinary(['run', root, '--out', file]);
    expect([r.code, r.signal]).toEqual([1, null]);
    plain(r.stderr);
    expectBalanced(JSON.parse(readFileSync(file, 'utf8')) as Output, r.stderr);
  }, 120_000);

  it('Markdown: exit 1, no stack trace, and no raw control or bidi character in the report', () => {
    const r = runBinary(['run', root, '--format', 'md']);
    expect([r.code, r.signal]).toEqual([1, null]);
    plain(r.stderr);
    expect(r.stdout).toMatch(/^# /m);
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u202a-\u202e\u2066-\u2069]/);
  }, 120_000);
});

describe('--strict and exit codes', () => {
  it('notices alone (UTF-16, markup, NUL bytes, unknown fields) exit 0, and 1 with --strict', async () => {
    const dirs = ['raw/utf16', 'raw/html', 'raw/nul', 'structured/extra'].map((d) => join(root, d));
    const lax = await runInProcess(['run', ...dirs, '--quiet']);
    const strict = await runInProcess(['run', ...dirs, '--quiet', '--strict']);
    expect(JSON.parse(lax.stdout).warnings.map((w: { code: string }) => w.code).sort())
      .toEqual(['control-characters', 'html-markup', 'unknown-field', 'unknown-field', 'unknown-field', 'utf16', 'utf16']);
    expect([lax.code, strict.code]).toEqual([0, 1]);
  });

  it('nothing readable: exit 2, and the accounting line still ends stderr with the reasons', async () => {
    const r = await runInProcess(['run', join(root, 'raw/empty/e.txt'), join(root, 'structured/deep/d.json'), join(root, 'nope')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines.at(-2)).toBe('reconcile: nothing could be read');
    expect(lines.at(-1)).toBe('reports: 0 read, 3 skipped (1 empty-file, 1 malformed-json, 1 unreadable-input)');
    expect(accountingLine(r.stderr)).toMatchObject({ reportsRead: 0, reportsSkipped: 3 });
  });

  it('a reader that closes stdout early (| head) ends the run without a stack trace', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'reconcile.js'), 'run', join(root, 'raw'), '--format', 'md'], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.stdout.once('data', () => { child.stdout.destroy(); });
    const code = await new Promise<number | null>((done) => { child.on('close', done); });
    expect([0, 1]).toContain(code);
    expect(stderr).not.toMatch(STACK_LINE);
  }, 60_000);
});

/** A child that imports the real System and rewrites one file, alternating two big contents, until killed. */
const writer = (path: string): ReturnType<typeof spawn> => spawn(process.execPath, ['--input-type=module', '-e', `
  import { register } from 'tsx/esm/api';
  register();
  const { nodeSystem } = await import('./src/cli/system.ts');
  const big = (c) => 'begin ' + c.repeat(40_000_000) + ' end';
  const versions = [big('a'), big('b')];
  for (let i = 0; ; i++) { await nodeSystem.writeAtomic(${JSON.stringify(path)}, versions[i % 2]); if (i === 0) process.stdout.write('written\\n'); }
`], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });

const wholeVersion = (text: string): boolean => /^begin (a+|b+) end$/.test(text) && text.length === 40_000_010;

describe('atomic writes', () => {
  it('a writer that fails: exit 2 with one line, the warnings and the accounting still printed', async () => {
    const r = await runInProcess(['run', join(root, 'raw/manifest'), '--out', join(tmp, 'x.json')], {
      writeAtomic: async () => { throw new Error('no space left on device'); },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`reconcile: cannot write ${join(tmp, 'x.json')}: no space left on device`);
    expect(r.stderr).toMatch(/warning not-in-manifest/);
    expect(r.stderr.trimEnd().split('\n').at(-1)).toMatch(/^reports: 2 read/);
    expect(existsSync(join(tmp, 'x.json'))).toBe(false);
  });

  it('an --out file in a folder that does not exist, or that is a folder: exit 2, nothing written or left behind', async () => {
    const missing = await runInProcess(['run', join(root, 'raw/crlf'), '--out', join(tmp, 'missing/x.json')]);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining(`cannot write ${join(tmp, 'missing/x.json')}: no such directory`)]);
    const folder = mkdtempSync(join(tmp, 'folder-'));
    const dir = await runInProcess(['run', join(root, 'raw/crlf'), '--out', folder]);
    expect([dir.code, dir.stderr]).toEqual([2, expect.stringContaining(`cannot write ${folder}: a directory, not a file`)]);
    expect(readdirSync(tmp).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it.each([['SIGINT', 60], ['SIGINT', 400], ['SIGTERM', 250], ['SIGKILL', 150], ['SIGKILL', 500]] as const)(
    'killed by %s %d ms into rewriting it, the file holds one whole version',
    async (signal, delay) => {
      const dir = mkdtempSync(join(tmp, 'w-'));
      const path = join(dir, 'out.txt');
      writeFileSync(path, `begin ${'a'.repeat(40_000_000)} end`);
      const child = writer(path);
      await new Promise<void>((done) => { child.stdout!.once('data', () => { done(); }); });
      await new Promise((done) => setTimeout(done, delay));
      child.kill(signal);
      const status = await new Promise<{ code: number | null; signal: string | null }>((done) => { child.on('close', (code, sig) => { done({ code, signal: sig }); }); });
      expect(status.signal).toBe(signal);
      expect(wholeVersion(readFileSync(path, 'utf8'))).toBe(true);
      // Caught signals clean the temporary folder up; SIGKILL cannot be caught.
      if (signal !== 'SIGKILL') expect(readdirSync(dir)).toEqual(['out.txt']);
    },
    60_000,
  );

  it('a SIGTERM at any moment of a loop of small atomic writes ends the process (none is swallowed)', async () => {
    // Removing and re-adding the handlers on every write once lost a signal that arrived
    // between the two: about one child in three then ran on forever.
    const dir = mkdtempSync(join(tmp, 'loop-'));
    const loop = (i: number): ReturnType<typeof spawn> => spawn(process.execPath, ['--input-type=module', '-e', `
  import { register } from 'tsx/esm/api';
  register();
  const { nodeSystem } = await import('./src/cli/system.ts');
  for (let i = 0; ; i++) { await nodeSystem.writeAtomic(${JSON.stringify(join(dir, 'f'))} + ${i}, 'x'.repeat(1000)); if (i === 0) process.stdout.write('written\\n'); }
`], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const ends = await Promise.all(Array.from({ length: 8 }, async (_, i) => {
      const child = loop(i);
      const closed = new Promise<string | null>((done) => { child.on('close', (_code, sig) => { done(sig); }); });
      await new Promise<void>((done) => { child.stdout!.once('data', () => { done(); }); });
      await new Promise((done) => setTimeout(done, 100 + 50 * i));
      child.kill('SIGTERM');
      const hung = setTimeout(() => child.kill('SIGKILL'), 30_000);
      const sig = await closed;
      clearTimeout(hung);
      return sig;
    }));
    expect(ends).toEqual(Array(8).fill('SIGTERM'));
  }, 120_000);

  it('Ctrl-C during a real run leaves a previous --out file whole: the old one or the complete new one', async () => {
    const out = join(tmp, 'ctrl-c.json');
    put(tmp, 'ctrl-c.json', 'OLD');
    for (const delay of [300, 1500, 3000]) {
      const child = spawn(process.execPath, [join(ROOT, 'bin', 'reconcile.js'), 'run', root, '--out', out, '--quiet'], { cwd: ROOT });
      // listen from the start: a fast run may end before the signal is sent
      const closed = new Promise((done) => { child.on('close', done); });
      await new Promise((done) => setTimeout(done, delay));
      child.kill('SIGINT');
      await closed;
      const text = readFileSync(out, 'utf8');
      if (text !== 'OLD') expect((JSON.parse(text) as Output).schemaVersion).toBe(2);
      expect(readdirSync(tmp).filter((f) => f.startsWith('.ctrl-c.json.'))).toEqual([]);
    }
  }, 120_000);
});
