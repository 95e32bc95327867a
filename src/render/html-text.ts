/**
 * Building HTML safely: the `html` tagged template escapes every interpolated value unless it
 * is itself `Html`, so report text can only ever become text. Report text is also cleaned of
 * control and bidi characters and shown in a direction-isolated element (`quoteText`).
 */
import { createHash } from 'node:crypto';
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

const sha256 = (s: string): string => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

/**
 * A page's policy: only the inline script and style whose hashes are given, no image, font, base or
 * form; `connect`: where the script may send requests ('none': nowhere); `frameAncestors`: refuse
 * framing (an HTTP header can carry it, a meta element cannot).
 */
export const contentSecurityPolicy = (script: string, style: string, opts: { connect?: string; frameAncestors?: boolean } = {}): string =>
  `default-src 'none'; script-src ${sha256(script)}; style-src ${sha256(style)}; img-src 'none'; font-src 'none'; `
  + `connect-src ${opts.connect ?? "'none'"}; base-uri 'none'; form-action 'none'${opts.frameAncestors ? "; frame-ancestors 'none'" : ''}`;

/** The head of a page of this tool: its policy as a meta element, no referrer, its title and its own style. */
export const pageHead = (policy: string, title: string, style: string): Html => html`<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${trusted(style)}</style>
</head>`;
