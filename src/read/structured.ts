/**
 * Structured reports: a `.json` file (one object or an array of objects) or `.ndjson`
 * (one object per line). Every record is validated on its own; an invalid record is
 * skipped with a located warning and the others are read.
 */
import * as E from 'fp-ts/lib/Either.js';
import type { Warning } from '../model/contract.js';
import { CodedClaim, CodedStance, StructuredReport, type Report } from '../model/report.js';
import { checkCoded, type KnownIds } from './coded.js';
import { parseJson } from './json.js';
import { atOffset, markupWarnings } from './files.js';
import { maskMarkup } from './markup.js';
import { ReadCode, at, issueWarnings, malformedJson, readWarning, show } from './problems.js';
import { guessLanguage, NO_GUESS } from './text.js';
import { idProblem, wellFormedDeep } from './unicode.js';

/** What reading one file yields; `skipped` has the code of why for each record that could not be read. */
export type FileRead = { readonly reports: readonly Report[]; readonly warnings: readonly Warning[]; readonly skipped: readonly string[] };

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

const REPORT_FIELDS = new Set(Object.keys(StructuredReport.shape));
const CLAIM_FIELDS = new Set(Object.keys(CodedClaim.shape));
const STANCE_FIELDS = new Set(Object.keys(CodedStance.shape));

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A field the schema does not know, with where it first occurs. */
type Unknown = { readonly name: string; readonly where: string };

/** Fields of a record (and of its claims and stances) that no schema knows: ignored, and said. */
export const unknownFields = (where: string, value: unknown): Unknown[] => {
  if (!isObject(value)) return [];
  const own = (v: unknown, known: ReadonlySet<string>): string[] => (isObject(v) ? Object.keys(v).filter((k) => !known.has(k)) : []);
  const inList = (field: 'claims' | 'stances', known: ReadonlySet<string>): Unknown[] => {
    const list = value[field];
    return Array.isArray(list)
      ? list.flatMap((v, i) => own(v, known).map((k) => ({ name: `${field}[].${k}`, where: at(where, [field, i, k]) })))
      : [];
  };
  return [
    ...own(value, REPORT_FIELDS).map((k) => ({ name: k, where: at(where, [k]) })),
    ...inList('claims', CLAIM_FIELDS), ...inList('stances', STANCE_FIELDS),
  ];
};

/** One warning per unknown field name in a file, at its first occurrence, saying how often it occurs. */
export const unknownFieldWarnings = (found: readonly Unknown[]): Warning[] => {
  const byName = new Map<string, { where: string; count: number }>();
  for (const u of found) {
    const had = byName.get(u.name);
    byName.set(u.name, { where: had?.where ?? u.where, count: (had?.count ?? 0) + 1 });
  }
  return [...byName].map(([name, { where, count }]) => readWarning(ReadCode.unknownField, where,
    `${show(name)} is not a field the reader knows; it is ignored${count > 1 ? ` (${count} times in this file)` : ''}`));
};

/** One validated record as a Report, or the warnings that made it unreadable. */
export const readRecord = (known: KnownIds) => ({ where, value: given }: InputRecord): { report: Report | null; warnings: Warning[] } => {
  const id = idOf(given);
  const bad = id === null ? null : idProblem(id);
  if (bad !== null) return { report: null, warnings: [readWarning(ReadCode.invalidReport, at(where, ['id']), `${bad}; the report is skipped`)] };
  const { value, count } = wellFormedDeep(given);
  const lone = count === 0 ? [] : [readWarning(ReadCode.invalidUtf8, where,
    `${count} lone surrogate${count === 1 ? '' : 's'} (a \\uD800–\\uDFFF escape that is no character) read as U+FFFD; spans index the text with them`, id)];
  const r = readRecordChecked(known)({ where, value });
  return { report: r.report, warnings: [...lone, ...r.warnings] };
};

const readRecordChecked = (known: KnownIds) => ({ where, value }: InputRecord): { report: Report | null; warnings: Warning[] } => {
  const parsed = StructuredReport.safeParse(value);
  if (!parsed.success) return { report: null, warnings: issueWarnings(ReadCode.invalidReport, where, parsed.error, idOf(value), [], value) };
  const r = parsed.data;
  const languageGiven = isObject(value) && Object.hasOwn(value, 'language');
  const hasCoded = r.claims !== undefined || r.stances !== undefined;
  const coded = hasCoded ? checkCoded(where, r.id, r.text, known)(r.claims ?? [], r.stances ?? []) : null;
  const textAt = (offset: number): string => atOffset(at(where, ['text']), r.text ?? '', offset);
  return {
    report: {
      id: r.id,
      publishedAt: r.publishedAt ?? null,
      outlet: r.outlet ?? null,
      language: languageGiven || r.text === undefined ? r.language : guessLanguage(maskMarkup(r.text), known.languages ?? NO_GUESS),
      url: r.url ?? null,
      text: r.text ?? null,
      coded: coded?.content ?? null,
      origin: where,
    },
    warnings: coded?.warnings ?? (r.text === undefined ? [] : markupWarnings(r.text, textAt, r.id, known.figures)),
  };
};

/** Read every record of one structured file. A file that is not JSON at all counts as one skipped report. */
export const readStructured = (file: string, kind: 'json' | 'ndjson', text: string, known: KnownIds): FileRead => {
  let records: readonly InputRecord[];
  const warnings: Warning[] = [];
  const skipped: string[] = [];
  if (kind === 'ndjson') {
    const r = ndjsonRecords(file, text);
    records = r.records;
    warnings.push(...r.warnings);
    skipped.push(...r.warnings.map(() => ReadCode.malformedJson));
  } else {
    const r = parseJson(text);
    if (E.isLeft(r)) return { reports: [], warnings: [malformedJson(file, r.left)], skipped: [ReadCode.malformedJson] };
    records = jsonRecords(file, r.right);
  }
  const reports: Report[] = [];
  for (const rec of records.map(readRecord(known))) {
    warnings.push(...rec.warnings);
    if (rec.report) reports.push(rec.report);
    else skipped.push(ReadCode.invalidReport);
  }
  warnings.push(...unknownFieldWarnings(records.flatMap((rec) => unknownFields(rec.where, rec.value))));
  return { reports, warnings, skipped };
};

