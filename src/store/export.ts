/**
 * The store's content as the output contract: the stored incidents (with their stable ids),
 * and reports, aggregates, warnings and accounting assembled exactly as `run` assembles them
 * (pipeline.assembleOutput), so an export equals a run over the same reports but for ids.
 */
import type { Output } from '../model/contract.js';
import type { Mention } from '../model/claim.js';
import { assembleOutput, type ExtractedReport } from '../pipeline.js';
import type { Rules } from '../rules/schema.js';
import type { StoreContent } from './port.js';

export const exportOutput = (rules: Rules, rulesHash: string) => (content: StoreContent): Output => {
  const byReport = new Map<string, Mention[]>();
  for (const m of content.mentions) {
    const l = byReport.get(m.reportId);
    if (l) l.push(m); else byReport.set(m.reportId, [m]);
  }
  const extracted: ExtractedReport[] = content.reports.map((s) => ({
    report: s.report,
    extraction: {
      mentions: (byReport.get(s.report.id) ?? []).sort((p, q) => p.ordinal - q.ordinal),
      aggregates: s.aggregates,
      looseStances: s.looseStances,
      warnings: s.warnings,
    },
  }));
  // what the reader said about the stored reports, once each (a file's notice is kept with each of its records)
  const seen = new Set<string>();
  const readWarnings = content.reports.flatMap((s) => s.readWarnings ?? []).filter((w) => {
    const key = JSON.stringify([w.code, w.location ?? null, w.reportId, w.message]);
    return seen.has(key) ? false : (seen.add(key), true);
  });
  return assembleOutput({ rules, rulesHash, readWarnings, reportsSkipped: 0, reportsSkippedBy: {} })(extracted, content.incidents);
};
