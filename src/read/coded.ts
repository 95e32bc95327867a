/**
 * Validation of hand-coded claims and stances inside a structured report. Each one is
 * checked on its own (schema, quote against span, ids, part-of links); an invalid one is
 * skipped with a located warning and the rest of the report is kept.
 */
import type { z } from 'zod';
import type { LanguageGuess } from './text.js';
import type { FigureMarks } from './markup.js';
import type { Warning } from '../model/contract.js';
import { CodedClaim, CodedStance, type CodedReportContent } from '../model/report.js';
import { ReadCode, at, issueWarnings, readWarning, show } from './problems.js';

/** Ids and limits the reader can check coded values against (from the rule set); omitted = not checked. */
export type KnownIds = {
  readonly actors?: ReadonlySet<string>;
  readonly sources?: ReadonlySet<string>;
  /** rules/reconcile.yaml `limits`: the largest figure one claim may state */
  readonly limits?: { readonly maxPerIncident: number; readonly maxPerAggregate: number };
  /** how a report that gives no language is given one (src/rules/guess.ts); omitted: 'und' */
  readonly languages?: LanguageGuess;
  /** the marks of figures the rule set's scripts declare (src/rules/figure-marks.ts); omitted: ASCII only */
  readonly figures?: FigureMarks;
};

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

type Problem = { readonly path: readonly PropertyKey[]; readonly message: string; readonly code?: ReadCode };

/** The quote must be non-empty and be exactly what the span covers in the report text. */
const quoteProblems = (text: string | undefined, quote: string, span: readonly [number, number]): Problem[] => {
  if (quote.trim() === '') return [{ path: ['quote'], message: 'a quote cannot be empty' }];
  if (text === undefined || text.slice(span[0], span[1]) === quote) return [];
  const found = text.indexOf(quote);
  const hint = found < 0 ? 'the quote does not occur in the text' : `the quote is at [${found}, ${found + quote.length}]`;
  return [{ path: ['span'], code: ReadCode.spanMismatch,
    message: `span [${span[0]}, ${span[1]}] covers ${show(text.slice(span[0], span[1]))}, not the quote ${show(quote)}; ${hint}` }];
};

const idProblems = (field: string, value: string | null, actors?: ReadonlySet<string>): Problem[] => {
  if (value === null) return [];
  if (!SLUG.test(value)) return [{ path: [field], message: `expected a lowercase slug id (a-z, 0-9, -), got ${show(value)}` }];
  if (actors && !actors.has(value)) return [{ path: [field], message: `unknown actor ${show(value)}: not in rules/actors.yaml` }];
  return [];
};

/** A figure no single claim can state: more killed than a city holds (rules/reconcile.yaml `limits`). */
const ceilingProblems = (c: CodedClaim, limits: KnownIds['limits']): Problem[] => {
  if (!limits || c.value === null) return [];
  const [max, key, what] = c.aggregate
    ? [limits.maxPerAggregate, 'maxPerAggregate', 'a total over many events'] as const
    : [limits.maxPerIncident, 'maxPerIncident', 'one incident'] as const;
  return c.value > max
    ? [{ path: ['value'], message: `${c.value} is more than ${what} can have (limits.${key} in rules/reconcile.yaml is ${max}); the claim is rejected` }]
    : [];
};

const claimProblems = (c: CodedClaim, index: number, count: number, text: string | undefined, known: KnownIds): Problem[] => [
  ...quoteProblems(text, c.quote, c.span),
  ...idProblems('source', c.source), ...idProblems('via', c.via),
  ...idProblems('affiliation', c.affiliation, known.actors),
  ...(c.places ?? []).flatMap((p, i) => (SLUG.test(p) ? [] : [{ path: ['places', i], message: `expected a gazetteer id (a lowercase slug: a-z, 0-9, -), got ${show(p)}` }])),
  ...(c.affiliation !== null && c.group !== 'combatants'
    ? [{ path: ['affiliation'], message: `an affiliation is only for group "combatants", not "${c.group}"` }] : []),
  ...ceilingProblems(c, known.limits),
  ...(c.value === null && c.qualifier !== 'vague'
    ? [{ path: ['value'], message: 'a claim without a value must have qualifier "vague"' }] : []),
  ...(c.date && typeof c.date === 'object' && c.date.end < c.date.start
    ? [{ path: ['date'], message: 'the date range ends before it starts' }] : []),
  ...(c.partOf !== null && c.partOf !== undefined && (c.partOf >= count || c.partOf === index)
    ? [{ path: ['partOf'], message: `partOf must be the index of another claim in this report (0..${count - 1})` }] : []),
];

