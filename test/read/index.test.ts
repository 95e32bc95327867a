import { describe, expect, it } from 'vitest';
import { ReadCode, readInputs, type InputFile } from '../../src/read/index.js';
import { languageGuessOf } from '../../src/rules/guess.js';
import { shippedRules } from '../support/rules.js';

const file = (path: string, content: string | object): InputFile =>
  ({ path, bytes: new TextEncoder().encode(typeof content === 'string' ? content : JSON.stringify(content)) });
// the shipped rules say how a report that gives no language is given one
const read = readInputs({ languages: languageGuessOf(shippedRules().rules) });

describe('raw text metadata', () => {
  it('takes id, date, outlet, language and url from the reports.json beside the file', () => {
    const r = read([
      file('in/a.txt', 'Five people were killed.'),
      file('in/reports.json', { 'a.txt': { id: 'rep-a', publishedAt: '2018-07-13', outlet: 'reuters', language: 'ar', url: 'https://x', note: 'n' } }),
    ]);
    expect(r.warnings).toEqual([]);
    expect(r.reports).toHaveLength(1);
    expect(r.reports[0]).toMatchObject({ id: 'rep-a', publishedAt: '2018-07-13', outlet: 'reuters', language: 'ar', url: 'https://x', text: 'Five people were killed.', coded: null, origin: 'in/a.txt' });
  });

  it('does not take a manifest from another folder', () => {
    const r = read([file('in/a.txt', 'text'), file('other/reports.json', { 'a.txt': { id: 'rep-a' } })]);
    expect(r.reports.map((x) => x.id)).toEqual(['a']);
  });

  it('reads front matter, and spans index the text after it', () => {
    const r = read([file('in/b.md', '---\nid: rep-b\npublishedAt: 2017-06-27\noutlet: afp\n---\nقتل 57 شخصا')]);
    expect(r.reports[0]).toMatchObject({ id: 'rep-b', publishedAt: '2017-06-27', outlet: 'afp', language: 'ar', text: 'قتل 57 شخصا' });
  });

  it('lets front matter override the manifest field by field', () => {
    const r = read([
      file('in/b.md', '---\noutlet: sana\n---\nbody'),
      file('in/reports.json', { 'b.md': { id: 'rep-b', outlet: 'afp', publishedAt: '2020-01-02' } }),
    ]);
    expect(r.reports[0]).toMatchObject({ id: 'rep-b', outlet: 'sana', publishedAt: '2020-01-02' });
  });

  it('without metadata: id from the file name, no date, no outlet, language guessed', () => {
    const r = read([file('x/004_abc.txt', 'قال المرصد السوري إن 5 أشخاص قتلوا'), file('x/en.txt', 'The Observatory said 5 people died.')]);
    expect(r.reports.map((x) => [x.id, x.publishedAt, x.outlet, x.language])).toEqual([
      ['004_abc', null, null, 'ar'], ['en', null, null, 'en'],
    ]);
  });

  it('removes a leading byte-order mark and changes nothing else', () => {
    const text = 'line one\r\n  line two\u00a0\n';
    const r = read([file('a.txt', `\uFEFF${text}`)]);
    expect(r.reports[0]?.text).toBe(text);
  });

  it('warns about an invalid metadata field, drops it and keeps the rest', () => {
    const r = read([file('in/a.txt', 'x'), file('in/reports.json', { 'a.txt': { id: 'rep-a', publishedAt: '13/07/2018' } })]);
    expect(r.reports[0]).toMatchObject({ id: 'rep-a', publishedAt: null });
    expect(r.warnings).toEqual([expect.objectContaining({ code: ReadCode.invalidManifest, location: expect.stringMatching(/^in\/reports\.json .*publishedAt/) })]);
  });

  it('reports front matter with a YAML error at its line and still reads the body', () => {
    const r = read([file('f.md', '---\nid: ok\noutlet: [unclosed\n---\nbody text')]);
    expect(r.reports[0]?.text).toBe('body text');
    expect(r.warnings).toEqual([expect.objectContaining({ code: ReadCode.invalidFrontMatter, location: expect.stringMatching(/^f\.md:\d+:\d+$/) })]);
  });
});

describe('files and ids', () => {
  it('does not read a reports.json manifest as a report', () => {
    const r = read([file('d/reports.json', { 'a.txt': { id: 'x' } })]);
    expect(r.reports).toEqual([]);
    expect(r.skipped).toBe(0);
  });

  it('keeps the first of two reports with one id (by path) and names both files', () => {
    const r = read([file('b/second.json', { id: 'same', text: 'b' }), file('a/first.txt', 'a'), file('a/reports.json', { 'first.txt': { id: 'same' } })]);
    expect(r.reports.map((x) => x.origin)).toEqual(['a/first.txt']);
    expect(r.skipped).toBe(1);
    const w = r.warnings.find((x) => x.code === ReadCode.duplicateReportId);
    expect(w?.location).toBe('b/second.json');
    expect(w?.message).toContain('a/first.txt');
  });

  it('reads a file that is not UTF-8 with U+FFFD for each bad sequence, and says where the first is', () => {
    const r = read([{ path: 'bad.txt', bytes: new Uint8Array([0x66, 0x0a, 0x67, 0xff, 0x68]) }, file('good.txt', 'ok')]);
    expect(r.reports.map((x) => [x.id, x.text])).toEqual([['bad', 'f\ng\uFFFDh'], ['good', 'ok']]);
    expect(r.skipped).toBe(0);
    expect(r.warnings).toEqual([expect.objectContaining({ code: ReadCode.invalidUtf8, location: 'bad.txt:2:2', message: expect.stringContaining('byte 3') })]);
  });

  it('says a file it cannot use is not a report file', () => {
    const r = read([file('notes.png', 'a,b')]);
    expect(r.warnings).toEqual([expect.objectContaining({ code: ReadCode.unsupported, location: 'notes.png' })]);
    expect(r.skipped).toBe(1);
  });
});

