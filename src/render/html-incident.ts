/**
 * One incident of the HTML report: facts and reports, disagreements first and highlighted,
 * a range chart and the quoted claims per victim category, and the stance table (who says
 * who carried it out, side by side) with every quote and the report it comes from.
 */
import { sourceLabel } from './facts.js';
import { formatFigure, formatNumber } from './figures.js';
import { placeLabels } from './places.js';
import { ID_NAMES, type Names } from './names.js';
import { claimRows, namedSummary, relayChainOf, timelineOf, type ClaimRow } from './markdown-claims.js';
import type { Attribution, Disagreement, Incident, ReportOut, Toll } from '../model/contract.js';
import { renderChart } from './html-chart.js';
import { html, isolated, lines, quoteText, type Html } from './html-text.js';
import { claimSnippets, incidentSnippets, type Snippet } from './html-decision.js';

/** `names`: human names for source, actor and governorate ids (names.ts); ids stay in the data attributes. */
export type IncidentContext = { readonly reports: ReadonlyMap<string, ReportOut>; readonly names?: Names };

const namesOf = (ctx: IncidentContext): Names => ctx.names ?? ID_NAMES;

const dash = '—';

export const formatDate = (d: Incident['date']): string => (d === null ? 'undated' : d.start === d.end ? d.start : `${d.start} to ${d.end}`);

export const categoryKey = (t: Pick<Toll, 'outcome' | 'group' | 'affiliation'>): string => `${t.outcome}/${t.group}/${t.affiliation ?? ''}`;
export const categoryName = (t: Pick<Toll, 'outcome' | 'group' | 'affiliation'>): string =>
  `${t.outcome} · ${t.group}${t.affiliation ? ` (${t.affiliation})` : ''}`;

export const isDisputed = (inc: Incident, t: Toll): boolean =>
  inc.disagreements.some((d) => d.kind === 'toll' && d.outcome === t.outcome && d.group === t.group && (d.affiliation ?? null) === t.affiliation);

export const placeNames = (inc: Incident, names: Names = ID_NAMES): string => placeLabels(inc, (x) => x, names).join(', ') || 'no gazetteer place';

const reportRef = (ctx: IncidentContext, id: string): Html => {
  const r = ctx.reports.get(id);
  const meta = r ? [r.outlet, r.publishedAt].filter((x): x is string => x !== null).join(', ') : '';
  return html`<span class="report" data-report="${id}">${isolated(id)}${meta ? html` <small>(${meta})</small>` : ''}</span>`;
};

const langOf = (ctx: IncidentContext, reportId: string): string | null => {
  const lang = ctx.reports.get(reportId)?.language ?? null;
  return lang && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(lang) ? lang : null;
};

const quoteCell = (ctx: IncidentContext, q: string, reportId: string): Html =>
  html`<td class="quote-cell" dir="auto">${quoteText(q, langOf(ctx, reportId))}</td>`;

/** A source by its name from the rules (its id in `data-source`), or an unlisted one by its name as written. */
const sourceRef = (ctx: IncidentContext, c: { source: string; sourceName?: string | undefined }): Html => c.sourceName
  ? html`<span class="source" data-source="${c.source}">${isolated(c.sourceName)} <small class="tag">unlisted</small></span>`
  : html`<span class="source" data-source="${c.source}">${isolated(namesOf(ctx).source(c.source))}</span>`;

const chainRef = (ctx: IncidentContext, ids: readonly string[]): Html =>
  html`<span class="relay-chain" data-chain="${ids.join(' ')}">${ids.slice(1).map((id, i) => html`${i ? ' → ' : ''}${isolated(namesOf(ctx).source(id))}`)}</span>`;

