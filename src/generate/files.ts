/**
 * A generated corpus as files (pure: paths and contents; bench/ writes them): raw text in
 * folders of at most 1000 reports, each with its reports.json manifest; the same reports
 * as structured NDJSON, with and without hand-coded claims; and the truth.
 */
import type { Corpus } from './corpus.js';
import { isoOfDay } from './phrasing.js';
import type { GeneratedReport } from './reports.js';

export type CorpusFile = { readonly path: string; readonly content: string };

export type Truth = {
  readonly seed: number;
  /** report id → true incident id, or null for a report that only gives totals */
  readonly reports: Readonly<Record<string, string | null>>;
  readonly incidents: readonly {
    readonly id: string; readonly kind: string; readonly decoyOf: string | null;
    readonly date: string; readonly place: string; readonly governorate: string; readonly actor: string;
  }[];
};

export const truthOf = (seed: number, corpus: Corpus): Truth => ({
  seed,
  reports: Object.fromEntries(corpus.reports.map((r) => [r.id, r.incident])),
  incidents: corpus.incidents.map((i) => ({
    id: i.id, kind: i.kind, decoyOf: i.decoyOf, date: isoOfDay(i.day), place: i.place.id, governorate: i.place.governorate, actor: i.actor,
  })),
});

const SHARD = 1000;
const shardName = (k: number): string => `part-${String(k).padStart(4, '0')}`;

/** Raw text files with one reports.json per folder (`text/part-0000/…`). */
export const textFiles = (reports: readonly GeneratedReport[], dir = 'text'): CorpusFile[] => {
  const out: CorpusFile[] = [];
  for (let k = 0; k * SHARD < reports.length; k++) {
    const shard = reports.slice(k * SHARD, (k + 1) * SHARD);
    const manifest: Record<string, unknown> = {};
    for (const r of shard) {
      manifest[`${r.id}.txt`] = { id: r.id, publishedAt: r.publishedAt, outlet: r.outlet, language: r.language };
      out.push({ path: `${dir}/${shardName(k)}/${r.id}.txt`, content: r.text });
    }
    out.push({ path: `${dir}/${shardName(k)}/reports.json`, content: `${JSON.stringify(manifest, null, 1)}\n` });
  }
  return out;
};

/** One structured record per line; with `coded`, the hand-coded claims and stances too. */
export const ndjsonLines = (reports: readonly GeneratedReport[], coded: boolean): string[] =>
  reports.map((r) => JSON.stringify({
    id: r.id, publishedAt: r.publishedAt, outlet: r.outlet, language: r.language, text: r.text,
    ...(coded ? { claims: r.claims, stances: r.stances } : {}),
  }));

/** Every file of a corpus: text/, reports.ndjson, coded.ndjson and truth.json. */
export const corpusFiles = (seed: number, corpus: Corpus): CorpusFile[] => [
  ...textFiles(corpus.reports),
  { path: 'reports.ndjson', content: `${ndjsonLines(corpus.reports, false).join('\n')}\n` },
  { path: 'coded.ndjson', content: `${ndjsonLines(corpus.reports, true).join('\n')}\n` },
  { path: 'truth.json', content: `${JSON.stringify(truthOf(seed, corpus))}\n` },
];
