import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/cli/args.js';

describe('parseCommand', () => {
  it('reads run with every option', () => {
    expect(parseCommand(['run', 'a', 'b/', '--rules', 'r', '--format', 'md', '-o', 'out.md', '--quiet', '--strict'])).toEqual(E.right({
      kind: 'run', options: { inputs: ['a', 'b/'], rules: 'r', format: 'md', out: 'out.md', quiet: true, strict: true },
    }));
  });

  it('defaults to JSON on stdout with the package rules', () => {
    expect(parseCommand(['run', 'x'])).toEqual(E.right({
      kind: 'run', options: { inputs: ['x'], rules: null, format: 'json', out: null, quiet: false, strict: false },
    }));
  });

  it.each([
    [['--help'], 'main'], [['-h'], 'main'], [['help'], 'main'], [['help', 'run'], 'run'], [['run', '--help'], 'run'], [['run', 'x', '-h'], 'run'], [['help', 'inspect'], 'inspect'], [['inspect', 'x', '--help'], 'inspect'],
  ])('%j asks for help on %s', (argv, topic) => {
    expect(parseCommand(argv)).toEqual(E.right({ kind: 'help', topic }));
  });

  it.each([
    [[], 'no command'],
    [['frobnicate'], 'unknown command'],
    [['--frob'], 'unknown option'],
    [['run'], 'at least one'],
    [['run', 'x', '--bogus'], "Unknown option '--bogus'"],
    [['run', 'x', '--format', 'xml'], "unknown format 'xml'"],
    [['run', 'x', '--rules'], 'argument missing'],
    [['inspect'], 'needs an incident id'],
    [['inspect', 'inc-1'], 'at least one file'],
    [['inspect', 'inc-1', 'x', '--format', 'md'], "Unknown option '--format'"],
    [['check-rules', '--runs', '0'], '--runs must be a whole number'],
    [['check-rules', '--seed', 'abc'], '--seed must be a whole number'],
    [['check-rules', '--path', '1:2'], 'exactly one --property'],
    [['check-rules', 'rules/'], 'takes no file or directory'],
    [['diff', 'x'], 'needs --against'],
    [['diff', '--against', 'a'], 'at least one file'],
    [['diff', '--against', 'a', 'x', '--format', 'md'], "unknown format 'md'"],
  ])('%j is a usage error (%s), with a hint, on one line', (argv, fragment) => {
    const r = parseCommand(argv);
    expect(E.isLeft(r) && r.left.message).toContain(fragment);
    expect(E.isLeft(r) && r.left.message.includes('\n')).toBe(false);
    expect(E.isLeft(r) && r.left.hint).toMatch(/--help/);
  });

  it.each([
    [['rn', 'x'], "unknown command 'rn' (did you mean run?)", 'main'],
    [['inspec', 'inc-1', 'x'], "unknown command 'inspec' (did you mean inspect?)", 'main'],
    [['run', 'x', '--qiet'], "Unknown option '--qiet' (did you mean --quiet?)", 'run'],
    [['run', 'x', '--fromat', 'md'], "Unknown option '--fromat' (did you mean --format?)", 'run'],
    [['diff', 'x', '--agaisnt', 'a'], "Unknown option '--agaisnt' (did you mean --against?)", 'diff'],
    [['--hlep'], "unknown option '--hlep' (did you mean --help?)", 'main'],
  ])('%j suggests the nearest command or option', (argv, message, topic) => {
    expect(parseCommand(argv)).toEqual(E.left({ message, hint: topic === 'main' ? "Run 'reconcile --help' for usage." : `Run 'reconcile ${topic} --help' for usage.` }));
  });

  it('gives the same short flags the same meaning in every command', () => {
    expect(parseCommand(['inspect', 'inc-1', 'x', '-q'])).toEqual(E.right({ kind: 'inspect', options: { id: 'inc-1', inputs: ['x'], rules: null, quiet: true } }));
    for (const argv of [['run', 'x'], ['add', 'x', '--store', 's'], ['export', '--store', 's']]) {
      const r = parseCommand([...argv, '-q']);
      expect(E.isRight(r) && 'options' in r.right && (r.right.options as { quiet?: boolean }).quiet, argv.join(' ')).toBe(true);
    }
    for (const argv of [['run', 'x'], ['diff', 'x', '--against', 'a'], ['export', '--store', 's']]) {
      const r = parseCommand([...argv, '-o', 'f']);
      expect(E.isRight(r) && 'options' in r.right && (r.right.options as { out?: string }).out, argv.join(' ')).toBe('f');
    }
    expect(parseCommand(['-v'])).toEqual(E.right({ kind: 'version' }));
    expect(parseCommand(['--version'])).toEqual(E.right({ kind: 'version' }));
  });

  it('reads a repeated --property, and the defaults of check-rules', () => {
    expect(parseCommand(['check-rules', '--property', 'idempotence', '--property', 'date-window'])).toEqual(E.right({
      kind: 'check-rules', options: { rules: null, runs: 200, seed: null, properties: ['idempotence', 'date-window'], path: null },
    }));
  });
});
