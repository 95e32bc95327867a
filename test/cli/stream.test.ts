import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { program } from '../../src/cli/program.js';
import { nodeSystem, type System } from '../../src/cli/system.js';
import { DEFAULT_OPTIONS, generateCorpus, ndjsonLines, vocabularyOf } from '../../src/generate/index.js';
import { shippedRules } from '../support/rules.js';

let dir: string;
beforeAll(() => {
  const v = vocabularyOf(shippedRules().rules);
  if (E.isLeft(v)) throw new Error(v.left.join('; '));
  const corpus = generateCorpus(v.right)({ ...DEFAULT_OPTIONS, seed: 2, reports: 150 });
  dir = mkdtempSync(join(tmpdir(), 'reconcile-stream-'));
  const lines = ndjsonLines(corpus.reports, false);
  // A broken line, a record without id, and a report id that the .json file beside it uses too.
  writeFileSync(join(dir, 'b.ndjson'), [...lines.slice(0, 100), '{"id": "broken",', '{"text": "no id"}', JSON.stringify({ id: 'twice', text: 'x' })].join('\n'));
  writeFileSync(join(dir, 'a.json'), JSON.stringify([{ id: 'twice', text: 'first by path' }]));
  writeFileSync(join(dir, 'c.ndjson'), `${ndjsonLines(corpus.reports.slice(100), true).join('\n')}\n`);
  writeFileSync(join(dir, 'd.ndjson'), Buffer.concat([Buffer.from(`${lines[0]!.replace(/"id":"[^"]+"/, '"id":"bad-bytes"')}\n`), Buffer.from([0xff, 0xfe, 0x41])]));
});
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

const run = async (sys: System) => {
  const out: string[] = [], err: string[] = [];
  const code = await program({ ...sys, stdout: (s) => { out.push(s); }, stderr: (s) => { err.push(s); } })(['run', dir]);
  return { code, output: JSON.parse(out.join('')) as { reports: unknown[]; incidents: unknown[]; warnings: { location?: string }[] }, err: err.join('') };
};

describe('large .ndjson files are streamed', () => {
  it('with the same result as reading them whole (warnings of streamed files come after the others)', async () => {
    const whole = await run({ ...nodeSystem, readChunks: undefined });
    let streamedFiles = 0;
    const streamed = await run({ ...nodeSystem, fileSize: async () => { streamedFiles++; return Number.MAX_SAFE_INTEGER; } });
    expect(streamedFiles).toBe(3);
    expect(streamed.code).toBe(whole.code);
    const sortWarnings = (o: typeof whole.output) => ({ ...o, warnings: [...o.warnings].sort((p, q) => JSON.stringify(p) < JSON.stringify(q) ? -1 : 1) });
    expect(sortWarnings(streamed.output)).toEqual(sortWarnings(whole.output));
    // the broken line, the record without id, the id the .json file took first, the invalid bytes
    expect(whole.output.warnings.map((w) => w.location)).toEqual(expect.arrayContaining(
      ['b.ndjson:101:17', 'b.ndjson:102 id', 'b.ndjson:103', 'd.ndjson:2:1'].map((l) => `${dir}/${l}`)));
    expect(whole.output.reports).toHaveLength(150 + 1 + 1);
  });
});
