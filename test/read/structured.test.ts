import { describe, expect, it } from 'vitest';
import { ReadCode, readInputs, type InputFile } from '../../src/read/index.js';
import { languageGuessOf } from '../../src/rules/guess.js';
import { shippedRules } from '../support/rules.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const json = (path: string, value: unknown): InputFile => ({ path, bytes: enc(JSON.stringify(value, null, 1)) });

const TEXT = 'Monitors said 12 civilians were killed and 3 injured.';
const span = (quote: string): [number, number] => { const i = TEXT.indexOf(quote); return [i, i + quote.length]; };
const claim = (over: Record<string, unknown> = {}) => ({
  source: 'sohr', outcome: 'killed', group: 'civilians', value: 12, quote: '12 civilians', span: span('12 civilians'), ...over,
});
const report = (claims: unknown[], over: Record<string, unknown> = {}) => ({ id: 'r1', publishedAt: '2018-07-13', outlet: 'afp', language: 'en', text: TEXT, claims, ...over });

describe('structured reports', () => {
  it('reads one object, an array, and NDJSON lines, each record located', () => {
    const r = readInputs()([
      json('s/one.json', { id: 'one', text: 'x' }),
      json('s/many.json', [{ id: 'm0', text: 'x' }, { id: 'm1', claims: [] }]),
      { path: 's/lines.ndjson', bytes: enc('{"id":"n1","text":"a"}\n\n{"id":"n2","text":"b"}\n') },
    ]);
    expect(r.warnings).toEqual([]);
    expect(r.reports.map((x) => [x.id, x.origin])).toEqual([
      ['n1', 's/lines.ndjson:1'], ['n2', 's/lines.ndjson:3'], ['m0', 's/many.json[0]'], ['m1', 's/many.json[1]'], ['one', 's/one.json'],
    ]);
  });

  it('keeps hand-coded claims and stances with their defaults', () => {
    const stance = { source: 'sohr', actor: 'coalition', stance: 'likely', quote: 'Monitors said', span: span('Monitors said') };
    const r = readInputs()([json('s.json', report([claim()], { stances: [stance] }))]);
    expect(r.warnings).toEqual([]);
    expect(r.reports[0]?.coded?.claims).toEqual([expect.objectContaining({ value: 12, qualifier: 'exact', mayRise: false, via: null, event: '', aggregate: false })]);
    expect(r.reports[0]?.coded?.stances).toEqual([expect.objectContaining({ actor: 'coalition', stance: 'likely' })]);
  });

  it('guesses the language of a structured report that does not give one', () => {
    const r = readInputs({ languages: languageGuessOf(shippedRules().rules) })([json('s.json', { id: 'a', text: 'قتل 5 مدنيين في غارة' })]);
    expect(r.reports[0]?.language).toBe('ar');
  });

  it('skips an invalid record with a located message and reads the rest', () => {
    const r = readInputs()([json('s/recs.json', [{ id: 'ok', text: 'x' }, { id: 'bad', publishedAt: 'June 2017', text: 'y' }, { text: 'no id' }])]);
    expect(r.reports.map((x) => x.id)).toEqual(['ok']);
    expect(r.skipped).toBe(2);
    expect(r.warnings.map((w) => [w.code, w.location])).toEqual([
      [ReadCode.invalidReport, 's/recs.json[1] publishedAt'],
      [ReadCode.invalidReport, 's/recs.json[2] id'],
    ]);
  });

  it('locates malformed JSON by line and column and counts the file as skipped', () => {
    const r = readInputs()([{ path: 'bad.json', bytes: enc('[\n  {"id": "a",\n   "text": "x",}\n]') }, json('good.json', { id: 'g', text: 'y' })]);
    expect(r.reports.map((x) => x.id)).toEqual(['g']);
    expect(r.skipped).toBe(1);
    expect(r.warnings).toEqual([expect.objectContaining({ code: ReadCode.malformedJson, location: 'bad.json:3:16' })]);
  });

  it('locates a malformed NDJSON line and reads the other lines', () => {
    const r = readInputs()([{ path: 'l.ndjson', bytes: enc('{"id":"a","text":"x"}\n{"id": "b", text}\n{"id":"c","text":"z"}') }]);
    expect(r.reports.map((x) => x.id)).toEqual(['a', 'c']);
    expect(r.warnings).toEqual([expect.objectContaining({ code: ReadCode.malformedJson, location: 'l.ndjson:2:13' })]);
  });
});

