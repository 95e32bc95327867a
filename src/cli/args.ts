/**
 * The command line, defined once with commander: every command, argument and option, from
 * which both parsing and `--help` come, so the two cannot drift apart. `parseCommand` turns
 * argv into a Command value or a usage error as data (one line and a hint, with commander's
 * "did you mean" for a mistyped command or option); `helpText` gives a command's help.
 * Nothing here reads files or prints, and nothing here loads a command's implementation
 * (only types are imported from them), so `--help` starts fast.
 */
import { Command as Cli, CommanderError, Option } from 'commander';
import * as E from 'fp-ts/lib/Either.js';
import type { CheckRulesOptions } from './check-rules.js';
import type { DiffOptions } from './diff.js';
import type { GazetteerOptions } from './gazetteer.js';
import type { AddOptions, ExportOptions } from './store/commands.js';
import type { ReviewOptions } from './review.js';

export const FORMATS = ['json', 'md', 'html', 'csv', 'ucdp', 'airwars', 'geojson'] as const;
export type Format = (typeof FORMATS)[number];
export const DIFF_FORMATS = ['text', 'json'] as const;
export const DEFAULT_RUNS = 200;

export type RunOptions = {
  readonly inputs: readonly string[];
  readonly rules: string | null;
  readonly format: Format;
  readonly out: string | null;
  readonly quiet: boolean;
  readonly strict: boolean;
  /** the decisions file to apply (--decisions FILE) */
  readonly decisions?: string | null;
  /** false: read every sentence, past the gate that skips sentences nothing could be read in (`--no-gate`) */
  readonly gate?: boolean;
  /** threads that extract reports (`--workers`; default the number of cores, 1 this thread alone) */
  readonly workers?: number;
};

export type InspectOptions = {
  readonly id: string;
  readonly inputs: readonly string[];
  readonly rules: string | null;
  /** also show how the constructions parsed each sentence of the incident's reports */
  readonly parse?: boolean;
  readonly quiet: boolean;
  readonly decisions?: string | null;
};

export const COMMANDS = ['run', 'inspect', 'check-rules', 'diff', 'add', 'export', 'review', 'gazetteer'] as const;
export type CommandName = (typeof COMMANDS)[number];
export type HelpTopic = 'main' | CommandName;

export type Command =
  | { readonly kind: 'help'; readonly topic: HelpTopic }
  | { readonly kind: 'version' }
  | { readonly kind: 'run'; readonly options: RunOptions }
  | { readonly kind: 'inspect'; readonly options: InspectOptions }
  | { readonly kind: 'check-rules'; readonly options: CheckRulesOptions }
  | { readonly kind: 'diff'; readonly options: DiffOptions }
  | { readonly kind: 'add'; readonly options: AddOptions }
  | { readonly kind: 'export'; readonly options: ExportOptions }
  | { readonly kind: 'review'; readonly options: ReviewOptions }
  | { readonly kind: 'gazetteer'; readonly options: GazetteerOptions };

export type UsageError = { readonly message: string; readonly hint: string };

export const HINT = "Run 'reconcile --help' for usage.";
export const hintFor = (topic: HelpTopic): string => (topic === 'main' ? HINT : `Run 'reconcile ${topic} --help' for usage.`);

/** Width of the generated help: fixed, so that help is the same on every terminal (and in the README test). */
export const HELP_WIDTH = 100;

const EXIT_CODES_RUN = 'Exit codes: 0 ok; 1 some input had problems (or any warning, with --strict); 2 usage error,\ninvalid rules, or nothing could be read.';

type Values = Record<string, unknown>;
/** What an action hands back: a command, or a usage error (the hint is the command's own). */
type Outcome = E.Either<string, Command>;
type Spec = {
  readonly name: CommandName;
  readonly define: (c: Cli) => Cli;
  /** the arguments and options commander parsed, to a command or a usage error */
  readonly make: (args: readonly string[], v: Values) => Outcome;
  /** the message when a required argument is missing (commander's own is about its name) */
  readonly missing: (args: readonly string[]) => string;
  /** an option the command cannot do without (checked after unknown options, so a mistyped one gets its suggestion), and the message when it is missing */
  readonly required?: { readonly long: string; readonly message: string };
};

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const formatOf = (v: unknown, allowed: readonly string[], fallback: string, sep = ', '): E.Either<string, string> => {
  const f = str(v) ?? fallback;
  return allowed.includes(f) ? E.right(f) : E.left(`unknown format '${f}'; use ${allowed.join(sep)}`);
};

