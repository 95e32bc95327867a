/**
 * Page furniture (rules/languages/<lang>/furniture.yaml): the lines of a web page that are
 * not the report: captions and photo credits, "Read also" headlines (another story), bylines,
 * tags and share buttons, and the dateline before a wire story's first sentence
 * ("BEIRUT (Reuters) -", which says where the report was filed, not where the event was).
 * They are blanked in the folded text before it is read, offsets kept, so that a furniture
 * line never dates or places an event and no figure in it is a claim. Pure.
 */
import type { FurnitureRules } from '../rules/furniture-schema.js';
import { fold } from '../text/normalise.js';
import type { Folded } from '../text/normalise.js';
import { CAPTION_MARK } from '../text/marks.js';

/** A blanked stretch of the folded text, [from, to), and why. */
export type FurnitureSpan = { readonly from: number; readonly to: number; readonly kind: FurnitureKind };
export type FurnitureKind = 'caption' | 'other-story' | 'byline' | 'widget' | 'metadata' | 'dateline';

const LETTER = /\p{L}/u;
const words = (s: string): string[] => s.split(/\s+/u).filter((w) => LETTER.test(w) || /\d/u.test(w));

/** `line` begins with `phrase` as whole words. */
const beginsWith = (line: string, phrase: string): boolean =>
  line.startsWith(phrase) && !LETTER.test(line.charAt(phrase.length));

export const findFurniture = (rules: FurnitureRules) => {
  const f = (ps: readonly string[]) => ps.map(fold).filter((p) => p.length > 0);
  const captionLabels = f(rules.captionLabels), credits = f(rules.credits), others = f(rules.otherStories);
  const bylines = f(rules.bylines), widgets = f(rules.widgets), metadata = f(rules.metadata), dashes = f(rules.datelineDashes);
  const widgetWords = new Set(widgets.flatMap((w) => w.split(' ')));
  const creditIn = (inner: string): boolean => credits.some((c) => inner.split(/[\s/,;]+/u).join(' ').includes(c));
  /** A parenthesised credit closing the line: "(AFP)", "(AP Photo/File)". */
  const endsInCredit = (line: string): boolean => {
    const m = /\(([^()]*)\)\s*$/u.exec(line);
    return m !== null && creditIn(m[1]!);
  };
  const kindOf = (line: string): FurnitureKind | null => {
    const n = words(line).length;
    if (line.startsWith(CAPTION_MARK)) return 'caption';
    if (others.some((p) => beginsWith(line, p))) return 'other-story';
    if (metadata.some((p) => beginsWith(line, p))) return 'metadata';
    if (captionLabels.some((p) => beginsWith(line, p))) return 'caption';
    if (endsInCredit(line) && n <= 40) return 'caption';
    // names only: no figure, and no sentence closed or going on ("By nightfall the toll stood at 58.")
    if (bylines.some((p) => beginsWith(line, p)) && n <= rules.maxBylineWords && !/[.!?؟]\s*\S|[.!?؟]\s*$|[\d٠-٩]/u.test(line)) return 'byline';
    // a filing line on its own: a few words closed by the outlet in quotes or parentheses ("أنقرة - إدلب: «الشرق الأوسط»")
    if (n <= rules.maxDatelineWords && /[-–—:]/u.test(line) && /("[^"]+"|«[^«»]+»|\([^()]+\))\s*$/u.test(line) && !/[.!?؟\d٠-٩]/u.test(line)) return 'dateline';
    if (widgets.some((p) => beginsWith(line, p)) && n <= 10) return 'widget';
    // a row of buttons: every word a widget word, counts and separators aside, and one word at least
    const lettered = words(line).filter((w) => LETTER.test(w)).map((w) => w.replace(/[^\p{L}\d]/gu, ''));
    if (lettered.length > 0 && lettered.every((w) => widgetWords.has(w)) && words(line).every((w) => LETTER.test(w) || !/\d{3,}/u.test(w))) return 'widget';
    return null;
  };
  /**
   * A dateline at the start of a line: a few words before a dash that name a credit
   * ("BEIRUT (AP) —", "بيروت (أ ف ب) -") or begin with a word in capitals ("NEW YORK, 26 October 2016 –").
   * Returns the length of the dateline and its dash, or 0.
   */
  const datelineLength = (line: string, originalLine: string): number => {
    let best = 0;
    for (const d of dashes) {
      const at = line.indexOf(` ${d} `) >= 0 ? line.indexOf(` ${d} `) + 1 : -1;
      const end = at >= 0 ? at : -1;
      if (end <= 0) continue;
      const head = line.slice(0, end);
      if (words(head).length > rules.maxDatelineWords || /[.!?؟:]/u.test(head.replace(/\b[a-z]{3,4}\.\s/gu, ' '))) continue;
      const paren = /\(([^()]*)\)\s*$/u.exec(head.trim());
      const firstWord = originalLine.trim().split(/[\s,]+/u)[0] ?? '';
      const capitals = /^\p{Lu}{3,}$/u.test(firstWord);
      if ((paren && creditIn(paren[1]!)) || capitals) best = Math.max(best, end + d.length);
    }
    return best;
  };
  return (original: string, folded: Folded): FurnitureSpan[] => {
    const out: FurnitureSpan[] = [];
    const text = folded.text;
    let start = 0;
    while (start <= text.length) {
      const nl = text.indexOf('\n', start);
      const end = nl < 0 ? text.length : nl;
      const raw = text.slice(start, end);
      const lead = raw.length - raw.trimStart().length;
      const line = raw.trim();
      if (line) {
        const kind = kindOf(line);
        const from = start + lead;
        if (kind) out.push({ from, to: from + line.length, kind });
        else {
          const o = original.slice(folded.map[from] ?? 0, folded.map[Math.min(end, text.length - 1)] ?? original.length);
          const len = datelineLength(line, o);
          if (len) out.push({ from, to: from + len, kind: 'dateline' });
        }
      }
      if (nl < 0) break;
      start = nl + 1;
    }
    return out;
  };
};

/** The folded text with furniture blanked (spaces; offsets and the map to the original unchanged). */
export const maskFurniture = (rules: FurnitureRules) => {
  const find = findFurniture(rules);
  return (original: string, folded: Folded): Folded => {
    const spans = find(original, folded);
    if (!spans.length) return folded;
    // offsets are UTF-16 units: blank by units, not code points
    const units = folded.text.split('');
    for (const s of spans) for (let k = s.from; k < s.to; k++) if (units[k] !== '\n') units[k] = ' ';
    return { ...folded, text: units.join('') };
  };
};
