// Page files written by a worker beside this thread, which meanwhile makes the next pages. Writing to disk is most
// of the pages stage's kernel time (at mixed 10k, 1.5-3 s of it on this machine's ext4); making a page needs the
// resolved vault, which only this thread holds.
import { writeFileSync } from 'node:fs';
import type { CompileWorker } from './workers.ts';

export interface PageFileWrite {
  file: string;
  text: string;
  /** 'r+' fills a file this build made empty; 'w' makes or truncates it. */
  flag: 'r+' | 'w';
}

/** Pages per message: one message per page costs more in messaging than the write saves. */
export const BATCH_PAGES = 64;
/**
 * Batches sent and not yet written. Past this the worker has fallen behind (the layout shares its core), and this
 * thread writes the batch itself rather than queue more text in memory.
 */
export const MAX_IN_FLIGHT = 4;

export interface PageWriteSharing {
  write(page: PageFileWrite): void;
  /** Resolves once every page is written. A batch the worker failed is written here (so a failing disk says why). */
  finish(): Promise<void>;
}

export function sharePageWrites(worker: CompileWorker): PageWriteSharing {
  const written = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const sent: { pages: PageFileWrite[]; reply: Promise<unknown> }[] = [];
  let batch: PageFileWrite[] = [];
  const flush = () => {
    if (batch.length === 0) return;
    if (sent.length - Atomics.load(written, 0) >= MAX_IN_FLIGHT) writePageFiles(batch);
    else sent.push({ pages: batch, reply: worker.run({ kind: 'write-pages', pages: batch, written }) });
    batch = [];
  };
  return {
    write: (page) => {
      batch.push(page);
      if (batch.length >= BATCH_PAGES) flush();
    },
    finish: async () => {
      flush();
      const replies = await Promise.allSettled(sent.map(({ reply }) => reply));
      replies.forEach((reply, i) => {
        if (reply.status === 'rejected') writePageFiles(sent[i]!.pages);
      });
    },
  };
}

/** The worker's side (and this thread's, when the worker is behind); then counts one batch written. */
export function writePageFiles(pages: readonly PageFileWrite[], written?: Int32Array): number {
  for (const { file, text, flag } of pages) writeFileSync(file, text, { flag });
  if (written) Atomics.add(written, 0, 1);
  return pages.length;
}
