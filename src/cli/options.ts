/**
 * A command's own arguments through node's parseArgs (strict, positionals allowed), with
 * its error cut to a usage error: the first sentence of node's message and the command's hint.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import * as E from 'fp-ts/lib/Either.js';
import type { UsageError } from './args.js';

type Options = NonNullable<ParseArgsConfig['options']>;
type Config<O extends Options> = { args: string[]; allowPositionals: true; strict: true; options: O };

/** parseArgs says "Unknown option '--x'. To specify a positional…": keep the first sentence. */
export const firstSentence = (e: unknown): string => (e instanceof Error ? e.message : String(e)).split(/\.\s/)[0]!.replace(/\.$/, '');

export const parseCommandArgs = <const O extends Options>(args: readonly string[], options: O, hint: string):
  E.Either<UsageError, ReturnType<typeof parseArgs<Config<O>>>> => {
  try {
    return E.right(parseArgs<Config<O>>({ args: [...args], allowPositionals: true, strict: true, options }));
  } catch (e) {
    return E.left({ message: firstSentence(e), hint });
  }
};
