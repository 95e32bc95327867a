/**
 * Well-formed Unicode in parsed input. JSON (`"\ud800"`) and YAML escapes can put a lone
 * surrogate in a string, which is no character: UTF-8 cannot hold it, so the store kept
 * another string than the one it was asked about (B3). An id must be well-formed (it is a
 * key); in other text each lone surrogate is read as U+FFFD, one code unit for one, so
 * offsets into the text (spans) do not move.
 */

const LONE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Offset of the first lone surrogate in `s`, or -1. */
export const loneSurrogateAt = (s: string): number => {
  LONE.lastIndex = 0;
  const m = LONE.exec(s);
  return m ? m.index : -1;
};

/** `\ud800`, as the escape it was written as. */
export const escaped = (s: string, at: number): string => `\\u${s.charCodeAt(at).toString(16).padStart(4, '0')}`;

/** Why an id cannot be used, or null when it is well-formed. */
export const idProblem = (id: string): string | null => {
  const at = loneSurrogateAt(id);
  return at < 0 ? null
    : `the id holds a lone surrogate (${escaped(id, at)}, character ${at + 1}), which is not a character: it cannot be stored or matched`;
};

/** Every string of a parsed value (keys too) with each lone surrogate as U+FFFD, and how many there were. */
export const wellFormedDeep = (value: unknown): { value: unknown; count: number } => {
  let count = 0;
  const fix = (s: string): string => {
    if (loneSurrogateAt(s) < 0) return s;
    return s.replace(LONE, () => { count++; return '\ufffd'; });
  };
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return fix(v);
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [fix(k), walk(x)]));
    return v;
  };
  const out = walk(value);
  return { value: out, count };
};
