import { describe, expect, it } from 'vitest';
import { isManifest, splitFrontMatter } from '../../src/read/meta.js';

describe('splitFrontMatter', () => {
  it('finds a block with CRLF line ends and returns the body after it', () => {
    expect(splitFrontMatter('---\r\nid: a\r\n---\r\nbody\r\n')).toEqual({ kind: 'found', data: { id: 'a' }, body: 'body\r\n' });
  });
  it('reads an empty block as no metadata', () => {
    expect(splitFrontMatter('---\n---\nbody')).toEqual({ kind: 'found', data: {}, body: 'body' });
  });
  it('leaves text that does not start with --- alone', () => {
    expect(splitFrontMatter('\n---\nid: a\n---\n')).toEqual({ kind: 'none' });
  });
  it('reports a block that is never closed, and keeps the whole text as the body', () => {
    expect(splitFrontMatter('---\nid: a\nbody')).toMatchObject({ kind: 'broken', line: 1, body: '---\nid: a\nbody' });
  });
  it('locates a YAML error by its line in the file', () => {
    expect(splitFrontMatter('---\nid: a\nid: b\n---\nbody')).toMatchObject({ kind: 'broken', line: 3, column: 1, body: 'body' });
  });
});

describe('isManifest', () => {
  it('is an object of objects, not a report', () => {
    expect(isManifest({ 'a.txt': { id: 'x' } })).toBe(true);
    expect(isManifest({ id: 'r', text: 't' })).toBe(false);
    expect(isManifest([{ id: 'r' }])).toBe(false);
  });
});
