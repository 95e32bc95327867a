#!/usr/bin/env node
// Runs the compiled CLI in dist/ with plain node. dist/ is built by `npm run build`, which
// `npm install` and `npm ci` run (the `prepare` script) and the published package ships.
try {
  await import('../dist/cli/main.js');
} catch (e) {
  if (e?.code !== 'ERR_MODULE_NOT_FOUND' || !String(e.message).includes('dist/cli/main.js')) throw e;
  process.stderr.write("reconcile: the CLI is not built (dist/cli/main.js is missing); run 'npm run build' in the package folder\n");
  process.exitCode = 2;
}
