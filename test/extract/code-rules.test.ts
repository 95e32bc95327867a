/**
 * Language knowledge lives in rules/languages/<lang>/, not in code, and no function of the
 * extractor grows into a procedure again (issue 15). Both are read from the TypeScript syntax
 * tree of src/, so comments never count:
 * - no string, template or regular-expression literal holds an Arabic-script character;
 * - no string literal is a language code of rules/languages/ (code that branches on 'ar');
 * - no function in src/extract is longer than 80 lines (nested functions count in the lines
 *   of the function around them).
 * The functions still to split are listed below with their length: the list only shrinks (a
 * function split below the limit fails until it is taken off).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';

/** Functions of src/extract still over the limit: "file:line-of-name" → lines. */
const PENDING_LONG: Readonly<Record<string, number>> = {};

const MAX_LINES = 80;

/** A character of the Arabic script (its letters, digits, punctuation, marks and presentation
 *  forms), format controls aside: the Arabic letter mark is a bidi control like any other. */
const ARABIC = /(?!\p{Cf})\p{Script_Extensions=Arabic}/u;

/** The characters a literal's escapes stand for ("\\u0627", "\\u{627}"), so that knowledge
 *  written as escapes counts as written out; a Unicode property ("\\p{Script=Arabic}") names
 *  a script, not a language's words, and is left alone. */
export const unescaped = (text: string): string => text.replace(/\\u\{([0-9a-fA-F]+)\}|\\u([0-9a-fA-F]{4})/g,
  (_m, braced: string | undefined, plain: string | undefined) => String.fromCodePoint(parseInt(braced ?? plain ?? '0', 16)));

const walk = (dir: string): string[] => readdirSync(dir).flatMap((f) => {
  const p = join(dir, f);
  return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : [];
});

const sources = (under: string): { file: string; sf: ts.SourceFile }[] => walk(join(ROOT, under))
  .map((p) => ({ file: relative(ROOT, p).split('\\').join('/'), p }))
  .map(({ file, p }) => ({ file, sf: ts.createSourceFile(file, readFileSync(p, 'utf8'), ts.ScriptTarget.Latest, true) }));

const languageCodes = new Set(readdirSync(join(ROOT, 'rules/languages')).filter((d) => statSync(join(ROOT, 'rules/languages', d)).isDirectory()));

const lineOf = (sf: ts.SourceFile, pos: number): number => sf.getLineAndCharacterOfPosition(pos).line + 1;

/** Literals in code (never comments) that hold language knowledge: "line: text". */
export const languageLiterals = (sf: ts.SourceFile, codes: ReadonlySet<string>): string[] => {
  const found: string[] = [];
  const visit = (n: ts.Node): void => {
    // a literal type ("language: 'ar'") names a value; it branches nothing
    if (ts.isLiteralTypeNode(n)) return;
    const literal = ts.isStringLiteralLike(n) || ts.isRegularExpressionLiteral(n) || ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n);
    if (literal) {
      const text = n.getText(sf);
      // a string's own value has its escapes decoded already; a regular expression's does not
      const value = ts.isRegularExpressionLiteral(n) ? unescaped(text) : (n as ts.LiteralLikeNode).text;
      if (ARABIC.test(value)) found.push(`${lineOf(sf, n.getStart(sf))}: ${text}`);
      else if (ts.isStringLiteral(n) && codes.has(n.text)) found.push(`${lineOf(sf, n.getStart(sf))}: ${text} (a language code)`);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
};

const isFunction = (n: ts.Node): n is ts.FunctionLikeDeclaration =>
  ts.isFunctionDeclaration(n) || ts.isArrowFunction(n) || ts.isFunctionExpression(n) || ts.isMethodDeclaration(n)
  || ts.isConstructorDeclaration(n) || ts.isGetAccessorDeclaration(n) || ts.isSetAccessorDeclaration(n);

/** The name a function is known by: its own, or the variable or property it is bound to. */
const nameOf = (sf: ts.SourceFile, n: ts.FunctionLikeDeclaration): string => {
  if (n.name) return n.name.getText(sf);
  const p = n.parent;
  if (ts.isVariableDeclaration(p) || ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p)) return p.name.getText(sf);
  return `<anonymous at ${lineOf(sf, n.getStart(sf))}>`;
};

