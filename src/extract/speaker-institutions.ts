/**
 * Institutions named in lower case (rules: sources `institutions`): "the health directorate in Idlib",
 * "the local council of X", "the Idlib health directorate", "the defence ministry". Such a phrase is an
 * article, a capitalised name or up to two lower-case words before a head noun, and a place or
 * owner after "in"/"of". It refers back to the last source named whose name holds its words ("the
 * defence ministry" after the Russian Defence Ministry), or to the last of its type; else, with words
 * of its own, it names a source of its own (`unlisted:`, its name as written). The office of a listed
 * source ("the media office of the SDF") is that source.
 */
import type { Source } from '../rules/schema.js';
import { namesIn } from './kit.js';
import type { Match } from './lexicon.js';
import { nextToken } from './lexicon.js';
import type { Reading } from './speaker-names.js';
import { asMatch, capitalRunFrom, capitalised } from './speaker-names.js';

/** how many lower-case words may stand before the head noun */
const MODIFIERS = 2;

/** the lower-case words of a source's names (its name and its aliases in the reading's language) */
const wordsOf = (r: Reading, src: Source): ReadonlySet<string> => {
  const names = [src.name, ...namesIn(src.aliases, r.kit.aliasKeys)];
  const out = new Set<string>();
  for (const n of names) for (const w of r.kit.matcher.words(n)) out.add(w.toLowerCase());
  return out;
};

/** The last source named whose names hold every word, or else (a head of one word, "the aid group") the
 *  last source whose type the head's type words give. */
const referredTo = (r: Reading, words: readonly string[], head: string, compound: boolean): Source | null => {
  for (let j = r.named.length - 1; j >= 0; j--) {
    const ws = wordsOf(r, r.named[j]!);
    if (words.every((w) => ws.has(w))) return r.named[j]!;
  }
  // a head of more than one word ("the local council", "the health directorate") is a name, not a type
  if (compound) return null;
  const types = r.sk.typeWords.filter(([, set]) => set.has(head)).map(([t]) => t);
  for (let j = r.named.length - 1; j >= 0 && types.length; j--) {
    if ((r.named[j]!.types ?? []).some((t) => types.includes(t))) return r.named[j]!;
  }
  return null;
};

/** The institution whose phrase starts at token k, or null. */
export const institutionAt = (r: Reading, k: number): Match<Source> | null => {
  const { tokens, s, sk } = r;
  if (!r.capitals || !sk.institutions.size) return null;
  // the phrase opens with the article or a capitalised name ("a hospital director", "its office" are none)
  let i = k;
  if (sk.articles.has(tokens[i]!.text)) i = nextToken(tokens, i, s.to);
  else if (!capitalised(r, k)) return null;
  if (i >= s.to) return null;
  // a capitalised name before the head ("the Idlib health directorate")
  const lead = capitalised(r, i) ? capitalRunFrom(r, i, s.to) : null;
  if (lead) for (let j = lead[0]; j <= lead[1]; j++) if (r.coveredBy[j - s.from]) return null;
  let h = lead ? nextToken(tokens, lead[1], s.to) : i;
  const words: string[] = [];
  let head: Match<true> | null = null;
  for (let n = 0; h < s.to && n <= MODIFIERS; n++) {
    const t = tokens[h]!;
    if (t.kind !== 'word' || capitalised(r, h) || r.coveredBy[h - s.from]) return null;
    head = sk.institutions.matchAt(tokens, h, s.to);
    if (head) break;
    if (sk.stops.matchAt(tokens, h, s.to) || r.kit.speech.matchAt(tokens, h, s.to)) return null;
    words.push(t.text);
    h = nextToken(tokens, h, s.to);
  }
  if (!head) return null;
  const headWords = tokens.slice(head.from, head.to + 1).filter((t) => t.kind === 'word').map((t) => t.text);
  // "in Idlib", "of the SDF": a place, or a listed owner whose office it is
  const link = nextToken(tokens, head.to, s.to);
  let end = head.to;
  if (link < s.to && sk.institutionLinks.has(tokens[link]!.text)) {
    let o = nextToken(tokens, link, s.to);
    if (o < s.to && sk.articles.has(tokens[o]!.text)) o = nextToken(tokens, o, s.to);
    const owner = o < s.to ? r.listedAt[o - s.from] : undefined;
    if (owner) return { value: owner.value, from: k, to: owner.to };
    const place = o < s.to && capitalised(r, o) ? capitalRunFrom(r, o, s.to) : null;
    if (place) end = place[1];
  }
  // "the local hospital": words that name nothing (rules: unlisted.notNames) leave it unnamed
  if (!lead && end === head.to && words.length && words.every((w) => sk.notNames.has(w))) return null;
  const all = [...words, ...headWords].map((w) => w.toLowerCase());
  if (!lead && end === head.to) {
    const ref = referredTo(r, all, all[all.length - 1]!, headWords.length > 1);
    if (ref) return { value: ref, from: k, to: head.to };
    // a head of one word names no source of its own ("the ministry"); a head of more does ("the health directorate")
    if (!words.length && headWords.length < 2) return null;
  }
  const m = asMatch(r, [lead ? lead[0] : i, end]);
  return m ? { value: m.value, from: k, to: end } : null;
};
