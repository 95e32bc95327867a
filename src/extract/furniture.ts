/**
 * Page furniture (rules/languages/<lang>/furniture.yaml): the lines of a web page that are
 * not the report: captions and photo credits, "Read also" headlines (another story), bylines,
 * tags and share buttons, and the dateline before a wire story's first sentence
 * ("BEIRUT (Reuters) -", which says where the report was filed, not where the event was).
 * They are blanked in the folded text before it is read, offsets kept, so that a furniture
 * line never dates or places an event and no figure in it is a claim. Pure.
 */
import type { FurnitureRules } from '../rules/furniture-schema.js';
import type { Folded } from '../text/normalise.js';
import { CAPTION_MARK } from '../text/marks.js';

/** A blanked stretch of the folded text, [from, to), and why. */
export type FurnitureSpan = { readonly from: number; readonly to: number; readonly kind: FurnitureKind };
export type FurnitureKind = 'caption' | 'other-story' | 'byline' | 'widget' | 'metadata' | 'dateline' | 'repeat';

const LETTER = /\p{L}/u;
const isWord = (w: string): boolean => LETTER.test(w) || /\d/u.test(w);
/** The words of a line (`words`), counted up to `cap`: a long paragraph is not split to learn it has more than a few. */
const wordsUpTo = (s: string, cap: number): number => {
  let n = 0;
  for (const m of s.matchAll(/\S+/gu)) {
    if (n >= cap) break;
    if (isWord(m[0])) n++;
  }
  return n;
};
/** At most `max` words. */
const atMost = (s: string, max: number): boolean => wordsUpTo(s, max + 1) <= max;

/** `line` begins with `phrase` as whole words. */
const beginsWith = (line: string, phrase: string): boolean =>
  line.startsWith(phrase) && !LETTER.test(line.charAt(phrase.length));

const escape = (s: string): string => s.replace(/[\\^$.*+?()[\]{}|]/gu, '\\$&');

/** Tests of a line's punctuation, from the language's sentence ends (digits are ASCII once folded). */
const punctuationTests = (ends: readonly string[], fold: (s: string) => string) => {
  const e = ends.map(fold).filter(Boolean).map(escape).join('|') || '\\.';
  const closed = new RegExp(`(?:${e})\\s*\\S|(?:${e})\\s*$|\\d`, 'u');
  const endOrDigit = new RegExp(`(?:${e})|\\d`, 'u');
  const endOrColon = new RegExp(`(?:${e})|:`, 'u');
  return {
    /** a sentence closed or going on, or a figure ("By nightfall the toll stood at 58.") */
    sentence: (line: string): boolean => closed.test(line),
    /** a sentence mark or a figure anywhere */
    endOrDigit: (line: string): boolean => endOrDigit.test(line),
    /** a sentence mark or a colon anywhere */
    endOrColon: (line: string): boolean => endOrColon.test(line),
  };
};

/** A place before a dash: a few words ("Deir ez-Zor"), never a headline's clause. */
const MAX_FILING_PLACE_WORDS = 3;

/**
 * A filing line on its own, no sentence and no figure in it: a few words closed by the outlet in
 * quotes or parentheses ("أنقرة - إدلب: «الشرق الأوسط»"), or a place and the outlet after a dash
 * ("القامشلي - نورث برس", "Idlib – Enab Baladi").
 */
