/**
 * inspect --parse: how the constructions read each sentence of the incident's reports that
 * holds a figure: the claims with the construction that read each, and the figures seen but
 * not taken, with why. Report text is cleaned and its right-to-left runs isolated (bidi.ts).
 */
import type { SentenceParse } from '../extract/parse.js';
import { terminalText } from './bidi.js';

const t = terminalText;

const claimLine = (c: SentenceParse['claims'][number], k: number): string => {
  const who = c.affiliation ? `${c.group}/${c.affiliation}` : c.group;
  const part = c.partOf === null ? '' : `, part of claim ${c.partOf + 1}`;
  return `    ${k + 1}. ${c.outcome} ${who} = ${c.value ?? 'vague'} (${c.qualifier}${part})  by ${c.rule}  «${t(c.quote)}»`;
};

/** One report's parse, sentence by sentence. */
export const renderParse = (reportId: string, sentences: readonly SentenceParse[] | null): string => {
  const lines = [`Parse of ${t(reportId)}:`];
  if (sentences === null) lines.push('  (no extraction rules for its language)');
  else if (!sentences.length) lines.push('  (no sentence holds a figure)');
  for (const s of sentences ?? []) {
    lines.push(`  «${t(s.sentence)}»`);
    if (s.claims.length) lines.push('    claims:', ...s.claims.map((c, k) => `  ${claimLine(c, k)}`));
    for (const f of s.notTaken) lines.push(`    not taken: «${t(f.quote)}» (${f.value ?? 'vague'}): ${f.why.join('; ')}`);
  }
  return `${lines.join('\n')}\n`;
};
