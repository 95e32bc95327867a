/**
 * Test support for clustering, reconciliation and the pipeline: the shipped rules
 * (rules/*.yaml, validated), a tiny test gazetteer, and builders for mentions, claims
 * and stances with unique spans and ids.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { Group, Outcome, Qualifier, StanceKind } from '../../src/model/contract.js';
import type { Mention, PlaceRef, Stance, TollClaim } from '../../src/model/claim.js';
import type { Place, Rules } from '../../src/rules/schema.js';
import { ClusteringRules } from '../../src/rules/clustering-schema.js';
import { ReconcileRules } from '../../src/rules/reconcile-schema.js';
import { shippedRules } from '../support/rules.js';

const rulesDir = fileURLToPath(new URL('../../rules/', import.meta.url));
export const readRuleFile = (name: string): unknown => parse(readFileSync(rulesDir + name, 'utf8'));

/** A test gazetteer: id → name, kind, governorate and district. */
export const GAZETTEER: Readonly<Record<string, { name: string; kind: Place['kind']; governorate: string; district?: string }>> = {
  hajin: { name: 'Hajin', kind: 'town', governorate: 'deir-ez-zor', district: 'abu-kamal-district' },
  'al-susah': { name: 'al-Susah', kind: 'village', governorate: 'deir-ez-zor', district: 'abu-kamal-district' },
  'al-mayadin': { name: 'al-Mayadin', kind: 'city', governorate: 'deir-ez-zor', district: 'al-mayadin-district' },
  'abu-kamal-district': { name: 'Abu Kamal district', kind: 'district', governorate: 'deir-ez-zor' },
  'deir-ez-zor': { name: 'Deir ez-Zor', kind: 'governorate', governorate: 'deir-ez-zor' },
  saraqib: { name: 'Saraqib', kind: 'town', governorate: 'idlib', district: 'idlib-district' },
  raqqa: { name: 'Raqqa', kind: 'city', governorate: 'raqqa', district: 'raqqa-district' },
};

export const testRules = (overrides: { clustering?: unknown; reconcile?: unknown } = {}): Rules => ({
  sources: [],
  actors: [],
  places: Object.entries(GAZETTEER).map(([id, p]) => ({ id, ar: [p.name], en: [p.name], ...p })),
  // the shipped languages: their script folds fold place names as the engine does
  languages: shippedRules().rules.languages,
  clustering: ClusteringRules.parse(overrides.clustering ?? readRuleFile('clustering.yaml')),
  reconcile: ReconcileRules.parse(overrides.reconcile ?? readRuleFile('reconcile.yaml')),
});

export type ClaimSpec = {
  outcome?: Outcome; group?: Group; affiliation?: string | null; value?: number | null;
  source?: string; via?: string | null; qualifier?: Qualifier; vagueMin?: number | null; mayRise?: boolean;
};
export type StanceSpec = { actor: string; stance: StanceKind; source?: string; via?: string | null };
export type MentionSpec = {
  date?: string | readonly [string, string] | null;
  places?: readonly string[];
  claims?: readonly ClaimSpec[];
  stances?: readonly StanceSpec[];
  targets?: readonly string[];
  publishedAt?: string | null;
};

/** A gazetteer id resolves; any other string is an unresolved name. */
export const placeRef = (name: string): PlaceRef => {
  const g = GAZETTEER[name];
  return g ? { id: name, name: g.name, governorate: g.governorate, span: null } : { id: null, name, governorate: null, span: null };
};

export const claimOf = (reportId: string, span: [number, number], c: ClaimSpec): TollClaim => {
  const outcome = c.outcome ?? 'killed', group = c.group ?? 'civilians', affiliation = c.affiliation ?? null;
  const value = c.value === undefined ? 10 : c.value;
  return {
    id: `${reportId}:${span[0]}-${span[1]}:${outcome}/${group}/${affiliation ?? ''}`,
    reportId, source: c.source ?? 'sohr', via: c.via ?? null, outcome, group, affiliation, value,
    qualifier: c.qualifier ?? (value === null ? 'vague' : 'exact'), mayRise: c.mayRise ?? false,
    quote: `claim ${value ?? 'some'}`, span, partOf: null,
    vagueMin: value === null ? (c.vagueMin === undefined ? 10 : c.vagueMin) : null,
  };
};

export const stanceOf = (reportId: string, span: [number, number], s: StanceSpec): Stance => ({
  id: `${reportId}:${span[0]}-${span[1]}:${s.actor}/${s.stance}`,
  reportId, source: s.source ?? 'sohr', via: s.via ?? null, actor: s.actor, stance: s.stance,
  quote: `${s.source ?? 'sohr'} ${s.stance} ${s.actor}`, span,
});

/** A mention `${reportId}#${ordinal}`; claim and stance spans are unique within the report. */
export const mention = (reportId: string, ordinal: number, spec: MentionSpec = {}): Mention => {
  const base = ordinal * 1000;
  const date = spec.date === undefined || spec.date === null ? null
    : typeof spec.date === 'string' ? { start: spec.date, end: spec.date } : { start: spec.date[0], end: spec.date[1] };
  return {
    id: `${reportId}#${ordinal}`,
    reportId, ordinal,
    publishedAt: spec.publishedAt === undefined ? null : spec.publishedAt,
    date: spec.date === undefined ? null : date,
    places: (spec.places ?? []).map(placeRef),
    claims: (spec.claims ?? []).map((c, k) => claimOf(reportId, [base + k * 10, base + k * 10 + 5], c)),
    stances: (spec.stances ?? []).map((s, k) => stanceOf(reportId, [base + 500 + k * 10, base + 500 + k * 10 + 5], s)),
    targets: [...(spec.targets ?? [])],
  };
};

/** Cluster contents as sorted lists of sorted mention ids: comparable with toEqual. */
export const partition = (clusters: readonly { mentions: readonly Mention[] }[]): string[][] =>
  clusters.map((c) => c.mentions.map((m) => m.id).sort()).sort((p, q) => (p[0]! < q[0]! ? -1 : 1));
