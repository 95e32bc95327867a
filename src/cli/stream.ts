/**
 * Reading a large .ndjson file as a stream: chunks of bytes decoded as UTF-8 as they come,
 * cut into lines and read record by record (src/read/ndjson-stream.ts), so neither the file
 * nor its text is ever held whole. Anything the whole-file reader has more to say about
 * (UTF-16, invalid UTF-8, a blank file) is left to it: the stream then gives up.
 */
import type { KnownIds } from '../read/index.js';
import { lineSplitter, ndjsonReader } from '../read/ndjson-stream.js';
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
};

/** The file read record by record, or null when it must be read whole. */
export const streamNdjson = async (sys: System, path: string, known: KnownIds, options: StreamOptions = {}): Promise<FileRead | null> => {
  if (!sys.readChunks) return null;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const lines = lineSplitter();
  const reader = ndjsonReader(path, known, options.keep);
  let first = true;
  let bytes = 0;
  try {
    for await (const chunk of sys.readChunks(path)) {
      if (first && utf16Mark(chunk)) return null;
      first = false;
      bytes += chunk.length;
      options.progress?.(bytes);
      for (const line of lines.push(decoder.decode(chunk, { stream: true }))) reader.line(line);
    }
    for (const line of lines.push(decoder.decode())) reader.line(line);
  } catch {
    return null; // invalid UTF-8: the whole-file reader locates it
  }
  for (const line of lines.end()) reader.line(line);
  return reader.blank() ? null : reader.end();
};
