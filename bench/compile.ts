// Compile benchmark: `npm run bench:compile [-- --shape wiki --sizes 1000,10000 --runs 3 --seed 1 --no-stages]`
//
// For each size: generate the seeded vault under bench/.vaults/ (or reuse it when its stamp matches), then
// compile it `runs` times, each in a fresh child process (bench/compile-child.ts) so that peak RSS is this
// compile's alone, plus one extra child that times each stage separately. Prints Markdown tables and writes
// bench/.out/compile-results.json, keyed by shape, size, seed and compiler commit: other entries already there are
// kept, so the file is a history of the compiler's speed.
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { LOUVAIN_ALONE, type ChildResult } from './compile-child.ts';
import { freshMemoryMsPerGiB } from './freshMemory.ts';
import { dropPageCache, readEveryFile } from './pageCache.ts';
import { generateVault, readStamp, SHAPES, vaultIsCurrent, type GenerateOptions, type Shape } from './generate.ts';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const VAULTS_DIR = path.join(BENCH_DIR, '.vaults');
const OUT_DIR = path.join(BENCH_DIR, '.out');
const RESULTS_FILE = path.join(OUT_DIR, 'compile-results.json');
/** Each run writes its pages to a folder of its own here; all are deleted when the bench ends. */
const RUNS_OUT_DIR = path.join(OUT_DIR, 'compile-runs');
const CLEANUP_STAMP = path.join(OUT_DIR, 'compile-runs-deleted.json');
/**
 * After files are deleted, this VM's ext4 (no journal) skips their inodes when it makes new files, checking each
 * one (`recently_deleted` in fs/ext4/ialloc.c): for 60 s, or 360 s while their inode table block is unwritten. In
 * `perf`, that was 8-14% of a compile's CPU when the last run's 10,000 pages had been deleted just before it; making
 * 1,000 files took 240-320 ms up to 30 s after deleting 20,000 and 11-19 ms after 45 s. So the runs never delete:
 * their folders are deleted when the bench ends, then synced, and a bench waits before it measures. Waiting 65 s
 * was not enough: benches 65 s apart wrote mixed 10k's pages in 1.6-2.7 s, one six minutes after in 1.0 s.
 */
const DELETED_INODES_SECONDS = 360;
const REPO_DIR = path.dirname(BENCH_DIR);

/** What is measured: the working tree as it is, or a clean export of one commit (`--rev`). */
interface Target {
  /** The compile-child.ts to run; its `../src` is the compiler measured. */
  child: string;
  source: { commit: string; dirtySrcFiles: number };
}

interface Budget {
  seconds: number;
  rssMiB?: number;
  source: string;
}

/** Issue 2 (mixed vaults) and issue 4 (the wiki, layout included); on this 2-core machine. */
const BUDGETS: Record<Shape, Record<number, Budget>> = {
  mixed: {
    10_000: { seconds: 5, source: 'issue 2' },
    50_000: { seconds: 30, rssMiB: 1536, source: 'issue 2' },
  },
  wiki: {
    10_000: { seconds: 8, source: 'issue 4' },
    25_000: { seconds: 30, source: 'issue 4' },
  },
};
const DEFAULT_SIZES: Record<Shape, number[]> = { mixed: [1000, 10_000, 50_000], wiki: [1000, 10_000, 25_000] };

export interface SizeResult {
  key: string;
  shape: Shape;
  notes: number;
  seed: number;
  vault: { files: number; bytes: number; links: number; ghostLinks: number; variantLinks: number };
  runs: ChildResult[];
  /** Runs that failed (crash, out of memory), with their exit code and last stderr lines. */
  failures: string[];
  median: { totalSeconds: number; compileSeconds: number; emitSeconds: number; cpuSeconds: number; processSeconds: number; maxRssMiB: number; notesPerSecond: number } | undefined;
  processSeconds: number[];
  stages: ChildResult | undefined;
  /** Why the stage run failed, if it did. */
  stageFailure?: string;
  /** Median seconds per stage as compileVault reports them in the full runs (the real pipeline, workers and all). */
  compilerStages: Record<string, number> | undefined;
  budget: Budget | undefined;
  verdict: string;
  measuredAt: string;
  /** The machine is shared: the 1/5/15-minute load average when this size started. */
  loadAverage: string;
  /** What filling fresh memory cost when this size started, ms per GiB (freshMemory.ts): the host's state. */
  freshMemoryMsPerGiB?: number;
  /**
   * Warm: every note read once before the runs (`vaultReadSeconds`: how long that took, so how cold they were).
   * Cold (`--cold`): the page cache dropped before each run. Results before d455aed have neither: their first
   * run read most notes from the disk and the others did not.
   */
  pageCache?: 'warm' | 'cold';
  vaultReadSeconds?: number;
  /** The compiler measured: HEAD, and how many files under src/ had uncommitted changes. */
  source: { commit: string; dirtySrcFiles: number };
}

