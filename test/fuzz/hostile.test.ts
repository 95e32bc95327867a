/**
 * The reliability suite's generators under fuzzing: for any mix of hostile pieces (repeated
 * speaker phrases, long lines, runs of digits, Arabic letters, spaces, figures), extraction
 * visits at most c·n tokens (counted, never timed). With FUZZ_RUNS set (`npm run fuzz`) the
 * full-size reproductions of issue 14 run too: a 40,000-fold speaker phrase (B5), a 1 GB
 * .ndjson line (B6) and a 3 GB .ndjson that is not UTF-8 (B7), each beside a good file.
 */
import { closeSync, openSync, truncateSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it, vi } from 'vitest';
import { extractReport } from '../../src/extract/index.js';
import type { Output } from '../../src/model/contract.js';
import type { Report } from '../../src/model/report.js';
import { shippedRules } from '../support/rules.js';
import { expectGoodReconciled, expectLocated, putGood, scratch } from '../hostile/breaks-support.js';
import { SAID, front, put } from '../hostile/fixtures.js';
import { expectBalanced, runInProcess } from '../hostile/support.js';
import { GENERATORS, measure } from '../hostile/work.js';
import { RUNS, runs } from './properties.js';

vi.mock('../../src/extract/tokens.js', async (original) => {
  const m = await original<typeof import('../../src/extract/tokens.js')>();
  const { counted } = await import('../hostile/work.js');
  return { ...m, tokenize: (...a: Parameters<typeof m.tokenize>) => counted(m.tokenize(...a)) };
});
vi.mock('../../src/extract/lexicon.js', async (original) => {
  const m = await original<typeof import('../../src/extract/lexicon.js')>();
  const { counted } = await import('../hostile/work.js');
  return {
    ...m,
    compileLexicon: (...a: Parameters<typeof m.compileLexicon>) => {
      const lex = m.compileLexicon(...a);
      return { ...lex, findAll: (...b: Parameters<typeof lex.findAll>) => counted(lex.findAll(...b)) };
    },
  };
});

const timeout = RUNS ? 0 : 120_000;
const extract = extractReport(shippedRules().rules);
const report = (text: string, language: string): Report =>
  ({ id: 'w', publishedAt: '2018-11-05', outlet: null, language, url: null, text, coded: null, origin: 'w.txt' });
// Each language's kit is compiled on its first report: that one-off work is not the text's.
for (const language of ['ar', 'en']) extract(report('12 مدنيا قتلوا. 12 civilians were killed.', language));
const LINEAR = Object.keys(GENERATORS);

test.prop([fc.array(fc.tuple(fc.constantFrom(...LINEAR), fc.integer({ min: 1, max: 300 })), { minLength: 1, maxLength: 6 }), fc.constantFrom('ar', 'en')], runs(15))(
  'for any mix of hostile pieces, extraction visits at most c·n tokens',
  (pieces, language) => {
    const text = pieces.map(([g, n]) => GENERATORS[g]!(n)).join('\n');
    const visited = measure(() => { extract(report(text, language)); });
    expect(visited).toBeLessThanOrEqual(40 * text.length + 1000);
  },
  timeout,
);

describe.runIf(RUNS !== undefined)('issue 14 at full size', () => {
  const dir = scratch('fuzz-huge');

  it('B5: 40,000 repeats of a speaker phrase (2.5 MB) in linear work', () => {
    const text = `${SAID} `.repeat(40_000);
    const visited = measure(() => { extract(report(text, 'ar')); });
    expect(visited).toBeLessThanOrEqual(30 * text.length);
  });

  /** A sparse file of `size` bytes that starts with `head`. */
  const sparse = (path: string, head: Uint8Array, size: number): string => {
    const fd = openSync(path, 'w');
    writeSync(fd, head);
    closeSync(fd);
    truncateSync(path, size);
    return path;
  };

  it.each([
    ['B6: a 1 GB .ndjson line', 'line.ndjson', new TextEncoder().encode('{"id": "huge", "text": "'), 2 ** 30, 'too-large', ':1'],
    ['B7: a 3 GB .ndjson that is not UTF-8', 'bytes.ndjson', new Uint8Array([0xff]), 3 * 2 ** 30, 'invalid-utf8', ':1:1'],
  ] as const)('%s beside a good file: read or refused with a located warning, exit 1', async (_, name, head, size, code, where) => {
    const inputs = join(dir, name.replace('.', '-'));
    putGood(inputs);
    put(inputs, 'other.txt', `${front('other')}${SAID} 7 مدنيين قتلوا في قصف على بلدة هجين.\n`);
    const file = sparse(join(inputs, name), head, size);
    const r = await runInProcess(['run', inputs]);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as Output;
    expectBalanced(out, r.stderr);
    expectGoodReconciled(out);
    expectLocated(out, code, `${file}${where}`);
  });
});
