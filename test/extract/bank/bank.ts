/**
 * The sentence bank: casualty sentences written for this bank (not taken from any corpus),
 * each with the reading a careful human coder gives it. Loaded from ar.yaml and en.yaml,
 * run through the public extraction entry with the shipped rules, and compared.
 *
 * A reading is compared in full: every claim the engine finds must be expected and every
 * expected claim found, with its value, group, outcome, affiliation, qualifier, whether it
 * is a part of another claim (and of which), whether it was revised away (superseded) and
 * whether it is a total over many events (an aggregate). `source`/`via` are compared when
 * the entry gives them; stances when the entry has a `stances` list (an empty list means
 * "no stance"); `mayRise` when the claim gives it. `notClaims` are figures in the sentence
 * that must not be read as any claim (ages, missiles, sorties, distances, dates, hypotheses).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { Group, Outcome, Qualifier, StanceKind } from '../../../src/model/contract.js';
import type { Extraction, Stance, TollClaim } from '../../../src/model/claim.js';

export const BANK_DIR = fileURLToPath(new URL('.', import.meta.url));
export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const LANGUAGES = ['ar', 'en'] as const;

const ExpectedClaim = z.strictObject({
  value: z.number().int().nonnegative().nullable(),
  group: Group,
  outcome: Outcome,
  qualifier: Qualifier.default('exact'),
  affiliation: z.string().nullable().default(null),
  /** index (in this entry's `claims`) of the whole this claim is a part of */
  partOf: z.number().int().nonnegative().optional(),
  /** an earlier figure the source itself revised in the same text */
  superseded: z.boolean().default(false),
  /** a total over many events (kept apart from incidents) */
  aggregate: z.boolean().default(false),
  mayRise: z.boolean().optional(),
  /** overrides the entry's source / via for this claim */
  source: z.string().optional(),
  via: z.string().nullable().optional(),
});
export type ExpectedClaim = z.infer<typeof ExpectedClaim>;

const ExpectedStance = z.strictObject({ actor: z.string(), kind: StanceKind, source: z.string().optional() });

export const Entry = z.strictObject({
  id: z.string().regex(/^(ar|en)-[a-z0-9-]+-\d{2}$/, 'ids look like ar-<construction>-NN'),
  construction: z.string().regex(/^[a-z0-9-]+$/),
  text: z.string().min(1),
  /** the report's outlet (its own voice when no speaker governs); default afp */
  outlet: z.string().default('afp'),
  publishedAt: z.string().default('2019-05-15'),
  source: z.string().optional(),
  via: z.string().nullable().optional(),
  claims: z.array(ExpectedClaim).default([]),
  notClaims: z.array(z.number()).default([]),
  stances: z.array(ExpectedStance).optional(),
  note: z.string().optional(),
});
export type Entry = z.infer<typeof Entry> & { language: 'ar' | 'en' };

export const loadBank = (): Entry[] =>
  LANGUAGES.flatMap((language) => {
    const raw: unknown = parse(readFileSync(join(BANK_DIR, `${language}.yaml`), 'utf8'));
    const list = z.array(z.unknown()).parse(raw);
    return list.map((item, i) => {
      const r = Entry.safeParse(item);
      if (!r.success) throw new Error(`${language}.yaml entry ${i} (${(item as { id?: string })?.id ?? '?'}): ${r.error.message}`);
      if (!r.data.id.startsWith(`${language}-`)) throw new Error(`${language}.yaml: ${r.data.id} is not an ${language} id`);
      return { ...r.data, language };
    });
  });

