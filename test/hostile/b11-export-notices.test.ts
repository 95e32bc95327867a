/**
 * B11: `export` dropped the read notices that `run` prints for the same reports (markup,
 * control characters, unknown fields, a dropped front-matter field). The store keeps what
 * the reader said about each report, and export says it as run does.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Output, Warning } from '../../src/model/contract.js';
import { CLAIM, SAID, front, put, utf16 } from './fixtures.js';
import { putGood, scratch } from './breaks-support.js';
import { runInProcess } from './support.js';

const dir = scratch('b11');
const key = (w: Warning): string => JSON.stringify([w.code, w.location ?? null, w.reportId, w.message]);

describe('B11: export keeps the read notices', () => {
  const inputs = join(dir, 'in');
  putGood(inputs);
  put(inputs, 'html.txt', `${front('html')}<p>${SAID} <b>12</b> مدنيا قتلوا في غارة جوية على بلدة هجين.</p>\n`);
  put(inputs, 'nul.txt', `${front('nul')}${CLAIM.replace(' ', '\u0000 ')}\n`);
  put(inputs, 'decimal.txt', `${front('decimal')}${SAID} ١٢٫٥ مدنيا قتلوا في غارة جوية على بلدة هجين.\n`);
  put(inputs, 'field.txt', `---\nid: field\npublishedAt: yesterday\nlanguage: ar\n---\n${CLAIM}\n`);
  put(inputs, 'le.txt', utf16(`${front('utf16')}${CLAIM}`, true));
  put(inputs, 'extra.ndjson', `${JSON.stringify({ id: 'extra', language: 'ar', text: CLAIM, colour: 'red' })}\n`);

  it('add then export: the same warnings as run, for every report read', async () => {
    const run = JSON.parse((await runInProcess(['run', inputs, '-q'])).stdout) as Output;
    expect(run.warnings.map((w) => w.code).sort()).toEqual(
      ['control-characters', 'decimal-figure', 'html-markup', 'invalid-front-matter', 'unknown-field', 'utf16']);
    const store = join(dir, 's.duckdb');
    expect((await runInProcess(['add', inputs, '--store', store, '-q'])).code).toBe(1);
    const exported = JSON.parse((await runInProcess(['export', '--store', store, '-q'])).stdout) as Output;
    expect(exported.warnings.map(key).sort()).toEqual(run.warnings.map(key).sort());
  }, 60_000);
});
