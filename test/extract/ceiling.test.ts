import { describe, expect, it } from 'vitest';
import { applyCeiling } from '../../src/extract/ceiling.js';
import type { Extraction } from '../../src/model/claim.js';
import type { Report } from '../../src/model/report.js';
import { claimOf, mention, stanceOf } from '../cluster/support.js';
import { claimsOf, extract } from './support.js';

const limits = { maxPerIncident: 1000, maxPerAggregate: 100_000 };
const report: Report = { id: 'r1', publishedAt: null, outlet: null, language: 'ar', url: null, text: null, coded: null, origin: 'news/r1.txt' };
const ceiling = applyCeiling(limits)(report);
const values = (x: Extraction) => ({ incidents: claimsOf(x).map((c) => c.value), aggregates: x.aggregates.map((c) => c.value) });

describe('the ceiling on figures read from text', () => {
  it('sends a figure above one incident to the aggregates, with its parts, and says where it is', () => {
    const m = mention('r1', 0, { claims: [{ value: 5 }, { value: 5000, group: 'all' }] });
    const whole = m.claims[1]!;
    const part = { ...claimOf('r1', [40, 50], { value: 900 }), partOf: whole.id };
    const x = ceiling({ mentions: [{ ...m, claims: [...m.claims, part] }], aggregates: [], looseStances: [], warnings: [] });
    expect(values(x)).toEqual({ incidents: [5], aggregates: [5000, 900] });
    expect(x.warnings).toEqual([expect.objectContaining({ code: 'above-incident-ceiling', location: `news/r1.txt at offset ${whole.span[0]}` })]);
  });

  it('drops a figure above any total, with a warning, wherever it was read', () => {
    const agg = claimOf('r1', [90, 99], { value: 2_000_000 });
    const x = ceiling({ mentions: [mention('r1', 0, { claims: [{ value: 3 }, { value: 500_000 }] })], aggregates: [agg], looseStances: [], warnings: [] });
    expect(values(x)).toEqual({ incidents: [3], aggregates: [] });
    expect(x.warnings.map((w) => w.code)).toEqual(['implausible-figure', 'implausible-figure']);
  });

  it('leaves a mention with no figure left out, its stances loose', () => {
    const m = mention('r1', 0, { claims: [{ value: 4000 }], stances: [{ actor: 'russia', stance: 'asserts', source: 'sohr' }] });
    const loose = stanceOf('r1', [200, 210], { actor: 'us', stance: 'asserts' });
    const x = ceiling({ mentions: [m], aggregates: [], looseStances: [loose], warnings: [] });
    expect(x.mentions).toEqual([]);
    expect(x.looseStances).toEqual([loose, ...m.stances]);
  });

  it('changes nothing under the ceiling, or without limits', () => {
    const x: Extraction = { mentions: [mention('r1', 0, { claims: [{ value: 1000 }] })], aggregates: [claimOf('r1', [90, 99], { value: 100_000 })], looseStances: [], warnings: [] };
    expect(ceiling(x)).toEqual(x);
    expect(applyCeiling(undefined)(report)({ ...x, mentions: [mention('r1', 0, { claims: [{ value: 10 ** 9 }] })] }).mentions).toHaveLength(1);
  });

  it('applies to the shipped extractor: a toll larger than any incident is counted as a total', () => {
    const x = extract('قتل 30 ألف مدني في قصف على مدينة حلب.');
    expect(values(x)).toEqual({ incidents: [], aggregates: [30000] });
    expect(x.warnings.map((w) => w.code)).toEqual(['above-incident-ceiling']);
    expect(claimsOf(extract('قتل 12 مدنيا في قصف على مدينة حلب.')).map((c) => c.value)).toEqual([12]);
  });
});
