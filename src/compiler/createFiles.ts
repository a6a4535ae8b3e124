// Page files made ahead of their pages, by a worker with time to spare (see workerMain.ts and index.ts).
import { closeSync, openSync } from 'node:fs';

/**
 * Creates each file, empty, unless it exists (never truncates). Creating ten thousand files costs this machine's
 * disk 1-2 s of kernel time, far more than filling them: done here while the main thread resolves links, the page
 * writes after it only fill files that exist. It stops as soon as `enough[0]` is set: the layout waits for
 * nothing, and a page whose file was not made yet makes it when it is written. Returns how many it created.
 */
export function createMissingFiles(paths: string[], enough: Int32Array): number {
  let created = 0;
  for (const file of paths) {
    if (Atomics.load(enough, 0) !== 0) break;
    try {
      closeSync(openSync(file, 'wx'));
      created++;
    } catch {
      // It exists (a rebuild), or cannot be made: then the page's own write says why.
    }
  }
  return created;
}
