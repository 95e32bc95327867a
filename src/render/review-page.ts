/**
 * The review page that `reconcile review --store FILE --serve` serves: the review queue, then
 * every incident with the HTML report's views (html-incident.ts) and the controls that make
 * decisions. Pure: the output, the queue and the store's decisions in, one HTML page out.
 * Each control is a form whose `data-base` holds the decision it makes (anchored by report
 * and quote, README "Reviewing"); the page's script (review-page-script.ts) adds what the
 * reviewer typed and posts it. Report text reaches the page only through the `html` template.
 */
import { createHash } from 'node:crypto';
import type { DecisionStatus, Incident, Output, ReportOut, TollClaimOut } from '../model/contract.js';
import type { ReviewItem } from '../decisions/queue.js';
import { formatFigure } from './figures.js';
import { categoryName, formatDate, placeNames, renderIncident } from './html-incident.js';
import { contentSecurityPolicy, html, isolated, pageHead, quoteText, toString, trusted, type Html } from './html-text.js';
import { ID_NAMES, type Names } from './names.js';
import { REVIEW_SCRIPT } from './review-page-script.js';
import { REVIEW_STYLE } from './review-page-style.js';

export type ReviewView = {
  readonly output: Output;
  readonly queue: readonly ReviewItem[];
  /** the store's name as given on the command line */
  readonly store: string;
  /** the reviewer's name the page starts with (they may change it) */
  readonly reviewer: string;
  /** actor ids an attribution may name (the rules' actors) */
  readonly actors: readonly string[];
  readonly names?: Names;
};

const OUTCOMES = ['killed', 'injured'] as const;
const GROUPS = ['all', 'civilians', 'children', 'women', 'men', 'combatants'] as const;
const QUALIFIERS = ['exact', 'at-least', 'more-than', 'up-to', 'about', 'vague'] as const;
const GRADES = ['confirmed', 'fair', 'weak', 'contested'] as const;
const STATUSES = ['uncontested', 'contested', 'unclear'] as const;
/** How many incidents, nearest in date, a merge may choose from. */
const MERGE_CHOICES = 30;

/** The page's policy: its own script and style by hash, requests to its own server only, nothing else
 *  (the header adds frame-ancestors, which a meta element cannot carry). */
export const reviewPagePolicy = (where: 'meta' | 'header' = 'header'): string =>
  contentSecurityPolicy(REVIEW_SCRIPT, REVIEW_STYLE, { connect: "'self'", frameAncestors: where === 'header' });

/** JSON with every character outside printable ASCII as \uXXXX: an attribute value that no cleaning of text can change. */
export const asciiJson = (v: unknown): string =>
  JSON.stringify(v).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** A stable id for a control, from what it decides. */
const controlId = (prefix: string, where: string, base: unknown): string =>
  `${prefix}-${createHash('sha256').update(`${where}\n${asciiJson(base)}`).digest('hex').slice(0, 12)}`;

type Member = { readonly report: string; readonly quote: string; readonly span: readonly [number, number] };
type Anchored = { readonly claim: TollClaimOut; readonly category: string; readonly anchor: Readonly<Record<string, unknown>> };

/** One member per report of the incident: its first claim, else its first stance. */
export const incidentMembers = (inc: Incident): Member[] => {
  const pieces = [...inc.tolls.filter((t) => !t.derived).flatMap((t) => t.claims), ...inc.attributions.flatMap((a) => a.stances)];
  const first = new Map<string, Member>();
  for (const p of pieces) if (!first.has(p.reportId)) first.set(p.reportId, { report: p.reportId, quote: p.quote, span: [p.span[0], p.span[1]] });
  return [...first.values()];
};

const claimsOf = (inc: Incident): Anchored[] => inc.tolls.filter((t) => !t.derived).flatMap((t) => t.claims.map((claim) => ({
  claim, category: categoryName(t),
  anchor: { report: claim.reportId, quote: claim.quote, span: [claim.span[0], claim.span[1]], outcome: t.outcome, group: t.group },
})));

const options = (values: readonly string[], label: (v: string) => string, blank: string | null): Html =>
  html`${blank === null ? '' : html`<option value="">${blank}</option>`}${values.map((v) => html`<option value="${v}">${label(v)}</option>`)}`;

const why = (id: string, required: boolean, placeholder: string): Html =>
  html`<label class="why" for="${id}">Why <input id="${id}" name="why" type="text" autocomplete="off"${required ? html` required` : ''} placeholder="${placeholder}"></label>`;

