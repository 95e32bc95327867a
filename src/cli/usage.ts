/**
 * Usage text for `reconcile --help`, `reconcile run --help` and `reconcile inspect --help`.
 * Commands of the contract that are not built yet are listed as such, never stubbed.
 */

export const MAIN_USAGE = `reconcile: reconcile casualty claims about airstrikes in Syria across reports

Usage:
  reconcile run <file-or-dir>... [--rules DIR] [--format json|md|html|csv] [--out FILE] [--quiet] [--strict]
  reconcile inspect <incident-id> <file-or-dir>... [--rules DIR]
  reconcile --help | --version
  reconcile run --help | reconcile inspect --help

Commands:
  run           read reports, extract and reconcile their claims into incidents
  inspect       explain how one incident was assembled: figures, stances, disagreements,
                and why its reports were joined and near candidates kept apart

Not yet available:
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
  --format json|md|html|csv
                      output format (default: json):
                        json  the output contract (CONTRACT.md)
                        md    a Markdown report
                        html  one self-contained page: sortable, filterable index, a range
                              chart and stance table per incident (no network, prints cleanly)
                        csv   one row per incident and victim category (RFC 4180), for R or pandas
  --out FILE, -o      write the output to FILE (atomically) instead of stdout
  --quiet, -q         do not print the accounting line on stderr
  --strict            exit 1 on any warning, not only on input problems
  --help, -h          show this help

Warnings go to stderr, one line each with its location, and are listed in the output.
Exit codes: 0 ok; 1 some input had problems (or any warning, with --strict); 2 usage error,
invalid rules, or nothing could be read.
`;

export const INSPECT_USAGE = `Usage: reconcile inspect <incident-id> <file-or-dir>... [options]

Reconciles the inputs as 'reconcile run' does and explains one incident: its date, places
and reports; every figure per victim category with source, qualifier, relaying outlet,
report and quote; the range and best estimate with the policy that chose it; who says who
carried it out, side by side; every disagreement; which compared mention pairs were joined
(with the comparison levels each hit) and which near candidates were kept apart, and why.

  <incident-id>       an id from 'reconcile run' output, or any unique prefix of it
                      (the 'inc-' may be left out)

Options:
  --rules DIR         rule set to use (default: the rules/ directory of this package)
  --help, -h          show this help

Arabic quotes are wrapped in bidirectional isolates so a terminal that supports them shows
them right to left. Exit codes: 0 ok; 1 some input had problems; 2 usage error, an id that
matches no incident or several (they are listed), invalid rules, or nothing could be read.
`;

export const HINT = "Run 'reconcile --help' for usage.";
export const RUN_HINT = "Run 'reconcile run --help' for usage.";
export const INSPECT_HINT = "Run 'reconcile inspect --help' for usage.";
