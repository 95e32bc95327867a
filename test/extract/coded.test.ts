import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { dateHull, extractCoded } from '../../src/extract/coded.js';
import { CodedClaim, CodedStance, type Report } from '../../src/model/report.js';
import type { Place } from '../../src/rules/schema.js';

const places: Place[] = [
  { id: 'hajin', name: 'Hajin', kind: 'town', governorate: 'deir-ez-zor', ar: ['هجين'], en: ['Hajin'] },
  { id: 'raqqa', name: 'Raqqa', kind: 'governorate', governorate: 'raqqa', ar: ['الرقة'], en: ['Raqqa'] },
];

let at = 0;
/** A coded claim with its own span (spans only need to differ here: there is no text). */
const claim = (over: Record<string, unknown> = {}): CodedClaim => {
  at += 10;
  return CodedClaim.parse({ source: 'sohr', outcome: 'killed', group: 'civilians', value: 5, quote: 'q', span: [at, at + 5], ...over });
};
const stance = (over: Record<string, unknown> = {}): CodedStance => {
  at += 10;
  return CodedStance.parse({ source: 'sohr', actor: 'coalition', stance: 'asserts', quote: 's', span: [at, at + 3], ...over });
};
const report = (claims: CodedClaim[], stances: CodedStance[] = []): Report => ({
  id: 'r', publishedAt: '2018-11-04', outlet: 'al-alam', language: 'ar', url: null, text: null, coded: { claims, stances }, origin: 'f.json[0]',
});
const extract = extractCoded(places);

describe('extractCoded', () => {
  it('makes one mention per event key, ordered by key (numbers by value), no key being event 0', () => {
    const x = extract(report([claim({ event: '10' }), claim({ event: '2' }), claim(), claim({ event: '2' })]));
    expect(x.mentions.map((m) => [m.id, m.ordinal, m.claims.length])).toEqual([['r#0', 0, 1], ['r#2', 1, 2], ['r#10', 2, 1]]);
    expect(x.mentions.every((m) => m.reportId === 'r' && m.publishedAt === '2018-11-04' && m.targets.length === 0)).toBe(true);
  });

  it('gives each claim the documented id and its provenance', () => {
    const c = claim({ group: 'combatants', affiliation: 'isis', via: 'al-alam', mayRise: true, qualifier: 'at-least', value: 9 });
    const [m] = extract(report([c])).mentions;
    expect(m?.claims[0]).toEqual({
      id: `r:${c.span[0]}-${c.span[1]}:killed/combatants/isis`, reportId: 'r', source: 'sohr', via: 'al-alam',
      outcome: 'killed', group: 'combatants', affiliation: 'isis', value: 9, qualifier: 'at-least', mayRise: true,
      quote: 'q', span: c.span, partOf: null, vagueMin: null,
    });
  });

  it('links partOf to the id of the whole', () => {
    const whole = claim({ group: 'all', value: 54 });
    const [m] = extract(report([whole, claim({ value: 28, partOf: 0 })])).mentions;
    expect(m?.claims[1]?.partOf).toBe(m?.claims[0]?.id);
  });

  it('reads a vague claim\'s value as its lower bound: value null, vagueMin set', () => {
    const [m] = extract(report([claim({ qualifier: 'vague', value: 10, outcome: 'injured', group: 'all' }), claim({ qualifier: 'vague', value: null })])).mentions;
    expect(m?.claims.map((c) => [c.value, c.vagueMin])).toEqual([[null, 10], [null, null]]);
  });

  it('dates a mention by the hull of its claims\' dates', () => {
    const x = extract(report([claim({ date: '2018-11-04' }), claim({ date: { start: '2018-11-02', end: '2018-11-03' } }), claim({ date: null }), claim({ event: 'b' })]));
    expect(x.mentions.map((m) => m.date)).toEqual([{ start: '2018-11-02', end: '2018-11-04' }, null]);
  });

  it('resolves place ids against the gazetteer, keeps unknown ones by id and says so once', () => {
    const x = extract(report([claim({ places: ['hajin', 'al-shafah'] }), claim({ places: ['al-shafah', 'hajin'] })]));
    expect(x.mentions[0]?.places).toEqual([
      { id: 'hajin', name: 'Hajin', governorate: 'deir-ez-zor', span: null },
      { id: 'al-shafah', name: 'al-shafah', governorate: null, span: null },
    ]);
    expect(x.warnings).toEqual([expect.objectContaining({ code: 'unknown-place', reportId: 'r', location: 'f.json[0]' })]);
  });

  it('puts many-event totals in aggregates, never in a mention', () => {
    const x = extract(report([claim({ aggregate: true, event: 'month', value: 11 }), claim({ event: 'a' })], [stance({ event: 'month' })]));
    expect(x.aggregates.map((a) => a.value)).toEqual([11]);
    expect(x.mentions.map((m) => m.id)).toEqual(['r#a']);
    expect(x.looseStances).toHaveLength(1);
  });

  it('groups stances with the claims of their event; stances of events without claims are loose', () => {
    const x = extract(report([claim({ event: 'a' })], [stance({ event: 'a' }), stance({ event: 'b', stance: 'denies' })]));
    expect(x.mentions[0]?.stances.map((s) => [s.actor, s.stance, s.reportId])).toEqual([['coalition', 'asserts', 'r']]);
    expect(x.looseStances.map((s) => s.stance)).toEqual(['denies']);
  });

  it('keeps one of two claims coded with the same id, with a warning', () => {
    const c = claim();
    const x = extract(report([c, { ...c, value: 6 }]));
    expect(x.mentions[0]?.claims.map((k) => k.value)).toEqual([5]);
    expect(x.warnings.map((w) => w.code)).toEqual(['duplicate-claim']);
  });

  it('yields nothing for a report without coded content', () => {
    expect(extract({ ...report([]), coded: null })).toEqual({ mentions: [], aggregates: [], looseStances: [], warnings: [] });
  });
});

const arbClaim = fc.record({
  event: fc.constantFrom('', '0', '1', '2', '10', 'x'),
  aggregate: fc.boolean(),
  start: fc.nat(500),
  group: fc.constantFrom('all', 'civilians', 'children'),
});

test.prop([fc.array(arbClaim, { maxLength: 12 }), fc.array(fc.constantFrom('', '1', 'x', 'y'), { maxLength: 5 })])(
  'for any coded report, every distinct claim lands once in a mention or in aggregates, and every stance once',
  (specs, stanceEvents) => {
    const claims = specs.map((s) => claim({ event: s.event, aggregate: s.aggregate, group: s.group, span: [s.start, s.start + 1] }));
    const stances = stanceEvents.map((event) => stance({ event }));
    const x = extract(report(claims, stances));
    const placed = [...x.mentions.flatMap((m) => m.claims), ...x.aggregates].map((c) => c.id);
    expect(new Set(placed).size).toBe(placed.length);
    expect(placed.length).toBe(new Set(claims.map((c) => `${c.span[0]}/${c.group}`)).size);
    expect(x.mentions.flatMap((m) => m.stances).length + x.looseStances.length).toBe(stances.length);
    expect(x.mentions.map((m) => m.ordinal)).toEqual(x.mentions.map((_, i) => i));
  },
);

describe('dateHull', () => {
  it('is null for no dates and spans them all otherwise', () => {
    expect(dateHull([null])).toBeNull();
    expect(dateHull([{ start: '2017-06-26', end: '2017-06-26' }, null, { start: '2017-04-01', end: '2017-04-30' }]))
      .toEqual({ start: '2017-04-01', end: '2017-06-26' });
  });
});