describe('invalid claims are skipped, the rest of the report is kept', () => {
  const bad: [string, Record<string, unknown>, string, string][] = [
    ['a claim with no source', { source: undefined }, ReadCode.invalidClaim, 'source'],
    ['a negative toll', { value: -3 }, ReadCode.invalidClaim, 'value'],
    ['a fractional toll', { value: 2.5 }, ReadCode.invalidClaim, 'value'],
    ['an unknown group', { group: 'elderly' }, ReadCode.invalidClaim, 'group'],
    ['an unknown outcome', { outcome: 'missing' }, ReadCode.invalidClaim, 'outcome'],
    ['a span that does not match its quote', { span: [0, 12] }, ReadCode.spanMismatch, 'span'],
    ['an affiliation on a non-combatant group', { affiliation: 'isis' }, ReadCode.invalidClaim, 'affiliation'],
    ['no value without qualifier vague', { value: null }, ReadCode.invalidClaim, 'value'],
    ['a place that is not a gazetteer id', { places: ['hajin', '<b>Hajin</b>'] }, ReadCode.invalidClaim, 'places[1]'],
  ];
  it.each(bad)('%s', (_name, over, code, field) => {
    const good = claim({ outcome: 'injured', group: 'all', value: 3, quote: '3 injured', span: span('3 injured') });
    const r = readInputs()([json('in/c.json', [report([good, claim(over)])])]);
    expect(r.reports).toHaveLength(1);
    expect(r.reports[0]?.coded?.claims).toEqual([expect.objectContaining({ value: 3, quote: '3 injured' })]);
    expect(r.warnings).toEqual([expect.objectContaining({ code, reportId: 'r1', location: `in/c.json[0] claims[1].${field}` })]);
  });

  it('says where a mismatched quote really is', () => {
    const r = readInputs()([json('c.json', report([claim({ span: [1, 13] })]))]);
    expect(r.warnings[0]?.message).toContain(`[${span('12 civilians').join(', ')}]`);
  });

  it('rejects an unknown actor when the rule set names the actors', () => {
    const combatant = claim({ group: 'combatants', affiliation: 'isil' });
    const r = readInputs({ actors: new Set(['isis']) })([json('c.json', report([combatant]))]);
    expect(r.reports[0]?.coded?.claims).toEqual([]);
    expect(r.warnings).toEqual([expect.objectContaining({ code: ReadCode.invalidClaim, location: 'c.json claims[0].affiliation' })]);
  });

  it('keeps a claim from an unknown source but says so', () => {
    const r = readInputs({ sources: new Set(['sohr']) })([json('c.json', report([claim({ source: 'deir-ezzor-24' })]))]);
    expect(r.reports[0]?.coded?.claims).toHaveLength(1);
    expect(r.warnings).toEqual([expect.objectContaining({ code: ReadCode.unknownSource })]);
  });

  it('skips an invalid stance with its location', () => {
    const stance = { source: 'sohr', actor: 'coalition', stance: 'blames', quote: 'Monitors said', span: span('Monitors said') };
    const r = readInputs()([json('c.json', report([claim()], { stances: [stance] }))]);
    expect(r.reports[0]?.coded?.claims).toHaveLength(1);
    expect(r.reports[0]?.coded?.stances).toEqual([]);
    expect(r.warnings).toEqual([expect.objectContaining({ code: ReadCode.invalidStance, location: 'c.json stances[0].stance' })]);
  });

  it('renumbers partOf after a skipped claim and drops a link to a skipped whole', () => {
    const whole = claim({ group: 'all', value: 15, quote: 'killed', span: span('killed') });
    const part = claim({ partOf: 2 });
    const orphan = claim({ outcome: 'injured', group: 'all', value: 3, quote: '3 injured', span: span('3 injured'), partOf: 0 });
    const r = readInputs()([json('c.json', report([{ ...whole, value: -1 }, part, whole, orphan]))]);
    const claims = r.reports[0]?.coded?.claims ?? [];
    expect(claims.map((c) => [c.quote, c.partOf ?? null])).toEqual([['12 civilians', 1], ['killed', null], ['3 injured', null]]);
    expect(r.warnings.map((w) => [w.code, w.location])).toEqual([
      [ReadCode.invalidClaim, 'c.json claims[0].value'],
      [ReadCode.partOfDropped, 'c.json claims[3].partOf'],
    ]);
  });

  it('rejects a partOf that points at itself or outside the claims', () => {
    const r = readInputs()([json('c.json', report([claim({ partOf: 0 }), claim({ group: 'all', partOf: 7 })]))]);
    expect(r.reports[0]?.coded?.claims).toEqual([]);
    expect(r.warnings.map((w) => w.location)).toEqual(['c.json claims[0].partOf', 'c.json claims[1].partOf']);
  });
});

