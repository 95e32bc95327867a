/**
 * The hostile fixture set (issue 7), generated because it needs odd bytes, symbolic links,
 * a named pipe and file names that are not UTF-8: `buildRaw` and `buildStructured` write one
 * folder per case under a root; the tests in this folder run each case and the whole set.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Write a file (string or bytes), creating its folder. */
export const put = (root: string, path: string, content: string | Uint8Array): string => {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, content);
  return full;
};

export const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

/** UTF-16 bytes of a string, with a byte-order mark. */
export const utf16 = (s: string, littleEndian: boolean): Uint8Array => {
  const units = [0xfeff, ...Array.from({ length: s.length }, (_, i) => s.charCodeAt(i))];
  return new Uint8Array(units.flatMap((u) => (littleEndian ? [u & 0xff, u >> 8] : [u >> 8, u & 0xff])));
};


export const SAID = 'قال المرصد السوري لحقوق الإنسان إن';
export const CLAIM = `${SAID} 12 مدنيا قتلوا في غارة جوية على بلدة هجين.`;
export const front = (id: string): string => `---\nid: ${id}\npublishedAt: 2018-11-05\noutlet: afp\nlanguage: ar\n---\n`;
/** bytes that are not UTF-8 (a bad continuation, a byte UTF-8 never uses) */
export const INVALID = [0xc3, 0x28, 0xff];
/** one line of about 2.5 MB */
export const HUGE_WORDS = 250_000;

/** Raw text cases, one folder each. */
export const buildRaw = (root: string): void => {
  put(root, 'invalid-utf8/r.txt', new Uint8Array([...enc(`${front('bad-bytes')}سطر أول\n`), ...INVALID, ...enc(` ${CLAIM}`)]));
  put(root, 'utf16/le.txt', utf16(`${front('utf16-le')}${CLAIM}`, true));
  put(root, 'utf16/be.txt', utf16(`${front('utf16-be')}${CLAIM}`, false));
  put(root, 'crlf/r.txt', `${front('crlf')}سطر أول\n${CLAIM}\n`.replaceAll('\n', '\r\n'));
  put(root, 'nul/r.txt', `${front('nul')}${CLAIM.replaceAll(' ', '\u0000 ')}`);
  put(root, 'bidi/r.txt', `${front('bidi')}${SAID} 12 \u202eمدنيا\u202c \u2066قتلوا\u2069 في غارة جوية على بلدة هجين.`);
  put(root, 'html/r.txt', `${front('html')}<!DOCTYPE html><html><head><script>window.__pwned=1; "${SAID} 99 مدنيا قتلوا"</script><style>p{}</style></head>`
    + `<body><p>${SAID}&nbsp;<b>12</b>&nbsp;<img src=x onerror="window.__pwned=1">مدنيا قتلوا في غارة جوية على بلدة هجين.</p>`
    + '<a href="javascript:window.__pwned=1">x</a><!-- 40 قتيلا --></body></html>');
  put(root, 'empty/e.txt', '');
  put(root, 'empty/b.md', '\n  \t\n');
  put(root, 'empty/ok.txt', `${front('not-empty')}${CLAIM}`);
  put(root, 'huge-line/r.txt', `${front('huge')}${CLAIM} ${'كلمة '.repeat(HUGE_WORDS)}${SAID} 7 أطفال قتلوا في غارة جوية على بلدة هجين.`);
  put(root, 'numbers/comma.txt', `${front('comma')}${SAID} 1,200 مدني قتلوا في غارات على بلدة هجين.`);
  put(root, 'numbers/dot.txt', `${front('dot')}${SAID} 1.200 مدني قتلوا في غارات على بلدة هجين.`);
  put(root, 'numbers/arabic.txt', `${front('arabic')}${SAID} ١٬٢٠٠ مدني قتلوا في غارات على بلدة هجين.`);
  put(root, 'numbers/thousand.txt', `${front('thousand')}${SAID} ${'9'.repeat(1000)} مدني قتلوا في غارات على بلدة هجين.`);
  put(root, 'duplicate-ids/a/first.txt', `${front('same')}${CLAIM}`);
  put(root, 'duplicate-ids/b/second.txt', `${front('same')}${SAID} 30 مدنيا قتلوا في غارة جوية على بلدة هجين.`);
  put(root, 'manifest/reports.json', JSON.stringify({
    'a.txt': { id: 'listed', publishedAt: '2018-11-05', outlet: 'afp', language: 'ar' },
    'gone.txt': { id: 'gone', publishedAt: '2018-11-05' },
  }));
  put(root, 'manifest/a.txt', CLAIM);
  put(root, 'manifest/stray.txt', CLAIM);
  put(root, 'symlinks/ok.txt', `${front('beside-links')}${CLAIM}`);
  put(root, 'symlinks-target/inside.txt', `${front('behind-a-link')}${CLAIM}`);
  symlinkSync('loop.txt', join(root, 'symlinks/loop.txt'));
  symlinkSync('b.txt', join(root, 'symlinks/a.txt'));
  symlinkSync('a.txt', join(root, 'symlinks/b.txt'));
  symlinkSync('nowhere.txt', join(root, 'symlinks/broken.txt'));
  symlinkSync('../symlinks-target', join(root, 'symlinks/dir-link'));
  symlinkSync('..', join(root, 'symlinks/up'));
  put(root, 'unreadable/ok.txt', `${front('readable')}${CLAIM}`);
  put(root, 'unreadable/locked.txt', CLAIM);
  execFileSync('mkfifo', [join(root, 'unreadable/pipe.txt')]);
  put(root, 'names/ok.txt', `${front('named-ok')}${CLAIM}`);
  // a file name that is not UTF-8 (bytes "bad\xff.txt"), and one with a terminal escape and a bidi override
  execFileSync('sh', ['-c', `printf '%s' "${CLAIM}" > "$(printf 'bad\\377.txt')"`], { cwd: join(root, 'names') });
  put(root, 'names/evil\u001b[31m\u202e.bin', 'a,b');
};