const integer = (name: string, text: string, min: number, max: number): E.Either<string, number> =>
  /^[+-]?\d+$/.test(text.trim()) && Number(text) >= min && Number(text) <= max
    ? E.right(Number(text)) : E.left(`${name} must be a whole number from ${min} to ${max}, not '${text}'`);

const RULES_HELP = 'rule set to use (default: the rules/ directory of this package)';
const OUTPUT_FORMATS_HELP = [
  'output format (default: json):',
  'json: the output contract (CONTRACT.md);',
  'md: a Markdown report;',
  'html: one self-contained page: sortable, filterable index, a range chart and stance table per incident (no network, prints cleanly);',
  'csv: one row per incident and victim category (RFC 4180), for R or pandas;',
  'ucdp: one row per incident with UCDP GED column names (best, low, high, side_a, date_prec, where_prec, ...);',
  'airwars: one row per incident as Airwars publishes (civilians, children, women, men killed min/max, belligerent, grade);',
  'geojson: a FeatureCollection, one feature per incident at its best place, with its precision',
].join('\n');
const collect = (v: string, prev: string[] | undefined): string[] => [...(prev ?? []), v];

const rules = (c: Cli, help = RULES_HELP): Cli => c.option('--rules <DIR>', help);
const out = (c: Cli): Cli => c.option('-o, --out <FILE>', 'write the output to FILE (atomically) instead of stdout');
const quiet = (c: Cli, help: string): Cli => c.option('-q, --quiet', help);
const DECISIONS_HELP = "analysts' decisions to apply (YAML; README \"Reviewing\")";
/** `decisions` in a command's options only when --decisions was given (options stay as they were without it). */
const decisionsOf = (v: Values): { decisions?: string } => (str(v.decisions) === null ? {} : { decisions: str(v.decisions)! });
export const REVIEW_FORMATS = ['text', 'json'] as const;

/** review's options: report files or a store (not both); --serve only with a store, --port only with --serve. */
const reviewOf = (args: readonly string[], v: Values): Outcome => {
  const format = formatOf(v.format, REVIEW_FORMATS, 'text', ' or ');
  if (E.isLeft(format)) return format;
  const limitText = str(v.limit);
  const limit = limitText === null ? E.right(null) : integer('--limit', limitText, 1, 1_000_000);
  if (E.isLeft(limit)) return limit;
  const store = str(v.store);
  if (store === null && args.length === 0) return E.left('review needs at least one file or directory, or --store FILE');
  if (store !== null && args.length) return E.left(`review reads report files or a store, not both (to add reports: reconcile add ${args[0]!} --store ${store})`);
  if (v.serve === true && store === null) return E.left('--serve needs --store FILE: the page writes its decisions into the store');
  const portText = str(v.port);
  if (portText !== null && v.serve !== true) return E.left('--port is for --serve');
  const port = portText === null ? E.right(null) : integer('--port', portText, 1, 65_535);
  if (E.isLeft(port)) return port;
  return E.right({ kind: 'review', options: {
    inputs: args, rules: str(v.rules), format: format.right as ReviewOptions['format'], out: str(v.out), quiet: v.quiet === true,
    decisions: str(v.decisions), limit: limit.right, store, serve: v.serve === true, port: port.right,
  } });
};

