// One measured compile, in its own process so that peak RSS belongs to this compile alone.
// Spawned by bench/compile.ts:  node --import tsx bench/compile-child.ts <full|stages> <vault> <out>
//
// full:   compileVault writing pages as it goes, then graph.json: exactly what `npm run compile` does (minus
//         reading a previous layout), with the V8 flags the CLI sets.
// stages: the same pipeline rebuilt from the exported stage functions, each timed on its own (wall and CPU),
//         in one thread: read, decode and parse are split apart, where compileVault runs them together (on
//         worker threads for big vaults). It mirrors src/compiler/index.ts as of d1802d0; if that changes
//         shape, `full` stays the truth (its own `timings` are recorded too) and the report shows both sums,
//         so a drift is visible.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic, NoteId } from '../src/shared/schema.ts';
import { compileVault } from '../src/compiler/index.ts';
import { writeGraph, writeOutput } from '../src/compiler/emit.ts';
import { scanVault } from '../src/compiler/scan.ts';
import { decodeNote } from '../src/compiler/decode.ts';
import { parseNote, type ParsedNote } from '../src/compiler/parse.ts';
import { resolveVault } from '../src/compiler/resolve.ts';
import { fillLinks } from '../src/compiler/render.ts';
import { layoutGraph, seededRandom } from '../src/compiler/layout.ts';
import { asPairs } from '../src/shared/forceLayout.ts';
import { linkCount, linkGraphFromPairs } from '../src/shared/linkGraph.ts';
import { louvain } from '../src/shared/louvain.ts';
import { assemble } from '../src/compiler/assemble.ts';
import { sortDiagnostics } from '../src/compiler/diagnostics.ts';

export interface ChildResult {
  mode: 'full' | 'stages';
  /** compileVault (or the sum of its stages), seconds. */
  compileSeconds: number;
  emitSeconds: number;
  totalSeconds: number;
  /** CPU seconds (user + system, all threads) over compile + emit: less disturbed by other load than wall time. */
  cpuSeconds: number;
  /** Seconds from process start to the compile starting: Node, tsx and module loading. */
  startupSeconds: number;
  maxRssMiB: number;
  stats: Record<string, number>;
  /** stages mode: wall seconds per stage, in pipeline order. */
  stages?: Record<string, number>;
  /** stages mode: CPU seconds per stage (user + system, so GC threads count too). */
  stagesCpu?: Record<string, number>;
  /** full mode: milliseconds per stage as compileVault itself reports them (`timings` option), when it does. */
  compilerTimings?: Record<string, number>;
}

/** Stage name of the Louvain-only measurement; not part of the pipeline total. */
export const LOUVAIN_ALONE = 'layout: louvain alone (within layout)';

const seconds = (from: number): number => (performance.now() - from) / 1000;
const cpuNow = (): number => {
  const { userCPUTime, systemCPUTime } = process.resourceUsage();
  return (userCPUTime + systemCPUTime) / 1e6;
};

async function full(vault: string, out: string): Promise<ChildResult> {
  const startupSeconds = performance.now() / 1000;
  const cpu0 = cpuNow();
  const t0 = performance.now();
  const compilerTimings: Record<string, number> = {};
  // As the CLI does it: each page is written as it is rendered (while the layout runs), then graph.json.
  const compiled = await compileVault(vault, { vaultName: 'bench', timings: compilerTimings, writePagesTo: out });
  const compileSeconds = seconds(t0);
  const t1 = performance.now();
  await writeGraph(out, compiled.graph);
  const emitSeconds = seconds(t1);
  return {
    mode: 'full', compileSeconds, emitSeconds, totalSeconds: seconds(t0), cpuSeconds: cpuNow() - cpu0, startupSeconds,
    maxRssMiB: process.resourceUsage().maxRSS / 1024, stats: { ...compiled.graph.stats },
    ...(Object.keys(compilerTimings).length > 0 ? { compilerTimings } : {}),
  };
}

async function stages(vault: string, out: string): Promise<ChildResult> {
  const startupSeconds = performance.now() / 1000;
  const wall: Record<string, number> = {};
  const cpu: Record<string, number> = {};
  const add = (name: string, t: number, c: number): void => {
    wall[name] = (wall[name] ?? 0) + seconds(t);
    cpu[name] = (cpu[name] ?? 0) + cpuNow() - c;
  };
  const time = <T>(name: string, run: () => T): T => {
    const t = performance.now();
    const c = cpuNow();
    const value = run();
    add(name, t, c);
    return value;
  };
  const timeAsync = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const c = cpuNow();
    const value = await run();
    add(name, t, c);
    return value;
  };
  const cpu0 = cpuNow();
  const t0 = performance.now();

  const scanned = await timeAsync('scan', () => scanVault(vault));
  const diagnostics: Diagnostic[] = [...scanned.diagnostics];
  // Read as readNote does (readFileSync): an awaited fs.promises.readFile per note costs several times more.
  const files = time('read', () => scanned.files.map((file) => ({ path: file.path, bytes: readFileSync(file.absolutePath) as Uint8Array })));

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
  time('fill links', () => {
    for (const note of resolved.notes) html.set(note.id, fillLinks(note.html, note.links, resolved.targets.get(note.id) ?? new Map()));
  });

  const ids = [...resolved.notes.map((note) => note.id), ...resolved.ghosts.map((ghost) => ghost.id)];
  const positions = time('layout', () => layoutGraph({ ids, edges: resolved.edges }));
  const compiled = time('assemble', () => assemble({
    vaultName: 'bench', resolved, html, positions, diagnostics: sortDiagnostics(diagnostics), skippedFiles: scanned.skippedFiles,
  }));
  const compileSeconds = seconds(t0);

  await timeAsync('emit', () => writeOutput(out, compiled));
  const emitSeconds = wall.emit!;
  const cpuSeconds = cpuNow() - cpu0;

  // How much of the layout is community detection: Louvain alone on the same graph layoutGraph builds.
  // Not part of the total (it repeats work already inside `layout`).
  time(LOUVAIN_ALONE, () => {
    const { ids: order, pairs } = asPairs({ ids, edges: resolved.edges });
    const graph = linkGraphFromPairs(order.length, pairs);
    if (linkCount(graph) > 0) louvain(graph, seededRandom(42));
  });

  return {
    mode: 'stages', compileSeconds, emitSeconds, totalSeconds: compileSeconds + emitSeconds, cpuSeconds, startupSeconds,
    maxRssMiB: process.resourceUsage().maxRSS / 1024, stats: { ...compiled.graph.stats }, stages: wall, stagesCpu: cpu,
  };
}

/**
 * The V8 flags the CLI of the measured source sets (src/compiler/v8Flags.ts), so the compile runs as
 * `npm run compile` runs it. Sources from before that module have none to set.
 */
async function applyTheCliV8Flags(): Promise<void> {
  const flagsModule = '../src/compiler/v8Flags.ts'; // a variable: a --rev export may not have it, and tsc should not care
  const module = (await import(flagsModule).catch(() => undefined)) as { applyCompileV8Flags?: () => void } | undefined;
  module?.applyCompileV8Flags?.();
}

async function main(argv: string[]): Promise<number> {
  const [mode, vault, out] = argv;
  if ((mode !== 'full' && mode !== 'stages') || !vault || !out) {
    process.stderr.write('usage: node --import tsx bench/compile-child.ts <full|stages> <vault> <out>\n');
    return 64;
  }
  await applyTheCliV8Flags();
  const result = mode === 'full' ? await full(vault, out) : await stages(vault, out);
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then((code) => process.exit(code), (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exit(1);
  });
}