const filingLineTest = (credits: ReadonlySet<string>, dashes: readonly string[], sentenceOrFigure: (line: string) => boolean) => (line: string): boolean => {
  if (sentenceOrFigure(line)) return false;
  if (/[-–—:]/u.test(line) && /("[^"]+"|«[^«»]+»|\([^()]+\))\s*$/u.test(line)) return true;
  return dashes.some((d) => {
    const at = line.lastIndexOf(d);
    return at > 0 && credits.has(line.slice(at + d.length).trim()) && atMost(line.slice(0, at), MAX_FILING_PLACE_WORDS);
  });
};

/** The longest caption, in words: a longer line closed by a credit is the report's own paragraph. */
const MAX_CAPTION_WORDS = 40;

/**
 * A caption's credit after its last sentence or dash: a label ("Photo: Jane Roe"), a credit
 * joined to a name ("REUTERS/Jane Roe", "AFP via Getty Images"), or after a dash a credit alone
 * ("... - رويترز"). A few words, and no figure.
 */
const creditAtEnd = (rules: FurnitureRules, w: { captionLabels: readonly string[]; credits: readonly string[]; dashes: readonly string[]; ends: readonly string[]; joiners: readonly string[] }) => {
  const credit = new Set(w.credits);
  // a headline may end in its outlet after a dash ("Strikes kill 7 in Idlib - Reuters"): not a caption
  return (line: string, headline: boolean): boolean => {
    const afterEnd = Math.max(-1, ...w.ends.map((e) => { const k = line.lastIndexOf(e); return k < 0 ? -1 : k + e.length; }));
    const afterDash = Math.max(-1, ...w.dashes.map((d) => { const k = line.lastIndexOf(` ${d} `); return k < 0 ? -1 : k + d.length + 2; }));
    const cut = Math.max(afterEnd, afterDash);
    if (cut <= 0) return false;
    const tail = line.slice(cut).trim();
    if (!tail || /\d/u.test(tail) || !atMost(tail, rules.maxBylineWords)) return false;
    if (w.captionLabels.some((p) => beginsWith(tail, p))) return true;
    let pieces = [tail];
    for (const j of w.joiners) pieces = pieces.flatMap((p) => p.split(j.length > 1 ? ` ${j} ` : j));
    const named = pieces.map((p) => p.trim()).filter(Boolean);
    return (named.length > 1 && named.some((p) => credit.has(p))) || (!headline && afterDash === cut && credit.has(tail));
  };
};

/** A line of the folded text: where its text starts and its text, trimmed. */
type Line = { readonly from: number; readonly text: string };

const linesOf = (text: string): { line: Line; end: number }[] => {
  const out: { line: Line; end: number }[] = [];
  let start = 0;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    const raw = text.slice(start, end);
    const line = raw.trim();
    if (line) out.push({ line: { from: start + raw.length - raw.trimStart().length, text: line }, end });
    if (nl < 0) break;
    start = nl + 1;
  }
  return out;
};

/**
 * An "other stories" label at the start of a line: a phrase of several words as it begins the
 * line ("Read also ...", "اقرأ أيضاً ..."), a phrase of one word only when no word follows it
 * ("Related:", "Related", never "Related deaths rose to 12").
 */
const labelTests = (labels: readonly string[], headings: readonly string[] = []) => {
  const after = (line: string, p: string): string => line.slice(p.length);
  const opens = (line: string, p: string): boolean =>
    beginsWith(line, p) && (/\s/u.test(p) || /[:：]$/u.test(p) || !/^\s*[\p{L}\d]/u.test(after(line, p)));
  const bare = (line: string, p: string): boolean => beginsWith(line, p) && after(line, p).replace(/[\s:：|»›>\-–—.…]+/gu, '') === '';
  return {
    begins: (line: string): boolean => labels.some((p) => opens(line, p)) || headings.some((p) => bare(line, p)),
    /** the label alone (a heading over a list of links) */
    alone: (line: string): boolean => labels.some((p) => bare(line, p)) || headings.some((p) => bare(line, p)),
  };
};

/** What several of the tests below read of the rules, folded and compiled once. */
type Shared = {
  readonly f: (ps: readonly string[]) => string[];
  readonly credits: readonly string[];
  readonly creditIn: (inner: string) => boolean;
  readonly others: ReturnType<typeof labelTests>;
  readonly punct: ReturnType<typeof punctuationTests>;
};