/** Every function of a file with its length in lines, nested functions included. */
export const functionLengths = (sf: ts.SourceFile): { name: string; lines: number }[] => {
  const out: { name: string; lines: number }[] = [];
  const visit = (n: ts.Node): void => {
    if (isFunction(n)) out.push({ name: nameOf(sf, n), lines: lineOf(sf, n.getEnd()) - lineOf(sf, n.getStart(sf)) + 1 });
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
};

const parse = (text: string): ts.SourceFile => ts.createSourceFile('x.ts', text, ts.ScriptTarget.Latest, true);

describe('the checks can fail', () => {
  it('finds Arabic script and language codes in literals, not in comments or literal types', () => {
    const found = languageLiterals(parse([
      "// a comment may quote 'و' and 'ar'",
      "const a = 'و';",
      'const b = /[،؛]/u;',
      "const c = (l: string) => (l === 'ar' ? 1 : 2);",
      "type L = { language: 'ar' };",
      'const d = `x ${1} ال`;',
      "const e = 'arabic';",
    ].join('\n')), new Set(['ar', 'en']));
    expect(found.map((f) => f.split(':')[0])).toEqual(['2', '3', '4', '6']);
  });

  it('finds Arabic script written as escapes, but not a script property, a format control or an escaped backslash', () => {
    const found = languageLiterals(parse([
      "const a = '\\u0648';",
      'const b = /[\\u0600-\\u06FF]/u;',
      'const c = /\\u{627}/u;',
      'const d = /\\p{Script=Arabic}/u;',
      'const e = /[\\u061c\\ufeff]/u;',
      "const f = '\\\\u0648';",
      'const g = `x \\u0644`;',
    ].join('\n')), new Set(['ar']));
    expect(found.map((f) => f.split(':')[0])).toEqual(['1', '2', '3', '7']);
  });

  it('measures a function with the functions nested in it', () => {
    const body = Array.from({ length: 90 }, (_, k) => `  const v${k} = ${k};`).join('\n');
    const lengths = functionLengths(parse(`const outer = () => {\n  const inner = () => {\n${body}\n  };\n  return inner;\n};\nfunction short() { return 1; }`));
    expect(lengths).toEqual([{ name: 'outer', lines: 95 }, { name: 'inner', lines: 92 }, { name: 'short', lines: 1 }]);
  });
});

describe('language knowledge is in rule files, not in code', () => {
  const files = sources('src');
  it('reads the language codes from rules/languages', () => {
    expect([...languageCodes].sort()).toEqual(expect.arrayContaining(['ar', 'en']));
  });
  for (const { file, sf } of files) {
    it(`${file} holds no Arabic-script or language-code literal`, () => {
      expect(languageLiterals(sf, languageCodes), file).toEqual([]);
    });
  }
});

describe(`no function in src/extract is over ${MAX_LINES} lines`, () => {
  const files = sources('src/extract');
  const long = files.flatMap(({ file, sf }) => functionLengths(sf).filter((f) => f.lines > MAX_LINES).map((f) => ({ key: `${file}:${f.name}`, lines: f.lines })));
  it('only the functions still to split are long, and none grows', () => {
    for (const f of long) {
      const allowed = PENDING_LONG[f.key];
      expect(allowed, `${f.key} is ${f.lines} lines`).toBeDefined();
      expect(f.lines, `${f.key} grew`).toBeLessThanOrEqual(allowed!);
    }
  });
  it('a function split below the limit is taken off the list', () => {
    for (const key of Object.keys(PENDING_LONG)) expect(long.some((f) => f.key === key), `${key} is short now: remove it`).toBe(true);
  });
});
