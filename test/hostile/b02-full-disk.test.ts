/**
 * B2: on a full disk, `--out` left a truncated file in place of the old one with exit 0:
 * `writeSync`'s short writes were ignored. The file system is simulated here (node:fs's
 * writeSync writes at most a few bytes per call, as a nearly full disk does, and fails with
 * ENOSPC past a quota); every write is checked, and on any failure the old file stays.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ROOT } from '../acceptance/support.js';
import { scratch } from './breaks-support.js';
import { runInProcess } from './support.js';

const disk = vi.hoisted(() => ({ on: false, perCall: 1000, quota: Number.POSITIVE_INFINITY, used: 0 }));

vi.mock('node:fs', async (original) => {
  const fs = await original<typeof import('node:fs')>();
  const writeSync = (fd: number, data: string | NodeJS.ArrayBufferView, ...rest: unknown[]): number => {
    if (!disk.on) return (fs.writeSync as (...a: unknown[]) => number)(fd, data, ...rest);
    const buf = typeof data === 'string' ? Buffer.from(data, (rest[1] as BufferEncoding | undefined) ?? 'utf8')
      : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    const offset = typeof data === 'string' ? 0 : (rest[0] as number | undefined) ?? 0;
    const length = typeof data === 'string' ? buf.length : (rest[1] as number | undefined) ?? buf.length - offset;
    const n = Math.min(length, disk.perCall, disk.quota - disk.used);
    if (n <= 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    disk.used += n;
    return fs.writeSync(fd, buf, offset, n);
  };
  return { ...fs, default: { ...fs, writeSync }, writeSync };
});

const dir = scratch('b02');
const inputs = [join(ROOT, 'fixtures/seeds')];

describe('B2: every write is checked', () => {
  it.each(['html', 'md', 'csv', 'json'])('%s onto a full disk: exit 2, the old file in place, nothing left behind', async (format) => {
    const out = join(dir, `full.${format}`);
    writeFileSync(out, 'OLD');
    Object.assign(disk, { on: true, perCall: 700, quota: 4096, used: 0 });
    const r = await runInProcess(['run', ...inputs, '--format', format, '--out', out, '-q']);
    disk.on = false;
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write .*no space left on device/);
    expect(readFileSync(out, 'utf8')).toBe('OLD');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it.each(['html', 'md', 'csv', 'json'])('%s with short writes and room enough: the whole output, byte for byte', async (format) => {
    const whole = await runInProcess(['run', ...inputs, '--format', format, '-q']);
    const out = join(dir, `short.${format}`);
    Object.assign(disk, { on: true, perCall: 333, quota: Number.POSITIVE_INFINITY, used: 0 });
    const r = await runInProcess(['run', ...inputs, '--format', format, '--out', out, '-q']);
    disk.on = false;
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(whole.stdout);
  });
});
