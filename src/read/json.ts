/**
 * JSON parsing that says where it broke. `JSON.parse` in Node 20 does not always give a
 * position, so on failure a small scanner walks the text to the first syntax error and the
 * offset becomes a line and column.
 */
import * as E from 'fp-ts/lib/Either.js';

export type JsonError = { readonly line: number; readonly column: number; readonly message: string };

/** 1-based line and column of a UTF-16 offset. */
export const lineColumn = (text: string, offset: number): { line: number; column: number } => {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
};

const WS = /[ \t\n\r]/;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

/**
 * Offset of the first JSON syntax error, or null when the text is valid JSON. Iterative,
 * with its own stack of open containers, so deeply nested input cannot overflow the call stack.
 */
export const firstJsonError = (text: string): number | null => {
  let i = 0;
  const open: string[] = []; // closing brackets of the containers still open
  const skip = (): void => { while (i < text.length && WS.test(text[i]!)) i++; };
  const sticky = (re: RegExp): boolean => {
    re.lastIndex = i;
    const m = re.exec(text);
    if (!m) return false;
    i += m[0].length;
    return true;
  };
  const key = (): boolean => {
    skip();
    if (text[i] !== '"' || !sticky(STRING)) return false;
    skip();
    if (text[i] !== ':') return false;
    i++;
    return true;
  };
  /** One value: a scalar ('done'), the start of a non-empty container ('opened'), or a syntax error. */
  const value = (): 'done' | 'opened' | 'error' => {
    skip();
    const ch = text[i];
    if (ch === '{' || ch === '[') {
      const close = ch === '{' ? '}' : ']';
      i++;
      skip();
      if (text[i] === close) { i++; return 'done'; }
      open.push(close);
      return close === '}' && !key() ? 'error' : 'opened';
    }
    if (ch === '"') return sticky(STRING) ? 'done' : 'error';
    for (const word of ['true', 'false', 'null']) if (text.startsWith(word, i)) { i += word.length; return 'done'; }
    return sticky(NUMBER) ? 'done' : 'error';
  };
  for (;;) {
    const v = value();
    if (v === 'error') return i;
    if (v === 'opened') continue;
    // A value is complete: close the containers it completes, then expect the next element.
    for (;;) {
      skip();
      const close = open[open.length - 1];
      if (close === undefined) return i < text.length ? i : null;
      if (text[i] === close) { i++; open.pop(); continue; }
      if (text[i] !== ',') return i;
      i++;
      if (close === '}' && !key()) return i;
      break;
    }
  }
};

/** Parse JSON; on failure say where (line and column) and what the parser said. */
export const parseJson = (text: string): E.Either<JsonError, unknown> => {
  try {
    return E.right(JSON.parse(text) as unknown);
  } catch (e) {
    // V8 quotes the offending text and an offset; the location says where, so keep the reason only.
    const message = (e instanceof Error ? e.message : String(e)).split('\n')[0]!
      .replace(/, (?:"|\.\.\.").*$/, '').replace(/ in JSON at position \d+.*$/, '');
    const offset = firstJsonError(text) ?? text.length;
    return E.left({ ...lineColumn(text, offset), message });
  }
};
