import { describe, expect, it } from 'vitest';
import { gatherInputs } from '../../src/cli/inputs.js';
import { fakeSystem } from './fake-system.js';

const tree = {
  'data/a.txt': 'a',
  'data/reports.json': '{}',
  'data/sub/deeper/b.json': '[]',
  'data/sub/c.ndjson': '',
  'data/sub/notes.yaml': 'x: 1',
  'data/.hidden/d.txt': 'd',
  'data/node_modules/e.txt': 'e',
  'single/f.md': 'f',
  'single/reports.json': '{}',
  'single/other.txt': 'o',
};

describe('gatherInputs', () => {
  it('walks directories recursively for report files, skipping hidden entries and node_modules, and names every other file it finds', async () => {
    const r = await gatherInputs(fakeSystem(tree), ['data/']);
    expect(r.files.map((f) => f.path)).toEqual(['data/a.txt', 'data/reports.json', 'data/sub/c.ndjson', 'data/sub/deeper/b.json']);
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'not-a-report', location: 'data/sub/notes.yaml' })]);
    expect(r.unsupported).toBe(1);
  });

  it('brings the manifest beside a text file named on its own, and nothing else from its folder', async () => {
    const r = await gatherInputs(fakeSystem(tree), ['single/f.md']);
    expect(r.files.map((f) => f.path)).toEqual(['single/f.md', 'single/reports.json']);
  });

  it('reads a file reached twice once, whatever the order of the paths', async () => {
    const one = await gatherInputs(fakeSystem(tree), ['./single', 'single/f.md']);
    const two = await gatherInputs(fakeSystem(tree), ['single/f.md', 'single']);
    expect(one.files.map((f) => f.path)).toEqual(['single/f.md', 'single/other.txt', 'single/reports.json']);
    expect(two.files.map((f) => f.path)).toEqual(one.files.map((f) => f.path));
  });

  it('warns about a missing path and counts it as unreadable', async () => {
    const r = await gatherInputs(fakeSystem(tree), ['nope.txt', 'single/f.md']);
    expect(r.unreadable).toBe(1);
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'unreadable-input', location: 'nope.txt' })]);
  });

  it('warns about a directory without report files', async () => {
    const r = await gatherInputs(fakeSystem({ 'empty/x.yaml': '' }), ['empty']);
    expect(r.files).toEqual([]);
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'unreadable-input', location: 'empty' }),
      expect.objectContaining({ code: 'not-a-report', location: 'empty/x.yaml' })]);
  });
});
