/**
 * Rule files are read by js-yaml when it accepts them and by `yaml` otherwise
 * (src/cli/rules.ts): both must give the same value for every file js-yaml reads, and what
 * it refuses must come back as yaml's located problems.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { parseYamlFile } from '../../src/cli/rules.js';
import { RULES_DIR } from '../support/rules.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const viaYaml = (text: string): unknown => parseDocument(text).toJS();

const ruleFiles = (dir: string): string[] => readdirSync(dir).flatMap((name) => {
  const path = join(dir, name);
  return statSync(path).isDirectory() ? ruleFiles(path) : /\.ya?ml$/.test(name) ? [path] : [];
});

// Written for this test: the YAML a rule file may hold.
const SAMPLES = [
  'sources:\n  - id: monitor-x\n    aliases: { ar: [المرصد, "مرصد"], en: [the monitor] }\n    speaksFor: []\n',
  'threshold: 7.5\nweights: [1, -2, 0.25, 1e3, 0x10, 0o17]\nflags: { on: true, off: false, none: null, tilde: ~ }\n',
  'dates:\n  start: 2017-06-27\n  plain: 2017-06-27T10:00:00Z\nyesno: [yes, no, on, off, y, n]\n',
  'text: |\n  two lines\n  of text\nfolded: >\n  folded\n  text\nkeep: |+\n  kept\n\n',
  '"quoted key": \'single \'\'quoted\'\'\'\nnested:\n  - - a\n    - b\n  - {x: 1, y: [2, 3]}\n',
  'أسماء:\n  قتلى: [قتيل, قتلى, مقتل]\n  جرحى: جريح\n',
  'empty-map: {}\nempty-list: []\nempty-value:\nnumberish: "12"\nversion: 1.10\n',
  '# only a comment, then a document\n---\nkey: value\n...\n',
];

const BROKEN = [
  'key: [unclosed\n',
  'a: 1\na: 2\n',
  'list:\n  - a\n - b\n',
  'key: "unterminated\n',
  '\tkey: tab indented\n',
];

describe('rule files read by js-yaml or yaml', () => {
  it('every shipped rule file reads to what yaml reads it to', () => {
    const files = ruleFiles(RULES_DIR);
    expect(files.length).toBeGreaterThan(10);
    for (const path of files) {
      const text = readFileSync(path, 'utf8');
      expect(parseYamlFile(relative(RULES_DIR, path), bytes(text)), path).toEqual(E.right(viaYaml(text)));
    }
  });

  it.each(SAMPLES)('reads %j as yaml does', (text) => {
    expect(parseYamlFile('x.yaml', bytes(text))).toEqual(E.right(viaYaml(text)));
  });

  it('a file with an anchor and aliases, or an empty one, is read by yaml', () => {
    const text = 'base: &b { weight: 2 }\none: *b\ntwo: *b\n';
    expect(parseYamlFile('x.yaml', bytes(text))).toEqual(E.right({ base: { weight: 2 }, one: { weight: 2 }, two: { weight: 2 } }));
    expect(parseYamlFile('x.yaml', bytes(''))).toEqual(E.right(viaYaml('')));
    const bomb = `a: &a [x, x, x, x, x, x, x, x, x, x]\n${Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`).join('\n')}\n`;
    const r = parseYamlFile('bomb.yaml', bytes(bomb));
    expect(E.isLeft(r) && r.left[0]!.message).toMatch(/alias/i);
  });

  it.each(BROKEN)('refuses %j with yaml\'s problems, located by line and column', (text) => {
    const r = parseYamlFile('x.yaml', bytes(text));
    expect(E.isLeft(r)).toBe(true);
    const problems = E.isLeft(r) ? r.left : [];
    expect(problems.length).toBe(parseDocument(text).errors.length);
    for (const p of problems) expect(p).toMatchObject({ file: 'x.yaml', path: expect.stringMatching(/^line \d+, column \d+$/) });
  });
});
