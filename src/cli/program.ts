/**
 * The CLI program: argv in, exit code out, all IO through the `System` it is given.
 * Usage errors print one line and a hint; an unexpected error prints one line, never a
 * stack trace. A command's implementation is loaded only when that command runs, so
 * `--help`, `--version` and usage errors load the argument parser and nothing else.
 */
import * as E from 'fp-ts/lib/Either.js';
import { helpText, parseCommand } from './args.js';
import { EXIT } from './exit.js';
import type { System } from './system.js';
import { safeLine } from './terminal.js';

export const program = (sys: System) => async (argv: readonly string[]): Promise<number> => {
  try {
    const command = parseCommand(argv);
    if (E.isLeft(command)) {
      sys.stderr(`${safeLine(`reconcile: ${command.left.message}`)}\n${command.left.hint}\n`);
      return EXIT.fatal;
    }
    const c = command.right;
    switch (c.kind) {
      case 'help': sys.stdout(helpText(c.topic)); return EXIT.ok;
      case 'version': sys.stdout(`${await sys.version()}\n`); return EXIT.ok;
      case 'run': return await (await import('./run.js')).runCommand(sys)(c.options);
      case 'inspect': return await (await import('./inspect.js')).inspectCommand(sys)(c.options);
      case 'check-rules': return await (await import('./check-rules.js')).checkRulesCommand(sys)(c.options);
      case 'diff': return await (await import('./diff.js')).diffCommand(sys)(c.options);
      case 'add': return await (await import('./store/commands.js')).addCommand(sys)(c.options);
      case 'export': return await (await import('./store/commands.js')).exportCommand(sys)(c.options);
      case 'review': return await (await import('./review.js')).reviewCommand(sys)(c.options);
      case 'gazetteer': return await (await import('./gazetteer.js')).gazetteerCommand(sys)(c.options);
    }
  } catch (e) {
    sys.stderr(`${safeLine(`reconcile: internal error: ${e instanceof Error ? e.message : String(e)}`)}\n`);
    return EXIT.fatal;
  }
};
