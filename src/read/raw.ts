/**
 * Raw report text (`.txt`, `.md`) as a Report. Metadata comes from the folder's
 * reports.json entry, overridden field by field by a front-matter block; without either,
 * the id is the file name without extension and the language is guessed from the text.
 */
import type { Warning } from '../model/contract.js';
import type { Report, ReportMeta } from '../model/report.js';
import { splitFrontMatter, validateMeta } from './meta.js';
import { ReadCode, readWarning } from './problems.js';
import { guessLanguage } from './text.js';

export const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);
const stem = (path: string): string => baseName(path).replace(/\.[^.]*$/, '');

/** A raw text file as a Report; `manifest` is its entry in the folder's reports.json, if any. */
export const readRaw = (file: string, text: string, manifest: ReportMeta | undefined): { report: Report; warnings: Warning[] } => {
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
  const body = fm.kind === 'none' ? text : fm.body;
  const meta: ReportMeta = { ...manifest, ...front };
  const id = meta.id ?? stem(file);
  return {
    report: {
      id,
      publishedAt: meta.publishedAt ?? null,
      outlet: meta.outlet ?? null,
      language: meta.language ?? guessLanguage(body),
      url: meta.url ?? null,
      text: body,
      coded: null,
      origin: file,
    },
    warnings: warnings.map((w) => ({ ...w, reportId: id })),
  };
};