const label = (n: number): string => (n % 1000 === 0 ? `${n / 1000}k` : String(n));
const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const fmt = (value: number, digits = 2): string => value.toFixed(digits);
const log = (text: string): void => {
  process.stderr.write(`${text}\n`);
};

/** A child that takes longer than this is killed and counted as failed (a hung write was seen once). */
let childTimeoutSeconds = 1800;

function runChild(target: Target, mode: 'full' | 'stages', vault: string, out: string): Promise<{ result?: ChildResult; wallSeconds: number; error?: string }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', target.child, mode, vault, out], { cwd: REPO_DIR, stdio: ['ignore', 'pipe', 'pipe'] });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, childTimeoutSeconds * 1000);
    let stdout = '';
    let stderr = '';
    let firstError = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      firstError ||= text.split('\n').find((l) => /Error|FATAL|heap/i.test(l)) ?? '';
      stderr = (stderr + text).slice(-4000);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const wallSeconds = (performance.now() - started) / 1000;
      if (timedOut) firstError = `killed after ${childTimeoutSeconds} s (timeout)`;
      const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
      if (code === 0 && line) resolve({ result: JSON.parse(line.slice(7)) as ChildResult, wallSeconds });
      else resolve({ wallSeconds, error: `exit ${code ?? signal}: ${firstError.trim()} | ${stderr.trim().split('\n').slice(-3).join(' | ')}` });
    });
  });
}

async function ensureVault(options: GenerateOptions): Promise<string> {
  const dir = path.join(VAULTS_DIR, `${options.shape}-${label(options.notes)}`);
  const stamp = readStamp(dir);
  if (vaultIsCurrent(dir, options)) {
    log(`reusing ${path.relative(process.cwd(), dir)} (stamp matches)`);
    return dir;
  }
  if (stamp) log(`${path.relative(process.cwd(), dir)} is stale (other seed, size or generator); regenerating`);
  const started = performance.now();
  const made = await generateVault(options, dir);
  log(`generated ${path.relative(process.cwd(), dir)}: ${made.stats.notes} notes, ${fmt(made.stats.bytes / 1e6, 1)} MB in ${fmt((performance.now() - started) / 1000, 1)} s`);
  return dir;
}

