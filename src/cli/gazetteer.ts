/**
 * `reconcile gazetteer import FILE... --out FILE [--base FILE | --no-base]`: gazetteer entries
 * from OCHA COD-style and GeoNames-style files (src/gazetteer/import.ts), appended to the base
 * gazetteer (the rules' gazetteer.yaml unless told otherwise) and written to --out, which
 * `run --rules DIR` then reads as DIR/gazetteer.yaml. Rows that cannot be imported are
 * warned about with their file and line; the import goes on.
 */
import * as E from 'fp-ts/lib/Either.js';
import { join } from 'node:path';
import { parse } from 'yaml';
import { gazetteerText, importGazetteer } from '../gazetteer/import.js';
import { administrativeOf } from '../gazetteer/names.js';
import { loadRulesOrReport } from './rules.js';
import type { Place } from '../rules/schema.js';
import { GazetteerFile } from '../rules/schema.js';
import { checkPlaceNames } from '../rules/validate-names.js';
import { decodeUtf8 } from '../read/text.js';
import type { System } from './system.js';
import { EXIT } from './exit.js';
import { outProblem } from './out-path.js';
import { failWith } from './run.js';
import { safeLine } from './terminal.js';

export type GazetteerOptions = {
  readonly files: readonly string[];
  readonly out: string;
  readonly base: string | null;
  readonly noBase: boolean;
};

export const gazetteerCommand = (sys: System) => async (o: GazetteerOptions): Promise<number> => {
  const basePath = o.noBase ? null : o.base ?? join(sys.defaultRulesDir, 'gazetteer.yaml');
  // the same check as run's --out: never onto an input (the base included), only into a folder that exists
  const refused = await outProblem(sys, o.out, { inputs: basePath === null ? o.files : [...o.files, basePath] });
  if (refused !== null) return failWith(sys)(refused);
  const read = async (path: string): Promise<E.Either<string, string>> => {
    if (await sys.kind(path) !== 'file') return E.left(`${path}: not a file`);
    const text = decodeUtf8(await sys.readFile(path));
    return E.isLeft(text) ? E.left(`${path}: ${text.left}`) : E.right(text.right);
  };
  // the base gazetteer
  let baseText: string | null = null;
  let base: readonly Place[] = [];
  if (basePath !== null) {
    const path = basePath;
    const text = await read(path);
    if (E.isLeft(text)) return failWith(sys)(text.left);
    let doc: unknown;
    try { doc = parse(text.right); } catch (e) { return failWith(sys)(`${path}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`); }
    const g = GazetteerFile.safeParse(doc);
    if (!g.success) return failWith(sys)(`${path}: not a gazetteer (${g.error.issues[0]?.message ?? 'bad shape'} at ${g.error.issues[0]?.path.join('.') ?? ''})`);
    baseText = text.right;
    base = g.data.places;
  }
  const files: { name: string; text: string }[] = [];
  for (const p of o.files) {
    const t = await read(p);
    if (E.isLeft(t)) { sys.stderr(`${safeLine(`reconcile: warning: ${t.left}; skipped`)}\n`); continue; }
    files.push({ name: p, text: t.right });
  }
  // the administrative words of place names are rules (rules/languages/<lang>/administrative.yaml)
  const loaded = await loadRulesOrReport(sys, null);
  if (E.isLeft(loaded)) return failWith(sys)(loaded.left);
  const admin = administrativeOf(loaded.right.rules);
  if (admin === null) return failWith(sys)('the rules give no administrative words for Arabic-script and Latin place names (rules/languages/<lang>/administrative.yaml)');
  const { places, warnings } = importGazetteer(admin)(base, files);
  for (const w of warnings) sys.stderr(`${safeLine(`reconcile: warning: ${w.location}: ${w.message}`)}\n`);
  const text = gazetteerText(baseText, places, files.map((f) => f.name.split('/').pop()!));
  // what is written must load as a gazetteer
  const check = GazetteerFile.safeParse(parse(text));
  const problems = check.success ? checkPlaceNames(check.data.places, admin.fold) : [{ path: check.error.issues[0]?.path.join('.') ?? '', message: check.error.issues[0]?.message ?? 'bad shape' }];
  if (problems.length) return failWith(sys)(`the imported gazetteer does not validate: ${problems[0]!.message} (at ${problems[0]!.path}; ${problems.length} problem(s))`);
  await sys.writeAtomic(o.out, text);
  sys.stderr(`${safeLine(`reconcile: ${places.length} place(s) imported from ${files.length} file(s) into ${o.out}${warnings.length ? `, ${warnings.length} warning(s)` : ''}`)}\n`);
  return EXIT.ok;
};
