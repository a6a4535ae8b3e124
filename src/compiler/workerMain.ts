// Entry of a compile worker (bundled by workers.ts): reads and parses batches of notes, or lays out the graph.
import { parentPort } from 'node:worker_threads';
import { layoutGraph, type LayoutInput, type Position } from '../shared/forceLayout.ts';
import { readNote, type ReadResult } from './readNote.ts';
import type { NoteFile } from './scan.ts';

export type WorkerRequest = { kind: 'read'; files: NoteFile[] } | { kind: 'layout'; input: LayoutInput };
export type WorkerReply = ReadResult[] | Map<string, Position>;

parentPort?.on('message', (request: WorkerRequest) => {
  parentPort!.postMessage(request.kind === 'read' ? request.files.map(readNote) : layoutGraph(request.input));
});
