/**
 * `reconcile --help`, each command's `--help` and the README's command line section agree:
 * the synopsis block, and the option table (which command takes which option, with which
 * short flag and value name) against the definitions the command line is parsed with.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS, optionTable, type HelpTopic } from '../../src/cli/args.js';
import { ROOT, runInProcess } from '../support/cli.js';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const section = README.slice(README.indexOf('## Command line\n'), README.indexOf('\n## ', README.indexOf('## Command line\n') + 1));

/** The first fenced block of the section: one synopsis per line. */
const readmeSynopsis = (): string[] => /```\n([\s\S]*?)```/.exec(section)![1]!.trim().split('\n');

type Row = { readonly term: string; readonly short: string | null; readonly commands: readonly HelpTopic[] };

/** The option table: `| \`--out FILE\`, \`-o\` | run, diff, export | … |`, "all" for every command, "reconcile" for the program. */
const optionRows = (): string[] => {
  const lines = section.split('\n');
  const header = lines.indexOf('| option | commands | meaning |');
  expect(header).toBeGreaterThan(0);
  const end = lines.indexOf('', header);
  return lines.slice(header + 2, end);
};
const readmeRows = (): Row[] => optionRows().map((line) => {
  const [first, commands] = line.split(/(?<!\\)\|/).slice(1, 3).map((c) => c.trim()) as [string, string];
  const codes = [...first.matchAll(/`([^`]+)`/g)].map((m) => m[1]!.replaceAll('\\|', '|'));
  const names = commands.split(',').map((c) => c.trim());
  return {
    term: codes[0]!,
    short: codes[1] ?? null,
    commands: names.flatMap((n): HelpTopic[] => (n === 'all' ? [...COMMANDS] : n === 'reconcile' ? ['main'] : [n as HelpTopic])),
  };
});

const key = (command: HelpTopic, long: string): string => `${command} ${long}`;

describe('the README and --help agree', () => {
  it('the option table names only commands that exist', () => {
    const rows = readmeRows();
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) for (const c of r.commands) expect(['main', ...COMMANDS]).toContain(c);
  });

  it('the option table lists every option of every command, with its short flag and value, and nothing else', () => {
    const fromReadme = new Map(readmeRows().filter((r) => r.term.startsWith('-')).flatMap((r) => r.commands.map((c) => {
      const [long, value] = r.term.split(' ') as [string, string | undefined];
      return [key(c, long), { short: r.short, value: value ?? null }] as const;
    })));
    const defined = new Map(optionTable().map((o) => [key(o.command, o.long), { short: o.short, value: o.value }] as const));
    expect([...fromReadme.keys()].sort()).toEqual([...defined.keys()].sort());
    for (const [k, v] of defined) expect(fromReadme.get(k), k).toEqual(v);
  });

  it('the table names the arguments of each command', async () => {
    for (const r of readmeRows().filter((x) => x.term.startsWith('<'))) {
      const name = r.term.replace(/^<|>(\.\.\.)?$/g, '');
      for (const c of COMMANDS) {
        const help = (await runInProcess([c, '--help'])).stdout;
        const args = /\nArguments:\n([\s\S]*?)\n\n/.exec(help)?.[1] ?? '';
        expect(new RegExp(`^  ${name} `, 'm').test(args), `${c} ${name}`).toBe(r.commands.includes(c));
      }
    }
  });

  it("reconcile --help prints the README's synopsis and names every command", async () => {
    const help = await runInProcess(['--help']);
    expect(help.code).toBe(0);
    const synopsis = /\nSynopsis:\n([\s\S]*?)\n\n/.exec(help.stdout)![1]!.split('\n').map((l) => l.trim());
    expect(synopsis).toEqual(readmeSynopsis());
    for (const c of COMMANDS) expect(help.stdout).toMatch(new RegExp(`^  ${c} `, 'm'));
  });

  it("each command's --help lists exactly its options, as the table gives them", async () => {
    const rows = readmeRows();
    for (const c of COMMANDS) {
      const help = await runInProcess([c, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout.startsWith(`Usage: reconcile ${c} `)).toBe(true);
      const options = /\nOptions:\n([\s\S]*?)(\n\n|$)/.exec(help.stdout)![1]!;
      const listed = [...options.matchAll(/^ {2}(?:(-\w), )?(--[\w-]+)(?: <([^>]+)>)?/gm)].map((m) => [m[2], m[1] ?? null, m[3] ?? null]);
      const expected = rows.filter((r) => r.term.startsWith('-') && r.commands.includes(c))
        .map((r) => [r.term.split(' ')[0], r.short, r.term.split(' ')[1] ?? null]);
      expect(listed.sort(), c).toEqual(expected.sort());
    }
  });

  it('the synopsis of each command in the README is what its --help says it takes', async () => {
    for (const line of readmeSynopsis().filter((l) => COMMANDS.some((c) => l.startsWith(`reconcile ${c} `)))) {
      const command = line.split(' ')[1]!;
      const help = (await runInProcess([command, '--help'])).stdout;
      for (const flag of line.match(/--[\w-]+/g) ?? []) expect(help, `${command} ${flag}`).toContain(flag);
    }
  });
});
