// Stage 1: find the vault's note files. Reads nothing it should not: no escapes from the vault, no FIFOs.
import { promises as fs, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../shared/schema.ts';
import { compareStrings } from '../shared/noteId.ts';
import { warning } from './diagnostics.ts';

export interface NoteFile {
  /** Vault-relative, '/'-separated, NFC. */
  path: string;
  absolutePath: string;
  /** Bytes, so big notes can be read first and spread over workers. */
  size?: number;
  /** Last modified (ms since the epoch), so a rebuild can reuse an unchanged note's parse. */
  modified?: number;
}

export interface ScanResult {
  files: NoteFile[];
  /** Non-note files seen (images, PDFs, canvases...). */
  skippedFiles: number;
  diagnostics: Diagnostic[];
}

/** Folders that hold tool state, not notes. */
const SKIPPED_FOLDERS = new Set(['node_modules']);
const MAX_NOTE_BYTES = 20 * 1024 * 1024;

export class VaultUnreadableError extends Error {}

/** `onFound(count)`: called as notes are found, with how many so far (a big vault's workers can start early). */
export async function scanVault(vaultDir: string, onFound?: (count: number) => void): Promise<ScanResult> {
  let root: string;
  try {
    root = await fs.realpath(vaultDir);
    if (!(await fs.stat(root)).isDirectory()) throw new Error('not a directory');
  } catch (error) {
    throw new VaultUnreadableError(`Cannot read the notes folder "${vaultDir}": ${(error as Error).message}`);
  }
  const result: ScanResult = { files: [], skippedFiles: 0, diagnostics: [] };
  const visitedDirs = new Set<string>([root]);
  // Symlinked folders are walked after the real tree, so a note is listed under its real folder, not a link's.
  const linkedDirs: LinkedDir[] = [];
  await walk(root, '', root, visitedDirs, result, linkedDirs, onFound);
  for (let linked = linkedDirs.shift(); linked; linked = linkedDirs.shift()) {
    if (visitedDirs.has(linked.realPath)) continue; // a symlink loop, or a folder already seen
    visitedDirs.add(linked.realPath);
    await walk(root, linked.relPath, linked.realPath, visitedDirs, result, linkedDirs, onFound);
  }
  result.files.sort((a, b) => compareStrings(a.path, b.path));
  return result;
}

interface LinkedDir {
  relPath: string;
  realPath: string;
}

async function walk(
  root: string, relDir: string, absDir: string, visited: Set<string>, out: ScanResult, linkedDirs: LinkedDir[], onFound?: (count: number) => void,
): Promise<void> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await fs.readdir(absDir, { withFileTypes: true });
  } catch (error) {
    out.diagnostics.push(warning('unreadable-folder', relDir, `Cannot read this folder: ${(error as Error).message}`));
    return;
  }
  entries.sort((a, b) => compareStrings(a.name, b.name));
  const rawNames = new Set(entries.map((entry) => entry.name));
  const usedNames = new Set<string>();
  const notes: NoteFile[] = [];
  for (const entry of entries) {
    let name = entry.name.normalize('NFC');
    if (name !== entry.name && (rawNames.has(name) || usedNames.has(name))) {
      // Another file already has this name in NFC: keep this one under its own bytes rather than merge the two.
      out.diagnostics.push(warning('unicode-name-collision', relDir ? `${relDir}/${name}` : name, 'Two files have this name, in different Unicode forms; both are kept.'));
      name = entry.name;
    }
    usedNames.add(name);
    const relPath = relDir ? `${relDir}/${name}` : name;
    const absPath = path.join(absDir, entry.name);
    if (name.startsWith('.') || SKIPPED_FOLDERS.has(name)) {
      if (!entry.isDirectory()) out.skippedFiles++;
      continue;
    }
    let kind: 'dir' | 'file' | 'other' = entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : 'other';
    let realPath = absPath;
    if (entry.isSymbolicLink()) {
      try {
        realPath = await fs.realpath(absPath);
      } catch {
        out.diagnostics.push(warning('broken-symlink', relPath, 'Symlink points nowhere; skipped.'));
        continue;
      }
      if (realPath !== root && !realPath.startsWith(root + path.sep)) {
        out.diagnostics.push(warning('symlink-outside-vault', relPath, 'Symlink points outside the vault; not read.'));
        continue;
      }
      const stat = await fs.stat(realPath);
      kind = stat.isDirectory() ? 'dir' : stat.isFile() ? 'file' : 'other';
    }
    if (kind === 'dir') {
      if (entry.isSymbolicLink()) {
        linkedDirs.push({ relPath, realPath });
        continue;
      }
      if (visited.has(realPath)) continue;
      visited.add(realPath);
      await walk(root, relPath, realPath, visited, out, linkedDirs, onFound);
    } else if (kind === 'other') {
      if (/\.md$/i.test(name)) out.diagnostics.push(warning('not-a-file', relPath, 'Not a regular file (FIFO, socket or device); not read.'));
      else out.skippedFiles++;
    } else if (/\.md$/i.test(name)) {
      notes.push({ path: relPath, absolutePath: realPath });
    } else {
      out.skippedFiles++;
    }
  }
  onFound?.(out.files.length + notes.length);
  // Synchronous on purpose: an awaited stat per note costs a thread-pool round trip each (0.6 s for 10k notes,
  // 0.35 s all at once), statSync 0.1 s.
  notes.forEach((note) => {
    const stat = statOrError(note.absolutePath);
    if (stat instanceof Error) {
      out.diagnostics.push(warning('unreadable-note', note.path, `Cannot read this note: ${stat.message}`));
      return;
    }
    const { size, mtimeMs } = stat;
    if (size > MAX_NOTE_BYTES) out.diagnostics.push(warning('note-too-large', note.path, `Note is ${size} bytes, over the ${MAX_NOTE_BYTES}-byte limit; skipped.`));
    else out.files.push({ path: note.path, absolutePath: note.absolutePath, size, modified: mtimeMs });
  });
}

function statOrError(file: string): Stats | Error {
  try {
    return statSync(file);
  } catch (error) {
    return error as Error;
  }
}
