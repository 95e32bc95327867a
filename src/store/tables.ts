/**
 * The store's plain tables, as data: every column with its SQL type and meaning, and the
 * rows a report, a mention or an incident becomes. Pure; an SQL backend creates the tables
 * from these and appends the rows (src/cli/store/duckdb.ts), and the README lists them.
 */
import type { Incident } from '../model/contract.js';
import type { TollClaim } from '../model/claim.js';
import type { StoredMention, StoredReport } from './port.js';

export type ColumnType = 'VARCHAR' | 'INTEGER' | 'BOOLEAN' | 'DATE' | 'TIMESTAMP' | 'JSON' | 'VARCHAR[]';
export type Column = { readonly name: string; readonly type: ColumnType; readonly doc: string };
export type Value = string | number | boolean | null | readonly string[];
export type Row = readonly Value[];

const col = (name: string, type: ColumnType, doc: string): Column => ({ name, type, doc });

export const TABLES = {
  meta: [col('key', 'VARCHAR', 'schema_version, rules_hash, batches, created_at'), col('value', 'VARCHAR', 'its value')],
  reports: [
    col('id', 'VARCHAR', 'report id'), col('published_at', 'DATE', 'publication date'), col('outlet', 'VARCHAR', 'outlet id'),
    col('language', 'VARCHAR', 'language'), col('url', 'VARCHAR', 'url'), col('origin', 'VARCHAR', 'file (and record) it was read from'),
    col('text', 'VARCHAR', 'the text as read'), col('content_hash', 'VARCHAR', 'hash of the record: the same report added again is recognised'),
    col('batch', 'INTEGER', 'the add that stored it'), col('record', 'JSON', 'the report record without its text (hand-coded claims included)'),
    col('extraction', 'JSON', 'what extraction found besides event mentions: aggregates, loose stances, warnings'),
  ],
  mentions: [
    col('id', 'VARCHAR', 'mention id (report#ordinal)'), col('report_id', 'VARCHAR', 'its report'), col('ordinal', 'INTEGER', 'event number in the report'),
    col('date_start', 'DATE', 'date it states (start)'), col('date_end', 'DATE', 'date it states (end)'),
    col('component', 'VARCHAR', 'the group of mentions that could be joined (re-clustered together)'),
    col('incident_id', 'VARCHAR', 'its incident (null: its cluster has no toll)'),
    col('mention', 'JSON', 'the mention as extracted'), col('features', 'JSON', 'what clustering compares (place ids, figures, actors, …)'),
  ],
  mention_keys: [
    col('mention_id', 'VARCHAR', 'mention'), col('kind', 'VARCHAR', "'date' or 'place'"), col('key', 'VARCHAR', 'blocking key'),
    col('day_start', 'INTEGER', 'days since 1970-01-01 (null: undated)'), col('day_end', 'INTEGER', 'days since 1970-01-01'),
  ],
  claims: [
    col('id', 'VARCHAR', 'claim id'), col('report_id', 'VARCHAR', 'report'), col('mention_id', 'VARCHAR', 'mention (null for a total over many events)'),
    col('aggregate', 'BOOLEAN', 'a total over many events'), col('source', 'VARCHAR', 'who says it'), col('via', 'VARCHAR', 'relaying outlet'),
    col('outcome', 'VARCHAR', 'killed or injured'), col('victim_group', 'VARCHAR', 'all, civilians, children, women, men, combatants'),
    col('affiliation', 'VARCHAR', 'for combatants'), col('value', 'INTEGER', 'figure as stated (null: vague)'), col('qualifier', 'VARCHAR', 'exact, at-least, …'),
    col('vague_min', 'INTEGER', 'lower bound of a vague quantity'), col('may_rise', 'BOOLEAN', 'the source says it may rise'),
    col('superseded', 'BOOLEAN', 'revised by the same source in the same report'), col('part_of', 'VARCHAR', 'the claim it is part of'),
    col('quote', 'VARCHAR', 'exact text'), col('span_start', 'INTEGER', 'UTF-16 offset'), col('span_end', 'INTEGER', 'UTF-16 offset'),
  ],
  incidents: [
    col('id', 'VARCHAR', 'stable incident id'), col('date_start', 'DATE', 'date range start'), col('date_end', 'DATE', 'date range end'),
    col('place_ids', 'VARCHAR[]', 'gazetteer ids'), col('places', 'VARCHAR[]', 'place names'), col('governorates', 'VARCHAR[]', 'governorates'),
    col('grade', 'VARCHAR', 'confirmed, fair, weak or contested'), col('reports', 'INTEGER', 'number of reports'), col('mentions', 'INTEGER', 'number of mentions'),
    col('disagreements', 'INTEGER', 'number of disagreements'), col('batch', 'INTEGER', 'the add that last changed it'),
    col('incident', 'JSON', 'the incident as in the output contract'),
  ],
  tolls: [
    col('incident_id', 'VARCHAR', 'incident'), col('outcome', 'VARCHAR', 'killed or injured'), col('victim_group', 'VARCHAR', 'victim group'),
    col('affiliation', 'VARCHAR', 'for combatants'), col('low', 'INTEGER', 'lowest stated figure (min)'), col('high', 'INTEGER', 'highest stated figure (max; null: unbounded)'),
    col('best', 'INTEGER', 'best estimate'), col('best_policy', 'VARCHAR', 'policy that chose it'), col('derived', 'BOOLEAN', 'no source states it'),
    col('derived_from', 'VARCHAR', 'how it was derived'), col('claims', 'INTEGER', 'number of claims'), col('sources', 'VARCHAR[]', 'sources stating it'),
  ],
  stances: [
    col('incident_id', 'VARCHAR', 'incident'), col('actor', 'VARCHAR', 'actor the stance is about'), col('status', 'VARCHAR', 'uncontested, contested, unclear'),
    col('source', 'VARCHAR', 'who says it'), col('via', 'VARCHAR', 'relaying outlet'), col('stance', 'VARCHAR', 'asserts, likely, possible, acknowledges, denies'),
    col('report_id', 'VARCHAR', 'report'), col('quote', 'VARCHAR', 'exact text'), col('span_start', 'INTEGER', 'UTF-16 offset'), col('span_end', 'INTEGER', 'UTF-16 offset'),
  ],
  disagreements: [
    col('incident_id', 'VARCHAR', 'incident'), col('kind', 'VARCHAR', 'toll, attribution, place, date, existence'), col('outcome', 'VARCHAR', 'for tolls'),
    col('victim_group', 'VARCHAR', 'for tolls'), col('affiliation', 'VARCHAR', 'for tolls'), col('actor', 'VARCHAR', 'for attributions'),
    col('sources', 'VARCHAR[]', 'sources that disagree'), col('summary', 'VARCHAR', 'one sentence'), col('reason', 'VARCHAR', 'sources-differ or revision'),
  ],
  history: [
    col('seq', 'INTEGER', 'order of events'), col('batch', 'INTEGER', 'the add (or rules change) that made it'), col('recorded_at', 'TIMESTAMP', 'when (UTC)'),
    col('rules_hash', 'VARCHAR', 'rules in force'), col('event', 'VARCHAR', 'added, rules-changed, created, grown, changed, split, merged, removed'),
    col('incident_id', 'VARCHAR', 'incident it is about'), col('other_id', 'VARCHAR', 'split: where the part went; merged: where the retired id went'),
    col('mentions_before', 'INTEGER', 'mentions before'), col('mentions_after', 'INTEGER', 'mentions after (moved, for a split)'), col('detail', 'VARCHAR', 'in words'),
  ],
  decisions: [
    col('seq', 'INTEGER', 'order in which decisions were stored'), col('recorded_at', 'TIMESTAMP', 'when it was stored (UTC)'),
    col('decision_id', 'VARCHAR', "the decision's id"), col('kind', 'VARCHAR', 'reject-claim, correct-claim, add-claim, same-incident, …'),
    col('who', 'VARCHAR', 'who decided'), col('decided_at', 'VARCHAR', "the decision's own `when`"),
    col('change', 'VARCHAR', "'added' (new id) or 'changed' (the id stored again with other content)"),
    col('before', 'JSON', 'the decision as stored before (null: new)'), col('after', 'JSON', 'the decision as stored now'),
  ],
} as const satisfies Record<string, readonly Column[]>;

