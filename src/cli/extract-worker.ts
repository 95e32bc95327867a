/**
 * One extraction thread of the pool (src/cli/workers.ts): loads and compiles the rules once,
 * then extracts each batch of reports it is sent, as the pipeline would in the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import * as E from 'fp-ts/lib/Either.js';
import type { Report } from '../model/report.js';
import { extractReport } from '../extract/index.js';
import { extractSafely } from '../pipeline.js';
import { extractAsRead } from '../read/markup.js';
import { figureMarks } from '../rules/figure-marks.js';
import { loadRules } from './rules.js';
import { nodeSystem } from './system.js';
import type { WorkerReply, WorkerRequest, WorkerSetup } from './workers.js';

const setup = workerData as WorkerSetup;
const port = parentPort!;

const main = async (): Promise<void> => {
  const loaded = await loadRules(nodeSystem, setup.rulesDir);
  if (E.isLeft(loaded)) { port.postMessage({ failed: 'the rules do not load' } satisfies WorkerReply); return; }
  const extract = extractSafely(extractAsRead(extractReport(loaded.right.rules, setup.extract), figureMarks(loaded.right.rules)));
  port.on('message', (req: WorkerRequest) => {
    port.postMessage({ batch: req.batch, extractions: req.reports.map((r: Report) => extract(r)) } satisfies WorkerReply);
  });
};

main().catch((e: unknown) => port.postMessage({ failed: e instanceof Error ? e.message : String(e) } satisfies WorkerReply));
