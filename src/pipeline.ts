/**
 * The whole flow in one place: reports → extracted mentions → blocked, compared and
 * clustered incidents → reconciled output. Pure; the CLI supplies reports and rules.
 * Stages are exported so `inspect` and tests can run them separately.
 */
import { pipe } from 'fp-ts/lib/function.js';
import type { Accounting, Aggregate, Incident, Output, Warning } from './model/contract.js';
import { SCHEMA_VERSION } from './model/contract.js';
import type { AggregateClaim, Extraction } from './model/claim.js';
import type { Report } from './model/report.js';
import type { Rules } from './rules/schema.js';
import { extractReport, type ExtractOptions } from './extract/index.js';
import { clusterMentions, type Cluster, type Clustering } from './cluster/index.js';
import { reconcileIncident, reviewWarnings } from './reconcile/index.js';
import { extractAsRead } from './read/markup.js';
import { figureMarks } from './rules/figure-marks.js';
import { applyDecisions, type Decided } from './decisions/apply.js';
import type { Decision } from './decisions/schema.js';

/**
 * Where a long run is, for a front end to show (the CLI's progress line, bench timings):
 * the core only calls it, never prints or reads the clock. A stage starts with done 0.
 */
export type Progress = (event: { readonly stage: 'read' | 'extract' | 'cluster' | 'reconcile'; readonly done: number; readonly total: number }) => void;

/** How often (in reports or incidents) a stage reports progress. */
const PROGRESS_EVERY = 200;

export type PipelineInput = {
  readonly reports: readonly Report[];
  readonly rules: Rules;
  readonly rulesHash: string;
  /** problems found while reading (skipped files and records), carried into the output */
  readonly readWarnings: readonly Warning[];
  /** reports that could not be read at all */
  readonly reportsSkipped: number;
  /** told where the run is; optional */
  readonly progress?: Progress;
  /** the same, by the code of the warning that says why (they add up to reportsSkipped) */
  readonly reportsSkippedBy?: Readonly<Record<string, number>>;
  /** what was already extracted from a report as it was read (see `extractAsReadLean`) */
  readonly extracted?: (report: Report) => Extraction | undefined;
  /** analysts' decisions (src/decisions), applied after clustering */
  readonly decisions?: readonly Decision[];
  /** how text is extracted (`gate: false` reads every sentence; the output is the same) */
  readonly extract?: ExtractOptions;
};

/** A report with what extraction found in it. */
export type ExtractedReport = { readonly report: Report; readonly extraction: Extraction };

/** The output plus what produced it: the clustering with every compared pair (for `inspect`). */
export type PipelineResult = { readonly output: Output; readonly clustering: Clustering };

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export const sortReports = (reports: readonly Report[]): Report[] => [...reports].sort((p, q) => cmp(p.id, q.id));

/** The code of the warning for a report whose extraction threw. */
export const REPORT_FAILED = 'report-failed';

/**
 * Extraction that never throws: a report whose extraction fails (a bug, an input nobody
 * foresaw) is kept without claims, with a `report-failed` warning located at it, and the
 * other reports are extracted as usual.
 */
export const extractSafely = (extract: (r: Report) => Extraction) => (report: Report): Extraction => {
  try {
    return extract(report);
  } catch (e) {
    const why = `${e instanceof Error ? e.message : String(e)}`.split('\n')[0]!;
    return {
      mentions: [], aggregates: [], looseStances: [],
      warnings: [{ reportId: report.id, code: REPORT_FAILED, location: report.origin, message: `extraction failed (${why}); the report is kept without claims or stances` }],
    };
  }
};