export type TableName = keyof typeof TABLES;

/** The tables that hold derived rows of incidents (rewritten with them). */
export const INCIDENT_TABLES = ['incidents', 'tolls', 'stances', 'disagreements'] as const;

export const reportRow = (s: StoredReport, batch: number): Row => {
  const { text, ...record } = s.report;
  return [s.report.id, s.report.publishedAt, s.report.outlet, s.report.language, s.report.url, s.report.origin, text, s.contentHash, batch,
    JSON.stringify(record), JSON.stringify({ aggregates: s.aggregates, looseStances: s.looseStances, warnings: s.warnings, ...(s.readWarnings?.length ? { readWarnings: s.readWarnings } : {}) })];
};

export const claimRow = (c: TollClaim, mentionId: string | null): Row => [
  c.id, c.reportId, mentionId, mentionId === null, c.source, c.via, c.outcome, c.group, c.affiliation, c.value, c.qualifier,
  c.vagueMin, c.mayRise, c.superseded ?? false, c.partOf, c.quote, c.span[0], c.span[1],
];

export const mentionRow = (s: StoredMention): Row => [
  s.mention.id, s.mention.reportId, s.mention.ordinal, s.mention.date?.start ?? null, s.mention.date?.end ?? null,
  s.component, s.incidentId, JSON.stringify(s.mention), JSON.stringify(s.features),
];

export const mentionKeyRows = (s: StoredMention): Row[] => {
  const d = s.keys.days;
  return [
    ...s.keys.dateKeys.map((k): Row => [s.mention.id, 'date', k, d?.start ?? null, d?.end ?? null]),
    ...s.keys.placeIds.map((k): Row => [s.mention.id, 'place', k, d?.start ?? null, d?.end ?? null]),
  ];
};

export const incidentRows = (i: Incident, batch: number): Record<(typeof INCIDENT_TABLES)[number], Row[]> => ({
  incidents: [[i.id, i.date?.start ?? null, i.date?.end ?? null, i.places.map((p) => p.id), i.places.map((p) => p.name),
    [...new Set(i.places.flatMap((p) => (p.governorate ? [p.governorate] : [])))], i.grade ?? null, i.reportIds.length,
    i.mentionIds?.length ?? 0, i.disagreements.length, batch, JSON.stringify(i)]],
  tolls: i.tolls.map((t) => [i.id, t.outcome, t.group, t.affiliation, t.min, t.max, t.best, t.bestPolicy ?? null, t.derived ?? false,
    t.derivedFrom ?? null, t.claims.length, [...new Set(t.claims.map((c) => c.source))].sort()]),
  stances: i.attributions.flatMap((a) => a.stances.map((s): Row => [i.id, a.actor, a.status, s.source, s.via, s.stance, s.reportId, s.quote, s.span[0], s.span[1]])),
  disagreements: i.disagreements.map((d) => [i.id, d.kind, d.outcome ?? null, d.group ?? null, d.affiliation ?? null, d.actor ?? null,
    d.sources, d.summary, d.reason ?? null]),
});
