// Module load hook for this package's TypeScript: esbuild's plain transform (tsx still
// resolves './x.js' to './x.ts'). tsx transforms with keepNames, which wraps every arrow
// function in a call that names it; in this closure-heavy code that made runs 1.5-2.6x
// slower (bench/results). Names are kept anyway: nothing is renamed by a transform.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
// tsx's own esbuild, so the two always agree on the language they read.
const esbuild = require(createRequire(require.resolve('tsx/package.json')).resolve('esbuild'));
const root = new URL('../', import.meta.url).href;

export const load = async (url, context, next) => {
  if (!url.startsWith(root) || url.includes('/node_modules/') || !/\.ts(\?|$)/.test(url)) return next(url, context);
  const path = fileURLToPath(url.split('?')[0]);
  const { code } = await esbuild.transform(await readFile(path, 'utf8'), {
    loader: 'ts', format: 'esm', target: `node${process.versions.node}`, sourcemap: 'inline', sourcefile: path,
  });
  return { format: 'module', source: code, shortCircuit: true };
};
