/**
 * Reading a large .ndjson file as a stream: chunks of bytes decoded as UTF-8 as they come,
 * cut into lines and read record by record (src/read/ndjson-stream.ts), so neither the file
 * nor its text is ever held whole. A file the whole-file reader can take is left to it when
 * it has more to say (UTF-16, invalid UTF-8, a blank file): the stream then gives up. A file
 * too large to read whole is read leniently instead: invalid bytes as U+FFFD, with the same
 * warning the whole-file reader gives (B7: such a file over 2 GiB aborted the run).
 */
import type { Warning } from '../model/contract.js';
import type { KnownIds } from '../read/index.js';
import { ReadCode } from '../read/index.js';
import { utf8Scanner } from '../read/decode.js';
import { lineSplitter, ndjsonReader } from '../read/ndjson-stream.js';
import { readWarning } from '../read/problems.js';
import type { FileRead } from '../read/structured.js';
import type { Report } from '../model/report.js';
import type { System } from './system.js';

/** .ndjson files larger than this are streamed (smaller ones are read whole, with every check). */
export const STREAM_FROM_BYTES = 16 * 1024 * 1024;

const utf16Mark = (b: Uint8Array): boolean => b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff));

/** How a streamed file is taken in: what to hold of each report, and where the reading is (in bytes). */
export type StreamOptions = {
  readonly keep?: (r: Report) => Report;
  readonly progress?: (bytesRead: number) => void;
  /** the longest line held (characters): a longer one is refused with `too-large` */
  readonly maxLine?: number;
  /** the file is too large to be read whole: invalid UTF-8 is read as U+FFFD and warned about, not given up on */
  readonly lenient?: boolean;
};

/** Where text ends, line and column, once `text` follows what ended at `from`. */
const advanced = (from: { line: number; column: number }, text: string): { line: number; column: number } => {
  const nl = text.lastIndexOf('\n');
  if (nl < 0) return { line: from.line, column: from.column + text.length };
  let line = from.line;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) line++;
  return { line, column: text.length - nl - 1 };
};

const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;

/** The file read record by record, or null when it must be read whole (or, lenient, cannot be read as UTF-8 at all). */
export const streamNdjson = async (sys: System, path: string, known: KnownIds, options: StreamOptions = {}): Promise<FileRead | null> => {
  if (!sys.readChunks) return null;
  const lenient = options.lenient ?? false;
  const decoder = new TextDecoder('utf-8', { fatal: !lenient });
  const lines = lineSplitter(options.maxLine);
  const reader = ndjsonReader(path, known, options.keep);
  const scan = lenient ? utf8Scanner() : null;
  // the line the text so far ends in, and its length in characters (to locate invalid bytes as the whole-file reader does)
  let at = { line: 1, column: 0 };
  let invalidAt: string | null = null;
  const take = (text: string): void => {
    for (const line of lines.push(text)) reader.line(line);
    if (scan && invalidAt === null) at = advanced(at, text);
  };
  let first = true;
  let bytes = 0;
  try {
    for await (const chunk of sys.readChunks(path)) {
      if (first && utf16Mark(chunk)) return null;
      bytes += chunk.length;
      options.progress?.(bytes);
      if (scan && invalidAt === null) {
        const s = scan.push(chunk);
        if (s.firstAt >= 0) {
          // where the first invalid sequence is: the text of the bytes before it, as a fresh decoder reads them
          const before = new TextDecoder('utf-8', { ignoreBOM: !first }).decode(Buffer.concat([s.carried, chunk]).subarray(0, s.firstAt));
          const { line, column } = advanced(at, before);
          invalidAt = `${path}:${line}:${column + 1}`;
        }
      }
      first = false;
      take(decoder.decode(chunk, { stream: true }));
    }
    take(decoder.decode());
  } catch {
    return null; // invalid UTF-8: the whole-file reader locates it
  }
  for (const line of lines.end()) reader.line(line);
  if (reader.blank()) return null;
  const read = reader.end();
  const found = scan?.push(new Uint8Array(0), true) && scan.result();
  if (!found) return read;
  const warning: Warning = readWarning(ReadCode.invalidUtf8, invalidAt ?? path,
    `not valid UTF-8: ${plural(found.count, 'invalid byte sequence')}, the first at byte ${found.byte}; each is read as U+FFFD and spans index the text with them`);
  return { ...read, warnings: [warning, ...read.warnings] };
};
