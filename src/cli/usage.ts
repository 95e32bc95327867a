/**
 * Usage text for `reconcile --help` and each command's `--help` (run, inspect, check-rules, diff).
 * Commands of the contract that are not built yet are listed as such, never stubbed.
 */

export const MAIN_USAGE = `reconcile: reconcile casualty claims about airstrikes in Syria across reports

Usage:
  reconcile run <file-or-dir>... [--rules DIR] [--format json|md|html|csv] [--out FILE] [--quiet] [--strict]
  reconcile inspect <incident-id> <file-or-dir>... [--rules DIR]
  reconcile check-rules [--rules DIR] [--runs N] [--seed S]
  reconcile diff --against DIR [--rules DIR] <file-or-dir>... [--format text|json]
  reconcile add <file-or-dir>... --store FILE [--rules DIR] [--quiet] [--strict]
  reconcile export --store FILE [--rules DIR] [--format json|md|html|csv] [--out FILE]
  reconcile --help | --version
  reconcile <command> --help

Commands:
  run           read reports, extract and reconcile their claims into incidents
  inspect       explain how one incident was assembled: figures, stances, disagreements,
                and why its reports were joined and near candidates kept apart
  check-rules   validate a rule set, then test the engine's invariants under it
  diff          what one rule set changes compared with another, on the same reports
  add           add reports to an incident store (DuckDB), keeping incident ids stable
  export        print what an incident store holds, as run would

Exit codes: 0 ok; 1 some input had problems (or any warning, with --strict), or a
check-rules property failed; 2 usage error, invalid rules, or nothing could be read.
`;

export const RUN_USAGE = `Usage: reconcile run <file-or-dir>... [options]

Reads reports and prints the reconciled incidents. Directories are read recursively.
  .txt, .md       raw report text; metadata from reports.json beside it or front matter
  .json, .ndjson  structured reports, optionally with hand-coded claims and stances
                  (an .ndjson file over 16 MB is read as a stream, report by report)

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
  --quiet, -q         no progress line (shown on a terminal for 300 reports or more)
                      and no accounting line on stderr
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

export const CHECK_RULES_USAGE = `Usage: reconcile check-rules [options]

Validates a rule set (every problem of every file, with its file and path), then runs the
engine's invariants under it as property tests: reports are generated from the rule set's
own sources, actors, places and, per language, its number words, qualifiers, victim words,
stance cues and date words, and each property must hold for all of them:

  order-independence      the output does not depend on the order of reports, mentions, claims
  idempotence             reconciling an incident's mentions again gives the same incident
  ranges-contain-figures  every stated figure lies within its range
  best-within-range       every best estimate lies within [min, max]
  claims-conserved        no claim lost or duplicated; the accounting balances
  adding-never-narrows    adding a claim never narrows a range
  parts-within-wholes     a part's best never exceeds its whole's (children ≤ civilians ≤ all)
  date-window             mentions further apart than dateWindowDays never merge
  output-contract         the output meets the contract schema
  extraction[LANG]        extraction never throws and every quote matches its span

Options:
  --rules DIR         rule set to check (default: the rules/ directory of this package)
  --runs N            generated cases per property (default: 200)
  --seed S            seed of the generator (default: a fresh one, printed)
  --property NAME     check only this property (repeatable)
  --path P            with --seed and one --property: replay the failure printed with that path
  --help, -h          show this help

One line per property (runs and time). A failure prints the smallest counterexample found,
what it violates, and the command that replays it.
Exit codes: 0 every property holds; 1 a property fails; 2 usage error or invalid rules.
`;

export const DIFF_USAGE = `Usage: reconcile diff --against DIR [--rules DIR] <file-or-dir>... [options]

Reconciles the same reports under two rule sets and shows what the rule set given with
--rules changes compared with the one given with --against: incidents added, removed,
split, merged or regrouped (matched by the claims and stances they hold, since incident ids
change with membership), and for the same incident every range, best estimate, grade,
attribution status, date, place and disagreement that changed (before → after); also
aggregates and warnings that appear or disappear.

Options:
  --against DIR       the rule set to compare with: "before" (required)
  --rules DIR         the rule set to try: "after" (default: the rules/ directory of this package)
  --format text|json  text for people (default), or JSON
  --out FILE, -o      write to FILE (atomically) instead of stdout
  --help, -h          show this help

Two rule sets that give the same results print "no differences".
Exit codes: 0 ok (with or without differences); 1 some input had problems; 2 usage error,
invalid rules (either set), or nothing could be read.
`;

export const HINT = "Run 'reconcile --help' for usage.";
export const RUN_HINT = "Run 'reconcile run --help' for usage.";
export const INSPECT_HINT = "Run 'reconcile inspect --help' for usage.";
export const CHECK_RULES_HINT = "Run 'reconcile check-rules --help' for usage.";
export const DIFF_HINT = "Run 'reconcile diff --help' for usage.";
