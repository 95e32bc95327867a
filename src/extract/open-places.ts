/**
 * Open-world places: a name right after a place-kind word ("the village of", "قرية",
 * rules/languages/<lang>/places.yaml) that the gazetteer does not have is still a place,
 * unresolved, carried with its name as written. Where the name ends:
 * - in a script that capitalises names, over capitalised words and the particles between
 *   them ("Tal al-Karama");
 * - otherwise, one word, and the next while the name is compound: after a head word ("تل",
 *   "كفر") or when the next word carries the article ("معرة النعمان"); never over a stop
 *   word ("في", "الواقعة", a weekday) or a number.
 * Pure: reads tokens, the folded text and the original text.
 */
import type { PlaceWordRules } from '../rules/place-words-schema.js';
import type { Folded } from '../text/normalise.js';
import type { Lexicon, Matcher } from './lexicon.js';
import type { Token } from './tokens.js';
import { spanOf } from './tokens.js';

export type OpenName = { readonly from: number; readonly to: number; readonly name: string; readonly folded: string };

export type OpenNameReader = (original: string, folded: Folded, tokens: readonly Token[], i: number, limit: number) => OpenName | null;

/**
 * Whether a gazetteer name found at a name's first word is only the start of a longer name
 * the gazetteer lacks: "تل" (al-Tall) in "قرية تل عقربات". In a capitalising script a longer
 * run of capitalised words is that evidence; otherwise the gazetteer name must end in a head word.
 */
export const longerName = (open: OpenName | null, knownTo: number, capitalised: boolean, endsInHead: boolean): boolean =>
  open !== null && open.to > knownTo && (capitalised || endsInHead);

export const makeOpenNameReader = (rules: PlaceWordRules, matcher: Matcher, capitalised: boolean, known: Lexicon<unknown>): { read: OpenNameReader; isHead: (word: string) => boolean } => {
  const { fold } = matcher.folding;
  // one-word stops, compared as written (Latin) or with clitics stripped (Arabic "وفي"): the place
  // matcher's folds would read "at" as the article "al"
  const stopWords = new Set(rules.nameStops.map(fold));
  const stopAt = (tokens: readonly Token[], j: number): boolean => {
    const w = tokens[j]!.text;
    return stopWords.has(w) || (!capitalised && matcher.variants(w).some((v) => stopWords.has(v)));
  };
  const heads = new Set(rules.nameHeads.map(fold));
  // a word carrying the article continues a name (rules: nameArticles)
  const articles = rules.nameArticles.map(fold);
  const articled = (w: string): boolean => articles.some((a) => w.startsWith(a) && w.length > a.length + 1);
  const particles = new Set(rules.nameParticles.map(fold));
  const isHead = (w: string): boolean => heads.has(w) || matcher.variants(w).some((v) => heads.has(v));
  const upper = (original: string, folded: Folded, t: Token): boolean => {
    const ch = original[folded.map[t.start] ?? 0] ?? '';
    return ch !== ch.toLowerCase();
  };
  const wordAt = (tokens: readonly Token[], j: number, limit: number): Token | null => {
    const t = tokens[j];
    return j < limit && t && t.kind === 'word' && t.text.length >= 2 ? t : null;
  };
  const read = (original: string, folded: Folded, tokens: readonly Token[], i: number, limit: number): OpenName | null => {
    const first = wordAt(tokens, i, limit);
    if (!first || stopAt(tokens, i)) return null;
    if (capitalised && !upper(original, folded, first)) return null;
    let to = i;
    let words = 1;
    for (let j = i + 1; j < limit && words < rules.maxNameWords; j++) {
      const t = wordAt(tokens, j, limit);
      if (!t || stopAt(tokens, j)) break;
      if (capitalised) {
        if (upper(original, folded, t)) { to = j; words++; continue; }
        // a particle inside the name: a capitalised word must follow it
        const n = wordAt(tokens, j + 1, limit);
        if (particles.has(t.text) && n && upper(original, folded, n)) continue;
        break;
      }
      const last = tokens[to]!.text;
      // a head takes the next word whatever it is; a word with the article continues a name unless it starts another
      if (isHead(last) || (articled(t.text) && !known.matchAt(tokens, j, limit))) {
        to = j; words++;
        continue;
      }
      break;
    }
    const span = spanOf(folded, tokens, i, to);
    const name = original.slice(span[0], span[1]).trim();
    return name ? { from: i, to, name, folded: tokens.slice(i, to + 1).map((t) => t.text).join(' ') } : null;
  };
  return { read, isHead };
};