/** A revision as the source's own timeline; any other disagreement with names for the ids it lists. */
const renderDisagreement = (ctx: IncidentContext, inc: Incident) => (d: Disagreement): Html => {
  const names = namesOf(ctx);
  const what = [d.outcome && d.group ? `${d.outcome}/${d.group}${d.affiliation ? `/${d.affiliation}` : ''}` : null, d.actor ? names.actor(d.actor) : null, d.reason ?? null]
    .filter((x): x is string => x !== null && x !== undefined);
  const steps = d.reason === 'revision' ? timelineOf(inc, d, ctx.reports) : [];
  const body = steps.length >= 2
    ? html`<span class="timeline" data-source="${d.sources[0]!}">timeline of ${isolated(names.source(d.sources[0]!))}, one source about one event: ${steps.map((x, i) => html`${i ? ' → ' : ''}<span class="step${x.superseded ? ' revised' : ''}" data-value="${x.value}">${formatFigure(x.value, x.qualifier)}${x.superseded ? html` <small>revised</small>` : ''} <small>(${x.reportIds.join(', ')}${x.publishedAt ? `, ${x.publishedAt}` : ''})</small></span>`)}</span>`
    : isolated(namedSummary(d, names, inc));
  return html`<li class="disagreement kind-${d.kind}" data-kind="${d.kind}"${d.actor ? html` data-actor="${d.actor}"` : ''} data-sources="${d.sources.join(' ')}"><strong>${d.kind}</strong>${what.length ? html` <small>(${what.join(', ')})</small>` : ''}: ${body}</li>`;
};

/** The analysts' decisions (ids) that changed a figure, range, attribution or grade: a mark tools can read. */
const decided = (ids: readonly string[] | undefined): Html | string => (ids?.length
  ? html` <small class="decided" data-decided-by="${ids.join(' ')}">decided: ${ids.join(', ')}</small>` : '');

const renderDecisions = (inc: Incident): Html | string => (inc.decisions?.length
  ? html`<section class="decisions"><h3>Decisions</h3><ul>${inc.decisions.map((d) => html`<li data-decision="${d.id}"><strong>${d.id}</strong> ${d.kind} by ${isolated(d.who)}, ${d.when}: ${isolated(d.why)}</li>`)}
${(inc.rejectedClaims ?? []).map((c) => html`<li class="rejected" data-decided-by="${c.decidedBy.join(' ')}">rejected (${c.decidedBy.join(', ')}): ${isolated(c.sourceName ?? c.source)} ${formatFigure(c.value, c.qualifier)} ${c.outcome}/${c.group} · “${isolated(c.quote)}”</li>`)}</ul></section>`
  : '');

/**
 * "copy decision": a button per kind of decision, each with its YAML in a read-only textarea
 * (the page script copies it to the clipboard, or shows the textarea selected when it cannot;
 * without the script the textareas show when the menu opens).
 */
const copyControl = (snippets: readonly Snippet[], what: string): Html | string => (snippets.length
  ? html`<details class="copy-decision"><summary>copy decision</summary><ul>${snippets.map((s) => html`<li><button type="button" class="copy" data-kind="${s.kind}">${s.label}</button><textarea class="snippet" data-decision-kind="${s.kind}" readonly spellcheck="false" rows="${Math.min(12, s.yaml.split('\n').length)}" aria-label="${s.label}: decision for ${what}">${lines(s.yaml)}</textarea></li>`)}</ul><p class="copy-status" role="status" aria-live="polite"></p></details>`
  : '');

/** Every distinct quote of a row, each in its report's language. */
const quotesCell = (ctx: IncidentContext, r: ClaimRow): Html => {
  const quotes = [...new Map(r.claims.map((x) => [x.quote, x] as const)).values()];
  return quotes.length === 1 ? quoteCell(ctx, quotes[0]!.quote, quotes[0]!.reportId)
    : html`<td class="quote-cell" dir="auto">${quotes.map((x, i) => html`${i ? html`<br>` : ''}${quoteText(x.quote, langOf(ctx, x.reportId))}`)}</td>`;
};

