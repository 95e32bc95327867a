import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { joinStreamed, lineSplitter, ndjsonReader } from '../../src/read/ndjson-stream.js';
import { readStructured } from '../../src/read/structured.js';

const known = { sources: new Set(['sohr', 'afp']), actors: new Set(['coalition']) };

/** Lines an .ndjson file may hold: good records, coded ones, invalid ones, broken JSON, blanks, unknown fields. */
const lineArb = fc.oneof(
  fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd'), text: fc.string({ maxLength: 30 }), publishedAt: fc.constantFrom('2019-03-21', '2019-3-21') })
    .map((r) => JSON.stringify(r)),
  fc.constant(JSON.stringify({ id: 'coded', text: 'قتل 7 مدنيين', claims: [{ source: 'sohr', outcome: 'killed', group: 'civilians', value: 7, quote: '7 مدنيين', span: [4, 12] }] })),
  fc.constant(JSON.stringify({ id: 'x', text: 'hi', colour: 'red' })),
  fc.constant(JSON.stringify({ text: 'no id' })),
  fc.constantFrom('{"id": "broken",', '   ', '', '[1, 2]', '{"id":"crlf","text":"t"}\r'),
);

describe('streamed .ndjson', () => {
  test.prop([fc.array(lineArb, { maxLength: 12 }), fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 8 })])(
    'reads as the whole-file reader does, however the text is cut into chunks',
    (lines, cuts) => {
      const text = lines.join('\n');
      const splitter = lineSplitter();
      const reader = ndjsonReader('f.ndjson', known);
      let at = 0;
      for (let k = 0; at < text.length; k++) {
        const n = cuts[k % cuts.length]!;
        splitter.push(text.slice(at, at + n)).forEach(reader.line);
        at += n;
      }
      splitter.end().forEach(reader.line);
      expect(reader.end()).toEqual(readStructured('f.ndjson', 'ndjson', text, known));
      expect(reader.blank()).toBe(lines.every((l) => l.trim() === ''));
    });

  it('joins streamed files to those read whole in path order: the first report of an id (by path) is kept', () => {
    const report = (id: string, origin: string) => ({ id, publishedAt: null, outlet: null, language: 'en', url: null, text: 't', coded: null, origin });
    const whole = { reports: [report('r1', 'a.json[0]'), report('r2', 'c.txt')], warnings: [], skippedBy: { 'malformed-json': 1 } };
    const streamed = [{ path: 'b.ndjson', read: { reports: [report('r2', 'b.ndjson:1'), report('r3', 'b.ndjson:2'), report('r1', 'b.ndjson:3')], warnings: [], skipped: ['invalid-report'] } }];
    const j = joinStreamed(whole, ['a.json', 'c.txt'], streamed);
    expect(j.reports.map((r) => r.origin)).toEqual(['a.json[0]', 'b.ndjson:1', 'b.ndjson:2']);
    expect(j.warnings.map((w) => w.location)).toEqual(['b.ndjson:3', 'c.txt']);
    expect(j.skippedBy).toEqual({ 'duplicate-report-id': 2, 'invalid-report': 1, 'malformed-json': 1 });
    expect(j.skipped).toBe(4);
  });
});
