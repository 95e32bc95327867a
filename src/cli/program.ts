/**
 * The CLI program: argv in, exit code out, all IO through the `System` it is given.
 * Usage errors print one line and a hint; an unexpected error prints one line, never a
 * stack trace.
 */
import * as E from 'fp-ts/lib/Either.js';
import { parseCommand } from './args.js';
import { checkRulesCommand } from './check-rules.js';
import { gazetteerCommand } from './gazetteer.js';
import { diffCommand } from './diff.js';
import { inspectCommand } from './inspect.js';
import { EXIT, runCommand } from './run.js';
import type { System } from './system.js';
import { safeLine } from './terminal.js';
import { CHECK_RULES_USAGE, DIFF_USAGE, INSPECT_USAGE, MAIN_USAGE, RUN_USAGE } from './usage.js';
import { addCommand, exportCommand } from './store/commands.js';
import { ADD_USAGE, EXPORT_USAGE } from './store/usage.js';

const USAGE = { main: MAIN_USAGE, run: RUN_USAGE, inspect: INSPECT_USAGE, 'check-rules': CHECK_RULES_USAGE, diff: DIFF_USAGE, add: ADD_USAGE, export: EXPORT_USAGE } as const;

export const program = (sys: System) => async (argv: readonly string[]): Promise<number> => {
  try {
    // gazetteer import: its own command file (src/cli/gazetteer.ts) parses its arguments
    if (argv[0] === 'gazetteer') return await gazetteerCommand(sys)(argv.slice(1));
    const command = parseCommand(argv);
    if (E.isLeft(command)) {
      sys.stderr(`${safeLine(`reconcile: ${command.left.message}`)}\n${command.left.hint}\n`);
      return EXIT.fatal;
    }
    const c = command.right;
    switch (c.kind) {
      case 'help': sys.stdout(USAGE[c.topic]); return EXIT.ok;
      case 'version': sys.stdout(`${await sys.version()}\n`); return EXIT.ok;
      case 'run': return await runCommand(sys)(c.options);
      case 'inspect': return await inspectCommand(sys)(c.options);
      case 'check-rules': return await checkRulesCommand(sys)(c.options);
      case 'diff': return await diffCommand(sys)(c.options);
      case 'add': return await addCommand(sys)(c.options);
      case 'export': return await exportCommand(sys)(c.options);
    }
  } catch (e) {
    sys.stderr(`${safeLine(`reconcile: internal error: ${e instanceof Error ? e.message : String(e)}`)}\n`);
    return EXIT.fatal;
  }
};