async function benchSize(target: Target, shape: Shape, notes: number, seed: number, runs: number, withStages: boolean, cold: boolean): Promise<SizeResult> {
  const options: GenerateOptions = { shape, notes, seed };
  const vault = await ensureVault(options);
  const stamp = readStamp(vault)!;
  const outFor = (run: string) => path.join(RUNS_OUT_DIR, `${shape}-${label(notes)}-${run}`);
  const result: SizeResult = {
    key: `${shape}-${notes}-s${seed}@${target.source.commit}${target.source.dirtySrcFiles > 0 ? '+dirty' : ''}${cold ? '+cold' : ''}`, shape, notes, seed,
    vault: { files: stamp.stats.files, bytes: stamp.stats.bytes, links: stamp.stats.links, ghostLinks: stamp.stats.ghostLinks, variantLinks: stamp.stats.variantLinks },
    runs: [], failures: [], median: undefined, processSeconds: [], stages: undefined, compilerStages: undefined,
    budget: BUDGETS[shape][notes], verdict: '', measuredAt: new Date().toISOString(),
    loadAverage: os.loadavg().map((l) => l.toFixed(2)).join(' '),
    freshMemoryMsPerGiB: Math.round(freshMemoryMsPerGiB()),
    source: target.source,
    pageCache: cold ? 'cold' : 'warm',
  };
  if (!cold) {
    const read = readEveryFile(vault);
    result.vaultReadSeconds = read.seconds;
    log(`${shape} ${label(notes)}: read all ${read.files} files (${fmt(read.bytes / 1e6, 1)} MB) in ${fmt(read.seconds)} s, so every run finds them in the page cache`);
  }
  for (let r = 1; r <= runs; r++) {
    // The last run's pages, still in the page cache, would be written back (and their blocks allocated) by the
    // kernel during this one, on the same two cores.
    execFileSync('sync');
    if (cold) dropPageCache();
    const { result: run, wallSeconds, error } = await runChild(target, 'full', vault, outFor(String(r)));
    if (!run) {
      result.failures.push(error ?? 'unknown failure');
      log(`${shape} ${label(notes)} run ${r}/${runs}: FAILED ${error}`);
      continue;
    }
    result.runs.push(run);
    result.processSeconds.push(wallSeconds);
    log(`${shape} ${label(notes)} run ${r}/${runs}: ${fmt(run.totalSeconds)} s (compile ${fmt(run.compileSeconds)}, emit ${fmt(run.emitSeconds)}, CPU ${fmt(run.cpuSeconds)}), load ${os.loadavg()[0]!.toFixed(1)}, peak RSS ${fmt(run.maxRssMiB, 0)} MiB, process ${fmt(wallSeconds)} s`);
  }
  if (withStages) {
    execFileSync('sync');
    if (cold) dropPageCache();
    const { result: staged, error } = await runChild(target, 'stages', vault, outFor('stages'));
    if (staged) {
      result.stages = staged;
      log(`${shape} ${label(notes)} stages: ${Object.entries(staged.stages ?? {}).map(([k, v]) => `${k} ${fmt(v)}`).join(', ')}`);
    } else {
      result.stageFailure = error ?? 'unknown failure';
      log(`${shape} ${label(notes)} stage run FAILED: ${error}`);
    }
  }
  if (result.runs.length > 0) {
    const total = median(result.runs.map((r) => r.totalSeconds));
    result.median = {
      totalSeconds: total,
      compileSeconds: median(result.runs.map((r) => r.compileSeconds)),
      emitSeconds: median(result.runs.map((r) => r.emitSeconds)),
      cpuSeconds: median(result.runs.map((r) => r.cpuSeconds)),
      processSeconds: median(result.processSeconds),
      maxRssMiB: median(result.runs.map((r) => r.maxRssMiB)),
      notesPerSecond: notes / total,
    };
  }
  const reported = result.runs.filter((r) => r.compilerTimings);
  if (reported.length > 0) {
    const names = [...new Set(reported.flatMap((r) => Object.keys(r.compilerTimings!)))];
    result.compilerStages = Object.fromEntries(names.map((name) => [name, median(reported.map((r) => (r.compilerTimings![name] ?? 0) / 1000))]));
  }
  result.verdict = verdict(result);
  return result;
}

const git = (...args: string[]): string => execFileSync('git', args, { cwd: REPO_DIR, encoding: 'utf8' }).trim();

function workingTree(): Target {
  const child = path.join(BENCH_DIR, 'compile-child.ts');
  try {
    return { child, source: { commit: git('rev-parse', '--short', 'HEAD'), dirtySrcFiles: git('status', '--porcelain', '--', 'src').split('\n').filter(Boolean).length } };
  } catch {
    return { child, source: { commit: 'unknown', dirtySrcFiles: -1 } };
  }
}

/**
 * A clean copy of `rev`'s src/ (git archive, no worktree), with this checkout's compile-child.ts and
 * node_modules beside it: measures a commit, unaffected by edits in progress in the working tree.
 */
