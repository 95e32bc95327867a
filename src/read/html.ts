/**
 * HTML pages (`.html`, `.htm`) as reports. The report text is the page exactly as read (spans
 * index it, CONTRACT.md); extraction reads a same-length copy that holds only the article as a
 * reader sees it: the text of the body with navigation, scripts, styles, asides, footers,
 * forms and the like blanked, tags as nothing (block tags as a line break), every entity as its
 * character (the full HTML table, from `entities`), and a caption's opening tag as a caption
 * label, so the furniture rules see the caption line as one. htmlparser2 gives the offsets.
 * Nothing from the page is run or fetched. Pure.
 */
import { CAPTION_MARK } from '../text/marks.js';
import { Parser } from 'htmlparser2';
import { decodeHTML } from 'entities';

/** Padding (removed by the spelling folds, src/text/normalise.ts), so blanks never split a word. */
const NOTHING = '\u200b';

/** Elements whose content is not the article. */
const DROPPED = new Set(['head', 'script', 'style', 'noscript', 'template', 'nav', 'aside', 'footer', 'form', 'button',
  'select', 'option', 'textarea', 'iframe', 'object', 'embed', 'svg', 'math', 'canvas', 'audio', 'video', 'dialog', 'menu']);
/** ARIA roles of page furniture: an element with one of them is dropped as if it were that element. */
const DROPPED_ROLES = new Set(['navigation', 'complementary', 'contentinfo', 'banner', 'search', 'menu', 'menubar', 'dialog']);

const BLOCK = new Set(['address', 'article', 'blockquote', 'br', 'caption', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'ol', 'p', 'pre', 'section', 'table', 'tbody',
  'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'body', 'html', 'img', 'picture', 'summary', 'details']);

const CAPTIONS = new Set(['figcaption', 'caption']);


const ENTITY = /&(?:#[0-9]{1,7};?|#[xX][0-9A-Fa-f]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};?)/g;

export type HtmlMeta = {
  readonly language?: string;
  readonly publishedAt?: string;
  readonly outlet?: string;
  readonly url?: string;
  readonly title?: string;
  /** the charset the page declares (`<meta charset>` or http-equiv), lower case */
  readonly charset?: string;
};

export type HtmlPage = {
  /** same length as the page: the article as read, offset for offset */
  readonly article: string;
  readonly meta: HtmlMeta;
  /** elements dropped as furniture (nav, script, …), and captions marked */
  readonly dropped: number;
  readonly captions: number;
};

/** Decode the entities of a raw text run, each padded to its own length (offsets kept). */
export const decodeEntities = (raw: string): string =>
  raw.indexOf('&') < 0 ? raw : raw.replace(ENTITY, (m) => {
    const ch = decodeHTML(m);
    if (ch === m) return m;
    return ch.length <= m.length ? ch + NOTHING.repeat(m.length - ch.length) : m;
  });

const slug = (s: string): string => s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** The date part of an ISO timestamp ("2018-03-04T10:00:00Z" → "2018-03-04"). */
const isoDay = (s: string): string | undefined => /^\s*(\d{4}-\d{2}-\d{2})/.exec(s)?.[1];

/** Where the `<meta>` of a page says what it is. */
const metaOf = (attrs: Record<string, string>, meta: Record<string, string>): void => {
  const key = (attrs.property ?? attrs.name ?? attrs.itemprop ?? '').toLowerCase();
  const content = decodeHTML(attrs.content ?? '').trim();
  if (attrs.charset) meta.charset ??= attrs.charset.trim().toLowerCase();
  if ((attrs['http-equiv'] ?? '').toLowerCase() === 'content-type') {
    const cs = /charset\s*=\s*([\w-]+)/i.exec(attrs.content ?? '')?.[1];
    if (cs) meta.charset ??= cs.toLowerCase();
  }
  if (!content) return;
  if (['article:published_time', 'datepublished', 'date', 'pubdate', 'publish-date', 'dc.date'].includes(key)) {
    const d = isoDay(content);
    if (d) meta.publishedAt ??= d;
  } else if (key === 'og:site_name') meta.outlet ??= slug(content) || undefined!;
  else if (key === 'og:url') meta.url ??= content;
  else if (key === 'og:locale') meta.language ??= content.slice(0, 2).toLowerCase();
};

/** Read a page: the article text (same length as `html`) and what its head says. */
export const readHtmlPage = (html: string): HtmlPage => {
  const out: string[] = new Array<string>(html.length).fill(NOTHING);
  const meta: Record<string, string> = {};
  const stack: { name: string; dropped: boolean }[] = [];
  let dropDepth = 0;
  let dropped = 0;
  let captions = 0;
  let inTitle = false;
  let title = '';
  let lang: string | undefined;
  const write = (at: number, s: string): void => { for (let i = 0; i < s.length && at + i < out.length; i++) out[at + i] = s[i]!; };
  const parser: Parser = new Parser({
    onopentag(name, attrs) {
      const role = (attrs.role ?? '').toLowerCase();
      const drops = DROPPED.has(name) || DROPPED_ROLES.has(role) || attrs.hidden !== undefined || (attrs['aria-hidden'] ?? '') === 'true';
      if (name === 'html' && attrs.lang) lang = attrs.lang.slice(0, 2).toLowerCase();
      if (name === 'meta') metaOf(attrs, meta);
      if (name === 'link' && (attrs.rel ?? '').toLowerCase() === 'canonical' && attrs.href) meta.url ??= decodeHTML(attrs.href);
      if (name === 'title') inTitle = true;
      const start = parser.startIndex;
      const length = parser.endIndex + 1 - start;
      if (drops) { if (dropDepth === 0) dropped++; dropDepth++; }
      stack.push({ name, dropped: drops });
      if (dropDepth > 0) return;
      if (CAPTIONS.has(name)) {
        captions++;
        const label = `\n${CAPTION_MARK} `;
        write(start, label.length <= length ? label : '\n');
      } else if (BLOCK.has(name)) write(start, '\n');
    },
    onclosetag(name) {
      // htmlparser2 closes elements the page left open; pop to the one closed
      const i = stack.map((e) => e.name).lastIndexOf(name);
      if (i < 0) return;
      for (const e of stack.splice(i)) if (e.dropped) dropDepth--;
      if (name === 'title') inTitle = false;
      if (dropDepth === 0 && BLOCK.has(name) && parser.endIndex >= parser.startIndex && html[parser.startIndex] === '<') write(parser.startIndex, '\n');
    },
    ontext(raw) {
      if (inTitle) title += raw;
      if (dropDepth > 0) return;
      write(parser.startIndex, decodeEntities(raw));
    },
  }, { decodeEntities: false, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true });
  parser.write(html);
  parser.end();
  const t = decodeHTML(title).replace(/\s+/g, ' ').trim();
  return {
    article: out.join(''),
    meta: { ...meta, ...(lang ? { language: lang } : {}), ...(t ? { title: t } : {}) },
    dropped,
    captions,
  };
};

/** A page's article text alone (same length), for extraction. */
export const maskHtml = (html: string): string => readHtmlPage(html).article;