export const loadKnownMisses = (): Set<string> =>
  new Set(readFileSync(join(BANK_DIR, 'known-misses.txt'), 'utf8').split('\n').map((l) => l.replace(/#.*/, '').trim()).filter(Boolean));

/** Problems in the bank itself (not the engine): bad indices, a notClaim that is also a claim. */
export const entryProblems = (e: Entry): string[] => {
  const p: string[] = [];
  e.claims.forEach((c, i) => {
    if (c.partOf !== undefined && (c.partOf === i || c.partOf >= e.claims.length)) p.push(`claim ${i}: partOf ${c.partOf} names no other claim`);
    if ((c.value === null) !== (c.qualifier === 'vague')) p.push(`claim ${i}: a null value goes with the vague qualifier, and only it`);
    if (c.group === 'combatants' ? false : c.affiliation !== null) p.push(`claim ${i}: only combatants carry an affiliation`);
  });
  const values = new Set(e.claims.map((c) => c.value));
  for (const n of e.notClaims) if (values.has(n)) p.push(`notClaims ${n} is also an expected claim value`);
  return p;
};

// ---- the engine's reading, in the same terms ------------------------------------------------

const key = (c: { outcome: string; group: string; affiliation: string | null; value: number | null }) =>
  `${c.outcome}/${c.group}/${c.affiliation ?? '-'}=${c.value ?? 'vague'}`;

export type Reading = { claims: string[]; sources: string[]; stances: string[]; values: (number | null)[] };

const describe = (c: { qualifier: string; superseded: boolean; aggregate: boolean; mayRise?: boolean | undefined }, whole: string | null, base: string) =>
  `${base} ${c.qualifier}${c.superseded ? ' superseded' : ''}${c.aggregate ? ' total' : ''}${c.mayRise ? ' may-rise' : ''}${whole ? ` <${whole}` : ''}`;

/** What of a claim's provenance the entry compares: its source, its via, neither or both. */
const provenanceCompared = (e: Entry) => ({
  source: e.source !== undefined || e.claims.some((c) => c.source !== undefined),
  via: e.via !== undefined || e.claims.some((c) => c.via !== undefined),
  mayRise: e.claims.some((c) => c.mayRise !== undefined),
});
const provenance = (k: string, source: string | undefined, via: string | null | undefined, p: { source: boolean; via: boolean }) =>
  `${k}${p.source ? ` from ${source ?? '?'}` : ''}${p.via ? ` via ${via ?? '-'}` : ''}`;

/** The engine's claims and stances, described in the entry's terms. */
export const engineReading = (x: Extraction, e: Entry): Reading => {
  const all: { c: TollClaim; aggregate: boolean }[] = [
    ...x.mentions.flatMap((m) => m.claims).map((c) => ({ c, aggregate: false })),
    ...x.aggregates.map((c) => ({ c, aggregate: true })),
  ];
  const byId = new Map(all.map(({ c }) => [c.id, c]));
  const p = provenanceCompared(e);
  const claims = all.map(({ c, aggregate }) => {
    const whole = c.partOf === null ? null : byId.get(c.partOf);
    return describe({ qualifier: c.qualifier, superseded: c.superseded === true, aggregate, mayRise: p.mayRise && c.mayRise }, whole ? key(whole) : c.partOf === null ? null : '?', key(c));
  }).sort();
  const sources = all.map(({ c }) => provenance(key(c), c.source, c.via, p)).sort();
  const stances = [...x.mentions.flatMap((m) => m.stances), ...x.looseStances].map((s: Stance) => `${s.source} ${s.stance} ${s.actor}`).sort();
  return { claims, sources, stances, values: all.map(({ c }) => c.value) };
};

/** The entry's expected reading, described the same way. */
export const expectedReading = (e: Entry): Omit<Reading, 'values'> => {
  const p = provenanceCompared(e);
  const claims = e.claims.map((c) => {
    const whole = c.partOf === undefined ? null : e.claims[c.partOf];
    return describe({ ...c, mayRise: p.mayRise && c.mayRise === true }, whole ? key(whole) : null, key(c));
  }).sort();
  const sources = e.claims.map((c) => provenance(key(c), c.source ?? e.source, c.via === undefined ? e.via : c.via, p)).sort();
  const stances = (e.stances ?? []).map((s) => `${s.source ?? e.source ?? e.outlet} ${s.kind} ${s.actor}`).sort();
  return { claims, sources, stances };
};

/** Compares one entry; returns the differences (empty when the engine reads it exactly). */
export const compare = (x: Extraction, e: Entry): string[] => {
  const got = engineReading(x, e);
  const want = expectedReading(e);
  const diffs: string[] = [];
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((v, i) => v === b[i]);
  if (!same(got.claims, want.claims)) diffs.push(`claims: expected [${want.claims.join('; ')}] got [${got.claims.join('; ')}]`);
  else if (!same(got.sources, want.sources)) diffs.push(`sources: expected [${want.sources.join('; ')}] got [${got.sources.join('; ')}]`);
  if (e.stances !== undefined && !same(got.stances, want.stances)) diffs.push(`stances: expected [${want.stances.join('; ')}] got [${got.stances.join('; ')}]`);
  const bad = e.notClaims.filter((n) => got.values.includes(n));
  if (bad.length) diffs.push(`read as claims, but they are not: ${bad.join(', ')}`);
  return diffs;
};

// ---- no six shared tokens -------------------------------------------------------------------

const ARABIC_MARKS = /[\u064B-\u0652\u0670\u0640]/g;
/** Folds and splits text into word tokens: case, Arabic marks and letter variants, digits. */
export const tokensOf = (text: string): string[] =>
  (text.normalize('NFKC').toLowerCase().replace(ARABIC_MARKS, '')
    .replace(/[أإآٱ]/g, 'ا').replace(/ة/g, 'ه').replace(/ى/g, 'ي')
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .match(/[\p{L}\p{N}]+/gu) ?? []);

export const N_SHARED = 6;
const grams = (toks: string[], n: number): string[] => toks.length < n ? [] : toks.slice(0, toks.length - n + 1).map((_, i) => toks.slice(i, i + n).join(' '));

const walk = (d: string): string[] =>
  readdirSync(d).flatMap((f) => {
    const p = join(d, f);
    if (f === 'node_modules' || f.startsWith('.')) return [];
    return statSync(p).isDirectory() ? walk(p) : [p];
  });

/** Every run of N_SHARED tokens in the text files under the given folders. */
export const referenceGrams = (dirs: readonly string[]): Set<string> => {
  const set = new Set<string>();
  for (const d of dirs) for (const f of walk(d)) {
    const text = readFileSync(f, 'utf8');
    if (text.includes('\u0000')) continue;
    for (const g of grams(tokensOf(text), N_SHARED)) set.add(g);
  }
  return set;
};

/** The runs of N_SHARED tokens that a text shares with the reference set. */
export const sharedRuns = (text: string, ref: Set<string>): string[] => grams(tokensOf(text), N_SHARED).filter((g) => ref.has(g));
