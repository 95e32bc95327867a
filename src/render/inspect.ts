/**
 * `reconcile inspect` as text for a terminal: one incident's date, places and reports, every
 * figure with its source and quote, the range and best estimate, stances side by side,
 * disagreements, and why its mentions were joined and which near candidates were kept apart.
 */
import { sourceLabel } from './facts.js';
import { placeLabels } from './places.js';
import type { ComparedPair } from '../cluster/index.js';
import { describeLevels } from '../cluster/index.js';
import type { Attribution, Incident, Output, ReportOut, Toll, TollClaimOut } from '../model/contract.js';
import { cleanText, terminalText } from './bidi.js';

const dash = '—';

/** A quote from a report: shown in guillemets, its right-to-left runs isolated. */
type Quote = { readonly quote: string };
type Cell = string | Quote;

const t = terminalText;
const quoted = (q: Quote): string => `«${t(q.quote)}»`;
const visible = (c: Cell): string => (typeof c === 'string' ? cleanText(c) : `«${cleanText(c.quote)}»`);
const shown = (c: Cell): string => (typeof c === 'string' ? t(c) : quoted(c));

/** Columns aligned by visible length (cleaned text, one column per code point); the last cell is not padded. */
const table = (rows: readonly (readonly Cell[])[], indent = '    '): string[] => {
  const widths = rows.reduce<number[]>((w, r) => r.map((c, i) => Math.max(w[i] ?? 0, [...visible(c)].length)), []);
  return rows.map((r) => indent + r.map((c, i) =>
    (i === r.length - 1 ? shown(c) : shown(c) + ' '.repeat(widths[i]! - [...visible(c)].length))).join('  ').trimEnd());
};

export const formatDate = (d: Incident['date']): string => (d === null ? 'undated' : d.start === d.end ? d.start : `${d.start} to ${d.end}`);

const category = (x: Pick<Toll, 'outcome' | 'group' | 'affiliation'>): string =>
  `${x.outcome} · ${x.group}${x.affiliation ? ` (${x.affiliation})` : ''}`;

const figure = (c: TollClaimOut): string => `${c.value ?? 'vague'}${c.mayRise ? ' (may rise)' : ''}`;

const disputed = (inc: Incident, x: Toll): boolean =>
  inc.disagreements.some((d) => d.kind === 'toll' && d.outcome === x.outcome && d.group === x.group && (d.affiliation ?? null) === x.affiliation);

const renderToll = (inc: Incident) => (x: Toll): string[] => {
  const range = `low ${x.min} · best ${x.best ?? dash}${x.bestPolicy ? ` (${x.bestPolicy})` : ''} · high ${x.max ?? 'unbounded'}`;
  const head = `  ${t(category(x))}${x.derived ? ' (derived)' : ''}: ${t(range)}${disputed(inc, x) ? '   [sources disagree]' : ''}`;
  if (x.derived || x.claims.length === 0) return [head, `    derived, not stated by any source: ${t(x.derivedFrom ?? dash)}`];
  const rows = x.claims.map((c) => [sourceLabel(c.source), figure(c), c.qualifier, c.via ?? dash, c.reportId, { quote: c.quote }]);
  return [head, ...table([['source', 'figure', 'qualifier', 'via', 'report', 'quote'], ...rows])];
};

const speaker = (s: { source: string; via: string | null }): string => `${sourceLabel(s.source)}${s.via ? ` via ${s.via}` : ''}`;

/** A matrix: one row per speaker, one column per actor, the stances each took. */
const renderStances = (as: readonly Attribution[]): string[] => {
  if (as.length === 0) return ['  No stance on who carried it out.'];
  const speakers = [...new Set(as.flatMap((a) => a.stances.map(speaker)))].sort();
  const cell = (a: Attribution, who: string): string => {
    const kinds = [...new Set(a.stances.filter((s) => speaker(s) === who).map((s) => s.stance))];
    return kinds.length ? kinds.join(', ') : dash;
  };
  const header = ['', ...as.map((a) => `${a.actor} (${a.status})`)];
  const quotes = as.flatMap((a) => a.stances.map((s) => [a.actor, s.stance, speaker(s), s.reportId, { quote: s.quote }]));
  return [
    ...table([header, ...speakers.map((who) => [who, ...as.map((a) => cell(a, who))])], '  '),
    '', '  Quotes:',
    ...table(quotes),
  ];
};

const renderReports = (reports: readonly ReportOut[], ids: readonly string[]): string[] => {
  const byId = new Map(reports.map((r) => [r.id, r]));
  return table(ids.map((id) => {
    const r = byId.get(id);
    return [id, r?.publishedAt ?? 'date unknown', r?.outlet ?? 'outlet unknown', r?.language ?? ''];
  }));
};

const levelsLine = (p: ComparedPair): string => `      ${t(describeLevels(p).join(' · '))}`;

