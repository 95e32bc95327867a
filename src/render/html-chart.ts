/**
 * The range chart of one victim category as inline SVG: one row per stated figure with its
 * source, the low–high range as a band, the best estimate as a line, derived figures hollow.
 * Marks carry data-source, data-value, data-derived… so tests and tools can read them back.
 */
import { sourceLabel } from './facts.js';
import { formatFigure, formatNumber } from './figures.js';
import type { Toll, TollClaimOut } from '../model/contract.js';
import { html, type Html } from './html-text.js';

const WIDTH = 720;
const LABEL = 190;
const RIGHT = 28;
const ROW = 22;
const TOP = 22;
const AXIS = 30;

/** A round step (1, 2 or 5 × 10^k) giving about five ticks over `span`. */
const niceStep = (span: number): number => {
  const raw = Math.max(span, 1) / 5;
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? 10 * p;
  return Math.max(1, step);
};

type Row = { readonly label: string; readonly marks: readonly Mark[] };
type Mark = {
  readonly value: number; readonly source: string; readonly via: string | null; readonly qualifier: string;
  readonly reportId: string | null; readonly mayRise: boolean; readonly derived: boolean;
};

const speaker = (c: Pick<TollClaimOut, 'source' | 'via'>): string => `${sourceLabel(c.source)}${c.via ? ` via ${c.via}` : ''}`;

/** The axis: from 0, unless every figure is far from 0 (the lowest above half the highest),
 *  then zoomed so close figures stay apart (the axis shows a break); an open range gets room. */
const axisDomain = (min: number, max: number, open: boolean): { lo: number; top: number; step: number } => {
  const zoom = min > 0 && min > max / 2 && max > min;
  const step = niceStep(zoom ? Math.max(max - min, max / 10) : max);
  const lo = zoom ? Math.max(0, Math.floor(min / step) * step - step) : 0;
  const top = Math.max(Math.ceil(max / step) * step, lo + step) + (open || zoom ? step : 0);
  return { lo, top, step };
};

/** Stated figures one row each; a derived category one row with its low and high. */
const chartRows = (t: Toll): Row[] => {
  if (t.derived) {
    const values = [...new Set([t.min, ...(t.max === null ? [] : [t.max])])];
    return [{ label: 'derived (no source)', marks: values.map((value) => ({ value, source: 'derived', via: null, qualifier: 'derived', reportId: null, mayRise: false, derived: true })) }];
  }
  return t.claims.flatMap((c) => (c.value === null ? [] : [{
    label: speaker(c),
    marks: [{ value: c.value, source: c.source, via: c.via, qualifier: c.qualifier, reportId: c.reportId, mayRise: c.mayRise, derived: false }],
  }]));
};

/** What the qualifier adds to a mark: an arrow for open bounds, a ring for "about". */
const glyph = (q: string, x: number, y: number): Html => {
  if (q === 'at-least' || q === 'more-than') return html`<path class="bound" d="M${x + 6} ${y}h12m-4 -4l4 4l-4 4"/>`;
  if (q === 'up-to') return html`<path class="bound" d="M${x - 6} ${y}h-12m4 -4l-4 4l4 4"/>`;
  if (q === 'about') return html`<circle class="about" cx="${x}" cy="${y}" r="9"/>`;
  return html``;
};

const renderMark = (m: Mark, x: number, y: number, right: boolean): Html => {
  const what = `${m.derived ? 'derived' : `${sourceLabel(m.source)}${m.via ? ` via ${m.via}` : ''}`}: ${m.derived ? formatNumber(m.value) : formatFigure(m.value, m.qualifier)}${m.mayRise ? ', may rise' : ''}${m.reportId ? `, report ${m.reportId}` : ''}`;
  return html`<g class="mark q-${m.qualifier}${m.derived ? ' derived' : ''}${m.mayRise ? ' may-rise' : ''}" data-source="${m.source}" data-via="${m.via ?? ''}" data-value="${m.value}" data-qualifier="${m.qualifier}" data-report="${m.reportId ?? ''}" data-derived="${m.derived ? 'true' : 'false'}"><title>${what}</title>${glyph(m.qualifier, x, y)}<circle class="dot" cx="${x}" cy="${y}" r="5"/><text class="value" x="${right ? x - 12 : x + 12}" y="${y + 4}" text-anchor="${right ? 'end' : 'start'}">${formatNumber(m.value)}${m.mayRise ? '↑' : ''}</text></g>`;
};

