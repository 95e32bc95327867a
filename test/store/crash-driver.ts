/**
 * Crash test driver (spawned by crash.test.ts): adds an NDJSON file to a DuckDB store as
 * `reconcile add` does, but inside the transaction, with every row written and COMMIT not
 * yet run, it prints IN-TRANSACTION and waits to be killed.
 * Usage: node --import tsx test/store/crash-driver.ts <store> <reports.ndjson>
 */
import * as E from 'fp-ts/lib/Either.js';
import { readReports } from '../../src/cli/inputs.js';
import { loadRules } from '../../src/cli/rules.js';
import { openDuckDbStore } from '../../src/cli/store/duckdb.js';
import { nodeSystem } from '../../src/cli/system.js';
import { addReports } from '../../src/store/index.js';

const [store, input] = process.argv.slice(2) as [string, string];
const loaded = await loadRules(nodeSystem, nodeSystem.defaultRulesDir);
if (E.isLeft(loaded)) throw new Error('invalid rules');
const read = await readReports(nodeSystem, loaded.right.rules)([input]);
const opened = await openDuckDbStore(store, {
  create: true,
  beforeCommit: async () => {
    process.stdout.write('IN-TRANSACTION\n');
    await new Promise(() => setInterval(() => undefined, 1000));
  },
});
if (E.isLeft(opened)) throw new Error(opened.left.message);
await addReports(opened.right, { rules: loaded.right.rules, rulesHash: loaded.right.hash })(read.reports);
