import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_VAULT } from './__fixtures__/fixtureVault.ts';
import { compileVault } from './index.ts';
import { readInWorkers, startPool, type ParseCache } from './parallel.ts';
import { readNote } from './readNote.ts';
import { resultsToWire } from './resultWire.ts';
import { scanVault } from './scan.ts';
import { layoutInWorker } from './layout.ts';
import { startWorker, type CompileWorker } from './workers.ts';
import type { WorkerRequest } from './workerMain.ts';
import { layoutGraph } from '../shared/forceLayout.ts';

describe('compile workers', () => {
  it('read and parse every fixture note exactly as this thread does, in the same order', async () => {
    const { files } = await scanVault(FIXTURE_VAULT);
    const progress: number[] = [];
    const inWorkers = await readInWorkers(files, startPool(2), (done) => progress.push(done));
    // Workers hand HTML back as UTF-8 bytes (off the JS heap, moved without a copy); the text must be the same.
    for (const { note } of inWorkers) {
      if (!note) continue;
      expect(note.html).toBe('');
      note.html = new TextDecoder().decode(note.htmlUtf8);
      delete note.htmlUtf8;
    }
    expect(inWorkers).toEqual(files.map(readNote));
    expect(progress.at(-1)).toBe(files.length);
  }, 30_000);

  it('start from V8\'s code cache of their code, and make a fresh one when the cache given is refused', async () => {
    const { files } = await scanVault(FIXTURE_VAULT);
    const parsed = (results: Awaited<ReturnType<typeof readInWorkers>>) => results.map(({ note }) => note?.title);
    // As a pool of one: reads only (readInWorkers would store this worker's code cache for the real compiles).
    const poolOf = (worker: CompileWorker): Promise<CompileWorker[]> =>
      Promise.resolve([{ run: <R,>(request: WorkerRequest) => (request.kind === 'code-cache' ? Promise.resolve(undefined as R) : worker.run(request)) as Promise<R>, stop: () => undefined }]);
    const expected = files.map(readNote).map(({ note }) => note?.title);
    // A cache V8 cannot use: the worker compiles its code as usual, parses as well, and makes a cache of its own.
    const refused = await startWorker({ codeCache: new Uint8Array(4096).fill(7) });
    try {
      expect(parsed(await readInWorkers(files, poolOf(refused)))).toEqual(expected);
      const made = await refused.run<Uint8Array | undefined>({ kind: 'code-cache', have: true });
      expect(made?.length).toBeGreaterThan(100_000);
      // Started from that cache, a worker takes it (it makes none when asked) and parses the same.
      const taking = await startWorker({ codeCache: made });
      try {
        expect(await taking.run({ kind: 'code-cache', have: true })).toBeUndefined();
        expect(parsed(await readInWorkers(files, poolOf(taking)))).toEqual(expected);
      } finally {
        taking.stop();
      }
    } finally {
      refused.stop();
    }
  }, 30_000);

  it('report a worker that fails mid-read once, whichever of its batches fails', async () => {
    const { files } = await scanVault(FIXTURE_VAULT);
    // Each worker answers its first batch late and fails its second at once, while the first is still awaited.
    const failing = async (): Promise<CompileWorker> => {
      let calls = 0;
      return {
        run: <R,>(request: WorkerRequest) => {
          calls++;
          if (calls === 1) return new Promise<R>((resolve) => setTimeout(() => resolve(request.kind === 'read' ? (resultsToWire(request.files.map(readNote)).wire as R) : (0 as R)), 20));
          return Promise.reject(new Error('compile worker exited with code 1'));
        },
        stop: () => undefined,
      };
    };
    const fourBatches = Array.from({ length: 8 }, () => files).flat(); // 100 notes a batch
    await expect(readInWorkers(fourBatches, startPool(2, failing))).rejects.toThrow('exited');
  });

  it('are started all or none: when one cannot start, the ones that did are stopped', async () => {
    const stopped: number[] = [];
    let started = 0;
    const start = async (): Promise<CompileWorker> => {
      const n = started++;
      if (n === 1) throw new Error('no worker here');
      return { run: () => Promise.reject(new Error('unused')), stop: () => void stopped.push(n) };
    };
    await expect(startPool(3, start)).rejects.toThrow('no worker here');
    expect(stopped.sort()).toEqual([0, 2]);
  });

  it('lay out a graph exactly as this thread does', async () => {
    const ids = Array.from({ length: 60 }, (_, i) => `n${i}`);
    const edges = ids.slice(1).map((id, i) => ({ source: id, target: ids[Math.floor(i / 3)]! }));
    expect(await layoutInWorker({ ids, edges }, await startWorker())).toEqual(layoutGraph({ ids, edges }));
  }, 30_000);
});

describe('the parse cache (rebuilds of one vault)', () => {
  it('re-parses only notes that changed, and builds exactly what a fresh compile builds', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'atlas-cache-'));
    try {
      await fs.writeFile(path.join(dir, 'Alpha.md'), '# Alpha\n\nLinks to [[Beta]] and [[Gamma]].\n');
      await fs.writeFile(path.join(dir, 'Beta.md'), '---\ntitle: Beta\n---\nBack to [[Alpha]].\n');
      await fs.writeFile(path.join(dir, 'Gamma.md'), 'Gamma stands alone.\n');
      const cache: ParseCache = new Map();
      await compileVault(dir, { parseCache: cache });
      const before = new Map([...cache].map(([key, entry]) => [key.split('\0')[0], entry.result]));
      expect([...before.keys()].sort()).toEqual(['Alpha.md', 'Beta.md', 'Gamma.md']);

      await fs.writeFile(path.join(dir, 'Beta.md'), '---\ntitle: Beta, edited\n---\nBack to [[Alpha]] and on to [[Delta]].\n');
      await fs.utimes(path.join(dir, 'Beta.md'), new Date(), new Date(Date.now() + 5000));
      await fs.rm(path.join(dir, 'Gamma.md'));
      const rebuilt = await compileVault(dir, { parseCache: cache });
      const after = new Map([...cache].map(([key, entry]) => [key.split('\0')[0], entry.result]));

      expect([...after.keys()].sort()).toEqual(['Alpha.md', 'Beta.md']);
      expect(after.get('Alpha.md')).toBe(before.get('Alpha.md')); // not parsed again
      expect(after.get('Beta.md')).not.toBe(before.get('Beta.md'));
      expect(rebuilt.graph.nodes.find((node) => node.path === 'Beta.md')?.title).toBe('Beta, edited');
      expect(rebuilt).toEqual(await compileVault(dir));
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
