/**
 * The JSON output in pieces: exactly the text of JSON.stringify(value, null, 2), written
 * one top-level field and one array element at a time, so a 180 MB output never exists as
 * one string (and its UTF-8 copy) next to everything else.
 */

const indent = (json: string, pad: string): string => json.replace(/\n/g, `\n${pad}`);

/** JSON.stringify(value, null, 2) of a plain object, as consecutive pieces. */
export function* jsonPieces(value: Readonly<Record<string, unknown>>): Generator<string> {
  // JSON.stringify leaves out keys whose value it cannot write (undefined, functions, symbols).
  const keys = Object.keys(value).filter((k) => JSON.stringify(value[k]) !== undefined);
  if (!keys.length) { yield '{}'; return; }
  yield '{\n';
  for (const [i, k] of keys.entries()) {
    const v = value[k];
    const end = i < keys.length - 1 ? ',\n' : '\n';
    if (Array.isArray(v) && v.length > 0) {
      yield `  ${JSON.stringify(k)}: [\n`;
      for (const [j, el] of v.entries()) yield `    ${indent(JSON.stringify(el, null, 2) ?? 'null', '    ')}${j < v.length - 1 ? ',\n' : '\n'}`;
      yield `  ]${end}`;
    } else yield `  ${JSON.stringify(k)}: ${indent(JSON.stringify(v, null, 2)!, '  ')}${end}`;
  }
  yield '}';
}
