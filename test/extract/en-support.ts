/** English snippets through the shipped rules: claims as "outcome/group/affiliation=value qualifier". */
import type { Extraction, Stance, TollClaim } from '../../src/model/claim.js';
import { claimsOf, extract } from './support.js';

export const en = (text: string, opts: { publishedAt?: string | null; outlet?: string | null } = {}): Extraction =>
  extract(text, { language: 'en', publishedAt: opts.publishedAt === undefined ? '2019-05-15' : opts.publishedAt, outlet: opts.outlet === undefined ? 'ap' : opts.outlet });

export const claimsEn = (text: string, opts?: { publishedAt?: string | null; outlet?: string | null }): TollClaim[] => claimsOf(en(text, opts));
export const figures = (text: string): string[] => claimsEn(text).map((c) => `${c.outcome}/${c.group}/${c.affiliation ?? '-'}=${c.value}`);
export const stancesEn = (text: string, outlet: string | null = 'ap'): Stance[] => {
  const x = en(text, { outlet });
  return [...x.mentions.flatMap((m) => m.stances), ...x.looseStances];
};
export const stanceBrief = (s: Stance): string => `${s.source} ${s.stance} ${s.actor}`;
