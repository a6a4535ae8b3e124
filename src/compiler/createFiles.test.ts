import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMissingFiles } from './createFiles.ts';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'atlas-create-'));
});
afterEach(() => fs.rm(dir, { recursive: true, force: true }));

const flag = (value: number) => Int32Array.of(value);

describe('createMissingFiles', () => {
  it('makes the missing page files, empty, marks them, and never empties one a previous build wrote', async () => {
    await fs.writeFile(path.join(dir, 'kept.json'), '{"id":"kept"}\n');
    const paths = ['a.json', 'kept.json', 'b.json'].map((name) => path.join(dir, name));
    const made = new Uint8Array(3);
    expect(createMissingFiles(paths, flag(0), made)).toBe(2);
    expect([...made]).toEqual([1, 0, 1]); // the page a previous build wrote must be truncated when it is rewritten
    expect(await fs.readFile(path.join(dir, 'kept.json'), 'utf8')).toBe('{"id":"kept"}\n');
    expect((await fs.stat(path.join(dir, 'a.json'))).size).toBe(0);
    expect((await fs.readdir(dir)).sort()).toEqual(['a.json', 'b.json', 'kept.json']);
  });

  it('makes nothing once the layout is wanted, and skips files it cannot make', async () => {
    expect(createMissingFiles([path.join(dir, 'late.json')], flag(1), new Uint8Array(1))).toBe(0);
    const made = new Uint8Array(2);
    expect(createMissingFiles([path.join(dir, 'no-such-folder', 'x.json'), path.join(dir, 'ok.json')], flag(0), made)).toBe(1);
    expect([...made]).toEqual([0, 1]);
    expect(await fs.readdir(dir)).toEqual(['ok.json']);
  });
});