/** Kinds of furniture a whole line can be, from the language's rules. */
const lineKinds = (rules: FurnitureRules, { f, credits, creditIn, others, punct }: Shared) => {
  const captionLabels = f(rules.captionLabels);
  const bylines = f(rules.bylines), widgets = f(rules.widgets), metadata = f(rules.metadata), dashes = f(rules.datelineDashes), embeds = f(rules.embeds);
  const newsletters = f(rules.newsletters);
  const filingLine = filingLineTest(new Set(credits), dashes, punct.endOrDigit);
  const widgetWords = new Set(widgets.flatMap((w) => w.split(' ')));
  /** A parenthesised credit closing the line: "(AFP)", "(AP Photo/File)", "(Photo: Jane Roe)", a shortcode's end aside ("…(Reuters)[/caption]"). */
  const endsInCredit = (line: string): boolean => { const m = /\(([^()]*)\)\s*(?:\[\/[^\]]*\]\s*)?$/u.exec(line); return m !== null && creditIn(m[1]!); };
  const tailCredit = creditAtEnd(rules, { captionLabels, credits, dashes, ends: f(rules.sentenceEnds), joiners: f(rules.creditJoiners) });
  // a row of buttons: every word a widget word, counts and separators aside, and one word at least
  // (a line of prose fails at its first word that is none, without the rest cleaned)
  const buttonRow = (line: string): boolean => {
    let lettered = 0;
    const ws: string[] = [];
    for (const m of line.matchAll(/\S+/gu)) {
      const w = m[0];
      if (!isWord(w)) continue;
      ws.push(w);
      if (!LETTER.test(w)) continue;
      lettered++;
      if (!widgetWords.has(w.replace(/[^\p{L}\d]/gu, ''))) return false;
    }
    return lettered > 0 && ws.every((w) => LETTER.test(w) || !/\d{3,}/u.test(w));
  };
  return (line: string, headline: boolean): FurnitureKind | null => {
    // how many words it has is asked only up to the few some kinds allow
    const upTo = (max: number): boolean => atMost(line, max);
    if (line.startsWith(CAPTION_MARK)) return 'caption';
    if (embeds.some((e) => line.includes(e))) return 'widget';
    if (others.begins(line)) return 'other-story';
    if (metadata.some((p) => beginsWith(line, p))) return 'metadata';
    if (captionLabels.some((p) => beginsWith(line, p))) return 'caption';
    if ((endsInCredit(line) || tailCredit(line, headline)) && upTo(MAX_CAPTION_WORDS)) return 'caption';
    // names only: no figure, and no sentence closed or going on ("By nightfall the toll stood at 58.")
    if (bylines.some((p) => beginsWith(line, p)) && upTo(rules.maxBylineWords) && !punct.sentence(line)) return 'byline';
    // a filing line on its own: a few words closed by the outlet in quotes or parentheses ("أنقرة - إدلب: «الشرق الأوسط»")
    if (upTo(rules.maxDatelineWords) && filingLine(line)) return 'dateline';
    if (widgets.some((p) => beginsWith(line, p)) && upTo(10)) return 'widget';
    // a newsletter box: no figure in it ("Sign up for our daily briefing")
    if (newsletters.some((p) => beginsWith(line, p)) && upTo(rules.maxNewsletterWords) && !/\d/u.test(line)) return 'widget';
    return buttonRow(line) ? 'widget' : null;
  };
};

/** A credit named in a parenthesis, as whole words ("AP" in "AP Photo/File", never in "a map"). */
const creditTest = (credits: readonly string[]) => {
  const padded = credits.map((c) => ` ${c} `);
  return (inner: string): boolean => {
    const said = ` ${inner.split(/[\s/,;:]+/u).filter(Boolean).join(' ')} `;
    return padded.some((c) => said.includes(c));
  };
};

/**
 * A dateline at the start of a line: a few words before a dash that name a credit
 * ("BEIRUT (AP) —", "بيروت (أ ف ب) -") or begin with a word in capitals ("NEW YORK, 26 October 2016 –").
 * Returns the length of the dateline and its dash, or 0.
 */
const datelineLengths = (rules: FurnitureRules, { f, creditIn, punct }: Shared) => {
  const dashes = f(rules.datelineDashes);
  return (line: string, originalLine: string): number => {
    let best = 0;
    for (const d of dashes) {
      const end = line.indexOf(` ${d} `) >= 0 ? line.indexOf(` ${d} `) + 1 : -1;
      if (end <= 0) continue;
      const head = line.slice(0, end);
      if (!atMost(head, rules.maxDatelineWords) || punct.endOrColon(head.replace(/\b[a-z]{3,4}\.\s/gu, ' '))) continue;
      const paren = /\(([^()]*)\)\s*$/u.exec(head.trim());
      const firstWord = originalLine.trim().split(/[\s,]+/u)[0] ?? '';
      const capitals = /^\p{Lu}{3,}$/u.test(firstWord);
      if ((paren && creditIn(paren[1]!)) || capitals) best = Math.max(best, end + d.length);
    }
    return best;
  };
};

