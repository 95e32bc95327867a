/**
 * Command line to a Command value, or a usage error as data. Uses node:util parseArgs;
 * nothing here reads files or prints.
 */
import * as E from 'fp-ts/lib/Either.js';
import { parseCommandArgs } from './options.js';
import { HINT, INSPECT_HINT, RUN_HINT } from './usage.js';
import { parseCheckRules, type CheckRulesOptions } from './check-rules.js';
import { parseDiff, type DiffOptions } from './diff.js';
import { parseAdd, parseExport, type AddOptions, type ExportOptions } from './store/commands.js';

export const FORMATS = ['json', 'md', 'html', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

export type RunOptions = {
  readonly inputs: readonly string[];
  readonly rules: string | null;
  readonly format: Format;
  readonly out: string | null;
  readonly quiet: boolean;
  readonly strict: boolean;
};

export type InspectOptions = {
  readonly id: string;
  readonly inputs: readonly string[];
  readonly rules: string | null;
};

export type HelpTopic = 'main' | 'run' | 'inspect' | 'check-rules' | 'diff' | 'add' | 'export';

export type Command =
  | { readonly kind: 'help'; readonly topic: HelpTopic }
  | { readonly kind: 'version' }
  | { readonly kind: 'run'; readonly options: RunOptions }
  | { readonly kind: 'inspect'; readonly options: InspectOptions }
  | { readonly kind: 'check-rules'; readonly options: CheckRulesOptions }
  | { readonly kind: 'diff'; readonly options: DiffOptions }
  | { readonly kind: 'add'; readonly options: AddOptions }
  | { readonly kind: 'export'; readonly options: ExportOptions };

export type UsageError = { readonly message: string; readonly hint: string };

const NOT_YET = new Set<string>([]);

const usageError = (message: string, hint = HINT): E.Either<UsageError, Command> => E.left({ message, hint });

const parseRun = (args: readonly string[]): E.Either<UsageError, Command> => {
  const parsed = parseCommandArgs(args, {
    rules: { type: 'string' },
    format: { type: 'string', default: 'json' },
    out: { type: 'string', short: 'o' },
    quiet: { type: 'boolean', short: 'q', default: false },
    strict: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  }, RUN_HINT);
  if (E.isLeft(parsed)) return parsed;
  const { values, positionals } = parsed.right;
  if (values.help) return E.right({ kind: 'help', topic: 'run' });
  const format = values.format ?? 'json';
  if (!(FORMATS as readonly string[]).includes(format)) {
    return usageError(`unknown format '${format}'; use ${FORMATS.join(', ')}`, RUN_HINT);
  }
  if (positionals.length === 0) return usageError('run needs at least one file or directory', RUN_HINT);
  return E.right({ kind: 'run', options: {
    inputs: positionals, rules: values.rules ?? null, format: format as Format,
    out: values.out ?? null, quiet: values.quiet ?? false, strict: values.strict ?? false,
  } });
};

const parseInspect = (args: readonly string[]): E.Either<UsageError, Command> => {
  const parsed = parseCommandArgs(args, { rules: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } }, INSPECT_HINT);
  if (E.isLeft(parsed)) return parsed;
  const { values, positionals } = parsed.right;
  if (values.help) return E.right({ kind: 'help', topic: 'inspect' });
  const [id, ...inputs] = positionals;
  if (id === undefined) return usageError('inspect needs an incident id and at least one file or directory', INSPECT_HINT);
  if (inputs.length === 0) return usageError(`inspect needs at least one file or directory after the incident id '${id}'`, INSPECT_HINT);
  return E.right({ kind: 'inspect', options: { id, inputs, rules: values.rules ?? null } });
};

const helpTopic = (name: string | undefined): HelpTopic =>
  (name === 'run' || name === 'inspect' || name === 'check-rules' || name === 'diff' || name === 'add' || name === 'export' ? name : 'main');

/** argv without the node and script paths. */
export const parseCommand = (argv: readonly string[]): E.Either<UsageError, Command> => {
  const [first, ...rest] = argv;
  if (first === undefined) return usageError('no command given');
  if (first === '--help' || first === '-h' || first === 'help') return E.right({ kind: 'help', topic: helpTopic(rest[0]) });
  if (first === '--version' || first === '-v') return E.right({ kind: 'version' });
  if (first === 'run') return parseRun(rest);
  if (first === 'inspect') return parseInspect(rest);
  if (first === 'check-rules') return E.map((o: CheckRulesOptions | 'help'): Command => (o === 'help' ? { kind: 'help', topic: 'check-rules' } : { kind: 'check-rules', options: o }))(parseCheckRules(rest));
  if (first === 'diff') return E.map((o: DiffOptions | 'help'): Command => (o === 'help' ? { kind: 'help', topic: 'diff' } : { kind: 'diff', options: o }))(parseDiff(rest));
  if (first === 'add') return E.map((o: AddOptions | 'help'): Command => (o === 'help' ? { kind: 'help', topic: 'add' } : { kind: 'add', options: o }))(parseAdd(rest));
  if (first === 'export') return E.map((o: ExportOptions | 'help'): Command => (o === 'help' ? { kind: 'help', topic: 'export' } : { kind: 'export', options: o }))(parseExport(rest));
  if (NOT_YET.has(first)) return usageError(`'${first}' is not yet available`);
  if (first.startsWith('-')) return usageError(`unknown option '${first}'`);
  return usageError(`unknown command '${first}'`);
};