/** Joined pairs of the incident, then near candidates (one side outside), best score first. */
const renderClustering = (output: Output, pairs: readonly ComparedPair[], inc: Incident): string[] => {
  const inside = new Set(inc.mentionIds ?? []);
  const incidentOf = new Map(output.incidents.flatMap((i) => (i.mentionIds ?? []).map((m) => [m, i.id] as const)));
  const byScore = (p: ComparedPair, q: ComparedPair): number => q.score - p.score || (p.a < q.a ? -1 : p.a > q.a ? 1 : p.b < q.b ? -1 : p.b > q.b ? 1 : 0);
  const joined = pairs.filter((p) => inside.has(p.a) && inside.has(p.b)).sort(byScore);
  const near = pairs.filter((p) => inside.has(p.a) !== inside.has(p.b)).sort(byScore);
  const where = (m: string): string => {
    const id = incidentOf.get(m);
    return id ? `in incident ${id}` : 'in no incident: it has no figures';
  };
  return [
    'Why these mentions are one incident',
    ...(inside.size <= 1 ? [`  One mention (${t([...inside].join(', ') || dash)}): nothing to join.`] : []),
    ...(inside.size > 1 && joined.length === 0 ? ['  No compared pair inside this incident.'] : []),
    ...joined.flatMap((p) => [`  ${t(p.a)} + ${t(p.b)}: joined, ${t(p.reason)} [blocking: ${t(p.blockedBy.join(', '))}]`, levelsLine(p)]),
    '',
    'Near candidates kept apart',
    ...(near.length === 0 ? ['  None: no mention outside this incident was compared with one inside it.'] : []),
    ...near.flatMap((p) => {
      const [own, other] = inside.has(p.a) ? [p.a, p.b] : [p.b, p.a];
      return [`  ${t(own)} vs ${t(other)} (${t(where(other))}): kept apart, ${t(p.reason)} [blocking: ${t(p.blockedBy.join(', '))}]`, levelsLine(p)];
    }),
  ];
};

/** The whole inspect text for one incident of `output`; `pairs` are the clustering's compared pairs. */
/** The analysts' decisions that reached the incident, what they changed, and the claims they rejected. */
const renderDecisions = (inc: Incident): string[] => {
  if (!inc.decisions?.length) return [];
  const changed = (id: string): string[] => [
    ...inc.tolls.filter((x) => x.decidedBy?.includes(id)).map((x) => `${x.outcome}/${x.group}`),
    ...inc.attributions.filter((a) => a.decidedBy?.includes(id)).map((a) => `attribution ${a.actor} ${a.status}`),
    ...(inc.gradeDecidedBy?.includes(id) ? [`grade ${inc.grade ?? ''}`] : []),
  ];
  return [
    'Decisions',
    ...inc.decisions.map((d) => {
      const what = changed(d.id);
      return `  - ${t(d.id)} ${t(d.kind)} by ${t(d.who)}, ${t(d.when)}: ${t(d.why)}${what.length ? ` [${t(what.join('; '))}]` : ''}`;
    }),
    ...(inc.rejectedClaims ?? []).map((c) => `  rejected: ${t(c.source)} ${c.value ?? 'vague'} ${t(`${c.outcome}/${c.group}`)} (${t(c.reportId)}) ${t(JSON.stringify(c.quote))} [${t(c.decidedBy.join(', '))}]`),
    '',
  ];
};

export const renderInspect = (output: Output, pairs: readonly ComparedPair[]) => (inc: Incident): string => {
  const places = placeLabels(inc).join('; ') || 'no gazetteer place';
  return [
    `Incident ${t(inc.id)}`,
    `  date     ${formatDate(inc.date)}`,
    `  places   ${t(places)}`,
    `  grade    ${t(inc.grade ?? dash)}${inc.gradeDecidedBy?.length ? ` (decided: ${t(inc.gradeDecidedBy.join(', '))})` : ''}`,
    `  reports  ${inc.reportIds.length}`,
    ...renderReports(output.reports, inc.reportIds),
    '',
    'Figures',
    ...(inc.tolls.length ? inc.tolls.flatMap(renderToll(inc)) : ['  No figures.']),
    '',
    'Attribution (stances side by side)',
    ...renderStances(inc.attributions),
    '',
    'Disagreements',
    ...(inc.disagreements.length
      ? inc.disagreements.map((d) => {
        const what = [d.outcome && d.group ? `${d.outcome}/${d.group}${d.affiliation ? `/${d.affiliation}` : ''}` : null, d.actor ?? null, d.reason ?? null]
          .filter((x): x is string => x !== null && x !== undefined);
        return `  - ${t(d.kind)}${what.length ? ` (${t(what.join(', '))})` : ''}: ${t(d.summary)}`;
      })
      : ['  None found.']),
    '',
    ...renderDecisions(inc),
    ...renderClustering(output, pairs, inc),
  ].join('\n') + '\n';
};
