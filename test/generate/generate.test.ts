import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { extractReport } from '../../src/extract/index.js';
import { DEFAULT_OPTIONS, corpusFiles, generateCorpus, vocabularyOf, type Vocabulary } from '../../src/generate/index.js';
import { makeRng, mixSeed } from '../../src/generate/prng.js';
import { readInputs } from '../../src/read/index.js';
import { shippedRules } from '../support/rules.js';

const { rules } = shippedRules();
const vocabulary = (): Vocabulary => {
  const v = vocabularyOf(rules);
  if (E.isLeft(v)) throw new Error(v.left.join('; '));
  return v.right;
};
const generate = (seed: number, reports: number) => generateCorpus(vocabulary())({ ...DEFAULT_OPTIONS, seed, reports });

describe('the seeded generator', () => {
  it('gives the same numbers for a seed on every machine (mulberry32, seeds mixed with murmur3 fmix)', () => {
    expect(makeRng(1).float()).toBeCloseTo(0.6270739405881613, 15);
    expect(mixSeed(42, 1, 2)).toBe(1828946832);
    expect(mixSeed(42, 2, 1)).not.toBe(mixSeed(42, 1, 2));
    const rng = makeRng(mixSeed(42, 1, 2));
    expect([rng.float(), rng.float(), rng.int(1, 6), rng.pick(['a', 'b', 'c', 'd'])]).toEqual([0.2712257211096585, 0.9980289663653821, 3, 'c']);
  });

  it('is deterministic for a seed: the same corpus and the same file bytes', () => {
    const a = generate(7, 300), b = generate(7, 300);
    expect(b).toEqual(a);
    expect(corpusFiles(7, b)).toEqual(corpusFiles(7, a));
    expect(a.reports).toHaveLength(300);
  });

  it('gives another corpus for another seed', () => {
    expect(generate(8, 50).reports.map((r) => r.text)).not.toEqual(generate(7, 50).reports.map((r) => r.text));
  });

  it('codes every claim and stance with a span that covers its quote, and knows each report’s incident', () => {
    const c = generate(11, 400);
    const incidents = new Set(c.incidents.map((i) => i.id));
    for (const r of c.reports) {
      for (const x of [...r.claims, ...r.stances]) expect(r.text.slice(x.span[0], x.span[1])).toBe(x.quote);
      if (r.kind === 'total') expect(r.incident).toBeNull();
      else expect(incidents.has(r.incident!)).toBe(true);
    }
    const kinds = new Set(c.reports.map((r) => r.kind));
    expect([...kinds].sort()).toEqual(['report', 'syndicated', 'total']);
    expect(new Set(c.incidents.map((i) => i.kind)).size).toBe(3);
  });

  it('writes files the reader takes without a warning', () => {
    const c = generate(3, 120);
    const files = corpusFiles(3, c).filter((f) => f.path.endsWith('.ndjson') || f.path.startsWith('text/'));
    const known = { actors: new Set(rules.actors.map((a) => a.id)), sources: new Set(rules.sources.map((s) => s.id)) };
    for (const dir of ['coded.ndjson', 'reports.ndjson', 'text/']) {
      const read = readInputs(known)(files.filter((f) => f.path.startsWith(dir)).map((f) => ({ path: f.path, bytes: new TextEncoder().encode(f.content) })));
      expect(read.warnings).toEqual([]);
      expect(read.reports).toHaveLength(120);
    }
  });

  it('writes Arabic the extractor reads as it was coded (figures, sources, dates and places)', () => {
    const c = generate(5, 200);
    const extract = extractReport(rules);
    let claims = 0, found = 0, dated = 0, placed = 0, told = 0;
    for (const r of c.reports) {
      const x = extract({ id: r.id, publishedAt: r.publishedAt, outlet: r.outlet, language: 'ar', url: null, text: r.text, coded: null, origin: r.id });
      const got = new Set([...x.mentions.flatMap((m) => m.claims), ...x.aggregates].map((k) => `${k.source}|${k.outcome}|${k.group}|${k.value}|${k.qualifier}`));
      for (const k of r.claims) { claims++; if (got.has(`${k.source}|${k.outcome}|${k.group}|${k.value}|${k.qualifier}`)) found++; }
      const where = r.claims.find((k) => k.date);
      if (!where || !r.incident) continue;
      told++;
      const m = x.mentions[0];
      if (m?.date?.start === where.date!.start && m.date.end === where.date!.end) dated++;
      if (m?.places.some((p) => p.id === where.places![0])) placed++;
    }
    expect(found / claims).toBeGreaterThan(0.95);
    expect(dated / told).toBeGreaterThan(0.97);
    expect(placed / told).toBeGreaterThan(0.97);
  });
});