const SPECS: readonly Spec[] = [
  {
    name: 'run',
    define: (c) => quiet(out(rules(c
      .summary('read reports, extract and reconcile their claims into incidents')
      .description([
        'Reads reports and prints the reconciled incidents. Directories are read recursively.',
        '  .txt, .md       raw report text; metadata from reports.json beside it or front matter',
        '  .json, .ndjson  structured reports, optionally with hand-coded claims and stances',
        '                  (an .ndjson file over 16 MB is read as a stream, report by report)',
      ].join('\n'))
      .usage('<file-or-dir>... [options]')
      .argument('<file-or-dir...>', 'report files, or directories read recursively'))
      .option('--format <json|md|html|csv|ucdp|airwars|geojson>', OUTPUT_FORMATS_HELP)),
    'no progress line (shown on a terminal for 300 reports or more) and no accounting line on stderr')
      .option('--strict', 'exit 1 on any warning, not only on input problems')
      .option('--decisions <FILE>', DECISIONS_HELP)
      .option('--no-gate', 'read every sentence, also those in which nothing could be read (slower; the same output)')
      .option('--workers <N>', 'threads that extract reports (default: one per core; 1: this thread alone; the same output)')
      .addHelpText('after', `\nWarnings go to stderr, one line each with its location, and are listed in the output.\n${EXIT_CODES_RUN}`),
    make: (args, v) => {
      const workers = str(v.workers) === null ? E.right(null) : integer('--workers', str(v.workers)!, 1, 256);
      if (E.isLeft(workers)) return workers;
      return E.map((format): Command => ({ kind: 'run', options: {
        inputs: args, rules: str(v.rules), format: format as Format, out: str(v.out), quiet: v.quiet === true, strict: v.strict === true,
        ...decisionsOf(v),
        ...(v.gate === false ? { gate: false } : {}), ...(workers.right === null ? {} : { workers: workers.right }),
      } }))(formatOf(v.format, FORMATS, 'json'));
    },
    missing: () => 'run needs at least one file or directory',
  },
  {
    name: 'inspect',
    define: (c) => quiet(rules(c
      .summary('explain one incident: its figures, stances and disagreements, and why its reports were joined')
      .description([
        "Reconciles the inputs as 'reconcile run' does and explains one incident: its date, places",
        'and reports; every figure per victim category with source, qualifier, relaying outlet,',
        'report and quote; the range and best estimate with the policy that chose it; who says who',
        'carried it out, side by side; every disagreement; which compared mention pairs were joined',
        '(with the comparison levels each hit) and which near candidates were kept apart, and why.',
      ].join('\n'))
      .usage('<incident-id> <file-or-dir>... [options]')
      .argument('<incident-id>', "an id from 'reconcile run' output, or any unique prefix of it (the 'inc-' may be left out)")
      .argument('<file-or-dir...>', 'report files, or directories read recursively')),
    'no progress line (shown on a terminal for 300 reports or more)')
      .option('--decisions <FILE>', DECISIONS_HELP)
      .option('--parse', "also show how each sentence of the incident's reports was parsed: the constructions that read its claims, and the figures seen but not taken, and why")
      .addHelpText('after', [
        '',
        'Arabic quotes are wrapped in bidirectional isolates so a terminal that supports them shows',
        'them right to left. Exit codes: 0 ok; 1 some input had problems; 2 usage error, an id that',
        'matches no incident or several (they are listed), invalid rules, or nothing could be read.',
      ].join('\n')),
    make: ([id, ...inputs], v) => E.right({ kind: 'inspect', options: { id: id!, inputs, rules: str(v.rules), quiet: v.quiet === true, ...(v.parse === true ? { parse: true } : {}), ...decisionsOf(v) } }),
    missing: ([id]) => (id === undefined
      ? 'inspect needs an incident id and at least one file or directory'
      : `inspect needs at least one file or directory after the incident id '${id}'`),
  },
  {
    name: 'check-rules',
    define: (c) => rules(c
      .summary("validate a rule set, then test the engine's invariants under it")
      .description([
        'Validates a rule set (every problem of every file, with its file and path), then runs the',
        "engine's invariants under it as property tests: reports are generated from the rule set's",
        'own sources, actors, places and, per language, its number words, qualifiers, victim words,',
        'stance cues and date words, and each property must hold for all of them:',
        '',
        '  order-independence      the output does not depend on the order of reports, mentions or claims',
        '  idempotence             reconciling an incident\'s mentions again gives the same incident',
        '  ranges-contain-figures  every stated figure lies within its range',
        '  best-within-range       every best estimate lies within [min, max]',
        '  claims-conserved        no claim lost or duplicated; the accounting balances',
        '  adding-never-narrows    adding a claim never narrows a range',
        "  parts-within-wholes     a part's best never exceeds its whole's (children ≤ civilians ≤ all)",
        '  date-window             mentions further apart than dateWindowDays never merge',
        '  output-contract         the output meets the contract schema',
        '  extraction[LANG]        extraction never throws and every quote matches its span',
      ].join('\n'))
      .usage('[options]')
      .allowExcessArguments(true), 'rule set to check (default: the rules/ directory of this package)')
      .addOption(new Option('--runs <N>', 'generated cases per property').default(String(DEFAULT_RUNS), String(DEFAULT_RUNS)))
      .option('--seed <S>', 'seed of the generator (default: a fresh one, printed)')
      .option('--property <NAME>', 'check only this property (repeatable)', collect)
      .option('--path <P>', 'with --seed and one --property: replay the failure printed with that path')
      .addHelpText('after', [
        '',
        'One line per property (runs and time). A failure prints the smallest counterexample found,',
        'what it violates, and the command that replays it.',
        'Exit codes: 0 every property holds; 1 a property fails; 2 usage error or invalid rules.',
      ].join('\n')),
    make: (args, v) => {
      if (args.length) return E.left(`check-rules takes no file or directory (got '${args[0]}'); use --rules DIR`);
      const runs = integer('--runs', str(v.runs) ?? String(DEFAULT_RUNS), 1, 1_000_000);
      if (E.isLeft(runs)) return runs;
      const seedText = str(v.seed);
      const seed = seedText === null ? E.right(null) : integer('--seed', seedText, -0x80000000, 0x7fffffff);
      if (E.isLeft(seed)) return seed;
      const properties = (v.property as string[] | undefined) ?? [];
      const path = str(v.path);
      if (path !== null && properties.length !== 1) return E.left('--path replays one property: give exactly one --property with it');
      if (path !== null && seedText === null) return E.left('--path needs the --seed of the run that printed it');
      if (path !== null && !/^\d+(:\d+)*$/.test(path)) return E.left(`--path must look like 12:3:0 (as printed by a failure), not '${path}'`);
      return E.right({ kind: 'check-rules', options: { rules: str(v.rules), runs: runs.right, seed: seed.right, properties, path } });
    },
    missing: () => 'check-rules takes no arguments',
  },
  {
    name: 'diff',
    define: (c) => out(c
      .summary('what one rule set changes compared with another, on the same reports')
      .description([
        'Reconciles the same reports under two rule sets and shows what the rule set given with',
        '--rules changes compared with the one given with --against: incidents added, removed,',
        'split, merged or regrouped (matched by the claims and stances they hold, since incident ids',
        'change with membership), and for the same incident every range, best estimate, grade,',
        'attribution status, date, place and disagreement that changed (before → after); also',
        'aggregates and warnings that appear or disappear.',
      ].join('\n'))
      .usage('<file-or-dir>... --against DIR [options]')
      .argument('<file-or-dir...>', 'report files, or directories read recursively')
      .option('--against <DIR>', 'the rule set to compare with: "before" (required)')
      .option('--rules <DIR>', 'the rule set to try: "after" (default: the rules/ directory of this package)')
      .option('--format <text|json>', 'text for people (default), or JSON')
      .option('--decisions <FILE>', "analysts' decisions, applied under both rule sets; the diff shows what becomes of them apart"))
      .addHelpText('after', [
        '',
        'Two rule sets that give the same results print "no differences".',
        'Exit codes: 0 ok (with or without differences); 1 some input had problems; 2 usage error,',
        'invalid rules (either set), or nothing could be read.',
      ].join('\n')),
    make: (args, v) => {
      const format = formatOf(v.format, DIFF_FORMATS, 'text', ' or ');
      if (E.isLeft(format)) return format;
      return E.right({ kind: 'diff', options: {
        rules: str(v.rules), against: str(v.against)!, inputs: args, format: format.right as DiffOptions['format'], out: str(v.out),
        ...decisionsOf(v),
      } });
    },
    missing: () => 'diff needs at least one file or directory to reconcile',
    required: { long: '--against', message: 'diff needs --against DIR: the rule set to compare with' },
  },
  {
    name: 'add',
    define: (c) => quiet(rules(c
      .summary('add reports to an incident store (DuckDB), keeping incident ids stable')
      .description([
        'Adds reports to an incident store (an embedded DuckDB file, created when missing). Only the',
        'incidents the new reports can reach are clustered again, and incident ids stay stable: an',
        'incident that gains evidence keeps its id; one that splits keeps it on the larger part; when',
        'incidents merge, the one with most mentions keeps its id and the others are retired. Every',
        'change goes to the store\'s history table with the rules hash and the time. A report whose id',
        'is stored already is skipped (with a warning when its content differs). When the rules',
        'differ from those the store was written under, every stored report is reconciled again, and',
        'the history says so. An add is one transaction: interrupted, it leaves the store as it was.',
      ].join('\n'))
      .usage('<file-or-dir>... --store FILE [options]')
      .argument('[file-or-dir...]', 'report files, or directories read recursively (none: with --decisions only)')
      .option('--store <FILE>', 'the incident store (required)')), 'do not print the summary line on stderr')
      .option('--strict', 'exit 1 on any warning, not only on input problems')
      .option('--decisions <FILE>', "analysts' decisions to store (their history is kept in the store's decisions table)")
      .addHelpText('after', [
        '',
        'Exit codes: 0 ok; 1 some input had problems (or any warning, with --strict); 2 usage error,',
        'invalid rules, nothing could be read, or the store cannot be opened or written.',
      ].join('\n')),
    make: (args, v) => (args.length === 0 && str(v.decisions) === null
      ? E.left('add needs at least one file or directory of reports (or --decisions FILE)')
      : E.right({ kind: 'add', options: { inputs: args, store: str(v.store)!, rules: str(v.rules), quiet: v.quiet === true, strict: v.strict === true, ...decisionsOf(v) } })),
    missing: () => 'add needs at least one file or directory of reports',
    required: { long: '--store', message: 'add needs --store FILE: the incident store to add to (created when missing)' },
  },
  {
    name: 'export',
    define: (c) => quiet(out(rules(c
      .summary("print what an incident store holds, as run would")
      .description([
        "Prints what the incident store holds as 'reconcile run' would print it for all the reports",
        'the store holds: the same incidents, ranges and disagreements. Incident ids are the store\'s',
        "stable ids, which differ from run's evidence hashes only where the history table says why.",
        'A store written under other rules is reconciled again first (and the history says so).',
      ].join('\n'))
      .usage('--store FILE [options]')
      .allowExcessArguments(true)
      .option('--store <FILE>', 'the incident store (required)'))
      .option('--format <json|md|html|csv|ucdp|airwars|geojson>', "output format, as for 'reconcile run' (default: json)")), 'do not print the accounting line on stderr')
      .option('--decisions <FILE>', "decisions to apply besides the store's own (a file's decision replaces a stored one with its id)")
      .addHelpText('after', '\nExit codes: 0 ok; 2 usage error, invalid rules, or no store (or an empty one) at FILE.'),
    make: (args, v) => {
      const store = str(v.store)!;
      if (args.length) return E.left(`export reads only the store; unexpected '${args[0]!}' (to add reports: reconcile add ${args[0]!} --store ${store})`);
      return E.map((format): Command => ({ kind: 'export', options: {
        store, rules: str(v.rules), format: format as Format, out: str(v.out), quiet: v.quiet === true, ...decisionsOf(v),
      } }))(formatOf(v.format, FORMATS, 'json'));
    },
    missing: () => 'export takes no arguments',
    required: { long: '--store', message: 'export needs --store FILE: the incident store to export' },
  },
  {
    name: 'review',
    define: (c) => quiet(out(rules(c
      .summary('what a person should check first: a review queue, most publishable risk first')
      .description([
        "Reconciles the inputs as 'reconcile run' does, or reads an incident store (--store), and lists",
        'what a person should check before publishing, riskiest first: figures where sources disagree',
        'and attributions that are contested; claims from sources the rules do not list and incidents',
        "in places the gazetteer lacks; figures far from the incident's others; claims read by",
        'constructions with few examples; stances read from hedges. Each item carries the anchor a',
        'decision about it needs (README "Reviewing"). Claims and incidents that a decision already',
        'covers are left out. With --store --serve, a page on 127.0.0.1 shows the queue and every',
        'incident, and its buttons write decisions into the store.',
      ].join('\n'))
      .usage('<file-or-dir>... [options] | --store FILE [--serve [--port N]] [options]')
      .argument('[file-or-dir...]', 'report files, or directories read recursively (none: with --store)')))
      .option('--format <text|json>', 'text for people (default), or JSON for other tools')
      .option('--decisions <FILE>', DECISIONS_HELP)
      .option('--limit <N>', 'list at most N items (default: all; with --serve, on the page)'), 'no accounting line on stderr')
      .option('--store <FILE>', "review what an incident store holds, with the store's decisions applied, instead of report files")
      .option('--serve', 'with --store: serve the review page on 127.0.0.1 until Ctrl-C; the URL printed carries the access token')
      .option('--port <N>', 'with --serve: the port to listen on (default: a free one)')
      .addHelpText('after', '\nExit codes: 0 ok (also when Ctrl-C stops --serve); 1 some input had problems; 2 usage error, invalid rules\nor decisions, nothing could be read, no store at FILE, or the port is taken.'),
    make: reviewOf,
    missing: () => 'review needs at least one file or directory, or --store FILE',
  },
  {
    name: 'gazetteer',
    define: (c) => c
      .summary('build gazetteer entries from OCHA COD-style or GeoNames-style files')
      .description([
        'import: builds gazetteer entries from OCHA Common Operational Dataset tables (admin units and',
        'populated places with P-codes, English and Arabic names; CSV or TSV) and GeoNames country dumps',
        '(TSV), and writes the base gazetteer with them appended. Rows that cannot be imported are warned',
        'about with their file and line; the import goes on. Use the result with run --rules DIR.',
      ].join('\n'))
      .usage('import <file>... --out FILE [options]')
      .argument('<action>', 'what to do: import')
      .argument('<file...>', 'OCHA COD-style (CSV/TSV) or GeoNames-style (TSV) files')
      .option('-o, --out <FILE>', 'where to write the gazetteer (required; e.g. my-rules/gazetteer.yaml)')
      .option('--base <FILE>', 'the gazetteer to extend (default: the shipped rules/gazetteer.yaml)')
      .option('--no-base', 'write the imported entries alone')
      .addHelpText('after', '\nExit codes: 0 ok; 2 usage error, an unreadable base, or a result that does not validate.'),
    make: ([action, ...files], v) => action !== 'import'
      ? E.left(`unknown gazetteer action '${action ?? ''}'; use import`)
      : E.right({ kind: 'gazetteer', options: { files, out: str(v.out)!, base: str(v.base), noBase: v.base === false } }),
    missing: (args) => (args.length ? 'gazetteer import needs at least one file' : "gazetteer needs an action ('import') and at least one file"),
    required: { long: '--out', message: 'gazetteer import needs --out FILE: where to write the gazetteer' },
  },
];