/** A form that posts one decision: `base` is its fixed part, `body` the reviewer's part; `where` tells apart two forms of one decision. */
const decisionForm = (prefix: string, where: string, base: Readonly<Record<string, unknown>>, body: (id: string) => Html): Html => {
  const id = controlId(prefix, where, base);
  return html`<form class="decide ${prefix}" id="${id}" data-base="${asciiJson(base)}">${body(id)}</form>`;
};

/** Accept, reject and correct one claim (accepting is a note on the claim: a person checked it). */
export const claimControls = (anchor: Readonly<Record<string, unknown>>, where: string): Html => html`<div class="claim-controls">
${decisionForm('accept', where, { kind: 'note', claim: anchor }, (id) => html`<input type="hidden" name="why" value="checked: read as the report says"><button type="submit" class="accept" data-key="a" aria-describedby="${id}-d">Accept</button><span id="${id}-d" class="sr">accept this claim as read</span>`)}
${decisionForm('reject', where, { kind: 'reject-claim', claim: anchor }, (id) => html`${why(`${id}-why`, true, 'not a toll of this strike, because…')}<button type="submit" class="reject" data-key="r">Reject</button>`)}
${decisionForm('correct', where, { kind: 'correct-claim', claim: anchor }, (id) => html`<details><summary data-key="c">Correct…</summary>
<label for="${id}-v">Figure <input id="${id}-v" name="set.value" type="number" min="0" step="1" inputmode="numeric"></label>
<label for="${id}-o">Outcome <select id="${id}-o" name="set.outcome">${options(OUTCOMES, (x) => x, 'unchanged')}</select></label>
<label for="${id}-g">Group <select id="${id}-g" name="set.group">${options(GROUPS, (x) => x, 'unchanged')}</select></label>
<label for="${id}-q">Qualifier <select id="${id}-q" name="set.qualifier">${options(QUALIFIERS, (x) => x, 'unchanged')}</select></label>
${why(`${id}-why`, true, 'the report says…')}<button type="submit">Save the correction</button></details>`)}
</div>`;

const claimLabel = (names: Names, a: Anchored): Html =>
  html`<span class="claim-what">${a.category} = <b>${formatFigure(a.claim.value, a.claim.qualifier)}</b> by ${isolated(a.claim.sourceName ?? names.source(a.claim.source))}</span>`;

const claimList = (reports: ReadonlyMap<string, ReportOut>, names: Names, inc: Incident): Html => html`<ul class="claim-list">
${claimsOf(inc).map((a, k) => html`<li class="claim-item" data-report="${a.claim.reportId}">${claimLabel(names, a)} <small>(report ${isolated(a.claim.reportId)})</small>
<blockquote dir="auto">${quoteText(a.claim.quote, langOf(reports, a.claim.reportId))}</blockquote>${a.claim.decidedBy?.length ? html`<small class="decided">decided: ${a.claim.decidedBy.join(', ')}</small>` : claimControls(a.anchor, `${inc.id}-${k}`)}</li>`)}
</ul>`;

const langOf = (reports: ReadonlyMap<string, ReportOut>, id: string): string | null => {
  const lang = reports.get(id)?.language ?? null;
  return lang && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(lang) ? lang : null;
};

const dayOf = (i: Incident): number => (i.date === null ? Number.POSITIVE_INFINITY : Date.parse(i.date.start));

/** Merge with one of the incidents nearest in date. */
const mergeForm = (names: Names, inc: Incident, all: readonly Incident[]): Html | string => {
  const [mine] = incidentMembers(inc);
  const others = all.filter((o) => o.id !== inc.id && incidentMembers(o).length > 0)
    .sort((p, q) => Math.abs(dayOf(p) - dayOf(inc)) - Math.abs(dayOf(q) - dayOf(inc)) || (p.id < q.id ? -1 : 1)).slice(0, MERGE_CHOICES);
  if (!mine || !others.length) return '';
  return decisionForm('merge', inc.id, { kind: 'same-incident', members: [mine] }, (id) => html`<fieldset><legend>Merge: the same strike as</legend>
<label for="${id}-with" class="sr">incident to merge with</label><select id="${id}-with" name="members" data-json data-list required>${others.map((o) => html`<option value="${asciiJson(incidentMembers(o)[0])}" data-incident="${o.id}">${formatDate(o.date)} · ${placeNames(o, names)} · ${o.id}</option>`)}</select>
${why(`${id}-why`, true, 'same place and morning, because…')}<button type="submit" data-key="m">Merge</button></fieldset>`);
};