/**
 * Lines under an "other stories" label standing alone ("Related", "اقرأ أيضاً:") are a list of
 * links, each another story's headline: short, and no sentence closed or going on (a headline cut
 * short by an ellipsis is one). The list ends at the first line that is not one.
 */
const markLinkLists = (rules: FurnitureRules, { f, others }: Shared) => {
  const alone = others.alone;
  const ends = f(rules.sentenceEnds).map(escape).join('|') || '\\.';
  const sentence = new RegExp(`(?:${ends})\\s*\\S|(?:${ends})\\s*$`, 'u');
  const headlineLike = (line: string): boolean =>
    atMost(line, rules.maxLinkWords) && !sentence.test(line.replace(/(?:\.{3}|…)\s*$/u, ''));
  return (lines: readonly Line[], kinds: (FurnitureKind | null)[]): void => {
    for (let i = 0; i < lines.length; i++) {
      if (kinds[i] !== 'other-story' || !alone(lines[i]!.text)) continue;
      let j = i + 1;
      for (; j < lines.length && (kinds[j] !== null || headlineLike(lines[j]!.text)); j++) kinds[j] ??= 'other-story';
      i = j - 1;
    }
  };
};

/** A line said again later in the page (a headline or caption repeated): said once, the later ones are furniture. */
const markRepeats = (minWords: number) => (lines: readonly Line[], kinds: (FurnitureKind | null)[]): void => {
  const seen = new Set<string>();
  lines.forEach((l, i) => {
    if (wordsUpTo(l.text, minWords) < minWords) return;
    const key = l.text.replace(/[\s\u200b]+/gu, ' ');
    if (seen.has(key)) kinds[i] ??= 'repeat';
    else seen.add(key);
  });
};

export const findFurniture = (rules: FurnitureRules, fold: (s: string) => string) => {
  const f = (ps: readonly string[]) => ps.map(fold).filter((p) => p.length > 0);
  const credits = f(rules.credits);
  const shared: Shared = { f, credits, creditIn: creditTest(credits), others: labelTests(f(rules.otherStories), f(rules.otherStoryHeadings)), punct: punctuationTests(rules.sentenceEnds, fold) };
  const kindOf = lineKinds(rules, shared);
  const datelineLength = datelineLengths(rules, shared);
  const linkLists = markLinkLists(rules, shared);
  const repeats = markRepeats(rules.minRepeatWords);
  return (original: string, folded: Folded): FurnitureSpan[] => {
    const text = folded.text;
    const found = linesOf(text);
    const lines = found.map((x) => x.line);
    // the first line is the headline: a headline may end in its outlet after a dash
    const kinds = lines.map((l, i) => kindOf(l.text, i === 0));
    linkLists(lines, kinds);
    repeats(lines, kinds);
    const out: FurnitureSpan[] = [];
    found.forEach(({ line, end }, i) => {
      const kind = kinds[i];
      if (kind) { out.push({ from: line.from, to: line.from + line.text.length, kind }); return; }
      const o = original.slice(folded.map[line.from] ?? 0, folded.map[Math.min(end, text.length - 1)] ?? original.length);
      const len = datelineLength(line.text, o);
      if (len) out.push({ from: line.from, to: line.from + len, kind: 'dateline' });
    });
    return out;
  };
};

/** The folded text with furniture blanked (spaces; offsets and the map to the original unchanged). */
export const maskFurniture = (rules: FurnitureRules, fold: (s: string) => string) => {
  const find = findFurniture(rules, fold);
  return (original: string, folded: Folded): Folded => {
    const spans = find(original, folded);
    if (!spans.length) return folded;
    // offsets are UTF-16 units: blank by units, not code points
    const units = folded.text.split('');
    for (const s of spans) for (let k = s.from; k < s.to; k++) if (units[k] !== '\n') units[k] = ' ';
    return { ...folded, text: units.join('') };
  };
};
