/**
 * The ceiling on figures read from text (rules/reconcile.yaml `limits`, which hand-coded
 * claims meet when they are read): a figure above what one incident can have is a total
 * over many events, and goes to the aggregates, with the figures that are its parts; one
 * above what any total can have is a misread number (a population, a sum of money) and is
 * no claim. Either way a warning says where it is.
 */
import type { Extraction, TollClaim } from '../model/claim.js';
import type { Report } from '../model/report.js';

export type Limits = { readonly maxPerIncident: number; readonly maxPerAggregate: number };

const where = (report: Report, c: TollClaim): string => `${report.origin} at offset ${c.span[0]}`;

export const applyCeiling = (limits: Limits | undefined) => (report: Report) => (x: Extraction): Extraction => {
  if (!limits) return x;
  const over = (c: TollClaim, max: number): boolean => c.value !== null && c.value > max;
  const warnings = [...x.warnings];
  const dropped = (c: TollClaim): boolean => {
    if (!over(c, limits.maxPerAggregate)) return false;
    warnings.push({ reportId: report.id, code: 'implausible-figure', location: where(report, c),
      message: `"${c.quote}": ${c.value} is more than any total can have (limits.maxPerAggregate in rules/reconcile.yaml is ${limits.maxPerAggregate}); not read as a casualty figure` });
    return true;
  };
  const keptAggregates = x.aggregates.filter((c) => !dropped(c));
  const mentions = x.mentions.map((m) => {
    const total = new Set(m.claims.filter((c) => over(c, limits.maxPerIncident)).map((c) => c.id));
    if (!total.size) return m;
    // the parts of a total go with it ("350,000 killed, among them 100,000 civilians")
    const moved = m.claims.filter((c) => total.has(c.id) || (c.partOf !== null && total.has(c.partOf)));
    for (const c of moved) {
      if (dropped(c)) continue;
      if (total.has(c.id)) {
        warnings.push({ reportId: report.id, code: 'above-incident-ceiling', location: where(report, c),
          message: `"${c.quote}": ${c.value} is more than one incident can have (limits.maxPerIncident in rules/reconcile.yaml is ${limits.maxPerIncident}); counted as a total over many events` });
      }
      keptAggregates.push(c);
    }
    return { ...m, claims: m.claims.filter((c) => !moved.includes(c)) };
  });
  // an event left with no figure is no event mention: its stances are loose, as the extractor leaves them
  // (a mention the extractor made without figures, of a report that tells none, stays)
  const emptiedHere = (m: (typeof mentions)[number], i: number) => m.claims.length === 0 && x.mentions[i]!.claims.length > 0;
  const emptied = mentions.filter(emptiedHere);
  return {
    ...x,
    mentions: mentions.filter((m, i) => !emptiedHere(m, i)),
    aggregates: keptAggregates,
    looseStances: [...x.looseStances, ...emptied.flatMap((m) => m.stances)],
    warnings,
  };
};