/** Split: the reports checked end in different incidents (every two of them apart). */
const splitForm = (reports: ReadonlyMap<string, ReportOut>, inc: Incident): Html | string => {
  const members = incidentMembers(inc);
  if (members.length < 2) return '';
  return decisionForm('split', inc.id, { kind: 'different-incidents', members: [] }, (id) => html`<fieldset><legend>Split: these reports are about different strikes</legend>
${members.map((m, k) => html`<label class="member" for="${id}-${k}"><input id="${id}-${k}" type="checkbox" name="members" data-json data-list value="${asciiJson(m)}" data-report="${m.report}"> ${isolated(m.report)} <small>${isolated(reports.get(m.report)?.outlet ?? '')}</small></label>`)}
${why(`${id}-why`, true, 'two strikes hours apart, because…')}<button type="submit" data-key="s">Split</button></fieldset>`);
};

const attributionForm = (names: Names, inc: Incident, actors: readonly string[], anchor: unknown): Html => {
  const choices = [...new Set([...inc.attributions.map((a) => a.actor), ...actors])];
  return decisionForm('set-attribution', inc.id, { kind: 'set-attribution', incident: anchor }, (id) => html`<fieldset><legend>Set the attribution</legend>
<label for="${id}-a">Actor <select id="${id}-a" name="actor" required>${options(choices, names.actor, null)}</select></label>
<label for="${id}-s">Status <select id="${id}-s" name="status">${options(STATUSES, (x) => x, null)}</select></label>
<label for="${id}-b">Belligerent <select id="${id}-b" name="belligerent">${options(['known', 'suspected'], (x) => x, 'not set')}</select></label>
${why(`${id}-why`, true, 'the ministry acknowledged it, because…')}<button type="submit">Set the attribution</button></fieldset>`);
};

const gradeForm = (inc: Incident, anchor: unknown): Html => decisionForm('set-grade', inc.id, { kind: 'set-grade', incident: anchor }, (id) => html`<fieldset><legend>Set the grade${inc.grade ? ` (now ${inc.grade})` : ''}</legend>
<label for="${id}-g">Grade <select id="${id}-g" name="grade" required>${options(GRADES, (x) => x, null)}</select></label>
${why(`${id}-why`, true, 'two independent sources, because…')}<button type="submit">Set the grade</button></fieldset>`);

const noteForm = (inc: Incident, anchor: unknown): Html => decisionForm('note', inc.id, { kind: 'note', incident: anchor }, (id) => html`<fieldset><legend>Note</legend>
${why(`${id}-why`, true, 'ask the local network for the names')}<button type="submit">Add the note</button></fieldset>`);

/** Every control of one incident, after its report views. */
const incidentControls = (view: ReviewView, reports: ReadonlyMap<string, ReportOut>, inc: Incident): Html => {
  const names = view.names ?? ID_NAMES;
  const members = incidentMembers(inc);
  const anchor = { members: members.slice(0, 1) };
  return html`<section class="review-controls" id="review-${inc.id}" aria-label="Decide about incident ${inc.id}"><h3>Decide</h3>
${claimList(reports, names, inc)}
<div class="incident-forms">${mergeForm(names, inc, view.output.incidents)}${splitForm(reports, inc)}
${members.length ? html`${attributionForm(names, inc, view.actors, anchor)}${gradeForm(inc, anchor)}${noteForm(inc, anchor)}` : ''}</div></section>`;
};

/** Confirm the attribution a stance item is about, as it stands (a set-attribution with its current status). */
const stanceControls = (output: Output, names: Names, x: ReviewItem): Html | string => {
  const a = output.incidents.find((i) => i.id === x.incidentId)?.attributions.find((y) => y.actor === x.actor);
  if (!a || !x.reportId || !x.quote || !x.span) return '';
  const base = { kind: 'set-attribution', incident: { members: [{ report: x.reportId, quote: x.quote, span: x.span }] }, actor: a.actor, status: a.status, ...(a.belligerent ? { belligerent: a.belligerent } : {}) };
  return decisionForm('accept', `q${x.rank}`, base, () => html`<input type="hidden" name="why" value="checked: the attribution is ${a.status} as read"><button type="submit" class="accept" data-key="a">Confirm: ${names.actor(a.actor)}, ${a.status}</button>`);
};

const itemWhat = (names: Names, x: ReviewItem): string => (x.target === 'claim'
  ? `claim ${x.category} = ${x.value ?? 'vague'} by ${names.source(x.source ?? '')}`
  : x.target === 'stance' ? `stance: ${names.source(x.source ?? '')} ${x.stance} ${names.actor(x.actor ?? '')}` : 'incident: one strike, or two?');