/** Structured reports: one text, hand-coded claims on it. */
export const TEXT = 'قال المرصد السوري إن 12 مدنيا قتلوا و3 أصيبوا في غارة على هجين.';
const at = (quote: string): [number, number] => { const i = TEXT.indexOf(quote); return [i, i + quote.length]; };
export const claim = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  source: 'sohr', outcome: 'killed', group: 'civilians', value: 12, quote: '12 مدنيا', span: at('12 مدنيا'),
  date: '2018-11-04', places: ['hajin'], ...over,
});
export const injured = claim({ outcome: 'injured', group: 'all', value: 3, quote: '3 أصيبوا', span: at('3 أصيبوا') });
export const report = (id: string, claims: unknown[], over: Record<string, unknown> = {}): Record<string, unknown> =>
  ({ id, publishedAt: '2018-11-05', outlet: 'afp', language: 'ar', text: TEXT, claims, ...over });
const json = (v: unknown): string => JSON.stringify(v, null, 1);

/** Structured input cases, one folder each. */
export const buildStructured = (root: string): void => {
  put(root, 'schema/recs.json', json([report('ok', [claim()]), { id: 'bad-date', publishedAt: '13/07/2018', text: 'x' }, { id: 5, text: 'x' }, 42, null, [1]]));
  put(root, 'strings/s.json', json(report('strings', [claim({ value: '54' }), claim({ span: [at('12 مدنيا')[0], String(at('12 مدنيا')[1])] }), injured])));
  put(root, 'extra/e.json', json(report('extra', [claim({ confidence: 'high' }), injured], { notes: 'from the sheet', row: 7 })));
  put(root, 'proto/p.json', `[${json(report('constructor', [claim()]))},`
    + `{"id":"__proto__","publishedAt":"2018-11-05","text":${JSON.stringify(TEXT)},"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},`
    + `"claims":[${JSON.stringify(claim({ value: 13 })).replace(/^\{/, '{"__proto__":{"value":999},')}]},`
    + `${json(report('toString', [claim({ value: 14 })]))}]`);
  put(root, 'proto/fm.md', '---\nid: front-proto\n__proto__:\n  id: polluted\nconstructor: x\n---\nنص');
  put(root, 'absurd/a.json', `[{"id":"absurd","publishedAt":"2018-11-05","language":"ar","text":${JSON.stringify(TEXT)},"claims":[`
    + [claim({ value: -5 }), claim({ value: 2.5 }), claim({ value: 5_000_000 }), claim({ value: 3_000_000, aggregate: true, group: 'all' }), injured]
      .map((c) => JSON.stringify(c)).join(',')
    + `,${JSON.stringify(claim()).replace('"value":12', '"value":1e999')}]}]`);
  put(root, 'absurd/n.ndjson', `${JSON.stringify(report('nan-ok', [injured]))}\n{"id":"nan","text":"x","claims":[{"value":NaN}]}\n`);
  put(root, 'truncated/t.json', json([report('cut', [claim()])]).slice(0, 120));
  put(root, 'truncated/ok.json', json(report('whole', [claim()])));
  put(root, 'deep/d.json', '['.repeat(100_000));
  put(root, 'deep/ok.json', json(report('shallow', [claim()])));
  // markup in every field a renderer shows: id, outlet, quotes, event, places, relays
  const script = '<script>window.__pwned=1</script>';
  const [q1, q2, q3] = ['12 <img src=x onerror="window.__pwned=1">مدنيا', '3 أصيبوا', 'غارة <a href="javascript:window.__pwned=1">للتحالف</a>'];
  const marked = `قال المرصد ${script} إن ${q1} قتلوا و${q2} في ${q3} على هجين.`;
  const span = (q: string): [number, number] => [marked.indexOf(q), marked.indexOf(q) + q.length];
  put(root, 'markup/m.json', json({
    id: 'hostile-"><svg onload=window.__pwned=1>', publishedAt: '2018-11-05', outlet: script, language: 'ar', url: 'javascript:window.__pwned=1', text: marked,
    claims: [
      claim({ quote: q1, span: span(q1), event: `e${script}`, places: ['hajin'] }),
      claim({ outcome: 'injured', group: 'all', value: 3, quote: q2, span: span(q2), event: `e${script}`, via: 'afp' }),
    ],
    stances: [{ source: 'sohr', actor: 'coalition', stance: 'asserts', quote: q3, span: span(q3), event: `e${script}` }],
  }));
  put(root, 'ndjson/l.ndjson', [report('line-1', [claim()]), '{oops', '', report('line-4', [injured])]
    .map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join('\r\n'));
};