/** Text is extracted as read, with leftover markup blanked for the extractor (src/read/markup.ts). */
export const extractAll = (rules: Rules, progress?: Progress, extracted?: PipelineInput['extracted'], options: ExtractOptions = {}) =>
  (reports: readonly Report[]): ExtractedReport[] => {
    const extract = extractSafely(extractAsRead(extractReport(rules, options), figureMarks(rules)));
    progress?.({ stage: 'extract', done: 0, total: reports.length });
    return reports.map((report, i) => {
      if (progress && (i + 1) % PROGRESS_EVERY === 0) progress({ stage: 'extract', done: i + 1, total: reports.length });
      return { report, extraction: extracted?.(report) ?? extract(report) };
    });
  };

/**
 * Extraction as reports are read, so that their text need not be kept: `lean` extracts a
 * report and gives it back without its text; `extracted` finds what it extracted (give it
 * to the pipeline as PipelineInput.extracted). The extraction is copied, because a quote
 * sliced out of the text would otherwise keep the whole text alive.
 */
export const extractAsReadLean = (rules: Rules, options: ExtractOptions = {}) => {
  const extract = extractSafely(extractAsRead(extractReport(rules, options), figureMarks(rules)));
  const done = new WeakMap<Report, Extraction>();
  return {
    lean: (report: Report): Report => {
      if (report.text === null) return report;
      const extraction = structuredClone(extract(report));
      const lean: Report = { ...report, text: null };
      done.set(lean, extraction);
      return lean;
    },
    /** The same, for a report extracted elsewhere (a worker thread: what it sent is already a copy). */
    leanWith: (report: Report, extraction: Extraction): Report => {
      const lean: Report = { ...report, text: null };
      done.set(lean, extraction);
      return lean;
    },
    extracted: (report: Report): Extraction | undefined => done.get(report),
  };
};

/** Dated incidents by start date, then id; undated last. */
export const sortIncidents = (incidents: readonly Incident[]): Incident[] =>
  [...incidents].sort((p, q) =>
    (p.date === null ? 1 : 0) - (q.date === null ? 1 : 0) || cmp(p.date?.start ?? '', q.date?.start ?? '') || cmp(p.id, q.id));

export const toAggregate = (rules: Rules) => (c: AggregateClaim): Aggregate => ({
  reportId: c.reportId, source: c.source, outcome: c.outcome, group: c.group, affiliation: c.affiliation,
  value: c.value ?? c.vagueMin ?? rules.reconcile.vague.defaultMin, quote: c.quote, span: [c.span[0], c.span[1]],
});

const countClaims = (incidents: readonly Incident[]): number =>
  incidents.reduce((n, i) => n + i.tolls.reduce((k, t) => k + t.claims.length, 0), 0);
const countStances = (incidents: readonly Incident[]): number =>
  incidents.reduce((n, i) => n + i.attributions.reduce((k, a) => k + a.stances.length, 0), 0);

/** Clustering, reconciliation and assembly, from extractions (tests and other front ends start here). */
export const reconcileExtracted = (input: PipelineInput) => (extracted: readonly ExtractedReport[]): PipelineResult => {
  const { rules } = input;
  const reports = [...extracted].sort((p, q) => cmp(p.report.id, q.report.id));
  const mentions = reports.flatMap((e) => e.extraction.mentions);
  const { progress } = input;
  progress?.({ stage: 'cluster', done: 0, total: mentions.length });
  const clustering = clusterMentions(rules)(mentions);
  if (input.decisions?.length) {
    const decided = decideClusters(input, reports)(clustering);
    return { output: assembleOutput(input)(reports, decided.incidents, decided), clustering };
  }
  const kept = clustering.clusters.filter(keepCluster(rules));
  progress?.({ stage: 'reconcile', done: 0, total: kept.length });
  const reconcile = reconcileIncident(rules);
  const incidents = kept.map((c, i) => {
    if (progress && (i + 1) % PROGRESS_EVERY === 0) progress({ stage: 'reconcile', done: i + 1, total: kept.length });
    return reconcile(c);
  });
  return { output: assembleOutput(input)(reports, incidents), clustering };
};

