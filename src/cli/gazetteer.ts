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
import type { Place } from '../rules/schema.js';
import { GazetteerFile } from '../rules/schema.js';
import { checkPlaceNames } from '../rules/validate-names.js';
import { parseCommandArgs } from './options.js';
import { decodeUtf8 } from '../read/text.js';
import type { System } from './system.js';
import { EXIT, failWith } from './run.js';
import { safeLine } from './terminal.js';

export const GAZETTEER_USAGE = `Usage: reconcile gazetteer import FILE... --out FILE [--base FILE | --no-base]

Builds gazetteer entries from OCHA Common Operational Dataset tables (admin units and
populated places with P-codes, English and Arabic names; CSV or TSV) and GeoNames country
dumps (TSV), and writes the base gazetteer with them appended.

Options:
  --out, -o FILE   where to write the gazetteer (e.g. my-rules/gazetteer.yaml)
  --base FILE      the gazetteer to extend (default: the shipped rules/gazetteer.yaml)
  --no-base        write the imported entries alone
  -h, --help       this help
`;
const HINT = "Try 'reconcile gazetteer --help'.";

export const gazetteerCommand = (sys: System) => async (args: readonly string[]): Promise<number> => {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '--help' || sub === '-h') { sys.stdout(GAZETTEER_USAGE); return sub === undefined ? EXIT.fatal : EXIT.ok; }
  if (sub !== 'import') return failWith(sys)(`unknown gazetteer command '${sub}'; ${HINT}`);
  const parsed = parseCommandArgs(rest, {
    out: { type: 'string', short: 'o' }, base: { type: 'string' }, 'no-base': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  }, HINT);
  if (E.isLeft(parsed)) { sys.stderr(`${safeLine(`reconcile: ${parsed.left.message}`)}\n${parsed.left.hint}\n`); return EXIT.fatal; }
  const { values, positionals } = parsed.right;
  if (values.help) { sys.stdout(GAZETTEER_USAGE); return EXIT.ok; }
  if (!positionals.length) return failWith(sys)(`gazetteer import needs at least one file; ${HINT}`);
  if (!values.out) return failWith(sys)(`gazetteer import needs --out FILE; ${HINT}`);
  if (positionals.includes(values.out) || values.out === values.base) return failWith(sys)(`--out ${values.out} is one of the inputs; write elsewhere`);
  const read = async (path: string): Promise<E.Either<string, string>> => {
    if (await sys.kind(path) !== 'file') return E.left(`${path}: not a file`);
    const text = decodeUtf8(await sys.readFile(path));
    return E.isLeft(text) ? E.left(`${path}: ${text.left}`) : E.right(text.right);
  };
  // the base gazetteer
  let baseText: string | null = null;
  let base: readonly Place[] = [];
  if (!values['no-base']) {
    const path = values.base ?? join(sys.defaultRulesDir, 'gazetteer.yaml');
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
  for (const p of positionals) {
    const t = await read(p);
    if (E.isLeft(t)) { sys.stderr(`${safeLine(`reconcile: warning: ${t.left}; skipped`)}\n`); continue; }
    files.push({ name: p, text: t.right });
  }
  const { places, warnings } = importGazetteer(base, files);
  for (const w of warnings) sys.stderr(`${safeLine(`reconcile: warning: ${w.location}: ${w.message}`)}\n`);
  const text = gazetteerText(baseText, places, files.map((f) => f.name.split('/').pop()!));
  // what is written must load as a gazetteer
  const check = GazetteerFile.safeParse(parse(text));
  const problems = check.success ? checkPlaceNames(check.data.places) : [{ path: check.error.issues[0]?.path.join('.') ?? '', message: check.error.issues[0]?.message ?? 'bad shape' }];
  if (problems.length) return failWith(sys)(`the imported gazetteer does not validate: ${problems[0]!.message} (at ${problems[0]!.path}; ${problems.length} problem(s))`);
  await sys.writeAtomic(values.out, text);
  sys.stderr(`${safeLine(`reconcile: ${places.length} place(s) imported from ${files.length} file(s) into ${values.out}${warnings.length ? `, ${warnings.length} warning(s)` : ''}`)}\n`);
  return EXIT.ok;
};
