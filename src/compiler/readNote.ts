// One note file -> its parsed form and warnings. Runs in the main thread or in a worker (parallel.ts).
import { readFileSync } from 'node:fs';
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
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file.absolutePath);
  } catch (error) {
    return { diagnostics: [warning('unreadable-note', file.path, `Cannot read this note: ${(error as Error).message}`)] };
  }
  const decoded = decodeNote(bytes, file.path);
  const diagnostics = [...decoded.diagnostics];
  try {
    const note = parseNote(file.path, decoded.text);
    diagnostics.push(...note.diagnostics);
    return { note: { ...note, diagnostics: [] }, diagnostics };
  } catch (error) {
    diagnostics.push(warning('parse-failed', file.path, `Could not parse this note; kept its title only: ${(error as Error).message}`));
    const title = file.path.replace(/^.*\//, '').replace(/\.md$/i, '');
    return { note: { path: file.path, title, aliases: [], tags: [], meta: {}, links: [], external: [], html: '', diagnostics: [] }, diagnostics };
  }
}
