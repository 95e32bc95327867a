/**
 * B12: the bidi marks U+200F and U+061C reached `inspect`, Markdown and HTML raw. Every
 * bidi control (U+200E/F, U+061C, U+202A–E, U+2066–9) is neutralised in every rendering
 * meant for people; JSON keeps the text as read, with the controls written as escapes.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Output } from '../../src/model/contract.js';
import { SAID, front, put } from './fixtures.js';
import { scratch } from './breaks-support.js';
import { runInProcess } from './support.js';

const dir = scratch('b12');
const CONTROLS = ['\u200e', '\u200f', '\u061c', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
const RAW = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/;

describe('B12: every bidi control is neutralised', () => {
  const file = put(dir, 'marks.txt', `${front('marks')}${SAID} 12 ${CONTROLS.join('')}مدنيا\u200f قتلوا\u061c في غارة جوية على بلدة هجين\u200e.\n`);

  it.each(['md', 'html', 'csv'])('%s: no raw bidi control from the report', async (format) => {
    const r = await runInProcess(['run', file, '--format', format, '-q']);
    expect(r.code).toBe(0);
    // the HTML page isolates text with its own markup (dir, <bdi>), never with report characters
    expect(r.stdout).not.toMatch(RAW);
  });

  it('inspect: no raw bidi control from the report (its own isolates wrap Arabic runs)', async () => {
    const run = JSON.parse((await runInProcess(['run', file, '-q'])).stdout) as Output;
    const id = run.incidents[0]!.id;
    const r = await runInProcess(['inspect', id, file]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/[\u200e\u200f\u061c\u202a-\u202e]/);
    expect(r.stdout.replace(/\u2067|\u2066|\u2069/g, '')).not.toMatch(RAW);
    // what inspect adds is balanced isolates only, so no report control survives inside them
    const opened = (r.stdout.match(/[\u2066\u2067\u2068]/g) ?? []).length;
    expect((r.stdout.match(/\u2069/g) ?? []).length).toBe(opened);
  });

  it('JSON and the warnings on stderr: the controls as escapes, the quote still the text at its span', async () => {
    const r = await runInProcess(['run', file]);
    expect(r.stdout).not.toMatch(RAW);
    expect(r.stderr).not.toMatch(RAW);
    const out = JSON.parse(r.stdout) as Output;
    expect(out.incidents.flatMap((i) => i.tolls.flatMap((t) => t.claims)).map((c) => c.value)).toEqual([12]);
  });
});
