import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { jsonPieces } from '../../src/cli/json-out.js';

describe('jsonPieces', () => {
  test.prop([fc.dictionary(fc.string(), fc.oneof(fc.jsonValue(), fc.array(fc.jsonValue()), fc.constant(undefined), fc.array(fc.constantFrom(undefined, 1, 'x'))))])(
    'writes the text of JSON.stringify(value, null, 2), in pieces', (value) => {
      expect([...jsonPieces(value)].join('')).toBe(JSON.stringify(value, null, 2));
    });
});