/**
 * A command's whole synopsis, from its definition: `reconcile add <file-or-dir>... --store FILE
 * [--rules DIR] [--quiet] [--strict]` (arguments, required options, then the others).
 */
export const synopsis = (c: Cli): string => {
  const required = SPECS.find((s) => s.name === c.name())?.required?.long;
  const args = c.registeredArguments.map((a) => (a.required ? `<${a.name()}>` : `[${a.name()}]`) + (a.variadic ? '...' : ''));
  const options = c.options.filter((o) => o.long !== '--help' && !o.hidden);
  const term = (o: Option): string => o.flags.replace(/^-\w, /, '').replace(/ <(.+)>$/, ' $1');
  return ['reconcile', c.name(), ...args, ...options.filter((o) => o.long === required).map(term), ...options.filter((o) => o.long !== required).map((o) => `[${term(o)}]`)].join(' ');
};

const synopses = (program: Cli): string => [
  ...program.commands.filter((c) => c.name() !== 'help').map(synopsis), 'reconcile --help | --version', 'reconcile <command> --help',
].map((l) => `  ${l}`).join('\n');

const MAIN_AFTER = [
  '',
  "Run 'reconcile <command> --help' for a command's arguments and options.",
  'Exit codes: 0 ok; 1 some input had problems (or any warning, with --strict), or a',
  'check-rules property failed; 2 usage error, invalid rules, or nothing could be read.',
].join('\n');

