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

/** Whether a report has text for the extractor (the others are left to the pipeline). */
const extractable = (r: Report): boolean => r.coded === null && r.text !== null && r.text.trim() !== '';

/** A pool of extraction threads kept for a whole run: each compiles the rules once. */
export type Pool = {
  /** What each report yields, in order (reports without text included: the pipeline's own answer for them is the same). */
  readonly extract: (reports: readonly Report[]) => Promise<readonly Extraction[]>;
  readonly close: () => Promise<void>;
};

/** A pool of `size` threads, or null when one thread is better (one core, no compiled worker). */
export const openPool = (setup: WorkerSetup, size: number): Pool | null => {
  if (size <= 1 || !existsSync(fileURLToPath(WORKER))) return null;
  type Job = { readonly reports: readonly Report[]; readonly done: (x: readonly Extraction[]) => void; readonly fail: (e: Error) => void };
  const queue: Job[] = [];
  const idle: Worker[] = [];
  const busy = new Map<Worker, Job>();
  let broken: Error | null = null;
  const pump = (): void => {
    while (idle.length && queue.length) {
      const w = idle.pop()!, job = queue.shift()!;
      busy.set(w, job);
      w.postMessage({ batch: 0, reports: job.reports } satisfies WorkerRequest);
    }
  };
  const fail = (e: Error): void => {
    broken = e;
    for (const job of [...busy.values(), ...queue.splice(0)]) job.fail(e);
    busy.clear();
  };
  const workers = Array.from({ length: size }, () => {
    const w = new Worker(WORKER, { workerData: setup });
    w.on('message', (reply: WorkerReply) => {
      if ('failed' in reply) { fail(new Error(`extraction worker: ${reply.failed}`)); return; }
      const job = busy.get(w)!;
      busy.delete(w);
      idle.push(w);
      job.done(reply.extractions);
      pump();
    });
    w.on('error', fail);
    idle.push(w);
    return w;
  });
  const run = (reports: readonly Report[]): Promise<readonly Extraction[]> => new Promise((done, reject) => {
    if (broken) { reject(broken); return; }
    queue.push({ reports, done, fail: reject });
    pump();
  });
  return {
    extract: async (reports) => {
      const batches: Report[][] = [];
      for (let i = 0; i < reports.length; i += BATCH) batches.push(reports.slice(i, i + BATCH));
      return (await Promise.all(batches.map(run))).flat();
    },
    close: async () => { await Promise.all(workers.map((w) => w.terminate())); },
  };
};

/**
 * Extract `reports` with `size` threads; what each yielded, by report. Null when this run is
 * better done in one thread (one core, few reports, no compiled worker).
 */
export const extractInWorkers = async (
  reports: readonly Report[], setup: WorkerSetup, size: number,
): Promise<ReadonlyMap<Report, Extraction> | null> => {
  const todo = reports.filter(extractable);
  if (todo.length < AT_LEAST) return null;
  const pool = openPool(setup, size);
  if (!pool) return null;
  try {
    const got = await pool.extract(todo);
    return new Map(todo.map((r, k) => [r, got[k]!]));
  } finally {
    await pool.close();
  }
};
