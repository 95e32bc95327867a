/**
 * How the constructions parsed each sentence of a report that holds a figure (inspect --parse):
 * the claims read and the construction that read each, and every figure seen but not taken,
 * with why (a construction held it as no casualty figure, a part or item found no claim to hang
 * on, another reading took its tokens, or no construction reads it). This is the grammar's
 * reading, before speakers, totals and the report's events are worked out.
 */
import type { Report } from '../model/report.js';
import type { Rules } from '../rules/schema.js';
import type { DraftClaim } from './claims.js';
import type { Traced } from './constructions.js';
import { readConstructions } from './constructions.js';
import type { Kit } from './kit.js';
import { compileKit } from './kit.js';
import { readText } from './text.js';
import type { Sentence, Token } from './tokens.js';
import { spanOf } from './tokens.js';
import type { Folded } from '../text/normalise.js';

export type ParsedClaim = {
  readonly rule: string;
  readonly outcome: string;
  readonly group: string;
  readonly affiliation: string | null;
  readonly value: number | null;
  readonly qualifier: string;
  readonly partOf: number | null;
  readonly quote: string;
};

export type FigureNotTaken = { readonly quote: string; readonly value: number | null; readonly why: readonly string[] };

export type SentenceParse = { readonly sentence: string; readonly claims: readonly ParsedClaim[]; readonly notTaken: readonly FigureNotTaken[] };

const quoteOf = (text: string, folded: Folded, tokens: readonly Token[], from: number, to: number): string => {
  const [a, b] = spanOf(folded, tokens, from, Math.max(from, to));
  return text.slice(a, b).replace(/\s+/g, ' ');
};

const why = (t: Traced): string => {
  switch (t.result) {
    case 'held': return `${t.rule} holds it: it counts no casualties`;
    case 'nothing to hang on': return `${t.rule} read it as a part or item, but no claim was there to hang it on`;
    case 'figure read already': return `${t.rule} matched, but its figure was read already`;
    case 'built': return `${t.rule} read it`;
  }
};

/** The figures of a sentence, each once: [from, to, value]. */
const figuresIn = (kit: Kit, tokens: readonly Token[], s: Sentence): [number, number, number | null][] => {
  const out: [number, number, number | null][] = [];
  for (let i = s.from; i < s.to; i++) {
    const f = kit.numbers.readAt(tokens, i, s.to);
    if (!f) continue;
    out.push([f.from, f.to, f.value]);
    i = f.to;
  }
  return out;
};

const parseSentence = (kit: Kit, text: string, folded: Folded, tokens: readonly Token[], s: Sentence): SentenceParse | null => {
  const traces: Traced[] = [];
  const claims: DraftClaim[] = readConstructions(kit, tokens, s, null, (t) => traces.push(t));
  const figures = figuresIn(kit, tokens, s);
  if (!claims.length && !figures.length) return null;
  const overlaps = (a: number, b: number, c: number, d: number) => a <= d && c <= b;
  const read = (a: number, b: number) => claims.some((c) => overlaps(a, b, c.from, c.to));
  const notTaken = figures.filter(([a, b]) => !read(a, b)).map(([a, b, value]): FigureNotTaken => {
    const about = traces.filter((t) => t.result !== 'built' && overlaps(a, b, t.figure[0], t.figure[1]));
    const reasons = [...new Set(about.map(why))];
    return { quote: quoteOf(text, folded, tokens, a, b), value, why: reasons.length ? reasons : ['no construction reads it'] };
  });
  return {
    sentence: quoteOf(text, folded, tokens, s.from, s.to - 1),
    claims: claims.map((c) => ({
      rule: c.rule ?? '?', outcome: c.outcome, group: c.group, affiliation: c.affiliation, value: c.value, qualifier: c.qualifier,
      partOf: c.partOf, quote: quoteOf(text, folded, tokens, c.from, c.to),
    })),
    notTaken,
  };
};

/** The parse of every sentence of a report that holds a figure or a claim; null when its language has no rules. */
export const parseReport = (rules: Rules) => {
  const kits = new Map<string, Kit | null>();
  return (report: Report): SentenceParse[] | null => {
    if (!kits.has(report.language)) kits.set(report.language, compileKit(rules, report.language));
    const kit = kits.get(report.language) ?? null;
    if (!kit || !report.text) return kit ? [] : null;
    const { folded, tokens, sentences } = readText(kit, report);
    return sentences.flatMap((s) => parseSentence(kit, report.text!, folded, tokens, s) ?? []);
  };
};
