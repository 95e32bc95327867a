/**
 * vitest globalSetup: tests that start the CLI as a process run the compiled dist/ (as users
 * do), so dist/ is rebuilt before any test runs whenever it is older than the source. `npm
 * test` never runs against a stale dist/. The check is by modification time, as make does: a
 * file of src/ (or a tsconfig or package.json) newer than dist/.tsbuildinfo, or no dist/ at all.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const STAMP = join(ROOT, 'dist', '.tsbuildinfo');

const newest = (path: string): number => {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(path).reduce((m, name) => Math.max(m, newest(join(path, name))), s.mtimeMs);
};

const mtime = (path: string): number => {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -1;
  }
};

/** Whether dist/ is older than what it is built from. */
export const stale = (): boolean => {
  const built = mtime(STAMP);
  return built < 0 || ['src', 'tsconfig.json', 'tsconfig.build.json', 'package.json'].some((p) => newest(join(ROOT, p)) > built);
};

export default function setup(): void {
  if (!stale()) return;
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  process.stderr.write('test setup: dist/ is older than src/; building it (tsc -p tsconfig.build.json)\n');
  execFileSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: 'inherit' });
  // An incremental build that found nothing to do leaves the stamp as it was.
  const now = new Date();
  utimesSync(STAMP, now, now);
}