/** Thrown by the --version option's listener: commander has no way to stop at an option otherwise. */
class VersionAsked extends Error {}

type Sink = { out: string; command: CommandName | null; result: Outcome | null };

/** The whole command line as a commander program, writing into `sink` instead of the terminal. */
const build = (sink: Sink): Cli => {
  const program: Cli = new Cli('reconcile')
    .description('reconcile: reconcile casualty claims about airstrikes in Syria across reports')
    .usage('<command> [options]')
    .configureHelp({ helpWidth: HELP_WIDTH, subcommandTerm: (c) => (c.name() === 'help' ? 'help [command]' : c.name()) })
    .configureOutput({ writeOut: (s) => { sink.out += s; }, writeErr: () => {}, outputError: () => {} })
    .helpOption('-h, --help', 'show this help')
    .helpCommand('help [command]', 'show the help of a command')
    .showSuggestionAfterError(true)
    .exitOverride()
    .option('-v, --version', 'print the version')
    .addHelpText('after', () => `\nSynopsis:\n${synopses(program)}\n${MAIN_AFTER}`);
  program.on('option:version', () => { throw new VersionAsked(); });
  for (const spec of SPECS) {
    const c = spec.define(program.command(spec.name).helpOption('-h, --help', 'show this help'));
    // Whose help was printed (the preSubcommand hook below says which command is being read).
    c.configureOutput({ writeOut: (s) => { sink.out += s; sink.command = spec.name; }, writeErr: () => {}, outputError: () => {} });
    c.action(() => {
      const values = c.opts();
      const required = spec.required;
      sink.result = required && values[required.long.slice(2)] === undefined ? E.left(required.message) : spec.make(c.args, values);
    });
  }
  // Which command is being read: commander's errors do not say.
  program.hook('preSubcommand', (_: Cli, sub: Cli) => { sink.command = sub.name() as CommandName; });
  return program;
};

