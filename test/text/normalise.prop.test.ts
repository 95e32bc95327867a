import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { foldUnit, foldWithMap } from '../../src/text/normalise.js';

/** The model: fold unit by unit, each on its own. */
const foldByUnit = (original: string) => {
  let text = '';
  const map: number[] = [];
  for (let i = 0; i < original.length; i++) {
    const f = foldUnit(original[i]!);
    for (let k = 0; k < f.length; k++) { text += f[k]; map.push(i); }
  }
  return { text, map, originalLength: original.length };
};

/** Any UTF-16 units (lone surrogates too), with Arabic, diacritics, invisible marks and digits often. */
const unitArb = fc.oneof(
  fc.integer({ min: 0, max: 0xffff }),
  fc.integer({ min: 0x0600, max: 0x06ff }),
  fc.constantFrom(0x0640, 0x064b, 0x0670, 0x200f, 0x202b, 0xfeff, 0x00ad, 0x0130, 0x0660, 0x06f5, 0x201c, 0x0041),
).map((c) => String.fromCharCode(c));

describe('foldWithMap', () => {
  test.prop([fc.array(unitArb, { maxLength: 60 }).map((us) => us.join(''))], { numRuns: 500 })(
    'folds as each unit folds on its own, with one map entry per folded unit', (s) => {
      expect(foldWithMap(s)).toEqual(foldByUnit(s));
    });

  test.prop([fc.string({ unit: 'grapheme' })])('maps every folded unit back into the original text', (s) => {
    const f = foldWithMap(s);
    expect(f.map).toHaveLength(f.text.length);
    for (const i of f.map) expect(i).toBeLessThan(s.length);
  });
});
