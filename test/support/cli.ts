/**
 * The two ways tests run the CLI. `runInProcess` calls the program (src/cli/program.ts) with
 * the real file system and captures stdout and stderr: no process starts, so it is what CLI
 * tests use. `runBuilt` starts the built CLI (node dist/cli/main.js, through bin/reconcile.js
 * as users do) for what only a process shows: signals, exit on a closed pipe, file locks held
 * by another process. vitest's globalSetup (test/support/build.ts) rebuilds dist/ first when
 * it is older than src/.
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { program } from '../../src/cli/program.js';
import { nodeSystem, type System } from '../../src/cli/system.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'reconcile.js');

export type Run = { readonly code: number; readonly stdout: string; readonly stderr: string };

/** The program with the real file system, its output captured; `over` replaces capabilities (a fake clock, a terminal). */
export const runInProcess = async (args: readonly string[], over: Partial<System> = {}): Promise<Run> => {
  const out: string[] = [];
  const err: string[] = [];
  const sys: System = { ...nodeSystem, stdout: (t) => { out.push(t); }, stderr: (t) => { err.push(t); }, ...over };
  const code = await program(sys)(args);
  return { code, stdout: out.join(''), stderr: err.join('') };
};

/** The built CLI in a process of its own (cwd: the package root), waited for. */
export const runBuilt = (args: readonly string[], options: { cwd?: string; timeout?: number } = {}): Run & { signal: NodeJS.Signals | null } => {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT, encoding: 'utf8', maxBuffer: 256 << 20, timeout: options.timeout ?? 120_000, env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
};

/** The built CLI in a process of its own, not waited for (to signal it, or to read it as it runs). */
export const startBuilt = (args: readonly string[], cwd = ROOT): ReturnType<typeof spawn> =>
  spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
