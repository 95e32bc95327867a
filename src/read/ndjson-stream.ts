/**
 * Large .ndjson files read incrementally: text arrives in chunks, is cut into lines and each
 * line becomes a report as it comes, with the same records, warnings and skips as reading
 * the whole file (readStructured). The CLI feeds the chunks; nothing here does IO.
 */
import * as E from 'fp-ts/lib/Either.js';
import type { Warning } from '../model/contract.js';
import type { Report } from '../model/report.js';
import type { KnownIds } from './coded.js';
import { parseJson } from './json.js';
import { ReadCode, failure, malformedJson, readWarning, show } from './problems.js';
import { readRecord, unknownFieldWarnings, unknownFields, type FileRead } from './structured.js';

/** A line longer than the splitter may hold: only its length is kept (the reader refuses it with `too-large`). */
export type LongLine = { readonly tooLong: number };

/**
 * Cuts text arriving in chunks into lines (split on \n, as readStructured does), in time
 * linear in the text: each chunk is searched once, and the pieces of a line are joined once,
 * when it ends (re-joining the unfinished line to every chunk was quadratic: a 1 GB line never
 * finished, B6). A line longer than `maxLine` characters is not held: its pieces are dropped
 * as they come and it is given as a LongLine. `work` is told the characters searched.
 */
export const lineSplitter = (maxLine = Number.POSITIVE_INFINITY, work?: (chars: number) => void) => {
  let pieces: string[] = [];
  let held = 0;
  let long = false;
  const finish = (last: string): string | LongLine => {
    const total = held + last.length;
    const line = long || total > maxLine ? { tooLong: total } : pieces.length ? pieces.join('') + last : last;
    pieces = [];
    held = 0;
    long = false;
    return line;
  };
  const keep = (piece: string): void => {
    held += piece.length;
    if (long || held > maxLine) { long = true; pieces = []; return; }
    if (piece) pieces.push(piece);
  };
  return {
    push: (chunk: string): (string | LongLine)[] => {
      work?.(chunk.length);
      const out: (string | LongLine)[] = [];
      let from = 0;
      for (let nl = chunk.indexOf('\n'); nl >= 0; nl = chunk.indexOf('\n', from)) {
        out.push(finish(chunk.slice(from, nl)));
        from = nl + 1;
      }
      keep(chunk.slice(from));
      return out;
    },
    end: (): (string | LongLine)[] => [finish('')],
  };
};

/**
 * Reads one .ndjson file line by line. `line` takes the lines in order (numbered from 1);
 * `end` gives what readStructured(file, 'ndjson', wholeText) gives, warnings in its order.
 * `keep` is applied to each report as it is read: what it returns is what is held (the CLI
 * extracts the report there and keeps it without its text).
 */
export const ndjsonReader = (file: string, known: KnownIds, keep: (r: Report) => Report = (r) => r) => {
  const read = readRecord(known);
  const reports: Report[] = [];
  const malformed: Warning[] = [];
  const recordWarnings: Warning[] = [];
  const skipped: string[] = [];
  const unknown: ReturnType<typeof unknownFields> = [];
  let n = 0;
  let blank = true;
  return {
    line: (text: string | LongLine): void => {
      n++;
      if (typeof text !== 'string') {
        blank = false;
        malformed.push(readWarning(ReadCode.tooLarge, `${file}:${n}`, `the line is ${text.tooLong} characters long, more than one record `
          + 'this run has memory for; it is skipped (split it, or give Node more memory: NODE_OPTIONS=--max-old-space-size=8192)'));
        skipped.push(ReadCode.tooLarge);
        return;
      }
      if (text.trim() === '') return;
      blank = false;
      const parsed = parseJson(text);
      if (E.isLeft(parsed)) {
        malformed.push(malformedJson(file, { ...parsed.left, line: n }));
        skipped.push(ReadCode.malformedJson);
        return;
      }
      const where = `${file}:${n}`;
      try {
        const rec = read({ where, value: parsed.right });
        recordWarnings.push(...rec.warnings);
        if (rec.report) reports.push(keep(rec.report));
        else skipped.push(ReadCode.invalidReport);
        unknown.push(...unknownFields(where, parsed.right));
      } catch (e) {
        recordWarnings.push(readWarning(ReadCode.reportFailed, where, `reading this record failed (${failure(e)}); it is skipped`));
        skipped.push(ReadCode.reportFailed);
      }
    },
    /** nothing but blank lines so far (the whole-file reader says more about such a file) */
    blank: (): boolean => blank,
    end: (): FileRead => ({
      reports,
      warnings: [...malformed, ...recordWarnings, ...unknownFieldWarnings(unknown)],
      // readStructured counts malformed lines first, then invalid records
      skipped: [...skipped.filter((c) => c !== ReadCode.invalidReport), ...skipped.filter((c) => c === ReadCode.invalidReport)],
    }),
  };
};

export type StreamedFile = { readonly path: string; readonly read: FileRead };

type Counted = { readonly reports: readonly Report[]; readonly warnings: readonly Warning[]; readonly skippedBy: Readonly<Record<string, number>> };

/** The input file a report came from: the longest input path its origin starts with (`f`, `f[3]`, `f:12`). */
const fileOf = (paths: readonly string[]) => {
  const sorted = [...paths].sort((a, b) => b.length - a.length);
  return (origin: string): string =>
    sorted.find((p) => origin === p || origin.startsWith(`${p}:`) || origin.startsWith(`${p}[`)) ?? origin;
};

/**
 * Streamed files joined to what was read whole, as if all had been read together: reports
 * in path order, the first report of an id (by path) kept and later ones warned about.
 * Warnings of streamed files follow the others'.
 */
export const joinStreamed = (whole: Counted, wholePaths: readonly string[], streamed: readonly StreamedFile[]): Counted & { readonly skipped: number } => {
  const fileOfReport = fileOf(wholePaths);
  const all = [
    ...whole.reports.map((r) => ({ r, path: fileOfReport(r.origin) })),
    ...streamed.flatMap((f) => f.read.reports.map((r) => ({ r, path: f.path }))),
  ];
  // Stable: reports of one file keep their order.
  all.sort((p, q) => (p.path < q.path ? -1 : p.path > q.path ? 1 : 0));
  const first = new Map<string, Report>();
  const dups: Warning[] = [];
  for (const { r } of all) {
    const earlier = first.get(r.id);
    if (!earlier) { first.set(r.id, r); continue; }
    dups.push(readWarning(ReadCode.duplicateReportId, r.origin, `report id ${show(r.id)} is already used by ${earlier.origin}; this one is skipped`, r.id));
  }
  const skippedBy: Record<string, number> = { ...whole.skippedBy };
  const count = (code: string): void => { skippedBy[code] = (skippedBy[code] ?? 0) + 1; };
  for (const f of streamed) f.read.skipped.forEach(count);
  dups.forEach((w) => count(w.code));
  const ordered = Object.fromEntries(Object.entries(skippedBy).sort(([a], [b]) => (a < b ? -1 : 1)));
  return {
    reports: [...first.values()],
    warnings: [...whole.warnings, ...streamed.flatMap((f) => f.read.warnings), ...dups],
    skippedBy: ordered,
    skipped: Object.values(ordered).reduce((a, b) => a + b, 0),
  };
};
