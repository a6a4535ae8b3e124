// Read and parse notes on every core. Small vaults (and any environment where a worker cannot start)
// are read in this thread; the result is the same either way, in the same order.
import { availableParallelism } from 'node:os';
import { readNote, type ReadResult } from './readNote.ts';
import type { NoteFile } from './scan.ts';
import { resultsFromWire, type WireResult } from './resultWire.ts';
import { startWorker, stopKeepingCodeCache, type CompileWorker } from './workers.ts';

/** Below this, starting workers costs more than it saves. */
export const PARALLEL_FROM = 1500;
const BATCH = 100;
const BATCH_BYTES = 512 * 1024;

/**
 * Parse results kept between builds of one vault (the dev server rebuilds on every save), by file: a note whose
 * path, size and modification time are unchanged is not read or parsed again.
 */
export type ParseCache = Map<string, { stamp: string; result: ReadResult }>;

const cacheKey = (file: NoteFile) => `${file.path}\0${file.absolutePath}`;
const stampOf = (file: NoteFile) => (file.modified === undefined ? undefined : `${file.size}:${file.modified}`);

/** readNotes, reusing `cache` where it can; afterwards the cache holds exactly these files. */
export async function readNotesCached(files: readonly NoteFile[], cache: ParseCache, onProgress?: (done: number, total: number) => void, pool?: WorkerPool): Promise<ReadResult[]> {
  const results: ReadResult[] = new Array(files.length);
  const missing: number[] = [];
  files.forEach((file, i) => {
    const hit = cache.get(cacheKey(file));
    const stamp = stampOf(file);
    if (hit && stamp !== undefined && hit.stamp === stamp) results[i] = hit.result;
    else missing.push(i);
  });
  const fresh = await readNotes(missing.map((i) => files[i]!), onProgress, pool);
  missing.forEach((i, k) => (results[i] = fresh[k]!));
  cache.clear();
  files.forEach((file, i) => {
    const stamp = stampOf(file);
    if (stamp !== undefined) cache.set(cacheKey(file), { stamp, result: results[i]! });
  });
  return results;
}

/** Compile workers being started; all of them, or none (a failed start stops the ones that did start). */
export type WorkerPool = Promise<CompileWorker[]>;

const PARSE_WORKERS = Math.min(availableParallelism(), 8);

/** The workers that read and parse a big vault; undefined on a single core. Started ahead, they boot while the scan runs. */
export function startParseWorkers(): WorkerPool | undefined {
  return PARSE_WORKERS > 1 ? startPool(PARSE_WORKERS) : undefined;
}

/** `count` workers; `start`: how one is started (tests stand in a failing one). */
export function startPool(count: number, start: () => Promise<CompileWorker> = startWorker): WorkerPool {
  const pool = Promise.allSettled(Array.from({ length: count }, start)).then((settled) => {
    const failed = settled.find((result) => result.status === 'rejected');
    const started = settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    if (!failed) return started;
    for (const worker of started) worker.stop(); // a live worker would keep the process running
    throw failed.reason;
  });
  pool.catch(() => undefined); // reported to whoever reads with it
  return pool;
}

/** `pool`: parse workers started ahead (startParseWorkers); stopped here whether they are needed or not. */
export async function readNotes(files: readonly NoteFile[], onProgress?: (done: number, total: number) => void, pool?: WorkerPool): Promise<ReadResult[]> {
  if (files.length >= PARALLEL_FROM && (pool ??= startParseWorkers())) {
    try {
      return await readInWorkers(files, pool, onProgress);
    } catch (error) {
      if (process.env.ATLAS_DEBUG) console.error('workers failed:', error);
      // A worker could not start here (e.g. the compiler was bundled into another tool): read in this thread.
    }
  } else if (pool) {
    void pool.then((workers) => workers.forEach((worker) => worker.stop()), () => undefined);
  }
  const results: ReadResult[] = [];
  files.forEach((file, i) => {
    results.push(readNote(file));
    if (i % 500 === 0) onProgress?.(i, files.length);
  });
  return results;
}

/** Reads every file in `pool`'s workers, then stops them. */
export async function readInWorkers(files: readonly NoteFile[], pool: WorkerPool, onProgress?: (done: number, total: number) => void): Promise<ReadResult[]> {
  const results: ReadResult[] = new Array(files.length);
  // Largest notes first, in batches of similar weight, so no worker is left with the giants at the end.
  const order = files.map((_, i) => i).sort((a, b) => (files[b]!.size ?? 0) - (files[a]!.size ?? 0) || a - b);
  let next = 0;
  let done = 0;
  const nextBatch = (): number[] => {
    const batch: number[] = [];
    let bytes = 0;
    while (next < order.length && batch.length < BATCH && (batch.length === 0 || bytes < BATCH_BYTES)) {
      const index = order[next++]!;
      batch.push(index);
      bytes += files[index]!.size ?? 0;
    }
    return batch;
  };
  const send = (worker: CompileWorker): Promise<void> | undefined => {
    const batch = nextBatch();
    if (batch.length === 0) return undefined;
    return worker.run<WireResult[]>({ kind: 'read', files: batch.map((index) => files[index]!) }).then((wire) => {
      const read = resultsFromWire(wire);
      read.forEach((result, i) => (results[batch[i]!] = result));
      done += read.length;
      onProgress?.(done, files.length);
    });
  };
  // Two batches in flight per worker, so it starts the next while this thread takes in the last.
  const drain = async (worker: CompileWorker) => {
    const inFlight: Promise<void>[] = [];
    for (;;) {
      while (inFlight.length < 2) {
        const sent = send(worker);
        if (!sent) break;
        sent.catch(() => undefined); // a dead worker is reported once, by the batch awaited first
        inFlight.push(sent);
      }
      const first = inFlight.shift();
      if (!first) return;
      await first;
    }
  };
  const workers = await pool;
  try {
    await Promise.all(workers.map(drain));
  } catch (error) {
    for (const worker of workers) worker.stop();
    throw error;
  }
  // One worker, having parsed, can give V8's compiled code for the next compile's workers (workers.ts).
  workers.forEach((worker, i) => (i === 0 ? stopKeepingCodeCache(worker) : worker.stop()));
  return results;
}
