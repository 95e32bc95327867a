/**
 * Extraction on every core: the reports whose text is still to be read are cut into batches
 * and extracted by a pool of worker threads (src/cli/extract-worker.ts), each of which loads
 * and compiles the rules once. What each report yields is put back at its place, so the run's
 * output is byte for byte what one thread gives, whichever worker finishes first. Where the
 * compiled worker is missing (the TypeScript source run by tests) or the pool would be one
 * thread, nothing is done here and the pipeline extracts in this thread as before.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Extraction } from '../model/claim.js';
import type { Report } from '../model/report.js';
import type { ExtractOptions } from '../extract/index.js';

/** Reports a worker is given at once: enough to keep the messages few, few enough to share the work evenly. */
const BATCH = 32;
/** Under this many reports to extract, starting threads costs more than it saves. */
const AT_LEAST = 2 * BATCH;

export type WorkerRequest = { readonly batch: number; readonly reports: readonly Report[] };
export type WorkerReply = { readonly batch: number; readonly extractions: readonly Extraction[] } | { readonly failed: string };
export type WorkerSetup = { readonly rulesDir: string; readonly extract: ExtractOptions };

const WORKER = new URL('./extract-worker.js', import.meta.url);

/** The pool size asked for, or the number of cores. */
export const poolSize = (asked: number | null): number => Math.max(1, asked ?? availableParallelism());

/**
 * Extract `reports` with `size` threads; what each yielded, by report. Null when this run is
 * better done in one thread (one core, few reports, no compiled worker).
 */
export const extractInWorkers = async (
  reports: readonly Report[], setup: WorkerSetup, size: number,
): Promise<ReadonlyMap<Report, Extraction> | null> => {
  const todo = reports.filter((r) => r.coded === null && r.text !== null && r.text.trim() !== '');
  if (size <= 1 || todo.length < AT_LEAST || !existsSync(fileURLToPath(WORKER))) return null;
  const batches: Report[][] = [];
  for (let i = 0; i < todo.length; i += BATCH) batches.push(todo.slice(i, i + BATCH));
  const results: (readonly Extraction[] | undefined)[] = new Array(batches.length);
  let next = 0;
  const threads = Math.min(size, batches.length);
  await Promise.all(Array.from({ length: threads }, () => new Promise<void>((resolve, reject) => {
    const w = new Worker(WORKER, { workerData: setup });
    const give = (): void => {
      if (next >= batches.length) { void w.terminate().then(() => resolve()); return; }
      const batch = next++;
      w.postMessage({ batch, reports: batches[batch]! } satisfies WorkerRequest);
    };
    w.on('message', (reply: WorkerReply) => {
      if ('failed' in reply) { void w.terminate(); reject(new Error(`extraction worker: ${reply.failed}`)); return; }
      results[reply.batch] = reply.extractions;
      give();
    });
    w.on('error', reject);
    give();
  })));
  const out = new Map<Report, Extraction>();
  batches.forEach((b, k) => b.forEach((r, j) => out.set(r, results[k]![j]!)));
  return out;
};
