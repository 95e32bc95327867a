import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as E from 'fp-ts/lib/Either.js';
import { expect, it } from 'vitest';
import { loadRules } from '../../src/cli/rules.js';
import { nodeSystem } from '../../src/cli/system.js';
import { extractCoded } from '../../src/extract/coded.js';
import { readInputs } from '../../src/read/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const seeds = JSON.parse(readFileSync(`${root}fixtures/seeds/reports.json`, 'utf8')) as Record<string, { id: string; publishedAt: string; outlet: string | null; language: string }>;

it('the hand-coded seeds read cleanly against the rules, and match the seed files they code', async () => {
  const rules = await loadRules(nodeSystem, `${root}rules`);
  if (E.isLeft(rules)) throw new Error(`rules do not load: ${JSON.stringify(rules.left)}`);
  const { actors, sources, places } = rules.right.rules;
  const path = 'fixtures/hand-coded/seeds.json';
  const r = readInputs({ actors: new Set(actors.map((a) => a.id)), sources: new Set(sources.map((s) => s.id)) })(
    [{ path, bytes: readFileSync(`${root}${path}`) }]);
  expect(r.warnings).toEqual([]);
  expect(r.skipped).toBe(0);
  expect(r.reports.map((x) => x.id).sort()).toEqual(Object.values(seeds).map((m) => m.id).sort());
  for (const [file, meta] of Object.entries(seeds)) {
    const report = r.reports.find((x) => x.id === meta.id);
    expect(report).toMatchObject({ publishedAt: meta.publishedAt, outlet: meta.outlet, language: meta.language });
    expect(report?.text).toBe(readFileSync(`${root}fixtures/seeds/${file}`, 'utf8').replace(/^\uFEFF/, ''));
    expect(report?.coded?.claims.length).toBeGreaterThan(0);
  }
  const extracted = r.reports.map(extractCoded(places));
  expect(extracted.flatMap((x) => x.warnings)).toEqual([]);
  expect(extracted.flatMap((x) => x.mentions).every((m) => m.date !== null && m.places.every((p) => p.governorate !== null))).toBe(true);
});
