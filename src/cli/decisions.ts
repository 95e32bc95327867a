/**
 * Reading `--decisions FILE` for the commands that take it: the file's decisions, or (with
 * every problem printed on stderr, located) the one-line reason to fail with.
 */
import * as E from 'fp-ts/lib/Either.js';
import { formatDecisionProblems, parseDecisions } from '../decisions/parse.js';
import type { Decision } from '../decisions/schema.js';
import { decodeUtf8 } from '../read/text.js';
import type { System } from './system.js';
import { safeText } from './terminal.js';

export const loadDecisionsOrReport = async (sys: System, file: string | null): Promise<E.Either<string, readonly Decision[] | undefined>> => {
  if (file === null) return E.right(undefined);
  if (await sys.kind(file) !== 'file') return E.left(`no decisions file at ${file}`);
  let bytes: Uint8Array;
  try {
    bytes = await sys.readFile(file);
  } catch (e) {
    return E.left(`cannot read the decisions file ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const text = decodeUtf8(bytes);
  if (E.isLeft(text)) return E.left(`the decisions file ${file} is not UTF-8 text: ${text.left}`);
  const parsed = parseDecisions(file, text.right.replace(/^\uFEFF/, ''));
  if (E.isRight(parsed)) return E.right(parsed.right);
  sys.stderr(`${safeText(formatDecisionProblems(parsed.left))}\n`);
  return E.left(`invalid decisions in ${file}`);
};
