/**
 * The package as a user gets it: `npm pack` (which builds dist/ through `prepare`, here in a
 * copy of the package so the dist/ other tests run is never rebuilt under them), installed
 * from the tarball into a scratch project (its dependencies from npm's cache or registry).
 * There the seeds are reconciled through the library API in TypeScript (type-checked with
 * tsc against the shipped declarations, then run) and in plain JavaScript, and by the
 * tarball's own CLI with its bundled rules/; all three give what this checkout gives.
 * Slow (a build and an install): run by .ci/run (`npm run test:all`), not by `npm test`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Output } from '../../src/model/contract.js';
import { ROOT, runInProcess } from '../support/cli.js';

const SEEDS = join(ROOT, 'fixtures', 'seeds');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
/** npm and node without the variables `npm test` sets for its own package. */
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
const sh = (cmd: string, args: readonly string[], cwd: string): string =>
  execFileSync(cmd, [...args], { cwd, env, encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'] });

let dir: string, app: string, tarball: string, files: string[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'reconcile-pack-'));
  // The package's own files, as a clone has them, with this checkout's dev dependencies (tsc) to build.
  const pkg = join(dir, 'pkg');
  mkdirSync(pkg);
  for (const f of ['package.json', 'README.md', 'tsconfig.json', 'tsconfig.build.json', 'bin', 'src', 'rules']) cpSync(join(ROOT, f), join(pkg, f), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'), 'dir');
  const packed = JSON.parse(sh('npm', ['pack', '--json', '--pack-destination', dir], pkg)) as { filename: string; files: { path: string }[] }[];
  tarball = join(dir, packed[0]!.filename);
  files = packed[0]!.files.map((f) => f.path);

  app = join(dir, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }));
  sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], app);
}, 600_000);
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

/** What this checkout's CLI prints for the seeds. */
const expected = async (): Promise<Output> => JSON.parse((await runInProcess(['run', SEEDS, '--quiet'])).stdout) as Output;

const TS_APP = `import { reconcile, type Incident, type Output } from 'reconcile';
import { bundledRulesDir, loadRules, readReports, type RuleSet } from 'reconcile/node';

const rules: RuleSet = await loadRules();
const read = await readReports([process.argv[2]!], rules);
const output: Output = reconcile(read, rules);
const ids: string[] = output.incidents.map((i: Incident) => i.id);
// @ts-expect-error: the output is typed, so this is an error (were it any, the directive would be)
const wrong: number = output.incidents;
if (ids.length === 0 || !bundledRulesDir.endsWith('rules') || wrong === undefined) process.exit(3);
process.stdout.write(JSON.stringify(output, null, 2) + '\\n');
`;

const JS_APP = `import { reconcile } from 'reconcile';
import { loadRules, readReports } from 'reconcile/node';

const rules = await loadRules();
const output = reconcile(await readReports([process.argv[2]], rules), rules);
process.stdout.write(JSON.stringify(output, null, 2) + '\\n');
`;

describe('the packed tarball', () => {
  it('ships the build, the rules and the README, and no tests, benches, fixtures or sources', () => {
    expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'bin/reconcile.js', 'bin/build-if-stale.js', 'dist/index.js', 'dist/index.d.ts',
      'dist/cli/node.js', 'dist/cli/node.d.ts', 'dist/cli/main.js', 'rules/sources.yaml', 'rules/languages/ar/numbers.yaml']));
    expect(files.filter((f) => /^(test|bench|fixtures|src)\//.test(f) || f.endsWith('.tsbuildinfo') || f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    expect(files.filter((f) => !/^(bin\/(reconcile|build-if-stale)\.js$|dist\/|rules\/|README\.md$|package\.json$|LICENSE)/.test(f))).toEqual([]);
  });

  it('reconciles the seeds through the library in TypeScript: the types check, and it gives what the CLI gives', async () => {
    writeFileSync(join(app, 'app.ts'), TS_APP);
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({
      compilerOptions: {
        target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noUncheckedIndexedAccess: true,
        outDir: 'out', typeRoots: [join(ROOT, 'node_modules', '@types')], types: ['node'],
      },
      files: ['app.ts'],
    }));
    sh(process.execPath, [tsc, '-p', 'tsconfig.json'], app);
    const out = JSON.parse(sh(process.execPath, [join(app, 'out', 'app.js'), SEEDS], app)) as Output;
    expect(out.incidents.length).toBeGreaterThan(0);
    expect(out).toEqual(await expected());
  }, 120_000);

  it('a type error against the shipped declarations fails the type check', () => {
    writeFileSync(join(app, 'bad.ts'), `import { reconcile } from 'reconcile';\nreconcile('not reports', 42);\n`);
    writeFileSync(join(app, 'tsconfig.bad.json'), JSON.stringify({
      extends: './tsconfig.json', compilerOptions: { noEmit: true }, files: ['bad.ts'],
    }));
    const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.bad.json'], { cwd: app, env, encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stdout).toMatch(/bad\.ts\(2,\d+\): error TS2345/);
  }, 120_000);

  it('reconciles the seeds through the library in plain JavaScript', async () => {
    writeFileSync(join(app, 'app.mjs'), JS_APP);
    const out = JSON.parse(sh(process.execPath, [join(app, 'app.mjs'), SEEDS], app)) as Output;
    expect(out).toEqual(await expected());
  }, 120_000);

  it("the tarball's CLI runs the seeds with its bundled rules", async () => {
    const bin = join(app, 'node_modules', '.bin', 'reconcile');
    expect(readdirSync(join(app, 'node_modules', 'reconcile', 'rules'))).toContain('sources.yaml');
    const out = JSON.parse(sh(bin, ['run', SEEDS, '--quiet'], app)) as Output;
    expect(out).toEqual(await expected());
    expect(sh(bin, ['--version'], app).trim()).toBe((createRequire(import.meta.url)(join(ROOT, 'package.json')) as { version: string }).version);
    expect(sh(bin, ['run', '--help'], app)).toMatch(/^Usage: reconcile run/);
  }, 120_000);
});
