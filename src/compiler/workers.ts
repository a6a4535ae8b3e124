// Worker threads for the compiler. Each runs one esbuild bundle of workerMain.ts, made once per process:
// starting a worker through tsx's module loader cost about 0.8 s of CPU, a bundled one about 0.15 s.
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WorkerRequest, WorkerReply } from './workerMain.ts';

let bundle: Promise<string> | undefined;

/** Starts bundling (in esbuild's own process) so the code is ready when the first worker is wanted. */
export function prepareWorkers(): Promise<string> {
  bundle ??= (async () => {
    const { build } = await import('esbuild');
    const result = await build({
      entryPoints: [fileURLToPath(new URL('./workerMain.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      write: false,
      logLevel: 'silent',
    });
    return result.outputFiles[0]!.text;
  })();
  // A failed bundle is reported to whoever asks for a worker; nobody else needs to hear about it.
  bundle.catch(() => undefined);
  return bundle;
}

export interface CompileWorker {
  run<R extends WorkerReply>(request: WorkerRequest): Promise<R>;
  stop(): void;
}

/**
 * A worker that answers one request at a time. Rejects if the bundle cannot be made or the worker cannot
 * start (e.g. the compiler was itself bundled into another tool): callers then do the work in this thread.
 */
export async function startWorker(): Promise<CompileWorker> {
  const worker = new Worker(await prepareWorkers(), { eval: true });
  let pending: { resolve: (reply: unknown) => void; reject: (error: unknown) => void } | undefined;
  const fail = (error: unknown) => {
    pending?.reject(error);
    pending = undefined;
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`compile worker exited with code ${code}`)));
  worker.on('message', (reply: unknown) => {
    const waiting = pending;
    pending = undefined;
    waiting?.resolve(reply);
  });
  return {
    run: <R extends WorkerReply>(request: WorkerRequest) =>
      new Promise<R>((resolve, reject) => {
        pending = { resolve: resolve as (reply: unknown) => void, reject };
        worker.postMessage(request);
      }),
    stop: () => {
      worker.removeAllListeners('exit');
      void worker.terminate();
    },
  };
}
