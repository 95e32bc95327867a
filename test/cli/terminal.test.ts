import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { safeJson, safeLine, safeText } from '../../src/cli/terminal.js';

const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;
const hostile = fc.string({ unit: fc.oneof(fc.constantFrom('\u001b', '\u009b', '\u202e', '\u2067', '\n', '\r', '\t', '[31m', 'قتل', '"', '\\'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })) });

test.prop([fc.jsonValue(), hostile])('for any value with hostile strings in it, safeJson parses to the same value as the plain JSON and has no unsafe character', (v, s) => {
  const plain = JSON.stringify({ v, s, nested: [s, { s }] }, null, 2);
  const json = safeJson(plain);
  expect(JSON.parse(json)).toEqual(JSON.parse(plain));
  expect(json.replace(/\n/g, '')).not.toMatch(UNSAFE);
});

test.prop([hostile])('for any text, safeLine is one line without unsafe characters', (s) => {
  expect(safeLine(s)).not.toMatch(UNSAFE);
});

test.prop([hostile])('for any text, safeText keeps newlines and tabs and nothing else unsafe', (s) => {
  const t = safeText(s);
  expect(t.replace(/[\n\t]/g, '')).not.toMatch(UNSAFE);
  expect(t.split('\n').length).toBe(s.split('\n').length);
});
