/**
 * Fuzzing, bounded for the normal suite; `npm run fuzz` runs the same properties with
 * FUZZ_RUNS runs each (replay a failure with the seed and path fast-check prints).
 */
import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { program } from '../../src/cli/program.js';
import { nodeSystem, type EntryKind, type System } from '../../src/cli/system.js';
import type { InputFile } from '../../src/read/index.js';
import { STACK_LINE } from '../hostile/support.js';
import { checkInputs, inputFiles, mutatedSeeds, reportBytes, runs } from './properties.js';

const timeout = process.env.FUZZ_RUNS ? 0 : 120_000;

test.prop([inputFiles], runs(40))('for any folder of damaged report files, reading and reconciling hold up', (files) => {
  checkInputs(files);
}, timeout);

test.prop([mutatedSeeds], runs(40))('for any mutation of the hand-coded seeds, reading and reconciling hold up', (files) => {
  checkInputs(files);
}, timeout);

test.prop([fc.array(reportBytes, { minLength: 1, maxLength: 3 })], runs(25))(
  'for any bytes in any report format, each file is read or skipped with a reason',
  (contents) => {
    checkInputs(contents.flatMap((bytes, i) => ['txt', 'json', 'ndjson'].map((ext) => ({ path: `x/${i}.${ext}`, bytes }))));
  },
  timeout,
);

/** The real rules, and the fuzzed files in memory under in/. */
const memorySystem = (files: readonly InputFile[], out: string[], err: string[]): System => {
  const byPath = new Map(files.map((f) => [f.path, f.bytes]));
  const isDir = (p: string): boolean => [...byPath.keys()].some((f) => f.startsWith(`${p}/`));
  const mine = (p: string): boolean => p === 'in' || p.startsWith('in/');
  return {
    ...nodeSystem,
    readFile: async (p) => (mine(p) ? byPath.get(p) ?? Promise.reject(new Error('no such file or directory')) : nodeSystem.readFile(p)),
    kind: async (p) => (mine(p) ? (byPath.has(p) ? 'file' : isDir(p) ? 'dir' : 'missing') : nodeSystem.kind(p)),
    list: async (dir) => {
      if (!mine(dir)) return nodeSystem.list(dir);
      const names = new Map<string, EntryKind>();
      for (const f of byPath.keys()) {
        if (!f.startsWith(`${dir}/`)) continue;
        const [name, ...rest] = f.slice(dir.length + 1).split('/');
        names.set(name!, rest.length ? 'dir' : 'file');
      }
      return [...names].map(([name, kind]) => ({ name, kind }));
    },
    stdout: (t) => { out.push(t); },
    stderr: (t) => { err.push(t); },
  };
};

test.prop([inputFiles, fc.constantFrom('json', 'md'), fc.boolean()], runs(8))(
  'for any folder of damaged files, the CLI exits 0, 1 or 2 with one accounting line last and no stack trace',
  async (files, format, strict) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await program(memorySystem(files, out, err))(['run', 'in', '--format', format, ...(strict ? ['--strict'] : [])]);
    const stderr = err.join('');
    expect([0, 1, 2]).toContain(code);
    expect(stderr).not.toMatch(STACK_LINE);
    expect(stderr).not.toMatch(/internal error|[\u0000-\u0009\u000b-\u001f\u202a-\u202e\u2066-\u2069]/);
    expect(stderr.trimEnd().split('\n').at(-1)).toMatch(/^reports: \d+ read, \d+ skipped/);
    if (code !== 2 && format === 'json') expect(JSON.parse(out.join('')).schemaVersion).toBe(2);
    if (code === 0 && strict) expect(stderr.split('\n').filter((l) => l.startsWith('warning ')).length).toBe(0);
  },
  timeout,
);