describe('encodings, markup and empty files', () => {
  it('reads UTF-16 with a byte-order mark, with a notice', () => {
    const text = 'قتل 12 مدنيا';
    const bytes = new Uint8Array([0xff, 0xfe, ...[...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    const r = read([{ path: 'u.txt', bytes }]);
    expect(r.reports[0]?.text).toBe(text);
    expect(r.warnings).toEqual([expect.objectContaining({ code: ReadCode.utf16, location: 'u.txt' })]);
  });

  it('locates markup by line and column in the file, front matter included, and keeps the text as read', () => {
    const r = read([file('h.md', '---\nid: h\n---\nقتل\n12 <b>مدنيا</b>')]);
    expect(r.reports[0]?.text).toBe('قتل\n12 <b>مدنيا</b>');
    expect(r.warnings).toEqual([expect.objectContaining({ code: ReadCode.htmlMarkup, location: 'h.md:5:4', reportId: 'h' })]);
  });

  it('skips empty and blank files, counted by reason, and says so', () => {
    const r = read([file('e.txt', ''), file('w.json', ' \n\t'), file('n.ndjson', '\n'), file('ok.txt', 'x')]);
    expect(r.reports.map((x) => x.id)).toEqual(['ok']);
    expect(r.skippedBy).toEqual({ [ReadCode.emptyFile]: 3 });
    expect(r.warnings.map((w) => [w.code, w.location])).toEqual([
      [ReadCode.emptyFile, 'e.txt'], [ReadCode.emptyFile, 'n.ndjson'], [ReadCode.emptyFile, 'w.json'],
    ]);
  });

  it('skips a file larger than the run can take on, unread, and says how large', () => {
    const r = readInputs({}, { maxFileBytes: 1000 })([file('big.txt', 'x'.repeat(1001)), file('ok.txt', 'x'.repeat(1000))]);
    expect(r.reports.map((x) => x.id)).toEqual(['ok']);
    expect(r.skippedBy).toEqual({ [ReadCode.tooLarge]: 1 });
    expect(r.warnings).toEqual([expect.objectContaining({ code: ReadCode.tooLarge, location: 'big.txt', message: expect.stringContaining('the file is 0.0 MB') })]);
  });

  it('counts what was skipped by the code of its warning, and the counts add up', () => {
    const r = read([file('a.json', '{'), file('b.png', 'x'), file('c.json', [{ id: 'c' }, { id: 'c2', text: 'x' }]), file('d.txt', 'dup'), file('e.json', { id: 'd', text: 'y' })]);
    expect(r.skippedBy).toEqual({ [ReadCode.duplicateReportId]: 1, [ReadCode.invalidReport]: 1, [ReadCode.malformedJson]: 1, [ReadCode.unsupported]: 1 });
    expect(Object.values(r.skippedBy).reduce((a, b) => a + b, 0)).toBe(r.skipped);
  });
});

describe('manifest coverage', () => {
  const walked = (path: string, content: string | object): InputFile => ({ ...file(path, content), walked: true });

  it('names a manifest entry whose file is not in a walked folder', () => {
    const r = read([walked('d/a.txt', 'a'), walked('d/reports.json', { 'a.txt': { id: 'a' }, 'gone.txt': { id: 'g' } })]);
    expect(r.warnings).toEqual([expect.objectContaining({ code: ReadCode.manifestMissingFile, location: 'd/reports.json ["gone.txt"]' })]);
  });

  it('does not look for the other files of a manifest brought in beside one file', () => {
    const r = read([file('d/a.txt', 'a'), file('d/reports.json', { 'a.txt': { id: 'a' }, 'other.txt': { id: 'o' } })]);
    expect(r.warnings).toEqual([]);
  });

  it('names a text file the manifest of its folder does not describe, unless it has front matter', () => {
    const r = read([file('d/a.txt', 'a'), file('d/b.txt', 'b'), file('d/c.md', '---\nid: c\n---\nc'), file('d/reports.json', { 'a.txt': { id: 'a' } })]);
    expect(r.reports.map((x) => x.id)).toEqual(['a', 'b', 'c']);
    expect(r.warnings).toEqual([expect.objectContaining({ code: ReadCode.notInManifest, location: 'd/b.txt', reportId: 'b' })]);
  });
});
