// One note file -> its parsed form and warnings. Runs in the main thread or in a worker (parallel.ts).
import { closeSync, openSync, readSync } from 'node:fs';
import type { Diagnostic } from '../shared/schema.ts';
import { decodeNote } from './decode.ts';
import { warning } from './diagnostics.ts';
import { parseNote, type ParsedNote } from './parse.ts';
import type { NoteFile } from './scan.ts';

export interface ReadResult {
  note?: ParsedNote;
  diagnostics: Diagnostic[];
}

/** One bad note never stops the build: it is kept as far as it can be, with a warning. */
export function readNote(file: NoteFile): ReadResult {
  return noteFromBytes(file, bytesOrError(file));
}

/**
 * readNote of each file, every file read before any is parsed. Where system calls are dear (page-table isolation
 * on a CPU without PCID empties the TLB at each, as on the project's first machine), parsing in between them paid
 * for it: there a worker's 5,000 notes took 0.76-0.81 s read one by one, 0.68-0.72 s a batch at a time.
 */
export function readNoteBatch(files: readonly NoteFile[]): ReadResult[] {
  const read = files.map((file) => {
    const bytes = bytesOrError(file);
    return bytes instanceof Error ? bytes : new Uint8Array(bytes); // a copy: readBytes reuses its buffer
  });
  return files.map((file, i) => noteFromBytes(file, read[i]!));
}

function bytesOrError(file: NoteFile): Uint8Array | Error {
  try {
    return readBytes(file.absolutePath, file.size ?? 0);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

function noteFromBytes(file: NoteFile, bytes: Uint8Array | Error): ReadResult {
  if (bytes instanceof Error) return { diagnostics: [warning('unreadable-note', file.path, `Cannot read this note: ${bytes.message}`)] };
  const decoded = decodeNote(bytes, file.path);
  const diagnostics = [...decoded.diagnostics];
  try {
    const note = parseNote(file.path, decoded.text);
    diagnostics.push(...note.diagnostics);
    note.diagnostics = []; // reported with the file's, once
    return { note, diagnostics };
  } catch (error) {
    diagnostics.push(warning('parse-failed', file.path, `Could not parse this note; kept its title only: ${(error as Error).message}`));
    const title = file.path.replace(/^.*\//, '').replace(/\.md$/i, '');
    return { note: { path: file.path, title, aliases: [], tags: [], meta: {}, links: [], external: [], html: '', diagnostics: [] }, diagnostics };
  }
}

/** Read into, and grown as needed; decodeNote copies the text out before the next note is read. */
let readBuffer = Buffer.allocUnsafe(1 << 20);

/**
 * A note's bytes, valid until the next call. Reading into one buffer instead of a new one per note (readFileSync)
 * skips an allocation and an fstat each: the scan already knows the size, roughly.
 */
function readBytes(file: string, sizeHint: number): Uint8Array {
  if (readBuffer.length <= sizeHint) readBuffer = Buffer.allocUnsafe(2 ** Math.ceil(Math.log2(sizeHint + 1)));
  const fd = openSync(file, 'r');
  try {
    let length = 0;
    for (;;) {
      const wanted = readBuffer.length - length;
      const read = readSync(fd, readBuffer, length, wanted, null);
      length += read;
      // A regular file reads short only at its end.
      if (read < wanted) return readBuffer.subarray(0, length);
      // The file grew since the scan: make room and read on.
      const bigger = Buffer.allocUnsafe(readBuffer.length * 2);
      readBuffer.copy(bigger, 0, 0, length);
      readBuffer = bigger;
    }
  } finally {
    closeSync(fd);
  }
}