/** commander's "error: unknown option '--x'\n(Did you mean --y?)" as one line: "unknown option '--x' (did you mean --y?)". */
const oneLine = (message: string): string => message.replace(/^error: /, '').trim().split('\n')
  .map((l) => l.trim().replace(/^\((Did you mean)/, '(did you mean')).join(' ');

const specOf = (name: CommandName): Spec => SPECS.find((s) => s.name === name)!;

/** argv without the node and script paths. */
export const parseCommand = (argv: readonly string[]): E.Either<UsageError, Command> => {
  if (argv.length === 0) return E.left({ message: 'no command given', hint: HINT });
  const sink: Sink = { out: '', command: null, result: null };
  const program = build(sink);
  const hint = (): string => hintFor(sink.command ?? 'main');
  try {
    program.parse([...argv], { from: 'user' });
  } catch (e) {
    if (e instanceof VersionAsked) return E.right({ kind: 'version' });
    if (!(e instanceof CommanderError)) throw e;
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.help') {
      return E.right({ kind: 'help', topic: sink.out === '' ? 'main' : sink.command ?? 'main' });
    }
    if (e.code === 'commander.missingArgument' && sink.command !== null) {
      const sub = program.commands.find((c) => c.name() === sink.command)!;
      return E.left({ message: specOf(sink.command).missing(sub.args), hint: hint() });
    }
    let message = oneLine(e.message);
    // A command's own options say "Unknown option" (as node's parser did); the top level "unknown option".
    if (e.code === 'commander.unknownOption' && sink.command !== null) message = message.replace(/^unknown/, 'Unknown');
    return E.left({ message, hint: hint() });
  }
  if (sink.result === null) return E.left({ message: 'no command given', hint: HINT });
  const result = sink.result;
  return E.isLeft(result) ? E.left({ message: result.left, hint: hint() }) : result;
};

/** The help of a command (or of the whole program), as `--help` prints it. */
export const helpText = (topic: HelpTopic): string => {
  const program = build({ out: '', command: null, result: null });
  const cmd = topic === 'main' ? program : program.commands.find((c) => c.name() === topic)!;
  let text = '';
  cmd.configureOutput({ writeOut: (s) => { text += s; } });
  cmd.outputHelp();
  return text;
};

/** Every option of every command as defined (for the README test): long flag, short flag, value name. */
export const optionTable = (): { command: HelpTopic; long: string; short: string | null; value: string | null }[] => {
  const program = build({ out: '', command: null, result: null });
  return [program, ...program.commands].flatMap((c) => {
    const command = c === program ? 'main' : (c.name() as CommandName);
    const help = c.createHelp();
    return help.visibleOptions(c).map((o) => ({
      command, long: o.long ?? '', short: o.short ?? null, value: /<([^>]+)>/.exec(o.flags)?.[1] ?? null,
    }));
  });
};