/** The SVG for one category, or a note when no figure can be drawn (only vague claims). */
export const renderChart = (t: Toll, caption: string): Html => {
  const rows = chartRows(t);
  const values = [t.min, t.max ?? t.min, t.best ?? t.min, ...rows.flatMap((r) => r.marks.map((m) => m.value))];
  const { lo, top, step } = axisDomain(Math.min(...values), Math.max(...values), t.max === null);
  const plotW = WIDTH - LABEL - RIGHT;
  const x = (v: number): number => Math.round((LABEL + ((v - lo) / (top - lo)) * plotW) * 10) / 10;
  const lanes = Math.max(rows.length, 1);
  const height = TOP + lanes * ROW + AXIS;
  const axisY = TOP + lanes * ROW + 4;
  const bandEnd = t.max === null ? WIDTH - RIGHT : x(t.max);
  const ticks = Array.from({ length: Math.round((top - lo) / step) + 1 }, (_, i) => lo + i * step);
  const label = `${caption}: low ${t.min}, best ${t.best ?? 'none'}, high ${t.max ?? 'unbounded'}; `
    + (rows.length ? rows.map((r) => `${r.label} ${r.marks.map((m) => m.value).join(' and ')}`).join('; ') : 'no figure stated');
  return html`<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${label}" xmlns="http://www.w3.org/2000/svg">
<rect class="band${t.max === null ? ' open' : ''}${t.derived ? ' derived' : ''}" data-min="${t.min}" data-max="${t.max ?? ''}" x="${x(t.min)}" y="${TOP - 4}" width="${Math.max(bandEnd - x(t.min), 3)}" height="${lanes * ROW}"><title>range ${t.min} to ${t.max ?? 'unbounded'}</title></rect>
${t.best === null ? '' : html`<g class="best" data-value="${t.best}"><title>best estimate ${t.best}${t.bestPolicy ? ` (${t.bestPolicy})` : ''}</title><line x1="${x(t.best)}" x2="${x(t.best)}" y1="${TOP - 8}" y2="${axisY}"/><text x="${x(t.best)}" y="${TOP - 11}" text-anchor="middle">best ${formatNumber(t.best)}</text></g>`}
${rows.length === 0 ? html`<text class="label" x="${LABEL - 10}" y="${TOP + ROW / 2 + 2}" text-anchor="end">no figure stated (vague)</text>` : ''}
${rows.map((r, i) => {
    const y = TOP + i * ROW + ROW / 2 - 2;
    return html`<g class="row"><line class="lane" x1="${LABEL}" x2="${WIDTH - RIGHT}" y1="${y}" y2="${y}"/><text class="label" x="${LABEL - 10}" y="${y + 4}" text-anchor="end">${r.label}</text>${r.marks.map((m) => renderMark(m, x(m.value), y, x(m.value) > WIDTH - RIGHT - 40 || ((m.qualifier === 'at-least' || m.qualifier === 'more-than') && x(m.value) > LABEL + 40)))}</g>`;
  })}
<g class="axis">${lo > 0 ? html`<path class="break" d="M${LABEL - 4} ${axisY + 5}l4 -10m2 10l4 -10"/>` : ''}<line x1="${LABEL}" x2="${WIDTH - RIGHT}" y1="${axisY}" y2="${axisY}"/>${ticks.map((v) => html`<line x1="${x(v)}" x2="${x(v)}" y1="${axisY}" y2="${axisY + 4}"/><text x="${x(v)}" y="${axisY + 16}" text-anchor="middle">${v}</text>`)}</g>
</svg>`;
};
