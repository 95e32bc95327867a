/**
 * Helpers for the hostile-input suite: run the CLI program in-process against the real file
 * system (stdout and stderr captured), run the real binary, and check that an output's
 * accounting balances and matches the accounting line on stderr.
 */
import { expect } from 'vitest';
import { runBuilt, runInProcess, type Run } from '../support/cli.js';
import type { Output } from '../../src/model/contract.js';

export { runInProcess, type Run };

/** The real binary, as a user runs it. */
export const runBinary = (args: readonly string[], timeout = 120_000) => runBuilt(args, { timeout });

/** A line of a Node stack trace ("    at f (file.js:1:2)"). */
export const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

/** The numbers of the accounting line on stderr (the last line that starts with "reports:"). */
export const accountingLine = (stderr: string): Record<string, number> => {
  const line = stderr.split('\n').filter((l) => l.startsWith('reports: ')).at(-1) ?? '';
  const n = (re: RegExp): number => Number(re.exec(line)?.[1] ?? NaN);
  return {
    reportsRead: n(/reports: (\d+) read/), reportsSkipped: n(/, (\d+) skipped/),
    claimsExtracted: n(/claims: (\d+) extracted/), claimsInIncidents: n(/claims: \d+ extracted, (\d+) in incidents/),
    claimsInAggregates: n(/(\d+) in aggregates/), stancesExtracted: n(/stances: (\d+) extracted/),
    stancesInIncidents: n(/stances: \d+ extracted, (\d+) in incidents/), stancesWithoutIncident: n(/(\d+) without an incident/),
  };
};

/**
 * The accounting balances: every claim is in an incident or an aggregate, every stance in
 * an incident or counted without one, every skipped report has a reason, and the stderr
 * line says the same as the JSON.
 */
export const expectBalanced = (output: Output, stderr?: string): void => {
  const a = output.accounting!;
  expect(a).toBeDefined();
  expect(a.reportsRead).toBe(output.reports.length);
  expect(a.claimsInIncidents).toBe(output.incidents.reduce((n, i) => n + i.tolls.filter((t) => !t.derived).reduce((k, t) => k + t.claims.length, 0), 0));
  expect(a.claimsInAggregates).toBe(output.aggregates.length);
  expect(a.claimsInIncidents + a.claimsInAggregates).toBe(a.claimsExtracted);
  expect(a.stancesInIncidents).toBe(output.incidents.reduce((n, i) => n + i.attributions.reduce((k, t) => k + t.stances.length, 0), 0));
  expect(a.stancesInIncidents + a.stancesWithoutIncident).toBe(a.stancesExtracted);
  const by = a.reportsSkippedBy ?? {};
  expect(Object.values(by).reduce((x, y) => x + y, 0)).toBe(a.reportsSkipped);
  for (const [code, count] of Object.entries(by)) {
    expect(output.warnings.filter((w) => w.code === code).length, code).toBeGreaterThanOrEqual(count);
  }
  if (stderr !== undefined) {
    const { reportsSkippedBy: _, ...numbers } = a;
    expect(accountingLine(stderr)).toEqual(numbers);
    for (const [code, count] of Object.entries(by)) expect(stderr).toContain(`${count} ${code}`);
  }
};

/** Every quote is the text at its span, in the text as the reader decoded it. */
export const expectQuotesIn = (output: Output, texts: Readonly<Record<string, string>>): void => {
  const quoted = [
    ...output.incidents.flatMap((i) => [...i.tolls.flatMap((t) => t.claims), ...i.attributions.flatMap((a) => a.stances)]),
    ...output.aggregates,
  ];
  for (const q of quoted) {
    const text = texts[q.reportId];
    if (text !== undefined) expect(text.slice(q.span[0], q.span[1])).toBe(q.quote);
  }
};

/** Run a case as JSON; assert what must hold for every input (an exit code of 0, 1 or 2, no stack trace, a balanced accounting), and hand back the output. */
export const runJson = async (args: readonly string[]): Promise<{ r: Run; out: Output }> => {
  const r = await runInProcess(['run', ...args, '--format', 'json']);
  expect([0, 1, 2]).toContain(r.code);
  expect(r.stderr).not.toMatch(STACK_LINE);
  expect(r.stderr).not.toMatch(/internal error/);
  const out = JSON.parse(r.stdout) as Output;
  expectBalanced(out, r.stderr);
  return { r, out };
};
