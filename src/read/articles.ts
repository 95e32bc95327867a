/**
 * A CSV of articles (`.csv`, RFC 4180, as spreadsheets and scrapers write it): a header row
 * and one report a row, with the columns id, date, outlet, language, url and text (a few
 * common other names are taken too: publishedAt, source, lang, link, body). Each row is read
 * as a structured report (src/read/structured.ts) located at `file:line`; spans index its
 * text cell. A row that cannot be parsed, or lacks an id or text, is skipped with a warning.
 */
import { parse } from 'csv-parse/sync';
import type { Warning } from '../model/contract.js';
import type { Report } from '../model/report.js';
import type { KnownIds } from './coded.js';
import { ReadCode, readWarning, show } from './problems.js';
import { readRecord, type FileRead } from './structured.js';

/** Header names (lower case, spaces and dashes as underscores) to report fields. */
const COLUMNS: ReadonlyMap<string, string> = new Map([
  ['id', 'id'], ['report_id', 'id'],
  ['date', 'publishedAt'], ['publishedat', 'publishedAt'], ['published_at', 'publishedAt'], ['published', 'publishedAt'],
  ['outlet', 'outlet'], ['source', 'outlet'],
  ['language', 'language'], ['lang', 'language'],
  ['url', 'url'], ['link', 'url'],
  ['text', 'text'], ['body', 'text'], ['content', 'text'],
]);

const key = (h: string): string => h.trim().toLowerCase().replace(/[\s-]+/g, '_');

/** The date part of a timestamp in a date cell ("2018-03-04 10:00" → "2018-03-04"); other text is left for the schema to refuse. */
const day = (s: string): string => /^(\d{4}-\d{2}-\d{2})(?:[T\s].*)?$/.exec(s)?.[1] ?? s;

export const readArticlesCsv = (file: string, text: string, known: KnownIds): FileRead => {
  const warnings: Warning[] = [];
  const skipped: string[] = [];
  const rows: { record: string[]; line: number }[] = [];
  let next = 1;
  try {
    const parsed = parse(text, {
      bom: true, info: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (err) => {
        if (err) { warnings.push(readWarning(ReadCode.invalidReport, `${file}:${err.lines}`, `a row that is not CSV (${err.message}); it is skipped`)); skipped.push(ReadCode.invalidReport); }
        return undefined;
      },
    }) as unknown as { record: string[]; info: { lines: number } }[];
    for (const r of parsed) {
      rows.push({ record: r.record, line: next });
      next = r.info.lines + 1;
    }
  } catch (e) {
    return { reports: [], warnings: [readWarning(ReadCode.invalidReport, file, `not a CSV of articles: ${(e as Error).message}`)], skipped: [ReadCode.invalidReport] };
  }
  const header = rows.shift();
  if (!header) return { reports: [], warnings: [readWarning(ReadCode.emptyFile, file, 'the CSV has no rows')], skipped: [ReadCode.emptyFile] };
  const fields = header.record.map((h) => COLUMNS.get(key(h)) ?? null);
  if (!fields.includes('text') || !fields.includes('id')) {
    return { reports: [], warnings: [readWarning(ReadCode.invalidReport, `${file}:1`,
      `a CSV of articles needs an id and a text column (its header is ${show(header.record.join(','))}); the file is skipped`)], skipped: [ReadCode.invalidReport] };
  }
  const unknown = header.record.filter((_, i) => fields[i] === null);
  if (unknown.length) {
    warnings.push(readWarning(ReadCode.unknownField, `${file}:1`, `${unknown.map((u) => show(u)).join(', ')} ${unknown.length === 1 ? 'is not a column' : 'are not columns'} the reader knows; ignored`));
  }
  const reports: Report[] = [];
  for (const { record, line } of rows) {
    const value: Record<string, string> = {};
    fields.forEach((f, i) => {
      const cell = record[i];
      if (f === null || cell === undefined || (f !== 'text' && cell.trim() === '')) return;
      value[f] = f === 'publishedAt' ? day(cell.trim()) : f === 'text' ? cell : cell.trim();
    });
    const r = readRecord(known)({ where: `${file}:${line}`, value });
    warnings.push(...r.warnings);
    if (r.report) reports.push(r.report); else skipped.push(ReadCode.invalidReport);
  }
  return { reports, warnings, skipped };
};
