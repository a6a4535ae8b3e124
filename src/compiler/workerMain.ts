// Entry of a compile worker (bundled by workers.ts): reads and parses batches of notes, makes the page files, or
// lays out the graph.
import { parentPort } from 'node:worker_threads';
import { layoutPairs, type PairsLayoutInput, type Position } from '../shared/forceLayout.ts';
import { createMissingFiles } from './createFiles.ts';
import { readNoteBatch } from './readNote.ts';
import { resultsToWire, type WireResult } from './resultWire.ts';
import { CODE_CACHE_MAKER } from './workerBundle.ts';
import type { NoteFile } from './scan.ts';

export type WorkerRequest =
  | { kind: 'read'; files: NoteFile[] }
  /** Stops early once `enough[0]` is set (the layout is wanted); marks each file it made in `made`. */
  | { kind: 'create-files'; paths: string[]; enough: Int32Array; made: Uint8Array }
  | { kind: 'layout'; input: PairsLayoutInput }
  /** V8's code cache of this worker's code, if it was given none (`have`) or refused the one it was given. */
  | { kind: 'code-cache'; have: boolean };
export type WorkerReply = WireResult[] | number | Map<string, Position> | Uint8Array | undefined;

parentPort?.on('message', (request: WorkerRequest) => {
  if (request.kind === 'code-cache') {
    const make = (globalThis as Record<symbol, ((have: boolean) => Uint8Array | undefined) | undefined>)[Symbol.for(CODE_CACHE_MAKER)];
    parentPort!.postMessage(make?.(request.have));
    return;
  }
  if (request.kind === 'layout') {
    parentPort!.postMessage(layoutPairs(request.input));
    return;
  }
  if (request.kind === 'create-files') {
    parentPort!.postMessage(createMissingFiles(request.paths, request.enough, request.made));
    return;
  }
  const { wire, transfer } = resultsToWire(readNoteBatch(request.files));
  parentPort!.postMessage(wire, transfer);
});
