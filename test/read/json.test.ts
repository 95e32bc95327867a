import { fc, test } from '@fast-check/vitest';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { firstJsonError, lineColumn, parseJson } from '../../src/read/json.js';

describe('parseJson', () => {
  it.each([
    ['{"a": 1,}', 1, 9],
    ['[1, 2\n, ]', 2, 3],
    ['{\n  "a": tru }', 2, 8],
    ['{"a":1} x', 1, 9],
    ['', 1, 1],
    ['[1, 2', 1, 6],
  ])('locates the error in %j at line %i column %i', (text, line, column) => {
    const r = parseJson(text);
    expect(E.isLeft(r) && { line: r.left.line, column: r.left.column }).toEqual({ line, column });
  });

  it('counts columns in UTF-16 units after the last newline', () => {
    expect(lineColumn('ab\ncd\nقتل', 8)).toEqual({ line: 3, column: 3 });
  });
});

test.prop([fc.json()])('for any valid JSON text, the scanner finds no error', (text) => {
  expect(firstJsonError(text)).toBeNull();
});

test.prop([fc.json(), fc.nat(), fc.constantFrom('}', ']', ',', ':', 'x', '"')])(
  'for any JSON text with a character inserted, the scanner agrees with JSON.parse on validity',
  (text, at, ch) => {
    const broken = text.slice(0, at % (text.length + 1)) + ch + text.slice(at % (text.length + 1));
    let valid = true;
    try { JSON.parse(broken); } catch { valid = false; }
    expect(firstJsonError(broken) === null).toBe(valid);
  },
);

describe('firstJsonError against JSON.parse', () => {
  const parses = (s: string): boolean => { try { JSON.parse(s); return true; } catch { return false; } };
  // JSON text cut and spliced at random places: mostly broken, sometimes still valid
  const jsonish = fc.tuple(fc.json({ maxDepth: 4 }), fc.nat(), fc.nat(), fc.constantFrom('', ',', ']', '}', '"', ':', '{', '[', ' ', 'x'))
    .map(([s, a, b, ins]) => { const i = a % (s.length + 1); const j = i + (b % 3); return s.slice(0, i) + ins + s.slice(j); });

  test.prop([fc.oneof(fc.json({ maxDepth: 5 }), jsonish, fc.string({ maxLength: 20 }))])(
    'for any text, it finds an error exactly when JSON.parse fails',
    (s) => { expect(firstJsonError(s) === null).toBe(parses(s)); },
  );

  it('copes with 100,000 nested brackets, closed or not', () => {
    expect(firstJsonError('['.repeat(100_000))).toBe(100_000);
    expect(firstJsonError(`${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`)).toBeNull();
  });
});
