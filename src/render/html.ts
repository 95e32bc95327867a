/**
 * The reconciled output as one self-contained HTML page: an index of incidents to sort and
 * filter, then each incident (see html-incident.ts). Nothing is fetched: the style and the
 * script are inline and the Content-Security-Policy allows exactly those two, by hash.
 */
import { formatNumber } from './figures.js';
import type { Aggregate, Output, Warning } from '../model/contract.js';
import { renderIncident } from './html-incident.js';
import { renderIndex } from './html-index.js';
import { renderMap } from './html-map.js';
import { gazetteerOf, type Gazetteer } from './geo.js';
import { ID_NAMES, type Names } from './names.js';
import { PAGE_SCRIPT } from './html-page-script.js';
import { PAGE_STYLE } from './html-style.js';
import { contentSecurityPolicy, html, isolated, pageHead, quoteText, toString, trusted, type Html } from './html-text.js';


const LEGEND = html`<p class="legend" aria-label="How to read the charts">
<span>● a source's figure (→ at least / more than, ← up to, dashed ring: about, ↑ may rise)</span>
<span>band: lowest to highest stated figure</span><span>red line: best estimate</span><span>hollow dashed: derived, not stated</span></p>`;

const renderAggregates = (as: readonly Aggregate[], langs: ReadonlyMap<string, string>, names: Names): Html => as.length === 0 ? html`` : html`<section id="aggregates"><h2>Totals over many events</h2>
<table><thead><tr><th>Report</th><th>Source</th><th>Category</th><th>Figure</th><th>Quote</th></tr></thead><tbody>
${as.map((a) => html`<tr><td>${isolated(a.reportId)}</td><td data-source="${a.source}">${isolated(names.source(a.source))}</td><td>${a.outcome}/${a.group}${a.affiliation ? `/${a.affiliation}` : ''}</td><td class="num">${formatNumber(a.value)}</td><td class="quote-cell" dir="auto">${quoteText(a.quote, langs.get(a.reportId) ?? null)}</td></tr>`)}
</tbody></table></section>`;

const renderWarnings = (ws: readonly Warning[]): Html => ws.length === 0 ? html`` : html`<section id="warnings"><h2>Warnings (${ws.length})</h2><ul>
${ws.map((w) => html`<li><strong>${w.code}</strong>${w.location ? html` at ${isolated(w.location)}` : ''}${w.reportId && !w.location ? html` (report ${isolated(w.reportId)})` : ''}: ${isolated(w.message)}</li>`)}
</ul></section>`;

/** `gaz`: the gazetteer the map's coordinates come from; `names` from the rules (names.ts namesFromRules), without them ids stand for names. */
export const renderHtml = (output: Output, gaz: Gazetteer = gazetteerOf(), names: Names = ID_NAMES): string => {
  const reports = new Map(output.reports.map((r) => [r.id, r]));
  const langs = new Map(output.reports.flatMap((r) => (/^[a-z]{2,3}$/.test(r.language) ? [[r.id, r.language] as const] : [])));
  const a = output.accounting;
  const page = html`<!doctype html>
<html lang="en" dir="ltr">
${pageHead(contentSecurityPolicy(PAGE_SCRIPT, PAGE_STYLE), 'Reconciled incidents', PAGE_STYLE)}
<body>
<header><h1>Reconciled incidents</h1>
<p>${output.incidents.length} incident(s) from ${output.reports.length} report(s); rules <code>${output.rulesHash}</code>.</p>
${a ? html`<p class="muted">Claims: ${a.claimsExtracted} extracted, ${a.claimsInIncidents} in incidents, ${a.claimsInAggregates} in totals over many events. Stances: ${a.stancesExtracted} extracted, ${a.stancesInIncidents} in incidents.</p>` : ''}
</header>
<main>
${renderIndex(output.incidents, names)}
${renderMap(output.incidents, gaz)}
<section id="incidents" aria-label="Incidents">
${LEGEND}
${output.incidents.map(renderIncident({ reports, names }))}
</section>
${renderAggregates(output.aggregates, langs, names)}
${renderWarnings(output.warnings)}
</main>
<script>${trusted(PAGE_SCRIPT)}</script>
</body>
</html>
`;
  return toString(page);
};
