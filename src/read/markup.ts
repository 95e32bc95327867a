/**
 * Leftover HTML and control characters in report text. The text is kept exactly as read
 * (spans index it, CONTRACT.md); extraction reads a same-length copy in which markup and
 * controls are blanked and entities stand for their character, and quotes are cut back
 * out of the text as read. Nothing from markup is ever interpreted or executed.
 */
import type { Extraction } from '../model/claim.js';
import type { Span } from '../model/contract.js';
import type { Report } from '../model/report.js';
import { maskHtml } from './html.js';

/** Removed by the spelling folds (src/text/normalise.ts), so padding never splits a word. */
const NOTHING = '\u200b';

const BLOCK = new Set(['address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section',
  'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul']);

// Comments, script and style elements (with their content), CDATA, declarations, tags.
const MARKUP = /<!--[\s\S]*?(?:-->|$)|<(script|style)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<[!?][^<>]*>|<\/?([A-Za-z][A-Za-z0-9:-]*)(?:\s[^<>]*)?\/?>/gi;
const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9A-Fa-f]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g;
// C0 controls other than tab and line breaks, DEL and C1 controls (NUL bytes, mis-decoded cp1252).
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g;

// The entities scraped news pages leave behind (HTML's named character references, the common ones).
const NAMED: ReadonlyMap<string, string> = new Map(Object.entries({
  nbsp: '\u00a0', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", hellip: '…', ndash: '–', mdash: '—',
  laquo: '«', raquo: '»', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', bull: '•', middot: '·', shy: '\u00ad',
  lrm: '\u200e', rlm: '\u200f', zwnj: '\u200c', zwj: '\u200d', thinsp: '\u2009', ensp: '\u2002', emsp: '\u2003', deg: '°',
}));

const pad = (first: string, length: number): string => first + NOTHING.repeat(Math.max(0, length - first.length));

const fromCode = (code: number): string =>
  code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\ufffd' : String.fromCodePoint(code);

export type Markup = {
  readonly tags: number;
  readonly entities: number;
  readonly controls: number;
  /** offset of the first tag or entity, and of the first control character (-1: none) */
  readonly first: number;
  readonly firstControl: number;
};

const scan = (text: string, re: RegExp, keep: (m: RegExpMatchArray) => boolean = () => true): { n: number; first: number } => {
  let n = 0;
  let first = -1;
  for (const m of text.matchAll(re)) {
    if (!keep(m)) continue;
    if (first < 0 || m.index < first) first = m.index;
    n++;
  }
  return { n, first };
};

/** What in a text is markup, entities or control characters: counts and where the first is. */
export const findMarkup = (text: string): Markup => {
  const tags = scan(text, MARKUP);
  const entities = scan(text, ENTITY, (m) => m[3] === undefined || NAMED.has(m[3]));
  const controls = scan(text, CONTROL);
  const firsts = [tags.first, entities.first].filter((x) => x >= 0);
  return { tags: tags.n, entities: entities.n, controls: controls.n, first: firsts.length ? Math.min(...firsts) : -1, firstControl: controls.first };
};

/**
 * The text extraction reads: the same length as `text`, offset for offset. Tags and
 * comments become nothing, block tags (p, br, li, …) and script and style elements a line
 * break, an entity its character, a control character nothing.
 */
export const maskMarkup = (text: string, marks: FigureMarks = ASCII_MARKS): string =>
  PAGE_FURNITURE.test(text) ? maskPage(text, marks) : maskFigures(maskTags(text), marks);

/**
 * Markup left in a text that holds page furniture (a caption, an aside, a navigation bar, an
 * element with a class or id) is read as a page is (src/read/html.ts): furniture dropped.
 */
const PAGE_FURNITURE = /<(?:figure|figcaption|aside|nav|footer|header|ul|ol)\b|<[a-z][a-z0-9]*\s[^<>]*\b(?:class|id|role)\s*=/i;

/**
 * The marks of figures beyond the ASCII point and comma that a rule set declares: characters its
 * scripts fold to "." (a decimal separator) or "," (a thousands separator), from
 * rules/languages/<lang>/script.yaml `folds` (src/rules/figure-marks.ts). Digits are any
 * script's decimal digits (Unicode `Nd`).
 */
export type FigureMarks = { readonly decimals: readonly string[]; readonly groups: readonly string[] };
export const ASCII_MARKS: FigureMarks = { decimals: [], groups: [] };

const D = '\\p{Nd}';
const inClass = (cs: readonly string[]): string => cs.map((c) => c.replace(/[\\\]^-]/gu, '\\$&')).join('');

type FigureTests = {
  /** digit groups set off by a no-break, thin or narrow no-break space ("1 200") */
  readonly spacedGroups: RegExp;
  /** a number with one point or comma inside (not a date "12.5.2018", which has two) */
  readonly pointed: RegExp;
  readonly point: RegExp;
  readonly any: RegExp;
  /** a digit, a point or comma, a digit: what every match of `pointed` holds (a cheap test first, no lookbehind) */
  readonly pointedAny: RegExp;
  /** a decimal: a declared decimal separator, or a point or comma not followed by exactly three digits (a thousands group) */
  readonly isDecimal: (n: string) => boolean;
};

