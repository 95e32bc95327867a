/**
 * An HTML page (`.html`, `.htm`) as a Report: the text is the page as read, so every span
 * indexes the file; extraction reads the article alone (src/read/html.ts). Metadata comes
 * from the folder's reports.json entry, else from the page's own head (`<html lang>`,
 * `article:published_time`, `og:site_name`, the canonical link); the id is the file name.
 */
import type { Warning } from '../model/contract.js';
import type { Report, ReportMeta } from '../model/report.js';
import { readHtmlPage } from './html.js';
import { ReadCode, readWarning } from './problems.js';
import { baseName } from './raw.js';
import { guessLanguage, NO_GUESS, type LanguageGuess } from './text.js';

const stem = (path: string): string => baseName(path).replace(/\.[^.]*$/, '');

export const readPage = (file: string, text: string, manifest: ReportMeta | undefined, manifestPath: string | null = null, guess: LanguageGuess = NO_GUESS):
  { report: Report; warnings: Warning[] } => {
  const page = readHtmlPage(text);
  const warnings: Warning[] = [];
  const meta: ReportMeta = { ...page.meta, ...manifest };
  const id = meta.id ?? stem(file);
  if (manifestPath !== null && manifest === undefined) {
    warnings.push(readWarning(ReadCode.notInManifest, file,
      `${manifestPath} has no entry for this page: its id is its file name, its date and outlet are what its head says, if anything`, id));
  }
  if (page.article.replace(/[\s\u200b]+/g, '') === '') {
    warnings.push(readWarning(ReadCode.emptyFile, file, 'the page has no article text (only navigation, scripts and the like)', id));
  }
  return {
    report: {
      id,
      publishedAt: meta.publishedAt ?? null,
      outlet: meta.outlet ?? null,
      language: meta.language ?? guessLanguage(page.article, guess),
      url: meta.url ?? null,
      text,
      coded: null,
      origin: file,
      markup: 'html',
    },
    warnings,
  };
};
