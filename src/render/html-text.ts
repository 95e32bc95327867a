/**
 * Building HTML safely: the `html` tagged template escapes every interpolated value unless it
 * is itself `Html`, so report text can only ever become text. Report text is also cleaned of
 * control and bidi characters and shown in a direction-isolated element (`quoteText`).
 */
import { cleanText } from './bidi.js';

const HTML = Symbol('html');
/** Markup that is safe by construction (built by `html` or by this module). */
export type Html = { readonly [HTML]: string };
export type Content = Html | string | number | boolean | null | undefined | readonly Content[];

const markup = (s: string): Html => ({ [HTML]: s });
const isHtml = (v: unknown): v is Html => typeof v === 'object' && v !== null && HTML in v;

/** Text for element content or a quoted attribute value: cleaned, then & < > " ' escaped. */
export const escapeHtml = (s: string): string =>
  cleanText(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const render = (v: Content): string => {
  if (v === null || v === undefined || v === false) return '';
  if (Array.isArray(v)) return v.map(render).join('');
  if (isHtml(v)) return v[HTML];
  return escapeHtml(String(v));
};

/** Lines of text for a <textarea> or <pre>: each line as escapeHtml makes it, the line breaks kept. */
export const lines = (s: string): Html => markup(s.split('\n').map(escapeHtml).join('\n'));

/** `html\`<td data-x="${value}">${text}</td>\``: values escaped, nested Html kept, arrays joined,
 *  null/undefined/false dropped. Attribute values must be written in double quotes. */
export const html = (strings: TemplateStringsArray, ...values: readonly Content[]): Html =>
  markup(strings.reduce((out, s, i) => out + s + (i < values.length ? render(values[i]!) : ''), ''));

/** Trusted markup written by this program (a script or style it computed), never report text. */
export const trusted = (s: string): Html => markup(s);

export const toString = (h: Html): string => h[HTML];

/** Text from a report, isolated so its direction cannot spill over what surrounds it: the
 *  browser takes the direction from its first letter (Arabic reads right to left). */
export const quoteText = (s: string, lang: string | null = null): Html =>
  html`<bdi class="quote" dir="auto"${lang ? html` lang="${lang}"` : ''}>${s}</bdi>`;

/** Any other untrusted short text (ids, names): isolated, direction from its first letter. */
export const isolated = (s: string): Html => html`<bdi>${s}</bdi>`;
