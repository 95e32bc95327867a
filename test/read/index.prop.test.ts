import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { readInputs, type InputFile } from '../../src/read/index.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

// A small world of inputs where ids collide on purpose, with a manifest and structured records.
const files: InputFile[] = [
  { path: 'a/one.txt', bytes: enc('one') },
  { path: 'a/two.md', bytes: enc('---\nid: shared\n---\ntwo') },
  { path: 'a/reports.json', bytes: enc(JSON.stringify({ 'one.txt': { id: 'shared', outlet: 'afp' } })) },
  { path: 'b/recs.json', bytes: enc(JSON.stringify([{ id: 'shared', text: 'x' }, { id: 'r2', text: 'y' }, { id: 5 }])) },
  { path: 'b/lines.ndjson', bytes: enc('{"id":"r2","text":"z"}\n{oops}\n{"id":"r3","text":"w"}\n') },
  { path: 'c/bad.json', bytes: enc('{"id": "r4", ') },
];

test.prop([fc.shuffledSubarray(files, { minLength: files.length, maxLength: files.length })])(
  'for any order of the same files, the result is the same',
  (shuffled) => {
    expect(readInputs()(shuffled)).toEqual(readInputs()(files));
  },
);

test.prop([fc.shuffledSubarray(files, { minLength: 1 })])(
  'for any subset of files, report ids are unique and every id collision is warned about',
  (some) => {
    const r = readInputs()(some);
    const ids = r.reports.map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(r.skipped).toBeGreaterThanOrEqual(r.warnings.filter((w) => w.code === 'duplicate-report-id').length);
  },
);
