/**
 * Extraction entry point: a report becomes event mentions, aggregates and loose
 * stances. Hand-coded reports are taken as coded; text is read by the extractor
 * of the report's language, compiled once per rule set.
 */
import type { Extraction } from '../model/claim.js';
import type { Report } from '../model/report.js';
import type { Rules } from '../rules/schema.js';
import { applyCeiling } from './ceiling.js';
import { extractCoded } from './coded.js';
import type { Kit } from './kit.js';
import { compileKit } from './kit.js';
import { extractText } from './text.js';

export const emptyExtraction: Extraction = { mentions: [], aggregates: [], looseStances: [], warnings: [] };

/**
 * Compiled kits by rule set and language. A rule set is never changed once loaded, so every
 * extractor of one rule set (a run's streamed and whole-read reports, each pipeline call
 * of check-rules) shares its kits instead of compiling them again (30 to 50 ms each).
 */
const kitsByRules = new WeakMap<Rules, Map<string, Kit | null>>();

/** How text is extracted: `gate` false reads every sentence (`--no-gate`; the output is the same). */
export type ExtractOptions = { readonly gate?: boolean };

export const extractReport = (rules: Rules, options: ExtractOptions = {}) => {
  const gate = options.gate ?? true;
  const kits = kitsByRules.get(rules) ?? new Map<string, Kit | null>();
  kitsByRules.set(rules, kits);
  const kitFor = (language: string): Kit | null => {
    if (!kits.has(language)) kits.set(language, compileKit(rules, language));
    return kits.get(language) ?? null;
  };
  const coded = extractCoded(rules.places);
  const ceiling = applyCeiling(rules.reconcile.limits);
  return (report: Report): Extraction => {
    if (report.coded) return coded(report);
    if (!report.text || !report.text.trim()) return emptyExtraction;
    const kit = kitFor(report.language);
    if (!kit) {
      return { ...emptyExtraction, warnings: [{ reportId: report.id, code: 'unsupported-language', message: `no extraction rules for language "${report.language}"; the report's text was not read`, location: report.origin }] };
    }
    return ceiling(report)(extractText(kit, report, gate));
  };
};
