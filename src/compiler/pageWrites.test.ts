import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BATCH_PAGES, MAX_IN_FLIGHT, sharePageWrites, writePageFiles, type PageFileWrite } from './pageWrites.ts';
import type { WorkerRequest } from './workerMain.ts';
import type { CompileWorker } from './workers.ts';

let dir: string;
beforeEach(() => void (dir = mkdtempSync(path.join(os.tmpdir(), 'atlas-writes-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const pagesNumbered = (count: number): PageFileWrite[] =>
  Array.from({ length: count }, (_, i) => ({ file: path.join(dir, `p${i}.json`), text: `{"page":${i}}\n`, flag: 'w' }));
const filesOnDisk = () => new Map(readdirSync(dir).map((name) => [name, readFileSync(path.join(dir, name), 'utf8')]));
const expected = (pages: PageFileWrite[]) => new Map(pages.map(({ file, text }) => [path.basename(file), text]));

/** A stand-in worker: writes as the real one does, or holds its batches, or fails them. */
function fakeWorker(behaviour: 'writes' | 'holds' | 'fails') {
  const held: (() => void)[] = [];
  let batches = 0;
  const worker: CompileWorker = {
    run: <R,>(request: WorkerRequest) => {
      if (request.kind !== 'write-pages') throw new Error('unexpected request');
      batches++;
      if (behaviour === 'fails') return Promise.reject(new Error('compile worker exited with code 1'));
      const write = () => writePageFiles(request.pages, request.written) as R;
      if (behaviour === 'writes') return Promise.resolve(write());
      return new Promise<R>((resolve) => held.push(() => resolve(write())));
    },
    stop: () => undefined,
  };
  return { worker, held, batches: () => batches };
}

describe('page writes shared with a worker', () => {
  it('write every page exactly once, in batches the worker takes', async () => {
    const pages = pagesNumbered(BATCH_PAGES * 3 + 5);
    const fake = fakeWorker('writes');
    const sharing = sharePageWrites(fake.worker);
    pages.forEach((page) => sharing.write(page));
    await sharing.finish();
    expect(fake.batches()).toBe(4);
    expect(filesOnDisk()).toEqual(expected(pages));
  });

  it('are written here instead of queued once the worker falls behind', async () => {
    const pages = pagesNumbered(BATCH_PAGES * (MAX_IN_FLIGHT + 3));
    const fake = fakeWorker('holds');
    const sharing = sharePageWrites(fake.worker);
    pages.forEach((page) => sharing.write(page));
    // The worker holds its first batches: the rest were written by this thread already.
    expect(fake.batches()).toBe(MAX_IN_FLIGHT);
    expect(filesOnDisk().size).toBe(BATCH_PAGES * 3);
    const finished = sharing.finish();
    for (const release of fake.held) release();
    await finished;
    expect(filesOnDisk()).toEqual(expected(pages));
  });

  it('lose nothing when the worker dies: its batches are written here', async () => {
    const pages = pagesNumbered(BATCH_PAGES * 2 + 1);
    const sharing = sharePageWrites(fakeWorker('fails').worker);
    pages.forEach((page) => sharing.write(page));
    await sharing.finish();
    expect(filesOnDisk()).toEqual(expected(pages));
  });

  it('report a write that cannot be made, with the file system’s own reason', async () => {
    const sharing = sharePageWrites(fakeWorker('fails').worker);
    sharing.write({ file: path.join(dir, 'no-such-folder', 'p.json'), text: '{}', flag: 'w' });
    await expect(sharing.finish()).rejects.toThrow(/ENOENT/);
  });
});
