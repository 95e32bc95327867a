import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { compileFolding, type FoldTable } from '../../src/text/normalise.js';
import { shippedFolding } from '../support/rules.js';

const { foldUnit, foldWithMap, fold } = shippedFolding();

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

/** A table written here, with made-up letters of the Latin script, so nothing depends on the rule files. */
const TABLE: FoldTable = { folds: { 'ß': 'ss', 'Æ': 'ae', 'ø': 'o' }, removed: ['\u0300-\u036F', '~'], digits: ['ABCDEFGHIJ'] };

describe('compileFolding', () => {
  const f = compileFolding(TABLE);
  it('reads each folded unit as its table says, before lowercasing', () => {
    expect(f.fold('Straße')).toBe('strasse');
    expect(f.fold('Æbelø')).toBe('aebelo');
  });
  it('removes single units and ranges, and reads a digit set as ASCII digits', () => {
    expect(f.fold('e\u0301t~e\u0308')).toBe('ete');
    expect(f.fold('BAJ')).toBe('109');
  });
  it('folds the marks of no script with any table: invisible marks, quotes, dashes, Latin case', () => {
    const empty = compileFolding({ folds: {}, removed: [], digits: [] });
    expect(empty.fold('\u200f“A—b”\u00ad')).toBe('"a-b"');
    // without the table's folds, its letters stay as they are
    expect(empty.fold('Æbelø BAJ')).toBe('æbelø baj');
  });
  it('keeps the map from a folded unit back to its original', () => {
    const folded = f.foldWithMap('aß~b');
    expect(folded.text).toBe('assb');
    expect(folded.map).toEqual([0, 1, 1, 3]);
  });
  it('collapses whitespace in a phrase', () => {
    expect(f.fold('  a \n\t b ')).toBe('a b');
  });
});

describe('the shipped folds', () => {
  it('read the Arabic spelling variants as one letter, and the Arabic digits and separators as ASCII', () => {
    expect(fold('إدلب')).toBe(fold('ادلب'));
    expect(fold('مدينة')).toBe(fold('مدينه'));
    expect(fold('مستشفى')).toBe(fold('مستشفي'));
    expect(fold('١٢٫٥ و۳٬۰۰۰')).toBe('12.5 و3,000');
    expect(fold('شُهَدَاءُ')).toBe(fold('شهداء'));
    expect(fold('قتـــلى')).toBe(fold('قتلى'));
  });
  it('fold Arabic in text of any language: an English sentence quoting an Arabic name', () => {
    expect(fold('the town of أريحا')).toBe(`the town of ${fold('اريحا')}`);
  });
});
