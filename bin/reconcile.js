#!/usr/bin/env node
// Runs the compiled CLI in dist/ with plain node. dist/ is built by `npm run build`, which
// `npm install` and `npm ci` run (the `prepare` script) and the published package ships; in a
// checkout of the source it is rebuilt first when src/ has changed since (build-if-stale.js).
import { buildIfStale } from './build-if-stale.js';

try {
  buildIfStale();
} catch {
  process.stderr.write("reconcile: cannot compile src/ to dist/; run 'npm run build' to see why\n");
  process.exit(2);
}
await import('../dist/cli/main.js');
