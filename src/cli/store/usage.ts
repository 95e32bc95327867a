/**
 * Usage text for `reconcile add --help` and `reconcile export --help`, and their hints
 * (the incident store's commands; src/cli/usage.ts lists them in the main usage).
 */

export const ADD_USAGE = `Usage: reconcile add <file-or-dir>... --store FILE [options]

Adds reports to an incident store (an embedded DuckDB file, created when missing). Only the
incidents the new reports can reach are clustered again, and incident ids stay stable: an
incident that gains evidence keeps its id; one that splits keeps it on the larger part; when
incidents merge, the one with most mentions keeps its id and the others are retired. Every
change goes to the store's history table with the rules hash and the time. A report whose id
is stored already is skipped (with a warning when its content differs). When the rules differ
from those the store was written under, every stored report is reconciled again, and the
history says so. An add is one transaction: interrupted, it leaves the store as it was.

Options:
  --store FILE        the incident store (required)
  --rules DIR         rule set to use (default: the rules/ directory of this package)
  --quiet, -q         do not print the summary line on stderr
  --strict            exit 1 on any warning, not only on input problems
  --help, -h          show this help

Exit codes: 0 ok; 1 some input had problems (or any warning, with --strict); 2 usage error,
invalid rules, nothing could be read, or the store cannot be opened or written.
`;

export const EXPORT_USAGE = `Usage: reconcile export --store FILE [options]

Prints what the incident store holds as 'reconcile run' would print it for all the reports
the store holds: the same incidents, ranges and disagreements. Incident ids are the store's
stable ids, which differ from run's evidence hashes only where the history table says why.
A store written under other rules is reconciled again first (and the history says so).

Options:
  --store FILE        the incident store (required)
  --rules DIR         rule set to use (default: the rules/ directory of this package)
  --format json|md|html|csv
                      output format, as for 'reconcile run' (default: json)
  --out FILE, -o      write the output to FILE (atomically) instead of stdout
  --quiet, -q         do not print the accounting line on stderr
  --help, -h          show this help

Exit codes: 0 ok; 2 usage error, invalid rules, or no store (or an empty one) at FILE.
`;

export const ADD_HINT = "Run 'reconcile add --help' for usage.";
export const EXPORT_HINT = "Run 'reconcile export --help' for usage.";
