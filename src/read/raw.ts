/**
 * Raw report text (`.txt`, `.md`) as a Report. Metadata comes from the folder's
 * reports.json entry, overridden field by field by a front-matter block; without either,
 * the id is the file name without extension and the language is guessed from the text.
 */
import type { Warning } from '../model/contract.js';
import type { Report, ReportMeta } from '../model/report.js';
import { atOffset, markupWarnings } from './files.js';
import { ASCII_MARKS, maskMarkup, type FigureMarks } from './markup.js';
import { splitFrontMatter, validateMeta } from './meta.js';
import { ReadCode, readWarning } from './problems.js';
import { guessLanguage, NO_GUESS, type LanguageGuess } from './text.js';

export const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);
const stem = (path: string): string => baseName(path).replace(/\.[^.]*$/, '');

/**
 * A raw text file as a Report; `manifest` is its entry in the folder's reports.json, if
 * any, and `manifestPath` that reports.json when the folder has one.
 */
export const readRaw = (file: string, text: string, manifest: ReportMeta | undefined, manifestPath: string | null = null, guess: LanguageGuess = NO_GUESS, figures: FigureMarks = ASCII_MARKS):
  { report: Report; warnings: Warning[] } => {
  const fm = splitFrontMatter(text);
  const warnings: Warning[] = [];
  let front: ReportMeta = {};
  if (fm.kind === 'broken') {
    warnings.push(readWarning(ReadCode.invalidFrontMatter, `${file}:${fm.line}:${fm.column}`, `front matter ignored: ${fm.message}`));
  } else if (fm.kind === 'found') {
    const r = validateMeta(ReadCode.invalidFrontMatter, file, [])(fm.data);
    front = r.meta;
    warnings.push(...r.warnings);
  }
  if (manifestPath !== null && manifest === undefined && fm.kind === 'none') {
    warnings.push(readWarning(ReadCode.notInManifest, file,
      `${manifestPath} has no entry for this file and it has no front matter: its id is its file name, its date and outlet are unknown`));
  }
  const body = fm.kind === 'none' ? text : fm.body;
  const bodyStart = text.length - body.length;
  const meta: ReportMeta = { ...manifest, ...front };
  const id = meta.id ?? stem(file);
  warnings.push(...markupWarnings(body, (offset) => atOffset(file, text, bodyStart + offset), id, figures));
  return {
    report: {
      id,
      publishedAt: meta.publishedAt ?? null,
      outlet: meta.outlet ?? null,
      language: meta.language ?? guessLanguage(maskMarkup(body), guess),
      url: meta.url ?? null,
      text: body,
      coded: null,
      origin: file,
    },
    warnings: warnings.map((w) => ({ ...w, reportId: id })),
  };
};
