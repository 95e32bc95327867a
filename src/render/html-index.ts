/**
 * The index of incidents in the HTML report: one table row per incident whose data
 * attributes (date, governorates, grade, spread of figures, contested attribution) the page
 * script sorts and filters on, and the filter controls. Works as a plain table without script.
 */
import { placeNamesOnly } from './places.js';
import { ID_NAMES, type Names } from './names.js';
import type { Incident, Toll } from '../model/contract.js';
import { categoryName, placeNames } from './html-incident.js';
import { html, isolated, type Html } from './html-text.js';

/** Sorting order of grades in the index: the most disputed first. */
const GRADE_ORDER = ['contested', 'confirmed', 'fair', 'weak', 'discounted'] as const;

/** Widest gap between the lowest and highest stated figure in one category (an open range
 *  counts up to its largest stated figure), with that category; derived tolls are not stated. */
export const spreadOf = (inc: Incident): { readonly spread: number; readonly category: Toll | null } =>
  inc.tolls.filter((t) => !t.derived).reduce<{ spread: number; category: Toll | null }>((best, t) => {
    const stated = t.claims.flatMap((c) => (c.value === null ? [] : [c.value]));
    const spread = (t.max ?? Math.max(t.min, ...stated)) - t.min;
    return spread > best.spread ? { spread, category: t } : best;
  }, { spread: 0, category: null });

export const isContested = (inc: Incident): boolean => inc.attributions.some((a) => a.status === 'contested');

export const governoratesOf = (inc: Incident): string[] =>
  [...new Set(inc.places.flatMap((p) => (p.governorate ? [p.governorate] : [])))].sort();

const figures = (inc: Incident): string =>
  inc.tolls.filter((t) => t.outcome === 'killed' && !t.derived)
    .map((t) => `${t.group} ${t.min === t.max ? t.min : `${t.min}–${t.max ?? '…'}`}`).join(', ');

/** A date or range whose dates never break inside. */
const dateCell = (d: Incident['date']): Html =>
  d === null ? html`undated` : d.start === d.end ? html`<span class="day">${d.start}</span>`
    : html`<span class="day">${d.start}</span> to <span class="day">${d.end}</span>`;

const gradeRank = (g: Incident['grade']): number => (g ? GRADE_ORDER.indexOf(g) : GRADE_ORDER.length);

const renderRow = (names: Names) => (inc: Incident): Html => {
  const { spread, category } = spreadOf(inc);
  const contested = isContested(inc);
  const govs = governoratesOf(inc);
  return html`<tr data-id="${inc.id}" data-date="${inc.date?.start ?? ''}" data-date-end="${inc.date?.end ?? ''}" data-place="${placeNames(inc)}" data-governorates="${govs.join(' ')}" data-grade="${inc.grade ?? ''}" data-grade-rank="${gradeRank(inc.grade)}" data-spread="${spread}" data-contested="${contested ? '1' : '0'}" data-reports="${inc.reportIds.length}">
<td><a href="#${encodeURIComponent(inc.id)}" class="open">${dateCell(inc.date)}</a></td><td>${isolated(placeNamesOnly(inc).join(', ') || '—')}</td><td>${govs.map(names.governorate).join(', ') || '—'}</td>
<td>${inc.grade ? html`<span class="grade grade-${inc.grade}">${inc.grade}</span>` : '—'}</td>
<td class="num">${spread}${category ? html` <small>${categoryName(category)}</small>` : ''}</td>
<td>${contested ? html`<span class="flag">contested</span>` : 'no'}</td>
<td>${figures(inc) || '—'}</td><td class="num">${inc.reportIds.length}</td>
</tr>`;
};

const sortHeader = (key: string, label: string, sorted = false): Html =>
  html`<th data-sort="${key}"${sorted ? html` aria-sort="ascending"` : ''}><button type="button" data-sort-key="${key}">${label}</button></th>`;

export const renderIndex = (incidents: readonly Incident[], names: Names = ID_NAMES): Html => {
  const governorates = [...new Set(incidents.flatMap(governoratesOf))].sort();
  const grades = GRADE_ORDER.filter((g) => incidents.some((i) => i.grade === g));
  return html`<section id="index" aria-labelledby="index-title">
<h2 id="index-title">Incidents</h2>
<form id="filters" class="filters" role="search" aria-label="Filter incidents">
<label>From <input type="date" id="f-from" name="from"></label>
<label>to <input type="date" id="f-to" name="to"></label>
<label>Governorate <select id="f-governorate" name="governorate"><option value="">any</option>${governorates.map((g) => html`<option value="${g}">${names.governorate(g)}</option>`)}</select></label>
<label>Grade <select id="f-grade" name="grade"><option value="">any</option>${grades.map((g) => html`<option value="${g}">${g}</option>`)}</select></label>
<label>Spread at least <input type="number" id="f-spread" name="spread" min="0" step="1" inputmode="numeric"></label>
<label><input type="checkbox" id="f-contested" name="contested"> contested attribution only</label>
<button type="reset" id="f-reset">Clear</button>
</form>
<p id="index-count" aria-live="polite">${incidents.length} incident(s).</p>
<table id="incident-index" class="index"><thead><tr>
${sortHeader('date', 'Date', true)}${sortHeader('place', 'Places')}${sortHeader('governorates', 'Governorate')}${sortHeader('grade-rank', 'Grade')}${sortHeader('spread', 'Spread')}${sortHeader('contested', 'Attribution')}<th>Killed (low–high)</th>${sortHeader('reports', 'Reports')}
</tr></thead>
<tbody>
${incidents.map(renderRow(names))}
</tbody></table>
<p class="show-all"><a href="#all" id="show-all">Show all incidents</a></p>
</section>`;
};