const stanceProblems = (s: CodedStance, text: string | undefined, known: KnownIds): Problem[] => [
  ...quoteProblems(text, s.quote, s.span),
  ...idProblems('source', s.source), ...idProblems('via', s.via),
  ...idProblems('actor', s.actor, known.actors),
];

type Checked<T> = { readonly kept: readonly { item: T; index: number }[]; readonly warnings: Warning[] };

const checkAll = <T>(
  raw: readonly unknown[], field: 'claims' | 'stances', code: ReadCode, where: string, reportId: string,
  schema: z.ZodType<T>,
  problems: (item: T, index: number) => Problem[],
): Checked<T> => {
  const kept: { item: T; index: number }[] = [];
  const warnings: Warning[] = [];
  raw.forEach((v, index) => {
    const r = schema.safeParse(v);
    if (!r.success) { warnings.push(...issueWarnings(code, where, r.error, reportId, [field, index], v)); return; }
    const found = problems(r.data, index);
    if (found.length) {
      warnings.push(...found.map((p) => readWarning(p.code ?? code, at(where, [field, index, ...p.path]), p.message, reportId)));
      return;
    }
    kept.push({ item: r.data, index });
  });
  return { kept, warnings };
};

/** Drop partOf links into skipped claims, renumber the rest, and break any partOf cycle. */
const relink = (kept: readonly { item: CodedClaim; index: number }[], where: string, reportId: string):
  { claims: CodedClaim[]; warnings: Warning[] } => {
  const newIndex = new Map(kept.map((k, i) => [k.index, i]));
  const warnings: Warning[] = [];
  const drop = (index: number, message: string): null => {
    warnings.push(readWarning(ReadCode.partOfDropped, at(where, ['claims', index, 'partOf']), message, reportId));
    return null;
  };
  const claims = kept.map(({ item, index }) => {
    if (item.partOf === null || item.partOf === undefined) return item;
    const target = newIndex.get(item.partOf);
    return { ...item, partOf: target ?? drop(index, `claim ${item.partOf} was skipped, so this claim is kept without its whole`) };
  });
  return {
    claims: claims.map((c, i) => {
      const seen = new Set<number>([i]);
      for (let p = c.partOf; p !== null && p !== undefined; p = claims[p]!.partOf) {
        if (seen.has(p)) return { ...c, partOf: drop(kept[i]!.index, 'partOf links form a cycle; the link is dropped') };
        seen.add(p);
      }
      return c;
    }),
    warnings,
  };
};

/** Unknown source ids are kept (sources are open: any outlet), but said. */
const unknownSources = (content: CodedReportContent, where: string, reportId: string, known?: ReadonlySet<string>): Warning[] => {
  if (!known) return [];
  const ids = new Set([...content.claims, ...content.stances].flatMap((c) => (c.via === null ? [c.source] : [c.source, c.via])));
  return [...ids].filter((id) => !known.has(id)).sort().map((id) =>
    readWarning(ReadCode.unknownSource, where, `source ${show(id)} is not in rules/sources.yaml; kept as its own source`, reportId));
};

/** Validated coded content of one structured record, with a warning per skipped claim or stance. */
export const checkCoded = (where: string, reportId: string, text: string | undefined, known: KnownIds) =>
  (claims: readonly unknown[], stances: readonly unknown[]): { content: CodedReportContent; warnings: Warning[] } => {
    const c = checkAll(claims, 'claims', ReadCode.invalidClaim, where, reportId, CodedClaim,
      (item, index) => claimProblems(item, index, claims.length, text, known));
    const s = checkAll(stances, 'stances', ReadCode.invalidStance, where, reportId, CodedStance,
      (item) => stanceProblems(item, text, known));
    const linked = relink(c.kept, where, reportId);
    const content = { claims: linked.claims, stances: s.kept.map((k) => k.item) };
    return { content, warnings: [...c.warnings, ...s.warnings, ...linked.warnings, ...unknownSources(content, where, reportId, known.sources)] };
  };
