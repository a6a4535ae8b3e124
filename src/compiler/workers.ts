// Worker threads for the compiler. Each runs one esbuild bundle of workerMain.ts, made once and cached on disk
// (workerBundle.ts): starting a worker through tsx's module loader cost about 0.8 s of CPU, a bundled one 0.15 s.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { cachedBundle, type BundleResult } from './workerBundle.ts';
import type { WorkerRequest, WorkerReply } from './workerMain.ts';

let bundle: Promise<string> | undefined;

const ENTRY = fileURLToPath(new URL('./workerMain.ts', import.meta.url));
/** Beside the project's other tools' caches; gone with node_modules. */
const CACHE_DIR = fileURLToPath(new URL('../../node_modules/.cache/topic-atlas', import.meta.url));

/** Reads the cached bundle, or starts bundling (in esbuild's own process), so the code is ready when a worker is wanted. */
export function prepareWorkers(): Promise<string> {
  bundle ??= cachedBundle(ENTRY, CACHE_DIR, bundleWithEsbuild);
  // A failed bundle is reported to whoever asks for a worker; nobody else needs to hear about it.
  bundle.catch(() => undefined);
  return bundle;
}

async function bundleWithEsbuild(entry: string): Promise<BundleResult> {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: path.dirname(entry),
  });
  const inputs = Object.keys(result.metafile.inputs).map((file) => path.resolve(path.dirname(entry), file));
  return { code: result.outputFiles[0]!.text, inputs };
}

/**
 * A worker's young generation, where a note's tokens live and die. V8's default (32 MB here) is scavenged so often
 * while parsing that the workers spent 12-17% of their time in GC; at 128 MB the wiki 10k's read+parse stage took
 * 3.6-3.9 s instead of 4.0-4.9 s (alternating CLI runs), for at most 96 MB more per worker.
 */
const YOUNG_GENERATION_MB = 128;

export interface CompileWorker {
  /** Requests queue up; the worker answers them in the order they were sent. */
  run<R extends WorkerReply>(request: WorkerRequest): Promise<R>;
  stop(): void;
}

/**
 * A worker that answers requests in order. Rejects if the bundle cannot be made or the worker cannot start (e.g.
 * the compiler was itself bundled into another tool): callers then do the work in this thread. If the worker
 * dies, every request still waiting is rejected.
 */
export async function startWorker(): Promise<CompileWorker> {
  const worker = new Worker(await prepareWorkers(), { eval: true, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
  const pending: { resolve: (reply: unknown) => void; reject: (error: unknown) => void }[] = [];
  let died: unknown;
  const fail = (error: unknown) => {
    died ??= error;
    for (const waiting of pending.splice(0)) waiting.reject(error);
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`compile worker exited with code ${code}`)));
  worker.on('message', (reply: unknown) => pending.shift()?.resolve(reply));
  return {
    run: <R extends WorkerReply>(request: WorkerRequest) =>
      new Promise<R>((resolve, reject) => {
        if (died !== undefined) return reject(died);
        pending.push({ resolve: resolve as (reply: unknown) => void, reject });
        worker.postMessage(request);
      }),
    stop: () => {
      worker.removeAllListeners('exit');
      void worker.terminate();
    },
  };
}
