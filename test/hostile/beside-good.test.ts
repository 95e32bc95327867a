/**
 * Each kind of bad file beside a good one: the good one is reconciled, the bad one gets a
 * warning located at it, the exit code is 1, and the accounting balances (the JSON and the
 * line on stderr). Size limits are lowered (readLimits) so the large-file cases are small.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Output } from '../../src/model/contract.js';
import { CLAIM, INVALID, enc, front, put } from './fixtures.js';
import { expectGoodReconciled, putGood, scratch } from './breaks-support.js';
import { STACK_LINE, expectBalanced, runInProcess } from './support.js';

const dir = scratch('beside');
const record = (o: Record<string, unknown>): string => JSON.stringify({ language: 'ar', text: CLAIM, ...o });
const bomb = Array.from({ length: 9 }, (_, k) => (k === 0 ? 'a0: &a0 [x, x, x, x, x, x, x, x, x]' : `a${k}: &a${k} [${Array(9).fill(`*a${k - 1}`).join(', ')}]`)).join('\n');

/** name → [file name, content, warning code] */
const BAD: Readonly<Record<string, readonly [string, string | Uint8Array, string]>> = {
  'invalid UTF-8': ['bad.txt', new Uint8Array([...enc(front('bytes')), ...INVALID, ...enc(CLAIM)]), 'invalid-utf8'],
  empty: ['bad.txt', '', 'empty-file'],
  'malformed JSON': ['bad.json', '{"id": "x", ', 'malformed-json'],
  'invalid record': ['bad.json', JSON.stringify({ text: CLAIM }), 'invalid-report'],
  'malformed NDJSON line': ['bad.ndjson', '{"id": \n', 'malformed-json'],
  'YAML alias bomb in front matter': ['bad.txt', `---\n${bomb}\n---\n${CLAIM}`, 'invalid-front-matter'],
  'unclosed front matter': ['bad.txt', `---\nid: x\n${CLAIM}`, 'invalid-front-matter'],
  'lone surrogate id': ['bad.json', `{"id": "x\\ud800", "language": "ar", "text": "${CLAIM}"}`, 'invalid-report'],
  'impossible date': ['bad.txt', `---\nid: when\npublishedAt: 2018-02-30\n---\n${CLAIM}`, 'invalid-front-matter'],
  'duplicate id': ['later.txt', `${front('good')}${CLAIM}`, 'duplicate-report-id'],
  'file too large': ['bad.txt', `${front('big')}${CLAIM} ${'كلمة '.repeat(2000)}`, 'too-large'],
  'NDJSON line too long': ['bad.ndjson', `${record({ id: 'short' })}\n${record({ id: 'long', text: `${CLAIM} ${'كلمة '.repeat(2000)}` })}\n`, 'too-large'],
  'invalid coded claim': ['bad.json', record({ id: 'coded', claims: [{ source: 'sohr', outcome: 'killed', group: 'civilians', value: -3, quote: 'x', span: [0, 1] }] }), 'invalid-claim'],
};

describe('each kind of bad file beside a good one', () => {
  it.each(Object.keys(BAD))('%s', async (name) => {
    const [file, content, code] = BAD[name]!;
    const inputs = join(dir, name.replace(/\W+/g, '-'));
    putGood(inputs);
    const bad = put(inputs, file, content);
    const r = await runInProcess(['run', inputs], { readLimits: { streamFromBytes: 64, maxFileBytes: 4096 } });
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as Output;
    expectBalanced(out, r.stderr);
    expectGoodReconciled(out);
    const located = out.warnings.filter((w) => w.code === code && w.location !== undefined && w.location.startsWith(bad));
    expect(located.length, `${code} at ${bad}`).toBeGreaterThan(0);
  });
});
