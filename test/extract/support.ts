/** Runs the text extractor on a snippet with the shipped rules. */
import { extractReport } from '../../src/extract/index.js';
import type { Extraction, TollClaim } from '../../src/model/claim.js';
import { shippedRules } from '../support/rules.js';

let extractor: ReturnType<typeof extractReport> | null = null;

export const extract = (text: string, opts: { publishedAt?: string | null; outlet?: string | null; language?: string } = {}): Extraction => {
  extractor ??= extractReport(shippedRules().rules);
  return extractor({
    id: 'r1', publishedAt: opts.publishedAt ?? null, outlet: opts.outlet ?? null, language: opts.language ?? 'ar',
    url: null, text, coded: null, origin: 'test',
  });
};

export const claimsOf = (x: Extraction): TollClaim[] => x.mentions.flatMap((m) => m.claims);
export const brief = (c: TollClaim) => `${c.outcome}/${c.group}/${c.affiliation ?? '-'}=${c.value}`;
