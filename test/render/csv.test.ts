import { fc, test as propTest } from '@fast-check/vitest';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Incident, Output } from '../../src/model/contract.js';
import { cleanText } from '../../src/render/bidi.js';
import { CSV_COLUMNS, csvField, renderCsv } from '../../src/render/csv.js';
import { ROOT, runCli } from '../acceptance/support.js';
import { csvObjects, parseCsv } from './rfc4180.js';

const incident = (over: Partial<Incident> = {}): Incident => ({
  id: 'inc-1', date: { start: '2018-07-12', end: '2018-07-13' },
  places: [{ id: 'al-susah', name: 'al-Susah, "east"', governorate: 'deir-ez-zor' }],
  reportIds: ['=cmd|calc', 'r1'],
  tolls: [{ outcome: 'killed', group: 'civilians', affiliation: null, min: 28, max: null, best: 28, bestPolicy: 'median',
    claims: [{ source: 'sohr', via: 'reuters', reportId: 'r1', value: 28, qualifier: 'at-least', mayRise: true, quote: 'q', span: [0, 1] }] }],
  attributions: [], disagreements: [], grade: 'weak', ...over,
});
const output = (incidents: Incident[]): Output => ({ schemaVersion: 1, rulesHash: 'h', reports: [], incidents, aggregates: [], warnings: [] });

describe('csvField', () => {
  it('quotes commas, quotes and line breaks, doubling quotes (RFC 4180)', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('plain')).toBe('plain');
  });
  it('writes numbers, TRUE/FALSE and empty cells for null', () => {
    expect([csvField(12), csvField(true), csvField(false), csvField(null)]).toEqual(['12', 'TRUE', 'FALSE', '']);
  });
  it('keeps a spreadsheet from running a cell as a formula, and drops bidi and control characters', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('@sum')).toBe("'@sum");
    expect(csvField('a\u202Eb\u001bc\nd')).toBe('ab\uFFFDc d');
  });
  propTest.prop([fc.string({ unit: 'binary' })])('for any text, a strict parser reads back the cleaned text', (s) => {
    const [[field]] = parseCsv(`${csvField(s)}\r\n`) as [[string]];
    const clean = cleanText(s);
    expect(field).toBe(/^[=+\-@\t\r]/.test(clean) ? `'${clean}` : clean);
    expect(field).not.toMatch(/[\r\n\u202a-\u202e\u2066-\u2069]/);
  });
});

describe('renderCsv', () => {
  it('writes a header and one CRLF-terminated row per incident and category', () => {
    const text = renderCsv(output([incident(), incident({ id: 'inc-2', tolls: [], date: null })]));
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = csvObjects(text);
    expect(parseCsv(text)[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ incident_id: 'inc-1', date_start: '2018-07-12', date_end: '2018-07-13', places: 'al-Susah, "east"',
      low: '28', best: '28', high: '', high_unbounded: 'TRUE', sources: 'sohr', report_ids: "'=cmd|calc; r1" });
    expect(rows[1]).toMatchObject({ incident_id: 'inc-2', date_start: '', outcome: '', low: '' });
  });
});

describe('reconcile run --format csv', () => {
  const inputs = ['seeds', 'corpus-dev', 'hostile-html'].map((d) => join(ROOT, 'fixtures', d));
  it('parses with a strict RFC 4180 parser and its figures match the JSON of the same inputs', async () => {
    const json = await runCli(['run', ...inputs, '--format', 'json', '--quiet']);
    const csv = await runCli(['run', ...inputs, '--format', 'csv', '--quiet']);
    expect(csv.code).toBe(json.code);
    const out = JSON.parse(json.stdout) as Output;
    const rows = csvObjects(csv.stdout);
    expect(out.incidents.length).toBeGreaterThan(5);
    expect(rows).toHaveLength(out.incidents.reduce((n, i) => n + Math.max(1, i.tolls.length), 0));
    const num = (v: number | null): string => (v === null ? '' : String(v));
    for (const inc of out.incidents) {
      const mine = rows.filter((r) => r.incident_id === inc.id);
      expect(mine.map((r) => [r.date_start, r.date_end])).toEqual(mine.map(() => [inc.date?.start ?? '', inc.date?.end ?? '']));
      expect(mine.every((r) => r.place_ids === inc.places.map((p) => p.id).join('; '))).toBe(true);
      for (const t of inc.tolls) {
        const row = mine.find((r) => r.outcome === t.outcome && r.victim_group === t.group && r.affiliation === (t.affiliation ?? ''));
        expect(row, `${inc.id} ${t.outcome}/${t.group}`).toBeDefined();
        expect([row!.low, row!.best, row!.high]).toEqual([num(t.min), num(t.best), num(t.max)]);
        // a report without outlet or speaker is "outlet unknown" (its JSON source id is "unattributed")
        expect((row!.sources ?? '').split('; ').filter(Boolean).sort())
          .toEqual([...new Set(t.claims.map((c) => (c.source === 'unattributed' ? 'outlet unknown' : c.source)))].sort());
      }
    }
  });
});
