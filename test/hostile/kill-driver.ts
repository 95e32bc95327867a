/**
 * Crash-safety driver (spawned by store-faults.test.ts): adds an .ndjson file to a DuckDB
 * store as `reconcile add` does and kills itself (SIGKILL) just before write step `k` of the
 * add, or, with k = 0, just after the add returns, before the store is closed.
 * Usage: node --import tsx test/hostile/kill-driver.ts <store> <reports.ndjson> <k>
 */
import * as E from 'fp-ts/lib/Either.js';
import { readReports } from '../../src/cli/inputs.js';
import { loadRules } from '../../src/cli/rules.js';
import { openDuckDbStore } from '../../src/cli/store/duckdb.js';
import { nodeSystem } from '../../src/cli/system.js';
import { addReports } from '../../src/store/index.js';

const [store, input, at] = process.argv.slice(2) as [string, string, string];
const k = Number(at);
const loaded = await loadRules(nodeSystem, nodeSystem.defaultRulesDir);
if (E.isLeft(loaded)) throw new Error('invalid rules');
const read = await readReports(nodeSystem, loaded.right.rules)([input]);
const opened = await openDuckDbStore(store, { create: true, beforeWrite: (step) => { if (step === k) process.kill(process.pid, 'SIGKILL'); } });
if (E.isLeft(opened)) throw new Error(opened.left.message);
await addReports(opened.right, { rules: loaded.right.rules, rulesHash: loaded.right.hash })(read.reports);
if (k === 0) process.kill(process.pid, 'SIGKILL');
opened.right.close();
