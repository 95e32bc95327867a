import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { program } from '../../src/cli/program.js';
import { PROGRESS_MIN_REPORTS, progressDisplay, progressLine } from '../../src/cli/progress.js';
import { nodeSystem } from '../../src/cli/system.js';
import { STREAM_FROM_BYTES } from '../../src/cli/stream.js';
import { DEFAULT_OPTIONS, generateCorpus, ndjsonLines, vocabularyOf } from '../../src/generate/index.js';
import { shippedRules } from '../support/rules.js';

/** A terminal whose clock moves 50 ms per reading. */
const terminal = (isTerminal = true) => {
  const written: string[] = [];
  let t = 0;
  return { written, term: { write: (s: string) => { written.push(s); }, isTerminal, now: () => (t += 50) } };
};

describe('progressLine', () => {
  it('says the stage, count, rate and time left', () => {
    expect(progressLine('extract', 45_200, 100_000, 20_000)).toBe('reconcile: extract 45,200/100,000 reports, 2,260/s, about 25 s left');
    expect(progressLine('reconcile', 3_000, 3_000, 1_000)).toBe('reconcile: reconcile 3,000/3,000 incidents, 3,000/s');
    expect(progressLine('cluster', 0, 99_319, 0)).toBe('reconcile: cluster 99,319 mentions…');
    expect(progressLine('extract', 1_000, 200_000, 10_000)).toContain('about 33 min 10 s left');
    // reading a streamed file counts bytes
    expect(progressLine('read', 52_000_000, 208_000_000, 20_000)).toBe('reconcile: read 52/208 MB, 2.6 MB/s, about 1 min 00 s left');
  });
});

describe('progressDisplay', () => {
  const events = [0, 200, 400, 600].map((done) => ({ stage: 'extract' as const, done, total: 1000 }));

  it('redraws one line in place on a terminal, at most every 100 ms, and clears it at the end', () => {
    const { written, term } = terminal();
    const d = progressDisplay(term, { quiet: false, reports: 1000 });
    for (const e of events) d.progress!(e);
    d.finish();
    expect(written.length).toBeGreaterThan(1);
    expect(written.length).toBeLessThan(events.length + 1); // throttled: the clock moves 50 ms per event
    expect(written.slice(0, -1).every((w) => w.startsWith('\rreconcile: extract') && w.endsWith('\u001b[K'))).toBe(true);
    expect(written.at(-1)).toBe('\r\u001b[K');
  });

  it('writes nothing when stderr is not a terminal, with --quiet, or for a small run', () => {
    for (const [isTerminal, quiet, reports] of [[false, false, 1000], [true, true, 1000], [true, false, PROGRESS_MIN_REPORTS - 1]] as const) {
      const { written, term } = terminal(isTerminal);
      const d = progressDisplay(term, { quiet, reports });
      expect(d.progress).toBeUndefined();
      d.finish();
      expect(written).toEqual([]);
    }
  });
});

describe('reconcile run shows progress', () => {
  let dir: string;
  beforeAll(() => {
    const v = vocabularyOf(shippedRules().rules);
    if (E.isLeft(v)) throw new Error(v.left.join('; '));
    const corpus = generateCorpus(v.right)({ ...DEFAULT_OPTIONS, seed: 1, reports: 400 });
    dir = mkdtempSync(join(tmpdir(), 'reconcile-progress-'));
    writeFileSync(join(dir, 'coded.ndjson'), `${ndjsonLines(corpus.reports, true).join('\n')}\n`);
  });
  afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

  const run = async (stderrIsTerminal: boolean, ...flags: string[]) => {
    const err: string[] = [];
    let t = 0;
    const code = await program({ ...nodeSystem, stdout: () => {}, stderr: (s) => { err.push(s); }, stderrIsTerminal, now: () => (t += 150) })(
      ['run', join(dir, 'coded.ndjson'), ...flags]);
    return { code, err: err.join('') };
  };

  it('on a terminal: every stage, then the line is cleared before the accounting line', async () => {
    const { code, err } = await run(true);
    expect(code).toBe(0);
    for (const stage of ['extract', 'cluster', 'reconcile']) expect(err).toContain(`\rreconcile: ${stage} `);
    expect(err).toMatch(/\r\u001b\[K(warning|reports: )/);
  });

  it('a streamed .ndjson file shows its reading, in MB', async () => {
    const err: string[] = [];
    let t = 0;
    // Any file counts as large here, so coded.ndjson is streamed.
    const code = await program({ ...nodeSystem, fileSize: async () => STREAM_FROM_BYTES + 1, stdout: () => {}, stderr: (s) => { err.push(s); },
      stderrIsTerminal: true, now: () => (t += 150) })(['run', join(dir, 'coded.ndjson')]);
    expect(code).toBe(0);
    expect(err.join('')).toMatch(/\rreconcile: read [\d,]+\/[\d,]+ MB, [\d.]+ MB\/s/);
  });

  it('inspect shows the same progress on a terminal, and none with -q', async () => {
    const inspect = async (...flags: string[]) => {
      const err: string[] = [];
      let t = 0;
      // 'inc-' names every incident, so inspect reconciles everything and then refuses the id (exit 2).
      const code = await program({ ...nodeSystem, stdout: () => {}, stderr: (s) => { err.push(s); }, stderrIsTerminal: true, now: () => (t += 150) })(
        ['inspect', 'inc-', join(dir, 'coded.ndjson'), ...flags]);
      return { code, err: err.join('') };
    };
    const shown = await inspect();
    expect(shown.code).toBe(2);
    for (const stage of ['extract', 'cluster', 'reconcile']) expect(shown.err).toContain(`\rreconcile: ${stage} `);
    const quiet = await inspect('-q');
    expect(quiet.code).toBe(2);
    expect(quiet.err).not.toContain('\r');
    expect(quiet.err).toMatch(/'inc-' matches \d+ incidents/);
  });

  it('not on a terminal, or with --quiet: no progress at all', async () => {
    for (const r of [await run(false), await run(true, '--quiet')]) {
      expect(r.code).toBe(0);
      expect(r.err).not.toContain('\r');
    }
  });
});
