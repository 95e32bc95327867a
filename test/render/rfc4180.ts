/**
 * A strict RFC 4180 parser for tests: CRLF between records, fields quoted with doubled
 * quotes inside, nothing after a closing quote, no bare CR or LF outside quotes, and every
 * record as wide as the header. Anything else throws, so a sloppy CSV fails its test.
 */
export const parseCsv = (text: string): string[][] => {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  const fail = (why: string): never => { throw new Error(`CSV: ${why} at offset ${i}`); };
  if (text === '') return [];
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) fail('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
          i++;
          break;
        }
        field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"') fail('quote inside an unquoted field');
        if (text[i] === '\n') fail('bare LF');
        field += text[i++];
      }
    }
    record.push(field);
    if (i >= text.length) { records.push(record); break; }
    if (text[i] === ',') { i++; continue; }
    if (text[i] === '\r' && text[i + 1] === '\n') {
      i += 2;
      records.push(record);
      record = [];
      if (i >= text.length) break;
      continue;
    }
    fail('expected a comma or CRLF after a field');
  }
  const width = records[0]!.length;
  records.forEach((r, n) => { if (r.length !== width) throw new Error(`CSV: record ${n} has ${r.length} fields, the header ${width}`); });
  return records;
};

/** Records as objects keyed by the header. */
export const csvObjects = (text: string): Record<string, string>[] => {
  const [header, ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries(header!.map((h, k) => [h, r[k]!])));
};
