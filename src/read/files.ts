/**
 * One input file's bytes to text, with what the reader says about them: an encoding other
 * than UTF-8, invalid bytes (read as U+FFFD, located by line and column), an empty file,
 * and markup or control characters left in report text.
 */
import type { Warning } from '../model/contract.js';
import { decodeText } from './decode.js';
import { lineColumn } from './json.js';
import { ASCII_MARKS, findDecimals, findMarkup, type FigureMarks } from './markup.js';
import { ReadCode, readWarning } from './problems.js';

export type FileText = {
  readonly path: string;
  readonly text: string;
  readonly warnings: readonly Warning[];
  /** nothing but whitespace (or nothing at all) */
  readonly empty: boolean;
};

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** `file:line:column` of an offset in a file's text. */
export const atOffset = (path: string, text: string, offset: number): string => {
  const { line, column } = lineColumn(text, offset);
  return `${path}:${line}:${column}`;
};

/** Decode a file; never fails, and says what it had to do. */
export const fileText = (path: string, bytes: Uint8Array): FileText => {
  const d = decodeText(bytes);
  const warnings: Warning[] = [];
  const name = d.encoding.toUpperCase();
  if (d.legacy) {
    warnings.push(readWarning(ReadCode.legacyEncoding, path, d.legacy === 'declared'
      ? `not UTF-8: read as ${name}, the encoding the page declares; spans index the decoded text`
      : `not UTF-8: the bytes look like Arabic in ${name}, and are read as such; spans index the decoded text (save the file as UTF-8 to be sure)`));
  } else if (d.encoding !== 'utf-8') {
    warnings.push(readWarning(ReadCode.utf16, path, d.guessed
      ? `no byte-order mark, but the bytes look like ${name}: read as ${name}; spans index the decoded text`
      : `read as ${name} (byte-order mark); spans index the decoded text`));
  }
  if (d.invalid) {
    warnings.push(readWarning(ReadCode.invalidUtf8, atOffset(path, d.text, d.invalid.offset),
      `not valid ${name}: ${plural(d.invalid.count, 'invalid byte sequence')}, the first at byte ${d.invalid.byte}; `
      + 'each is read as U+FFFD and spans index the text with them'));
  }
  const empty = d.text.trim() === '';
  return { path, text: d.text, warnings, empty };
};

/** The warning for an empty file (the file is then skipped). */
export const emptyWarning = (f: FileText): Warning =>
  readWarning(ReadCode.emptyFile, f.path, f.text === '' ? 'the file is empty' : 'the file holds only whitespace');

/**
 * Notices about markup and control characters in report text; `where` locates an offset
 * of `text` (a file line and column, or a record's field).
 */
export const markupWarnings = (text: string, where: (offset: number) => string, reportId: string | null, figures: FigureMarks = ASCII_MARKS): Warning[] => {
  const m = findMarkup(text);
  const out: Warning[] = [];
  if (m.tags + m.entities > 0) {
    out.push(readWarning(ReadCode.htmlMarkup, where(m.first),
      `the text holds HTML markup (${plural(m.tags, 'tag')}, ${plural(m.entities, 'entity', 'entities')}); it is kept as read, `
      + 'and extraction reads tags as spaces and entities as the characters they stand for', reportId));
  }
  const d = findDecimals(text, figures);
  if (d.count > 0) {
    out.push(readWarning(ReadCode.decimalFigure, where(d.first),
      `the text holds ${plural(d.count, 'decimal figure')}, the first ${JSON.stringify(d.quote)}; a decimal is read as a count of people `
      + 'only with a multiplier ("2.5 thousand"), otherwise it is not a casualty figure', reportId));
  }
  if (m.controls > 0) {
    out.push(readWarning(ReadCode.controlCharacters, where(m.firstControl),
      `the text holds ${plural(m.controls, 'control character')} (such as NUL bytes); they are kept as read and extraction skips them`, reportId));
  }
  return out;
};
