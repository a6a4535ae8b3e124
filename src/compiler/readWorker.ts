// Worker entry: reads and parses the batches of note files it is sent.
import { parentPort } from 'node:worker_threads';
import { readNote } from './readNote.ts';
import type { NoteFile } from './scan.ts';

parentPort?.on('message', (batch: NoteFile[]) => {
  parentPort!.postMessage(batch.map(readNote));
});
