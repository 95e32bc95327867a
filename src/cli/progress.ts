/**
 * Progress of a long `reconcile run` on stderr: stage, count, rate and time left, redrawn in
 * place a few times a second. Only when stderr is a terminal, the run is large and --quiet
 * is not given; otherwise nothing is written, so logs and pipes stay clean.
 */
import type { Progress } from '../pipeline.js';

/** Runs smaller than this finish before a progress line would help. */
export const PROGRESS_MIN_REPORTS = 300;

/** Redraws at most this often (milliseconds). */
const REDRAW_MS = 100;

const STAGE_UNITS: Readonly<Record<string, string>> = { extract: 'reports', cluster: 'mentions', reconcile: 'incidents' };

const thousands = (n: number): string => Math.round(n).toLocaleString('en-US');

const duration = (seconds: number): string =>
  seconds < 60 ? `${Math.ceil(seconds)} s` : `${Math.floor(seconds / 60)} min ${String(Math.ceil(seconds % 60)).padStart(2, '0')} s`;

/**
 * `reconcile: extract 45,200/100,000 reports, 2,350/s, about 23 s left`. Rate and time left
 * need some of the stage done; a stage that reports only its start shows its size.
 */
export const progressLine = (stage: string, done: number, total: number, elapsedMs: number): string => {
  // The read stage counts bytes of streamed files (`read 45/207 MB, 2.6 MB/s, about 1 min 2 s left`).
  const [unit, count] = stage === 'read' ? ['MB', (n: number) => thousands(n / 1e6)] : [STAGE_UNITS[stage] ?? 'items', thousands];
  if (done === 0 || elapsedMs <= 0) return `reconcile: ${stage} ${count(total)} ${unit}…`;
  const rate = done / (elapsedMs / 1000);
  const left = total > done ? `, about ${duration((total - done) / rate)} left` : '';
  const per = stage === 'read' ? `${(rate / 1e6).toFixed(1)} MB/s` : `${thousands(rate)}/s`;
  return `reconcile: ${stage} ${count(done)}/${count(total)} ${unit}, ${per}${left}`;
};

export type ProgressDisplay = {
  /** give this to the pipeline */
  readonly progress: Progress | undefined;
  /** clear the line before anything else is written to stderr */
  readonly finish: () => void;
};

export type ProgressTerminal = {
  readonly write: (text: string) => void;
  /** stderr is a terminal */
  readonly isTerminal: boolean;
  /** milliseconds from some fixed point */
  readonly now: () => number;
};

/** A progress display for a run of `reports` reports, or one that does nothing. */
export const progressDisplay = (term: ProgressTerminal, options: { readonly quiet: boolean; readonly reports: number }): ProgressDisplay => {
  if (options.quiet || !term.isTerminal || options.reports < PROGRESS_MIN_REPORTS) return { progress: undefined, finish: () => {} };
  let stage = '';
  let stageStart = 0;
  let lastDraw = -Infinity;
  let shown = false;
  const progress: Progress = (e) => {
    const now = term.now();
    if (e.stage !== stage) { stage = e.stage; stageStart = now; lastDraw = -Infinity; }
    if (now - lastDraw < REDRAW_MS) return;
    lastDraw = now;
    // \r back to the start of the line, ESC[K clears what a longer line left behind.
    term.write(`\r${progressLine(e.stage, e.done, e.total, now - stageStart)}\u001b[K`);
    shown = true;
  };
  return { progress, finish: () => { if (shown) term.write('\r\u001b[K'); shown = false; } };
};
