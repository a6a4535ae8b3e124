// compile(dir) = scan -> decode -> parse -> resolve -> render -> layout -> assemble. Emit is separate (emit.ts).
import path from 'node:path';
import type { Diagnostic, Graph, NoteId, NotePage } from '../shared/schema.ts';
import { sortDiagnostics, warning } from './diagnostics.ts';
import { assemble } from './assemble.ts';
import { layoutGraph } from './layout.ts';
import type { ParsedNote } from './parse.ts';
import { readNotes } from './parallel.ts';
import { fillLinks } from './render.ts';
import { resolveVault } from './resolve.ts';
import { scanVault } from './scan.ts';

export interface CompileOptions {
  /** Positions from the last build, so the map keeps its shape. */
  previousPositions?: ReadonlyMap<string, { x: number; y: number }>;
  /** Called as notes are read and rendered: (done, total, stage). */
  onProgress?: (done: number, total: number, stage: string) => void;
  vaultName?: string;
}

export interface CompiledVault {
  graph: Graph;
  pages: NotePage[];
}

export async function compileVault(vaultDir: string, options: CompileOptions = {}): Promise<CompiledVault> {
  const scanned = await scanVault(vaultDir);
  const diagnostics: Diagnostic[] = [...scanned.diagnostics];
  const total = scanned.files.length;
  const parsed: ParsedNote[] = [];
  for (const result of await readNotes(scanned.files, (done) => options.onProgress?.(done, total, 'parse'))) {
    diagnostics.push(...result.diagnostics);
    if (result.note) parsed.push(result.note);
  }
  const resolved = resolveVault(parsed);
  diagnostics.push(...resolved.diagnostics);

  const html = new Map<NoteId, string>();
  resolved.notes.forEach((note, i) => {
    try {
      html.set(note.id, fillLinks(note.html, note.links, resolved.targets.get(note.id) ?? new Map()));
    } catch (error) {
      diagnostics.push(warning('render-failed', note.path, `Could not render this note: ${(error as Error).message}`));
    }
    if (i % 500 === 0) options.onProgress?.(i, total, 'render');
  });

  const ids = [...resolved.notes.map((note) => note.id), ...resolved.ghosts.map((ghost) => ghost.id)];
  const positions = layoutGraph({ ids, edges: resolved.edges, previous: options.previousPositions });
  const home = resolved.notes.find((note) => /^(index|readme|home)\.md$/i.test(note.path));
  const vaultName = options.vaultName ?? home?.title ?? path.basename(path.resolve(vaultDir));
  return assemble({ vaultName, resolved, html, positions, diagnostics: sortDiagnostics(diagnostics), skippedFiles: scanned.skippedFiles });
}
