// Page files made ahead of their pages, by a worker with time to spare: both sides of it (the worker's loop, and
// the main thread's handle on it). On this machine's disk, making a file costs far more than filling it.
import { closeSync, openSync } from 'node:fs';
import type { CompileWorker } from './workers.ts';

/** The main thread's handle on the worker making the page files. */
export interface EarlyPageFiles {
  /** Whether this build made the page file of note `id` (empty), so its page can be written without truncating. */
  madeEmpty(id: string): boolean;
  /** Tells the worker to stop making files (its layout is wanted); files not made yet are made by their pages. */
  stop(): void;
}

/**
 * Asks `worker` to make each note's page file while this thread resolves links (the worker is otherwise idle
 * then). If the build fails later, the empty files belong to no note in any graph.json and the next build fills
 * or removes them.
 */
export function makePageFilesEarly(worker: CompileWorker, pages: readonly { id: string; file: string }[]): EarlyPageFiles {
  const enough = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const made = new Uint8Array(new SharedArrayBuffer(Math.max(1, pages.length)));
  const slotOf = new Map(pages.map(({ id }, i) => [id, i]));
  worker.run({ kind: 'create-files', paths: pages.map(({ file }) => file), enough, made }).catch(() => undefined);
  return {
    madeEmpty: (id) => {
      const slot = slotOf.get(id);
      return slot !== undefined && Atomics.load(made, slot) === 1;
    },
    stop: () => Atomics.store(enough, 0, 1),
  };
}

/**
 * Creates each file, empty, unless it exists (never truncates). Creating ten thousand files costs this machine's
 * disk 1-2 s of kernel time, far more than filling them: done here while the main thread resolves links, the page
 * writes after it only fill files that exist. It stops as soon as `enough[0]` is set: the layout waits for
 * nothing, and a page whose file was not made yet makes it when it is written. Each file it made is marked in
 * `made` (shared memory), so its page can be written without truncating it: that costs this disk as much again
 * as the write. Returns how many it made.
 */
export function createMissingFiles(paths: string[], enough: Int32Array, made: Uint8Array): number {
  let created = 0;
  for (let i = 0; i < paths.length; i++) {
    if (Atomics.load(enough, 0) !== 0) break;
    try {
      closeSync(openSync(paths[i]!, 'wx'));
      Atomics.store(made, i, 1);
      created++;
    } catch {
      // It exists (a rebuild), or cannot be made: then the page's own write says why.
    }
  }
  return created;
}
