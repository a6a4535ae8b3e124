// Command-line entry: `npm run compile -- <notes-dir> --out <dir> [--strict] [--no-cache]`.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { compileVault } from './index.ts';
import { readPreviousPositions, writeGraph } from './emit.ts';
import { formatDiagnostics, formatSummary, progressBar } from './report.ts';
import { VaultUnreadableError } from './scan.ts';
import { applyCompileV8Flags } from './v8Flags.ts';

const HELP = `Topic Atlas compiler: turns a folder of Markdown notes into a JSON graph.

Usage: npm run compile -- <notes-dir> --out <dir> [options]

Options:
  --out <dir>   Where to write graph.json and notes/<id>.txt (default: ./atlas-out)
  --strict      Exit non-zero when there are any warnings
  --no-cache    Ignore positions from an earlier graph.json in --out (fresh layout)
  --quiet       Print only the summary line
  --timings     Also print the time each stage took
  --help        Show this help

Reads every .md file under <notes-dir>, skipping dot-folders (.obsidian, .git, .trash)
and node_modules. Links that resolve nowhere become ghost nodes; nothing is dropped.
Warnings are grouped by kind, with file and line. The last line is a summary:
notes, links, unresolved links, ghosts, warnings and seconds.

Exit codes: 0 success; 1 the notes folder cannot be read, or --out cannot be written;
2 --strict and warnings; 64 bad usage.`;

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string', default: 'atlas-out' },
        strict: { type: 'boolean', default: false },
        'no-cache': { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        timings: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${HELP}\n`);
    return 64;
  }
  if (args.values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const [notesDir] = args.positionals;
  if (!notesDir || args.positionals.length > 1) {
    process.stderr.write(`Give exactly one notes folder.\n\n${HELP}\n`);
    return 64;
  }
  applyCompileV8Flags();
  const outDir = path.resolve(args.values.out);
  const timings: Record<string, number> = {};
  const started = performance.now();
  const previousPositions = args.values['no-cache'] ? undefined : await readPreviousPositions(path.join(outDir, 'graph.json'));
  const bar = process.stderr.isTTY && !args.values.quiet ? progressBar(process.stderr) : undefined;
  let compiled;
  try {
    // Pages go to disk as they are rendered, so a big vault never holds them all.
    compiled = await compileVault(notesDir, { previousPositions, onProgress: bar?.update, timings, writePagesTo: outDir });
    bar?.done();
    const writeStarted = performance.now();
    await writeGraph(outDir, compiled.graph);
    timings['write graph'] = Math.round(performance.now() - writeStarted);
  } catch (error) {
    bar?.done();
    if (error instanceof VaultUnreadableError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    if (isFileSystemError(error)) {
      process.stderr.write(`Cannot write the output to "${outDir}": ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  if (args.values.timings) process.stderr.write(`timings (ms): ${Object.entries(timings).map(([k, v]) => `${k} ${v}`).join(', ')}\n`);
  const seconds = (performance.now() - started) / 1000;
  const { graph } = compiled;
  if (!args.values.quiet && graph.diagnostics.length > 0) process.stderr.write(formatDiagnostics(graph.diagnostics));
  process.stdout.write(`${formatSummary(graph, seconds)} -> ${outDir}\n`);
  if (args.values.strict && graph.stats.warnings > 0) {
    process.stderr.write(`--strict: ${graph.stats.warnings} warning(s).\n`);
    return 2;
  }
  return 0;
}

/** An error from the file system (it names the call and the path), as opposed to a bug. */
const isFileSystemError = (error: unknown): error is NodeJS.ErrnoException =>
  error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && typeof (error as NodeJS.ErrnoException).syscall === 'string';

process.exitCode = await main(process.argv.slice(2));