function exportedRevision(rev: string): Target {
  const commit = git('rev-parse', '--short', `${rev}^{commit}`);
  // Outside the repo, so the repo's tsc, ESLint and Vitest never see a second copy of src/.
  const dir = path.join(os.tmpdir(), 'topic-atlas-bench', `src-${commit}`);
  if (!existsSync(path.join(dir, 'src'))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(path.join(dir, 'bench'), { recursive: true });
    const archive = execFileSync('git', ['archive', '--format=tar', commit, 'src', 'package.json', 'tsconfig.json'], { cwd: REPO_DIR, maxBuffer: 1 << 30 });
    execFileSync('tar', ['-x', '-C', dir], { input: archive });
    symlinkSync(path.join(REPO_DIR, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  }
  copyFileSync(path.join(BENCH_DIR, 'compile-child.ts'), path.join(dir, 'bench', 'compile-child.ts'));
  return { child: path.join(dir, 'bench', 'compile-child.ts'), source: { commit, dirtySrcFiles: 0 } };
}

function verdict(result: SizeResult): string {
  if (!result.median) return result.failures.length > 0 ? 'FAILED' : '';
  const { budget } = result;
  if (!budget) return 'no budget';
  const misses: string[] = [];
  if (result.median.totalSeconds > budget.seconds) misses.push(`${fmt(result.median.totalSeconds / budget.seconds, 1)}x over time`);
  if (budget.rssMiB !== undefined && result.median.maxRssMiB > budget.rssMiB) misses.push(`${fmt(result.median.maxRssMiB / budget.rssMiB, 1)}x over memory`);
  return misses.length === 0 ? 'within budget' : `MISS (${misses.join(', ')})`;
}

function machine(): Record<string, string | number> {
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverageAtStart: os.loadavg().map((l) => l.toFixed(2)).join(' '),
  };
}

export function summaryTable(results: SizeResult[]): string {
  const rows = [
    '| vault | notes | MB | runs | page cache | median compile+emit (s) | min-max (s) | CPU (s) | notes/s | peak RSS (MiB) | process wall (s) | fresh memory (ms/GiB) | budget | verdict |',
    '| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |',
  ];
  for (const r of results) {
    const m = r.median;
    const totals = r.runs.map((run) => run.totalSeconds);
    const budget = r.budget ? `< ${r.budget.seconds} s${r.budget.rssMiB ? `, < ${(r.budget.rssMiB / 1024).toFixed(1)} GiB` : ''} (${r.budget.source})` : '—';
    const cache = r.pageCache === 'warm' && r.vaultReadSeconds !== undefined ? `warm (read before in ${fmt(r.vaultReadSeconds)} s)` : (r.pageCache ?? '—');
    rows.push(`| ${r.shape} ${label(r.notes)} | ${r.notes} | ${fmt(r.vault.bytes / 1e6, 1)} | ${r.runs.length}${r.failures.length ? ` (+${r.failures.length} failed)` : ''} | ${cache} | `
      + `${m ? fmt(m.totalSeconds) : '—'} | ${totals.length ? `${fmt(Math.min(...totals))}-${fmt(Math.max(...totals))}` : '—'} | ${m ? fmt(m.cpuSeconds) : '—'} | ${m ? fmt(m.notesPerSecond, 0) : '—'} | `
      + `${m ? fmt(m.maxRssMiB, 0) : '—'} | ${m ? fmt(m.processSeconds) : '—'} | ${r.freshMemoryMsPerGiB ?? '—'} | ${budget} | ${r.verdict} |`);
  }
  return rows.join('\n');
}

export function stageTable(results: SizeResult[]): string {
  const staged = results.filter((r) => r.stages?.stages);
  if (staged.length === 0) return '';
  const names = [...new Set(staged.flatMap((r) => Object.keys(r.stages!.stages!)))];
  const rows = [
    `| stage: wall s (CPU s, share of CPU) | ${staged.map((r) => `${r.shape} ${label(r.notes)}`).join(' | ')} |`,
    `| --- | ${staged.map(() => '---:').join(' | ')} |`,
  ];
  for (const name of names) {
    const inTotal = name !== LOUVAIN_ALONE;
    rows.push(`| ${name} | ${staged.map((r) => {
      const wall = r.stages!.stages![name];
      const cpu = r.stages!.stagesCpu?.[name];
      if (wall === undefined) return '—';
      if (cpu === undefined) return `${fmt(wall)}`;
      return `${fmt(wall)} (${fmt(cpu)}${inTotal ? `, ${fmt((100 * cpu) / r.stages!.cpuSeconds, 0)}%` : ''})`;
    }).join(' | ')} |`);
  }
  rows.push(`| **sum (stage run)** | ${staged.map((r) => `${fmt(r.stages!.totalSeconds)} (${fmt(r.stages!.cpuSeconds)})`).join(' | ')} |`);
  rows.push(`| median full run, for comparison | ${staged.map((r) => (r.median ? `${fmt(r.median.totalSeconds)} (${fmt(r.median.cpuSeconds)})` : '—')).join(' | ')} |`);
  return rows.join('\n');
}

/** Stage times the compiler reports about itself (compileVault's `timings` option), median of the full runs. */
export function compilerStageTable(results: SizeResult[]): string {
  const reported = results.filter((r) => r.compilerStages);
  if (reported.length === 0) return '';
  const names = [...new Set(reported.flatMap((r) => Object.keys(r.compilerStages!)))];
  const rows = [
    `| stage (wall s, share of compile+emit) | ${reported.map((r) => `${r.shape} ${label(r.notes)}`).join(' | ')} |`,
    `| --- | ${reported.map(() => '---:').join(' | ')} |`,
  ];
  for (const name of names) {
    rows.push(`| ${name} | ${reported.map((r) => {
      const value = r.compilerStages![name];
      return value === undefined ? '—' : `${fmt(value)} (${fmt((100 * value) / r.median!.totalSeconds, 0)}%)`;
    }).join(' | ')} |`);
  }
  rows.push(`| emit (measured by the bench) | ${reported.map((r) => `${fmt(r.median!.emitSeconds)} (${fmt((100 * r.median!.emitSeconds) / r.median!.totalSeconds, 0)}%)`).join(' | ')} |`);
  return rows.join('\n');
}

function deleteRunOutputs(): void {
  if (!existsSync(RUNS_OUT_DIR)) return;
  rmSync(RUNS_OUT_DIR, { recursive: true, force: true });
  execFileSync('sync');
  writeFileSync(CLEANUP_STAMP, `${JSON.stringify({ deletedAt: Date.now() })}\n`);
}

async function waitForDeletedInodes(): Promise<void> {
  let deletedAt: number;
  try {
    deletedAt = (JSON.parse(readFileSync(CLEANUP_STAMP, 'utf8')) as { deletedAt?: number }).deletedAt ?? 0;
  } catch {
    return; // never deleted any
  }
  const wait = deletedAt + DELETED_INODES_SECONDS * 1000 - Date.now();
  if (wait <= 0) return;
  log(`waiting ${fmt(wait / 1000, 0)} s: the last run outputs were deleted ${fmt((Date.now() - deletedAt) / 1000, 0)} s ago (ext4 makes files slowly for a while after)`);
  await new Promise((resolve) => setTimeout(resolve, wait));
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      shape: { type: 'string', default: 'mixed' },
      sizes: { type: 'string' },
      runs: { type: 'string' },
      seed: { type: 'string', default: '1' },
      'no-stages': { type: 'boolean', default: false },
      cold: { type: 'boolean', default: false },
      rev: { type: 'string' },
      timeout: { type: 'string', default: '1800' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write('Usage: npm run bench:compile -- [--shape mixed|wiki] [--sizes 1000,10000] [--runs N] [--seed N] [--no-stages] [--cold] [--rev <git rev>] [--timeout <s per child, default 1800>]\n'
      + 'Defaults: mixed 1000,10000,50000 (wiki: 1000,10000,25000); 3 runs up to 10k notes, 1 above; seed 1.\n'
      + 'Every note is read once before the runs, so they find it in the page cache; --cold drops the page cache before each run instead (root, Linux).\n'
      + '--rev measures a clean export of that commit\'s src/ instead of the working tree (edits in progress and all).\n');
    return 0;
  }
  const shape = values.shape as Shape;
  if (!SHAPES.includes(shape)) throw new Error(`--shape must be one of ${SHAPES.join(', ')}`);
  const sizes = values.sizes ? values.sizes.split(',').map((s) => Number(s.trim())) : DEFAULT_SIZES[shape];
  if (sizes.some((n) => !Number.isInteger(n) || n < 10)) throw new Error(`--sizes must be integers >= 10, got ${values.sizes}`);
  const seed = Number(values.seed);
  mkdirSync(OUT_DIR, { recursive: true });
  const target = values.rev ? exportedRevision(values.rev) : workingTree();
  childTimeoutSeconds = Number(values.timeout);

  deleteRunOutputs(); // left by a bench that did not finish
  await waitForDeletedInodes();
  const results: SizeResult[] = [];
  try {
    for (const notes of sizes) {
      const runs = values.runs ? Number(values.runs) : notes <= 10_000 ? 3 : 1;
      results.push(await benchSize(target, shape, notes, seed, runs, !values['no-stages'], values.cold));
    }
  } finally {
    deleteRunOutputs();
  }

  const previous = existsSync(RESULTS_FILE) ? (JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as { results?: SizeResult[] }).results ?? [] : [];
  const merged = [...previous.filter((p) => !results.some((r) => r.key === p.key)), ...results]
    .sort((a, b) => a.measuredAt.localeCompare(b.measuredAt));
  writeFileSync(RESULTS_FILE, `${JSON.stringify({ machine: machine(), results: merged }, null, 2)}\n`);

  process.stdout.write(`\n## Compile benchmark (${shape}, seed ${seed})\n\n${summaryTable(results)}\n`);
  const reportedStages = compilerStageTable(results);
  if (reportedStages) process.stdout.write(`\n### Time by stage, as compileVault reports it (median of the full runs)\n\n${reportedStages}\n`);
  const stages = stageTable(results);
  if (stages) process.stdout.write(`\n### Time by stage: the stage functions re-run one by one, serially, with CPU time (one extra run per size)\n\n${stages}\n`);
  const { commit, dirtySrcFiles } = target.source;
  process.stdout.write(`\nCompiler at ${commit}${values.rev ? ' (clean export)' : dirtySrcFiles > 0 ? ` with ${dirtySrcFiles} uncommitted file(s) under src/` : ''}.`);
  process.stdout.write(`\nMachine: ${Object.entries(machine()).map(([k, v]) => `${k} ${v}`).join(', ')}\nResults: ${path.relative(process.cwd(), RESULTS_FILE)}\n`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then((code) => process.exit(code), (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exit(1);
  });
}