/** The clusters with the decisions applied (src/decisions/apply.ts), reconciled. */
export const decideClusters = (input: Pick<PipelineInput, 'rules' | 'decisions'>, reports: readonly ExtractedReport[]) => (clustering: Clustering): Decided =>
  applyDecisions({
    rules: input.rules,
    reports: new Map(reports.map(({ report: r }) => [r.id, { text: r.text, publishedAt: r.publishedAt }])),
    clusters: clustering.clusters,
    recluster: (ms, constraints) => clusterMentions(input.rules)(ms, constraints),
    keep: keepCluster(input.rules),
  })(input.decisions ?? []);

/** Whether a cluster becomes an incident: it has a toll, or the rules keep incidents without one. */
export const keepCluster = (rules: Rules) => (c: Cluster): boolean =>
  rules.reconcile.keepIncidentsWithoutTolls || c.mentions.some((m) => m.claims.length > 0);

/**
 * The output around reconciled incidents: reports, incidents in order, aggregates, warnings
 * and the accounting. `run` and the incident store's export both assemble it here.
 */
export const assembleOutput = (input: Omit<PipelineInput, 'reports' | 'progress'>) =>
  (extracted: readonly ExtractedReport[], reconciled: readonly Incident[], decided?: Omit<Decided, 'incidents'>): Output => {
    const { rules } = input;
    const reports = [...extracted].sort((p, q) => cmp(p.report.id, q.report.id));
    const extractions = reports.map((e) => e.extraction);
    const mentions = extractions.flatMap((x) => x.mentions);
    const incidents = sortIncidents(reconciled);
    const aggregates = extractions.flatMap((x) => x.aggregates)
      .sort((p, q) => cmp(p.reportId, q.reportId) || p.span[0] - q.span[0] || p.span[1] - q.span[1] || cmp(p.id, q.id))
      .map(toAggregate(rules));
    const stancesExtracted = extractions.reduce((n, x) => n + x.looseStances.length + x.mentions.reduce((k, m) => k + m.stances.length, 0), 0);
    const stancesInIncidents = countStances(incidents);
    const accounting: Accounting = {
      reportsRead: reports.length,
      reportsSkipped: input.reportsSkipped,
      ...(input.reportsSkippedBy ? { reportsSkippedBy: { ...input.reportsSkippedBy } } : {}),
      claimsExtracted: mentions.reduce((n, m) => n + m.claims.length, 0) + aggregates.length,
      claimsInIncidents: countClaims(incidents),
      claimsInAggregates: aggregates.length,
      stancesExtracted,
      stancesInIncidents,
      stancesWithoutIncident: stancesExtracted - stancesInIncidents,
      ...(decided ? { claimsRejected: decided.claimsRejected, claimsAdded: decided.claimsAdded } : {}),
    };
    const warnings: Warning[] = [
      ...input.readWarnings,
      ...reviewWarnings(rules.reconcile.limits?.outlierFactor)(incidents),
      ...extractions.flatMap((x) => x.warnings.map((w) => ({
        reportId: w.reportId, code: w.code, message: w.message, ...(w.location === undefined ? {} : { location: w.location }),
      }))),
      ...(decided?.warnings ?? []),
    ];
    return {
      schemaVersion: SCHEMA_VERSION,
      rulesHash: input.rulesHash,
      reports: reports.map(({ report: r }) => ({ id: r.id, publishedAt: r.publishedAt, outlet: r.outlet, language: r.language })),
      incidents,
      aggregates,
      warnings,
      accounting,
      ...(decided ? { decisions: [...decided.statuses] } : {}),
    };
  };

/** The whole pipeline, with the clustering kept for explanations. */
export const reconcileReportsDetailed = (input: PipelineInput): PipelineResult =>
  pipe(input.reports, sortReports, extractAll(input.rules, input.progress, input.extracted, input.extract), reconcileExtracted(input));

export const reconcileReports = (input: PipelineInput): Output => reconcileReportsDetailed(input).output;
