/**
 * Extraction on a pool of threads gives byte for byte the output of one thread, whatever the
 * pool size and whichever worker finishes first (reports of very different lengths, so that
 * batches end out of order). The built CLI is run, as the worker is compiled code.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, corpusFiles, generateCorpus, vocabularyOf } from '../../src/generate/index.js';
import { ROOT, runBuilt } from '../support/cli.js';
import { shippedRules } from '../support/rules.js';

const { rules } = shippedRules();
const v = vocabularyOf(rules);
if (E.isLeft(v)) throw new Error(v.left.join('; '));

const dir = mkdtempSync(join(tmpdir(), 'reconcile-workers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('extraction on worker threads', () => {
  it('gives the output of one thread, byte for byte, with 2 and 3 workers', () => {
    const corpus = generateCorpus(v.right)({ ...DEFAULT_OPTIONS, seed: 11, reports: 100 });
    // every seventh report runs long: its batch ends after the batches given out after it
    const long = corpus.reports.map((r, k) => (k % 7 === 0 ? { ...r, text: `${r.text}\n\n${r.text}`.repeat(12) } : r));
    for (const f of corpusFiles(11, { ...corpus, reports: long }).filter((x) => x.path.startsWith('text/'))) {
      mkdirSync(dirname(join(dir, f.path)), { recursive: true });
      writeFileSync(join(dir, f.path), f.content);
    }
    // the pool runs only with the compiled worker, and for 64 reports or more
    expect(existsSync(join(ROOT, 'dist', 'cli', 'extract-worker.js'))).toBe(true);
    const one = runBuilt(['run', join(dir, 'text'), '--workers', '1', '-q'], { timeout: 300_000 });
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout).incidents.length).toBeGreaterThan(10);
    for (const n of ['2', '3']) {
      const many = runBuilt(['run', join(dir, 'text'), '--workers', n, '-q'], { timeout: 300_000 });
      expect(many.code).toBe(0);
      expect(many.stdout).toBe(one.stdout);
    }
  }, 600_000);
});
