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

/**
 * Words that page templates put in the class or id of furniture ("article-byline", "related-posts",
 * "shareButtons", "wp-caption-text", "newsletter_box"): an element named so is dropped. Markup
 * vocabulary of the web, not of a report's language. Two words joined count as one ("read-more").
 */
const FURNITURE_NAMES = new Set(['caption', 'captions', 'credit', 'credits', 'related', 'share', 'sharing', 'social', 'tags',
  'byline', 'bylines', 'author', 'authors', 'newsletter', 'newsletters', 'subscribe', 'subscription', 'promo', 'advert',
  'advertisement', 'ads', 'comments', 'breadcrumb', 'breadcrumbs', 'sidebar', 'widget', 'widgets', 'recommended',
  'popular', 'trending', 'cookie', 'cookies', 'readmore', 'alsoread', 'mostread', 'seealso', 'signup', 'outbrain', 'taboola']);
/** A class that says what its element has or does, not what it is ("has-sidebar", "with-share-bar"). */
const MODIFIERS = new Set(['has', 'with', 'without', 'no', 'is', 'not', 'show', 'hide', 'enable', 'enabled', 'disable']);
/** Elements that hold the article: never dropped for their class. */
const HOLDERS = new Set(['html', 'body', 'main', 'article']);

const parts = (name: string): string[] =>
  name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);

/** The class or id of an element names it as furniture. */
export const furnitureByName = (element: string, attrs: Record<string, string>): boolean => {
  if (HOLDERS.has(element)) return false;
  const names = `${attrs.class ?? ''} ${attrs.id ?? ''}`.split(/\s+/).filter(Boolean);
  return names.some((n) => {
    const p = parts(n);
    if (p.some((w) => MODIFIERS.has(w))) return false;
    return p.some((w, i) => FURNITURE_NAMES.has(w) || (i > 0 && FURNITURE_NAMES.has(p[i - 1]! + w)));
  });
};

/** A list (`ul`, `ol`) being read: a list whose every item is a link, and nothing else, is a list of other stories. */
type OpenList = { readonly start: number; items: number; linked: number; other: boolean };
const LISTS = new Set(['ul', 'ol']);


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
  const stack: { name: string; dropped: boolean; list?: OpenList }[] = [];
  const lists: OpenList[] = [];
  let links = 0;
  let captionDepth = 0;
  let dropDepth = 0;
  let dropped = 0;
  let captions = 0;
  let inTitle = false;
  let title = '';
  let lang: string | undefined;
  const write = (at: number, s: string): void => { for (let i = 0; i < s.length && at + i < out.length; i++) out[at + i] = s[i]!; };
  /** [from, to) as nothing, a line break at each end */
  const blank = (from: number, to: number): void => { out.fill(NOTHING, from, Math.min(to, out.length)); write(from, '\n'); if (to - 1 > from) write(to - 1, '\n'); };
  const parser: Parser = new Parser({
    onopentag(name, attrs) {
      const role = (attrs.role ?? '').toLowerCase();
      const drops = DROPPED.has(name) || DROPPED_ROLES.has(role) || attrs.hidden !== undefined || (attrs['aria-hidden'] ?? '') === 'true'
        || furnitureByName(name, attrs);
      if (name === 'html' && attrs.lang) lang = attrs.lang.slice(0, 2).toLowerCase();
      if (name === 'meta') metaOf(attrs, meta);
      if (name === 'link' && (attrs.rel ?? '').toLowerCase() === 'canonical' && attrs.href) meta.url ??= decodeHTML(attrs.href);
      if (name === 'title') inTitle = true;
      const start = parser.startIndex;
      const length = parser.endIndex + 1 - start;
      if (drops) { if (dropDepth === 0) dropped++; dropDepth++; }
      const list = dropDepth === 0 && LISTS.has(name) ? { start, items: 0, linked: 0, other: false } : undefined;
      stack.push({ name, dropped: drops, ...(list ? { list } : {}) });
      if (dropDepth > 0) return;
      if (list) lists.push(list);
      if (name === 'li' && lists.length) lists[lists.length - 1]!.items++;
      if (name === 'a') links++;
      if (CAPTIONS.has(name)) {
        captions++;
        captionDepth++;
        const label = `\n${CAPTION_MARK} `;
        write(start, label.length <= length ? label : '\n');
      } else if (BLOCK.has(name)) write(start, captionDepth > 0 ? ' ' : '\n');
    },
    onclosetag(name) {
      // htmlparser2 closes elements the page left open; pop to the one closed
      const i = stack.map((e) => e.name).lastIndexOf(name);
      if (i < 0) return;
      const closing = stack.splice(i);
      const wasOpen = dropDepth === 0;
      for (const e of closing) if (e.dropped) dropDepth--;
      if (name === 'title') inTitle = false;
      if (!wasOpen) return;
      for (const e of closing) {
        if (e.name === 'a') links = Math.max(0, links - 1);
        if (CAPTIONS.has(e.name)) captionDepth = Math.max(0, captionDepth - 1);
        if (e.list) {
          lists.splice(lists.lastIndexOf(e.list), 1);
          // each item a link and nothing else: other stories' headlines
          if (e.list.items >= 2 && e.list.linked > 0 && !e.list.other) { blank(e.list.start, parser.endIndex + 1); dropped++; }
        }
      }
      if (dropDepth === 0 && BLOCK.has(name) && parser.endIndex >= parser.startIndex && html[parser.startIndex] === '<') write(parser.startIndex, captionDepth > 0 ? ' ' : '\n');
    },
    ontext(raw) {
      if (inTitle) title += raw;
      if (dropDepth > 0) return;
      const list = lists[lists.length - 1];
      if (list && /\S/.test(decodeHTML(raw).replace(/\u200b/g, ''))) { if (links > 0) list.linked++; else list.other = true; }
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
