// Worker threads for the compiler. Each runs one esbuild bundle of workerMain.ts, made once and cached on disk
// (workerBundle.ts): starting a worker through tsx's module loader cost about 0.8 s of CPU, a bundled one 0.15 s,
// and one that starts from V8's code cache of the bundle 0.08 s.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { v8FlagsInForce } from './v8Flags.ts';
import { cachedBundle, CODE_CACHE_MAKER, readCodeCache, storeCodeCache, type BundleResult, type CodeCacheKey } from './workerBundle.ts';
import type { WorkerRequest, WorkerReply } from './workerMain.ts';

/** The bundle, wrapped for BOOT, and V8's code cache of it (under these V8 flags) if one was made before. */
interface WorkerCode {
  cacheKey: CodeCacheKey;
  wrapped: string;
  codeCache: Buffer | undefined;
}
let bundle: Promise<WorkerCode> | undefined;

const ENTRY = fileURLToPath(new URL('./workerMain.ts', import.meta.url));
/** Beside the project's other tools' caches; gone with node_modules. */
const CACHE_DIR = fileURLToPath(new URL('../../node_modules/.cache/topic-atlas', import.meta.url));

/** Reads the cached bundle, or starts bundling (in esbuild's own process), so the code is ready when a worker is wanted. */
export function prepareWorkers(): Promise<WorkerCode> {
  bundle ??= cachedBundle(ENTRY, CACHE_DIR, bundleWithEsbuild).then((code) => {
    const cacheKey = { code, v8Flags: v8FlagsInForce() };
    return { cacheKey, wrapped: `(function (require, module, exports) {${code}\n})`, codeCache: readCodeCache(CACHE_DIR, cacheKey) };
  });
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

/**
 * A worker's first code: compiles the bundle through vm.Script, which can start from a code cache and make one
 * (it leaves a function on globalThis that makes one; workerMain calls it for a `code-cache` request).
 */
const BOOT = `
const { workerData } = require('node:worker_threads');
const { Script } = require('node:vm');
const script = new Script(workerData.wrapped, { filename: 'topic-atlas-worker.cjs', cachedData: workerData.codeCache });
globalThis[Symbol.for('${CODE_CACHE_MAKER}')] = (have) => (have && script.cachedDataRejected === false ? undefined : script.createCachedData());
script.runInThisContext()(require, module, exports);
`;

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
export async function startWorker(options: { codeCache?: Uint8Array } = {}): Promise<CompileWorker> {
  const prepared = await prepareWorkers();
  const { wrapped } = prepared;
  const codeCache = options.codeCache ?? prepared.codeCache; // tests hand in their own
  const worker = new Worker(BOOT, { eval: true, workerData: { wrapped, codeCache }, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
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

/**
 * Stops a worker that has done its work, first storing the code cache it can make when none was given to it
 * (or V8 refused the one given). Only the first compile after a change to the compiler makes one.
 */
export function stopKeepingCodeCache(worker: CompileWorker): void {
  void prepareWorkers()
    .then(({ cacheKey, codeCache }) => worker.run<Uint8Array | undefined>({ kind: 'code-cache', have: codeCache !== undefined }).then((made) => {
      if (made) storeCodeCache(CACHE_DIR, cacheKey, made);
    }))
    .catch(() => undefined) // a worker without a cache to give still did its work
    .finally(() => worker.stop());
}