/** One row per source and figure: a claim relayed by several outlets or restated shows once, with its chains and reports. */
const renderClaimRow = (ctx: IncidentContext, t: Toll) => (r: ClaimRow): Html => {
  const c = r.claims[0]!;
  const chains = [...new Map(r.claims.flatMap((x) => { const ch = relayChainOf(x); return ch ? [[ch.join(' '), ch] as const] : []; })).values()];
  const reportIds = [...new Set(r.claims.map((x) => x.reportId))];
  return html`<tr data-source="${c.source}" data-claims="${r.claims.length}">
<td>${sourceRef(ctx, c)}</td><td class="num">${formatFigure(c.value, c.qualifier)}${c.mayRise ? html` <small>may rise</small>` : ''}${c.review ? html` <small>to review</small>` : ''}${c.notWhole ? html` <small>not the whole event</small>` : ''}${c.superseded ? html` <small>revised</small>` : ''}${decided([...new Set(r.claims.flatMap((x) => x.decidedBy ?? []))])}</td><td>${c.qualifier}</td><td>${chains.length ? chains.map((ch, i) => html`${i ? '; ' : ''}${chainRef(ctx, ch)}`) : dash}</td><td>${reportIds.map((id, i) => html`${i ? ', ' : ''}${reportRef(ctx, id)}`)}</td>${quotesCell(ctx, r)}<td class="decide">${copyControl(claimSnippets(t, r.claims), `${c.sourceName ?? namesOf(ctx).source(c.source)} ${formatFigure(c.value, c.qualifier)}`)}</td>
</tr>`;
};

const renderToll = (ctx: IncidentContext, inc: Incident) => (t: Toll): Html => {
  const disputed = isDisputed(inc, t);
  const name = categoryName(t);
  return html`<figure class="toll${disputed ? ' disputed' : ''}${t.derived ? ' derived' : ''}" data-category="${categoryKey(t)}" data-min="${t.min}" data-max="${t.max ?? ''}" data-best="${t.best ?? ''}" data-derived="${t.derived ? 'true' : 'false'}">
<figcaption><span class="category">${name}</span>${t.derived ? html` <span class="tag">derived</span>` : ''}${disputed ? html` <span class="flag">sources disagree</span>` : ''}
<span class="range">low <b>${formatNumber(t.min)}</b> · best <b>${t.best === null ? dash : formatNumber(t.best)}</b>${t.bestPolicy ? html` <small>(${t.bestPolicy})</small>` : ''} · high <b>${t.max === null ? 'unbounded' : formatNumber(t.max)}</b></span>${decided(t.decidedBy)}</figcaption>
${renderChart(t, name)}
${t.derived || t.claims.length === 0
    ? html`<p class="derived-note">Derived, not stated by any source: ${isolated(t.derivedFrom ?? dash)}</p>`
    : html`<table class="claims"><thead><tr><th>Source</th><th>Figure</th><th>Qualifier</th><th>Relayed by</th><th>Reports</th><th>Quote</th><th class="decide">Decide</th></tr></thead><tbody>
${claimRows(t.claims).map(renderClaimRow(ctx, t))}
</tbody></table>`}
</figure>`;
};

/** Speakers down, actors across: each cell the stance(s) that speaker took on that actor. */
const renderStanceMatrix = (ctx: IncidentContext, as: readonly Attribution[]): Html => {
  const names = namesOf(ctx);
  const speaker = (s: { source: string; sourceName?: string | undefined; via: string | null }): string =>
    `${s.sourceName ?? names.source(s.source)}${s.via ? ` via ${names.source(s.via)}` : ''}`;
  const speakers = [...new Set(as.flatMap((a) => a.stances.map(speaker)))].sort();
  const cell = (a: Attribution, who: string): Html => {
    const kinds = [...new Set(a.stances.filter((s) => speaker(s) === who).map((s) => s.stance))];
    return kinds.length
      ? html`<td class="${a.status === 'contested' ? 'contested' : ''}">${kinds.map((k, i) => html`${i ? ', ' : ''}<span class="stance stance-${k}">${k}</span>`)}</td>`
      : html`<td class="${a.status === 'contested' ? 'contested' : ''}">${dash}</td>`;
  };
  return html`<table class="stances"><thead><tr><th>Who says</th>${as.map((a) => html`<th class="${a.status === 'contested' ? 'contested' : ''}" data-actor="${a.actor}" data-status="${a.status}"${a.belligerent ? html` data-belligerent="${a.belligerent}"` : ''}>${isolated(names.actor(a.actor))}<br><small class="status status-${a.status}">${a.status}${a.belligerent ? `, ${a.belligerent}` : ''}</small>${decided(a.decidedBy)}</th>`)}</tr></thead>
<tbody>${speakers.map((who) => html`<tr><th scope="row">${isolated(who)}</th>${as.map((a) => cell(a, who))}</tr>`)}</tbody></table>`;
};

