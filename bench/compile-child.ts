// One measured compile, in its own process so that peak RSS belongs to this compile alone.
// Spawned by bench/compile.ts:  node --import tsx bench/compile-child.ts <full|stages> <vault> <out>
//
// full:   compileVault + writeOutput, exactly what `npm run compile` does (minus reading a previous layout).
// stages: the same pipeline rebuilt from the exported stage functions, each timed on its own. It mirrors
//         src/compiler/index.ts at the time of writing; if that changes shape, `full` stays the truth and
//         the stage sum will drift from it (the report shows both, so a drift is visible).
import { promises as fs } from 'node:fs';
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import type { Diagnostic, NoteId } from '../src/shared/schema.ts';
import { compileVault } from '../src/compiler/index.ts';
import { writeOutput } from '../src/compiler/emit.ts';
import { scanVault } from '../src/compiler/scan.ts';
import { decodeNote } from '../src/compiler/decode.ts';
import { parseNote, type ParsedNote } from '../src/compiler/parse.ts';
import { resolveVault } from '../src/compiler/resolve.ts';
import { renderNote } from '../src/compiler/render.ts';
import { layoutGraph, seededRandom } from '../src/compiler/layout.ts';
import { assemble } from '../src/compiler/assemble.ts';
import { sortDiagnostics } from '../src/compiler/diagnostics.ts';

export interface ChildResult {
  mode: 'full' | 'stages';
  /** compileVault (or the sum of its stages), seconds. */
  compileSeconds: number;
  emitSeconds: number;
  totalSeconds: number;
  /** Seconds from process start to the compile starting: Node, tsx and module loading. */
  startupSeconds: number;
  maxRssMiB: number;
  stats: Record<string, number>;
  /** stages mode: seconds per stage, in pipeline order. */
  stages?: Record<string, number>;
}

const seconds = (from: number): number => (performance.now() - from) / 1000;

async function full(vault: string, out: string): Promise<ChildResult> {
  const startupSeconds = performance.now() / 1000;
  const t0 = performance.now();
  const compiled = await compileVault(vault, { vaultName: 'bench' });
  const compileSeconds = seconds(t0);
  const t1 = performance.now();
  await writeOutput(out, compiled);
  const emitSeconds = seconds(t1);
  return {
    mode: 'full', compileSeconds, emitSeconds, totalSeconds: seconds(t0), startupSeconds,
    maxRssMiB: process.resourceUsage().maxRSS / 1024, stats: { ...compiled.graph.stats },
  };
}

async function stages(vault: string, out: string): Promise<ChildResult> {
  const startupSeconds = performance.now() / 1000;
  const timings: Record<string, number> = {};
  const time = <T>(name: string, run: () => T): T => {
    const t = performance.now();
    const value = run();
    timings[name] = (timings[name] ?? 0) + seconds(t);
    return value;
  };
  const t0 = performance.now();

  let t = performance.now();
  const scanned = await scanVault(vault);
  timings.scan = seconds(t);

  const diagnostics: Diagnostic[] = [...scanned.diagnostics];
  t = performance.now();
  const files: { path: string; bytes: Uint8Array }[] = [];
  for (const file of scanned.files) files.push({ path: file.path, bytes: await fs.readFile(file.absolutePath) });
  timings.read = seconds(t);

  const parsed: ParsedNote[] = [];
  for (const file of files) {
    const decoded = time('decode', () => decodeNote(file.bytes, file.path));
    diagnostics.push(...decoded.diagnostics);
    const note = time('parse', () => parseNote(file.path, decoded.text));
    diagnostics.push(...note.diagnostics);
    parsed.push(note);
  }
  files.length = 0;

  const resolved = time('resolve', () => resolveVault(parsed));
  diagnostics.push(...resolved.diagnostics);

  const html = new Map<NoteId, string>();
  time('render', () => {
    for (const note of resolved.notes) html.set(note.id, renderNote(note.body, resolved.targets.get(note.id) ?? new Map()));
  });

  const ids = [...resolved.notes.map((note) => note.id), ...resolved.ghosts.map((ghost) => ghost.id)];
  const positions = time('layout', () => layoutGraph({ ids, edges: resolved.edges }));
  const compiled = time('assemble', () => assemble({
    vaultName: 'bench', resolved, html, positions, diagnostics: sortDiagnostics(diagnostics), skippedFiles: scanned.skippedFiles,
  }));
  const compileSeconds = seconds(t0);

  t = performance.now();
  await writeOutput(out, compiled);
  const emitSeconds = seconds(t);
  timings.emit = emitSeconds;

  // How much of the layout is community detection: Louvain alone on the same graph layoutGraph builds.
  // Not part of the total (it repeats work already inside `layout`).
  t = performance.now();
  const graph = new Graph({ type: 'undirected', multi: false });
  for (const id of ids) graph.addNode(id);
  for (const { source, target } of resolved.edges) {
    if (source !== target && graph.hasNode(source) && graph.hasNode(target) && !graph.hasEdge(source, target)) graph.addEdge(source, target);
  }
  if (graph.size > 0) louvain(graph, { rng: seededRandom(42), resolution: 1 });
  timings['layout: louvain alone (within layout)'] = seconds(t);

  return {
    mode: 'stages', compileSeconds, emitSeconds, totalSeconds: compileSeconds + emitSeconds, startupSeconds,
    maxRssMiB: process.resourceUsage().maxRSS / 1024, stats: { ...compiled.graph.stats }, stages: timings,
  };
}

const [mode, vault, out] = process.argv.slice(2);
if ((mode !== 'full' && mode !== 'stages') || !vault || !out) {
  process.stderr.write('usage: node --import tsx bench/compile-child.ts <full|stages> <vault> <out>\n');
  process.exit(64);
}
const result = mode === 'full' ? await full(vault, out) : await stages(vault, out);
process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
