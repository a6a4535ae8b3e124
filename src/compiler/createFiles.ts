// Page files made ahead of their pages, by a worker with time to spare (see workerMain.ts and index.ts).
import { closeSync, openSync } from 'node:fs';

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
