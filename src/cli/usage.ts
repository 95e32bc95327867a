/**
 * Usage text for `reconcile --help` and `reconcile run --help`. Commands of the contract
 * that are not built yet are listed as such, never stubbed.
 */

export const MAIN_USAGE = `reconcile: reconcile casualty claims about airstrikes in Syria across reports

Usage:
  reconcile run <file-or-dir>... [--rules DIR] [--format json|md] [--out FILE] [--quiet] [--strict]
  reconcile --help | --version
  reconcile run --help

Commands:
  run           read reports, extract and reconcile their claims into incidents

Not yet available:
  inspect       explain how one incident was assembled
  check-rules   validate and stress-test a rule set
  diff          compare the output of two rule sets

Exit codes: 0 ok; 1 some input had problems (or any warning, with --strict); 2 usage error,
invalid rules, or nothing could be read.
`;

export const RUN_USAGE = `Usage: reconcile run <file-or-dir>... [options]

Reads reports and prints the reconciled incidents. Directories are read recursively.
  .txt, .md       raw report text; metadata from reports.json beside it or front matter
  .json, .ndjson  structured reports, optionally with hand-coded claims and stances

Options:
  --rules DIR         rule set to use (default: the rules/ directory of this package)
  --format json|md    output format (default: json)
  --out FILE, -o      write the output to FILE (atomically) instead of stdout
  --quiet, -q         do not print the accounting line on stderr
  --strict            exit 1 on any warning, not only on input problems
  --help, -h          show this help

Warnings go to stderr, one line each with its location, and are listed in the output.
Exit codes: 0 ok; 1 some input had problems (or any warning, with --strict); 2 usage error,
invalid rules, or nothing could be read.
`;

export const HINT = "Run 'reconcile --help' for usage.";
export const RUN_HINT = "Run 'reconcile run --help' for usage.";