const queueItem = (view: ReviewView, reports: ReadonlyMap<string, ReportOut>) => (x: ReviewItem): Html => html`<li class="queue-item target-${x.target}" tabindex="-1" data-incident="${x.incidentId}" data-rank="${x.rank}">
<p><b>${x.rank}.</b> <span class="risk">risk ${x.risk}</span> ${isolated(itemWhat(view.names ?? ID_NAMES, x))} · <a href="#${x.incidentId}" data-key="o">${x.incidentId}</a>${x.reportId ? html` · report ${isolated(x.reportId)}` : ''}</p>
${x.quote ? html`<blockquote dir="auto">${quoteText(x.quote, langOf(reports, x.reportId ?? ''))}</blockquote>` : ''}
<ul class="reasons">${x.reasons.map((r) => html`<li><strong>${r.reason}</strong>: ${isolated(r.detail)}</li>`)}</ul>
${x.target === 'claim' ? claimControls(x.anchor, `q${x.rank}`) : html`<p>${x.target === 'stance' ? stanceControls(view.output, view.names ?? ID_NAMES, x) : ''} <a href="#review-${x.incidentId}">decide about the incident</a></p>`}
</li>`;

const KEYS: readonly (readonly [string, string])[] = [
  ['j / k', 'next / previous item of the queue'], ['a', 'accept the claim of the current item'],
  ['r', 'reject it (type why, then Enter)'], ['c', 'correct it (the fields open; Enter saves)'],
  ['o', 'go to the incident of the current item'], ['m / s', 'merge / split: go to the incident’s form'],
  ['Tab, Enter, Space', 'every control is a button, field or link'], ['?', 'come back to this list'],
];

const statusLine = (s: DecisionStatus): Html => html`<li class="status-${s.status}" data-decision="${s.id}" data-status="${s.status}"><strong>${s.id}</strong> ${s.kind} by ${isolated(s.who)}, ${s.when}: ${isolated(s.why)} · <em>${s.status}</em>${s.incidentIds.length ? html` (${s.incidentIds.join(', ')})` : ''}${s.message ? html` · ${isolated(s.message)}` : ''}</li>`;

const header = (view: ReviewView): Html => html`<header><h1>Review: ${isolated(view.store)}</h1>
<p>${view.output.incidents.length} incident(s) from ${view.output.reports.length} report(s); ${view.queue.length} item(s) to review; ${view.output.decisions?.length ?? 0} decision(s) in force. Rules <code>${view.output.rulesHash}</code>.</p>
<p><label for="who">Reviewer <input id="who" name="who" type="text" autocomplete="name" value="${view.reviewer}" required></label> <span class="muted">(each decision is stored with this name and the time)</span></p>
<section id="keys" tabindex="-1" aria-labelledby="keys-title"><h2 id="keys-title">Keyboard</h2><dl>${KEYS.map(([k, what]) => html`<dt><kbd>${k}</kbd></dt><dd>${what}</dd>`)}</dl></section>
<p id="status" role="status" aria-live="polite"></p>
<noscript><p class="flag">The buttons need JavaScript (this page's own script; nothing is fetched from elsewhere).</p></noscript>
</header>`;

export const renderReviewPage = (view: ReviewView): string => {
  const reports = new Map(view.output.reports.map((r) => [r.id, r]));
  const ctx = { reports, names: view.names ?? ID_NAMES };
  return toString(html`<!doctype html>
<html lang="en" dir="ltr">
${pageHead(reviewPagePolicy('meta'), `Review: ${view.store}`, REVIEW_STYLE)}
<body>
${header(view)}
<main>
<div id="index"></div>
<section id="queue" aria-labelledby="queue-title"><h2 id="queue-title">Review queue</h2>
${view.queue.length ? html`<ol class="queue">${view.queue.map(queueItem(view, reports))}</ol>` : html`<p>Nothing to review.</p>`}</section>
<section id="incidents" aria-label="Incidents">
${view.output.incidents.map((inc) => html`<div class="review-incident">${renderIncident(ctx)(inc)}${incidentControls(view, reports, inc)}</div>`)}
</section>
<section id="decisions" aria-labelledby="decisions-title"><h2 id="decisions-title">Decisions</h2>
${view.output.decisions?.length ? html`<ul>${view.output.decisions.map(statusLine)}</ul>` : html`<p>None yet.</p>`}</section>
</main>
<script>${trusted(REVIEW_SCRIPT)}</script>
</body>
</html>
`);
};
