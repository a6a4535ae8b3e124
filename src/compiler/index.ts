// compile(dir) = scan -> decode -> parse -> resolve -> pages -> layout -> assemble. Emit is separate (emit.ts).
// Big vaults lay out in a worker while this thread fills links and writes or keeps the pages.
import path from 'node:path';
import type { Diagnostic, Graph, NotePage } from '../shared/schema.ts';
import { sortDiagnostics } from './diagnostics.ts';
import { assembleGraph } from './assemble.ts';
import { makePageFilesEarly, type EarlyPageFiles } from './createFiles.ts';
import { pageFilesIn, pageWriter, removeStalePages, type PageWriter } from './emit.ts';
import { noteIdsAhead, noteIdsFor, perPathAhead } from './idsAhead.ts';
import { pathKeys } from './nameIndex.ts';
import { layoutGraph, layoutInWorker, type Position } from './layout.ts';
import type { ParsedNote } from './parse.ts';
import { PARALLEL_FROM, readNotes, readNotesCached, startParseWorkers, type ParseCache, type WorkerPool } from './parallel.ts';
import { prepareWorkers, startWorker } from './workers.ts';
import { makePages } from './pages.ts';
import { resolveVault } from './resolve.ts';
import { scanVault, type NoteFile } from './scan.ts';

export interface CompileOptions {
  /** Positions from the last build, so the map keeps its shape. */
  previousPositions?: ReadonlyMap<string, { x: number; y: number }>;
  /** Called as notes are read and rendered: (done, total, stage). */
  onProgress?: (done: number, total: number, stage: string) => void;
  vaultName?: string;
  /** Filled with milliseconds per stage, for benchmarks and `--timings`. */
  timings?: Record<string, number>;
  /**
   * Write each page to <writePagesTo>/notes/<id>.txt as soon as it is rendered, while the layout still runs,
   * instead of keeping them all (so a big vault never holds every page at once), and remove the pages of notes
   * that are gone; `pages` is then empty. The CLI does this.
   */
  writePagesTo?: string;
  /** Parses kept from the last build of this vault; unchanged notes are not parsed again (the dev server's rebuilds). */
  parseCache?: ParseCache;
}

export interface CompiledVault {
  graph: Graph;
  pages: NotePage[];
}

export async function compileVault(vaultDir: string, options: CompileOptions = {}): Promise<CompiledVault> {
  let lap = performance.now();
  const stage = (name: string) => {
    const now = performance.now();
    if (options.timings) options.timings[name] = Math.round(now - lap);
    lap = now;
  };
  // The worker code is read from its cache (or bundled in esbuild's own process) alongside the scan.
  void prepareWorkers().catch(() => undefined);
  // A big vault's parse workers boot while the scan goes on (not for a rebuild: most of its notes are parsed).
  let parseWorkers: WorkerPool | undefined;
  const startWorkersOnceBig = (found: number) => {
    if (found >= PARALLEL_FROM && !options.parseCache?.size) parseWorkers ??= startParseWorkers();
  };
  const scanned = await scanVault(vaultDir, startWorkersOnceBig);
  stage('scan');
  const diagnostics: Diagnostic[] = [...scanned.diagnostics];
  const total = scanned.files.length;
  const scannedPaths = scanned.files.map((file) => file.path);
  // While the workers parse: each note's id, and the names its path gives it (at 10k notes 0.15-0.25 s and 0.05 s).
  const idsAhead = noteIdsAhead(scannedPaths);
  const keysAhead = total >= PARALLEL_FROM ? perPathAhead(scannedPaths, pathKeys) : undefined;
  const onProgress = (done: number) => options.onProgress?.(done, total, 'parse');
  const parsed = await readVault(scanned.files, diagnostics, onProgress, options.parseCache, parseWorkers);
  stage('read+parse+render');
  // The layout's worker boots on its own thread while this one resolves links (startWorker resolves once the
  // thread is created, not once it is ready); the layout is posted to it before the pages are written.
  const layoutWorker = total >= PARALLEL_FROM ? await startWorker().catch(() => undefined) : undefined;
  const outDir = options.writePagesTo;
  const noteIds = noteIdsFor(parsed.map((note) => note.path), await idsAhead);
  let early: EarlyPageFiles | undefined;
  let writer: PageWriter | undefined;
  let resolved;
  try {
    if (outDir !== undefined) writer = await pageWriter(outDir, (id) => early?.madeEmpty(id) === true);
    if (outDir !== undefined && layoutWorker) {
      const pageFile = pageFilesIn(outDir);
      early = makePageFilesEarly(layoutWorker, [...noteIds.values()].map((id) => ({ id, file: pageFile(id) })));
    }
    const keys = await keysAhead;
    resolved = resolveVault(parsed, noteIds, (notePath) => keys?.get(notePath) ?? pathKeys(notePath));
  } catch (error) {
    layoutWorker?.stop(); // a live worker would keep the process running
    throw error;
  }
  parsed.length = 0; // resolve made its own copies
  diagnostics.push(...resolved.diagnostics);
  stage('resolve');

  // The layout needs only ids and edges: big vaults lay out in a worker while this thread renders.
  const ids = [...resolved.notes.map((note) => note.id), ...resolved.ghosts.map((ghost) => ghost.id)];
  const layoutInput = { ids, edges: resolved.edges, previous: options.previousPositions };
  early?.stop(); // the worker's layout comes first now
  // A worker that dies mid-layout costs time, not the build: the layout is then made here.
  const laying: Promise<Map<string, Position>> | undefined =
    total >= PARALLEL_FROM ? layoutInWorker(layoutInput, layoutWorker).catch(() => layoutGraph(layoutInput)) : undefined;

  const pages: NotePage[] = [];
  makePages(resolved, writer?.page ?? ((page) => void pages.push(page)), diagnostics, (done) => options.onProgress?.(done, total, 'render'), writer?.file);
  writer?.flush();
  // Pages of notes that are gone, in a folder an earlier build wrote (listing 10,000 files takes 20-40 ms).
  if (outDir !== undefined && writer && !writer.madeFolder) await removeStalePages(outDir, new Set(ids));
  stage('pages');
  // Small vaults lay out here, after their pages: a worker would cost more than the layout.
  const positions = laying ? await laying : layoutGraph(layoutInput);
  stage('layout (after pages)');
  const home = resolved.notes.find((note) => /^(index|readme|home)\.md$/i.test(note.path));
  const vaultName = options.vaultName ?? home?.title ?? path.basename(path.resolve(vaultDir));
  const graph = assembleGraph({ vaultName, resolved, positions, diagnostics: sortDiagnostics(diagnostics), skippedFiles: scanned.skippedFiles });
  stage('assemble');
  return { graph, pages };
}

/**
 * Its own function so that nothing in compileVault's frame keeps the read results (with every note's HTML)
 * alive once resolve has copied what it needs: that alone held ~120 MB at 10k notes.
 */
async function readVault(files: readonly NoteFile[], diagnostics: Diagnostic[], onProgress: (done: number) => void, cache?: ParseCache, pool?: WorkerPool): Promise<ParsedNote[]> {
  const parsed: ParsedNote[] = [];
  for (const result of await (cache ? readNotesCached(files, cache, onProgress, pool) : readNotes(files, onProgress, pool))) {
    diagnostics.push(...result.diagnostics);
    if (result.note) parsed.push(result.note);
  }
  return parsed;
}
