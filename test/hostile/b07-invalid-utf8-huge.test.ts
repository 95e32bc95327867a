/**
 * B7: an .ndjson over 2 GiB that is not valid UTF-8 aborted the run ("internal error", exit
 * 2): the stream gave the file up to the whole-file reader, which Node cannot give 2 GiB.
 * A file too large to read whole is streamed leniently: invalid bytes as U+FFFD, with the
 * warning (and location) the whole-file reader gives. Limits lowered here, so the whole-file
 * read is out of reach; `npm run fuzz` runs the 3 GB file.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Output } from '../../src/model/contract.js';
import { nodeSystem } from '../../src/cli/system.js';
import { CLAIM, put } from './fixtures.js';
import { expectGoodReconciled, expectLocated, putGood, scratch } from './breaks-support.js';
import { expectBalanced, runInProcess } from './support.js';

const dir = scratch('b07');
const line = (id: string): string => JSON.stringify({ id, language: 'ar', text: CLAIM });

describe('B7: invalid UTF-8 in an .ndjson too large to read whole', () => {
  const inputs = join(dir, 'in');
  putGood(inputs);
  const bad = put(inputs, 'bad.ndjson', Buffer.concat([Buffer.from(`${line('one')}\n${line('two')}\n`), Buffer.from([0xff, 0xc3, 0x28]), Buffer.from(`\n${line('three')}\n`)]));

  it('the reports are read, the invalid bytes located as the whole-file reader locates them, exit 1', async () => {
    const over = {
      readLimits: { streamFromBytes: 16, maxFileBytes: 600 },
      // as Node does for a file over 2 GiB
      readFile: async (p: string) => { if (p === bad) throw Object.assign(new Error('the file is too large to read (over 2 GiB)'), { code: 'ERR_FS_FILE_TOO_LARGE' }); return nodeSystem.readFile(p); },
      readChunks: async function* (p: string) { const b = await nodeSystem.readFile(p); for (let i = 0; i < b.length; i += 7) yield b.subarray(i, i + 7); },
    };
    const r = await runInProcess(['run', inputs], over);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as Output;
    expectBalanced(out, r.stderr);
    expectGoodReconciled(out);
    for (const id of ['one', 'two', 'three']) expectGoodReconciled(out, id);
    expectLocated(out, 'invalid-utf8', `${bad}:3:1`);
    // the same warning as when the file is read whole
    const whole = JSON.parse((await runInProcess(['run', bad])).stdout) as Output;
    expect(out.warnings.filter((w) => w.code === 'invalid-utf8')).toEqual(whole.warnings.filter((w) => w.code === 'invalid-utf8'));
  });
});