const renderStanceQuotes = (ctx: IncidentContext, as: readonly Attribution[]): Html => html`<table class="stance-quotes"><thead><tr><th>Actor</th><th>Stance</th><th>Who says</th><th>Report</th><th>Quote</th></tr></thead><tbody>
${as.flatMap((a) => a.stances.map((s) => html`<tr class="${a.status === 'contested' ? 'contested' : ''}" data-actor="${a.actor}"><td>${isolated(namesOf(ctx).actor(a.actor))}</td><td><span class="stance stance-${s.stance}">${s.stance}</span></td><td>${sourceRef(ctx, s)}${relayChainOf(s) ? html` <small>via ${chainRef(ctx, relayChainOf(s)!)}</small>` : ''}</td><td>${reportRef(ctx, s.reportId)}</td>${quoteCell(ctx, s.quote, s.reportId)}</tr>`))}
</tbody></table>`;

export const renderIncident = (ctx: IncidentContext) => (inc: Incident): Html => html`<article class="incident" id="${inc.id}" data-id="${inc.id}" aria-labelledby="${inc.id}-title">
<header><h2 id="${inc.id}-title"><span class="date">${formatDate(inc.date)}</span> · ${isolated(placeNames(inc, namesOf(ctx)))}${inc.grade ? html` <span class="grade grade-${inc.grade}">${inc.grade}</span>` : ''}</h2>
<p class="incident-id">Incident <code>${inc.id}</code><span class="back"> · <a href="#index">back to the index</a></span></p>
${copyControl(incidentSnippets(inc), `incident ${inc.id}`)}</header>
<dl class="facts"><dt>Date</dt><dd>${formatDate(inc.date)}</dd><dt>Places</dt><dd>${isolated(placeNames(inc, namesOf(ctx)))}</dd><dt>Grade</dt><dd>${inc.grade ?? dash}${decided(inc.gradeDecidedBy)}</dd>
<dt>Reports</dt><dd><ul class="reports">${inc.reportIds.map((id) => html`<li>${reportRef(ctx, id)}</li>`)}</ul></dd></dl>
<section class="disagreements${inc.disagreements.length ? ' any' : ''}"><h3>${inc.disagreements.length ? `Sources disagree (${inc.disagreements.length})` : 'Disagreements'}</h3>
${inc.disagreements.length ? html`<ul>${inc.disagreements.map(renderDisagreement(ctx, inc))}</ul>` : html`<p>None found.</p>`}</section>
<section class="tolls"><h3>Figures</h3>
${inc.tolls.length ? inc.tolls.map(renderToll(ctx, inc)) : html`<p>No figures.</p>`}</section>
<section class="attribution"><h3>Who carried it out</h3>
${inc.attributions.length ? html`${renderStanceMatrix(ctx, inc.attributions)}${renderStanceQuotes(ctx, inc.attributions)}` : html`<p>No stance on who carried it out.</p>`}</section>
${inc.harmAssessments?.length ? html`<section class="assessments"><h3>The belligerent’s assessment of civilian harm</h3><ul>${inc.harmAssessments.map((a) => html`<li data-actor="${a.actor}" data-assessment="${a.assessment}">${isolated(namesOf(ctx).actor(a.actor))}: <strong>${a.assessment}</strong>, says ${sourceRef(ctx, a)} (${reportRef(ctx, a.reportId)}): <q dir="auto">${quoteText(a.quote, langOf(ctx, a.reportId))}</q></li>`)}</ul></section>` : ''}
${renderDecisions(inc)}
</article>`;
