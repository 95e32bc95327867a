/**
 * Delimited tables (CSV with quotes, TSV) as rows of cells, for the gazetteer importer.
 * Pure.
 */

/** Rows of a CSV text: fields split at commas, "quoted" fields may hold commas, quotes ("") and newlines. */
export const parseCsv = (text: string): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cell += ch;
      continue;
    }
    if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell); cell = '';
      if (row.some((c) => c !== '')) rows.push(row);
      row = [];
    } else cell += ch;
  }
  row.push(cell);
  if (row.some((c) => c !== '')) rows.push(row);
  return rows;
};

/** Rows of a TSV text (GeoNames dumps: no quoting). */
export const parseTsv = (text: string): string[][] =>
  text.split(/\r?\n/u).filter((l) => l.trim() !== '').map((l) => l.split('\t'));

/** CSV or TSV, by which separator the first line has more of. */
export const parseTable = (text: string): string[][] => {
  const clean = text.replace(/^\uFEFF/u, '');
  const first = clean.split('\n', 1)[0] ?? '';
  return (first.split('\t').length > first.split(',').length ? parseTsv : parseCsv)(clean);
};
