// In a checkout of the source (src/ beside dist/), compile src/ to dist/ when dist/ is older
// than it, by modification time as make does: a file of src/, a tsconfig or package.json newer
// than dist/.tsbuildinfo, or no build at all. So `npx reconcile` after an edit, a pull or a
// checkout never runs a stale build. An installed package has no src/ and skips all this.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const stamp = `${root}dist/.tsbuildinfo`;

const newest = (path) => {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(path).reduce((m, name) => Math.max(m, newest(`${path}/${name}`)), s.mtimeMs);
};
const mtime = (path) => (existsSync(path) ? statSync(path).mtimeMs : -1);

/** Whether this is a checkout whose dist/ is older than its source. */
export const stale = () => {
  if (!existsSync(`${root}src`)) return false;
  const built = mtime(stamp);
  return built < 0 || ['src', 'tsconfig.json', 'tsconfig.build.json', 'package.json'].some((p) => mtime(`${root}${p}`) >= 0 && newest(`${root}${p}`) > built);
};

/** Build dist/ (incrementally, with the checkout's own tsc) when it is stale; says so on stderr. */
export const buildIfStale = () => {
  if (!stale()) return;
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  process.stderr.write('reconcile: src/ is newer than dist/; compiling it first (npm run build)\n');
  execFileSync(process.execPath, [tsc, '-p', `${root}tsconfig.build.json`], { cwd: root, stdio: ['ignore', 2, 2] });
  // An incremental build that found nothing to do leaves the stamp as it was.
  const now = new Date();
  utimesSync(stamp, now, now);
};
