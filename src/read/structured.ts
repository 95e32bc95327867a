/**
 * Structured reports: a `.json` file (one object or an array of objects) or `.ndjson`
 * (one object per line). Every record is validated on its own; an invalid record is
 * skipped with a located warning and the others are read.
 */
import * as E from 'fp-ts/lib/Either.js';
import type { Warning } from '../model/contract.js';
import { StructuredReport, type Report } from '../model/report.js';
import { checkCoded, type KnownIds } from './coded.js';
import { parseJson } from './json.js';
import { ReadCode, issueWarnings, malformedJson } from './problems.js';
import { guessLanguage } from './text.js';

/** What reading one file yields. */
export type FileRead = { readonly reports: readonly Report[]; readonly warnings: readonly Warning[]; readonly skipped: number };

type InputRecord = { readonly where: string; readonly value: unknown };

/** The records of a .json file: `file[i]` for array elements, `file` for a single object. */
export const jsonRecords = (file: string, value: unknown): readonly InputRecord[] =>
  Array.isArray(value) ? value.map((v, i) => ({ where: `${file}[${i}]`, value: v })) : [{ where: file, value }];

/** The records of an .ndjson file, one per non-blank line (`file:line`); bad lines are warnings. */
export const ndjsonRecords = (file: string, text: string): { records: InputRecord[]; warnings: Warning[] } => {
  const records: InputRecord[] = [];
  const warnings: Warning[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const r = parseJson(line);
    if (E.isLeft(r)) warnings.push(malformedJson(file, { ...r.left, line: i + 1 }));
    else records.push({ where: `${file}:${i + 1}`, value: r.right });
  });
  return { records, warnings };
};

const idOf = (value: unknown): string | null =>
  typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string' ? (value as { id: string }).id : null;

/** One validated record as a Report, or the warnings that made it unreadable. */
export const readRecord = (known: KnownIds) => ({ where, value }: InputRecord): { report: Report | null; warnings: Warning[] } => {
  const parsed = StructuredReport.safeParse(value);
  if (!parsed.success) return { report: null, warnings: issueWarnings(ReadCode.invalidReport, where, parsed.error, idOf(value)) };
  const r = parsed.data;
  const languageGiven = typeof value === 'object' && value !== null && 'language' in value;
  const hasCoded = r.claims !== undefined || r.stances !== undefined;
  const coded = hasCoded ? checkCoded(where, r.id, r.text, known)(r.claims ?? [], r.stances ?? []) : null;
  return {
    report: {
      id: r.id,
      publishedAt: r.publishedAt ?? null,
      outlet: r.outlet ?? null,
      language: languageGiven || r.text === undefined ? r.language : guessLanguage(r.text),
      url: r.url ?? null,
      text: r.text ?? null,
      coded: coded?.content ?? null,
      origin: where,
    },
    warnings: coded?.warnings ?? [],
  };
};

/** Read every record of one structured file. A file that is not JSON at all counts as one skipped report. */
export const readStructured = (file: string, kind: 'json' | 'ndjson', text: string, known: KnownIds): FileRead => {
  let records: readonly InputRecord[];
  const warnings: Warning[] = [];
  let skipped = 0;
  if (kind === 'ndjson') {
    const r = ndjsonRecords(file, text);
    records = r.records;
    warnings.push(...r.warnings);
    skipped += r.warnings.length;
  } else {
    const r = parseJson(text);
    if (E.isLeft(r)) return { reports: [], warnings: [malformedJson(file, r.left)], skipped: 1 };
    records = jsonRecords(file, r.right);
  }
  const reports: Report[] = [];
  for (const rec of records.map(readRecord(known))) {
    warnings.push(...rec.warnings);
    if (rec.report) reports.push(rec.report);
    else skipped++;
  }
  return { reports, warnings, skipped };
};