const compiled = new Map<string, FigureTests>();
const figureTests = (marks: FigureMarks): FigureTests => {
  const key = `${marks.decimals.join('')}\u0000${marks.groups.join('')}`;
  const known = compiled.get(key);
  if (known) return known;
  const extra = inClass(marks.decimals);
  const dec = `.,${extra}`;
  const all = `${dec}${inClass(marks.groups)}`;
  const declared = extra ? new RegExp(`[${extra}]`, 'u') : null;
  const grouped = new RegExp(`[.,]${D}{3}$`, 'u');
  const t: FigureTests = {
    spacedGroups: new RegExp(`(?<!${D})${D}{1,3}(?:[\\u00a0\\u2009\\u202f]${D}{3})+(?!${D})`, 'gu'),
    pointed: new RegExp(`(?<!${D}[${all}]?)${D}+[${dec}]${D}+(?!${D}|[${all}]${D})`, 'gu'),
    point: new RegExp(`[${dec}]`, 'u'),
    any: new RegExp(`[\\u00a0\\u2009\\u202f${dec}]`, 'u'),
    pointedAny: new RegExp(`${D}[${dec}]${D}`, 'u'),
    isDecimal: (n) => (declared !== null && declared.test(n)) || !grouped.test(n),
  };
  compiled.set(key, t);
  return t;
};

/**
 * Stands for the point of a decimal in the text extraction reads: not a sentence end (a
 * folded decimal separator is a "."), and src/extract/numbers.ts reads the digits around it as one
 * decimal, which is a count of people only with a multiplier ("2.5 million").
 */
export const DECIMAL_POINT = '\u2396';

const SPACES = /[\u00a0\u2009\u202f]/;

/** Figures as extraction reads them: spaced digit groups joined by commas, a decimal's point marked (same length). */
const maskFigures = (text: string, marks: FigureMarks): string => {
  const t = figureTests(marks);
  if (!t.any.test(text)) return text;
  // each replacement only where its match can be: a spaced group needs one of the spaces, a pointed number a digit, a mark, a digit
  const grouped = SPACES.test(text) ? text.replace(t.spacedGroups, (m) => m.replace(/[\u00a0\u2009\u202f]/gu, ',')) : text;
  return t.pointedAny.test(grouped) ? grouped.replace(t.pointed, (m) => (t.isDecimal(m) ? m.replace(t.point, DECIMAL_POINT) : m)) : grouped;
};

/** Decimals in a text (each refused as a count of people unless a multiplier follows): how many, and the offset of the first. */
export const findDecimals = (text: string, marks: FigureMarks = ASCII_MARKS): { readonly count: number; readonly first: number; readonly quote: string } => {
  const t = figureTests(marks);
  let count = 0;
  let first = -1;
  let quote = '';
  if (!t.pointedAny.test(text)) return { count, first, quote };
  for (const m of text.matchAll(t.pointed)) {
    if (!t.isDecimal(m[0])) continue;
    if (first < 0) { first = m.index; quote = m[0]; }
    count++;
  }
  return { count, first, quote };
};

const maskTags = (text: string): string => {
  if (!/[<&\u0000-\u0008\u000e-\u001f\u007f-\u009f]/.test(text)) return text;
  return text
    .replace(MARKUP, (m: string, element?: string, tag?: string) =>
      pad(element || (tag && BLOCK.has(tag.toLowerCase())) ? '\n' : '', m.length))
    .replace(ENTITY, (m: string, dec?: string, hex?: string, name?: string) => {
      if (name !== undefined) { const ch = NAMED.get(name); return ch === undefined ? m : pad(ch, m.length); }
      return pad(fromCode(dec !== undefined ? Number(dec) : parseInt(hex!, 16)), m.length);
    })
    .replace(CONTROL, NOTHING);
};

const requoteOne = (text: string) => <T extends { readonly quote: string; readonly span: Span }>(x: T): T => {
  const quote = text.slice(x.span[0], x.span[1]);
  return quote === x.quote ? x : { ...x, quote };
};

/** Every quote cut again from the text as read, by its span (spans are the same in both texts). */
export const requote = (text: string) => (x: Extraction): Extraction => {
  const q = requoteOne(text);
  return {
    ...x,
    mentions: x.mentions.map((m) => ({ ...m, claims: m.claims.map(q), stances: m.stances.map(q) })),
    aggregates: x.aggregates.map(q),
    looseStances: x.looseStances.map(q),
  };
};

/** Extract from the masked text, quote from the text as read. Coded reports are not extracted from text. */
/** The article of an HTML page as extraction reads it (same length): src/read/html.ts, then figures and controls as in maskMarkup. */
export const maskPage = (html: string, marks: FigureMarks = ASCII_MARKS): string => maskFigures(maskHtml(html).replace(CONTROL, NOTHING), marks);

export const extractAsRead = (extract: (r: Report) => Extraction, marks: FigureMarks = ASCII_MARKS) => (report: Report): Extraction => {
  if (report.coded || !report.text) return extract(report);
  const masked = report.markup === 'html' ? maskPage(report.text, marks) : maskMarkup(report.text, marks);
  return masked === report.text ? extract(report) : requote(report.text)(extract({ ...report, text: masked }));
};