describe('hostile structured input', () => {
  const limits = { maxPerIncident: 1000, maxPerAggregate: 100000 };

  it.each([
    ['more killed than one incident can have', { value: 1001 }, 'maxPerIncident'],
    ['a total over many events above its own ceiling', { value: 100001, aggregate: true }, 'maxPerAggregate'],
  ])('rejects %s, with the rule that says so', (_name, over, key) => {
    const r = readInputs({ limits })([json('c.json', report([claim(over)]))]);
    expect(r.reports[0]?.coded?.claims).toEqual([]);
    expect(r.warnings).toEqual([expect.objectContaining({ code: ReadCode.invalidClaim, location: 'c.json claims[0].value', message: expect.stringContaining(key) })]);
  });

  it('keeps figures at the ceiling, and a big total that is not an incident', () => {
    const r = readInputs({ limits })([json('c.json', report([claim({ value: 1000 }), claim({ value: 50000, aggregate: true, group: 'all' })]))]);
    expect(r.reports[0]?.coded?.claims.map((c) => c.value)).toEqual([1000, 50000]);
  });

  it.each([
    ['Infinity (1e999)', '1e999'], ['a string', '"54"'], ['a string with a thousands separator', '"1,200"'], ['an object', '{}'],
  ])('rejects %s where a number belongs, saying what it got', (_name, raw) => {
    const text = `{"id":"r1","text":${JSON.stringify(TEXT)},"claims":[{"source":"sohr","outcome":"killed","group":"civilians","value":${raw},"quote":"12 civilians","span":[${span('12 civilians').join(',')}]}]}`;
    const r = readInputs()([{ path: 'c.json', bytes: enc(text) }]);
    expect(r.reports[0]?.coded?.claims).toEqual([]);
    expect(r.warnings).toEqual([expect.objectContaining({ code: ReadCode.invalidClaim, location: 'c.json claims[0].value' })]);
  });

  it('says a numeric string should be written without quotes', () => {
    const r = readInputs()([json('c.json', report([claim({ value: '54' })]))]);
    expect(r.warnings[0]?.message).toBe('expected a number, got the string "54" (write the number without quotes)');
  });

  it('ignores unknown fields with one notice per field and file, and reads the record', () => {
    const r = readInputs()([json('c.json', [
      report([claim({ vaule: 3 })], { notes: 'a', id: 'a' }), report([claim()], { notes: 'b', id: 'b' }),
    ])]);
    expect(r.reports.map((x) => x.coded?.claims.length)).toEqual([1, 1]);
    expect(r.warnings.map((w) => [w.code, w.location, w.message])).toEqual([
      [ReadCode.unknownField, 'c.json[0] notes', '"notes" is not a field the reader knows; it is ignored (2 times in this file)'],
      [ReadCode.unknownField, 'c.json[0] claims[0].vaule', '"claims[].vaule" is not a field the reader knows; it is ignored'],
    ]);
  });

  it('treats __proto__ and constructor keys as data: ignored fields, never the prototype', () => {
    const text = `[{"id":"constructor","text":"x","__proto__":{"id":"evil","claims":[]},"constructor":{"x":1}},`
      + `{"id":"__proto__","text":"y","claims":[{"__proto__":{"value":5},"source":"constructor","outcome":"killed","group":"all","value":1,"quote":"y","span":[0,1]}]}]`;
    const r = readInputs({ sources: new Set(['sohr']) })([{ path: 'p.json', bytes: enc(text) }]);
    expect(r.reports.map((x) => [x.id, x.text, x.coded?.claims.map((c) => [c.source, c.value]) ?? null])).toEqual([
      ['constructor', 'x', null], ['__proto__', 'y', [['constructor', 1]]],
    ]);
    expect(r.warnings.map((w) => [w.code, w.location])).toEqual(expect.arrayContaining([
      [ReadCode.unknownField, 'p.json[0] __proto__'], [ReadCode.unknownField, 'p.json[0] constructor'],
      [ReadCode.unknownField, 'p.json[1] claims[0].__proto__'], [ReadCode.unknownSource, 'p.json[1]'],
    ]));
    expect(({} as Record<string, unknown>).id).toBeUndefined();
  });
});
