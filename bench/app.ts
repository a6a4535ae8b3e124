// App benchmark: `npm run bench:app [-- --sizes 1000,10000,25000 --runs N --seed 1 --naive-timeout 180 --no-naive --no-md]`
//
// 1. Generates (or reuses) the seeded wiki vaults under bench/.vaults/, compiles each with the CLI into
//    bench/.out/app-data/<size> (reused while the vault and the compiler are unchanged), and builds the app
//    once into bench/.out/app-build (reused while src/ and the build config are unchanged).
// 2. Serves both from 127.0.0.1 (bench/app/server.ts) and drives Debian's Chromium through Playwright, one
//    browser, one page at a time, a fresh context per run (bench/app/measure.ts):
//    - our app: first paint, when the map answers input, note panel after a click and after a deep link,
//      search results, pan/zoom frame times, JS heap, graph.json size;
//    - the straightforward page (bench/app/naive.html: all elements to Cytoscape, live `cose` layout):
//      the same where it applies, each load capped (`--naive-timeout`, default 180 s).
// 3. Prints Markdown tables (medians, ours/naive ratios, issue 4's budgets), writes
//    bench/.out/app-results.json, and replaces the "## App (bench:app)" section of BENCHMARKS.md.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright';
import { nodeFromTuple } from '../src/shared/graphFormat.ts';
import type { NodeTuple } from '../src/shared/schema.ts';
import { generateVault, readStamp, STAMP_FILE, vaultIsCurrent, type GenerateOptions } from './generate.ts';
import { measureRun, withTimeout, type OurTargets, type PageKind, type RunResult } from './app/measure.ts';
import { budgetTable, label, sizeTable, summariseSize, type SizeReport } from './app/report.ts';
import { startServer } from './app/server.ts';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const REPO_DIR = path.dirname(BENCH_DIR);
const VAULTS_DIR = path.join(BENCH_DIR, '.vaults');
const OUT_DIR = path.join(BENCH_DIR, '.out');
const DATA_DIR = path.join(OUT_DIR, 'app-data');
const BUILD_DIR = path.join(OUT_DIR, 'app-build');
const RESULTS_FILE = path.join(OUT_DIR, 'app-results.json');
const BENCHMARKS_MD = path.join(REPO_DIR, 'BENCHMARKS.md');
const SECTION_HEADING = '## App (bench:app)';
const BENCH_STAMP = '.bench-app-stamp.json';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const log = (text: string): void => {
  process.stderr.write(`${text}\n`);
};
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const git = (...args: string[]): string => execFileSync('git', args, { cwd: REPO_DIR, encoding: 'utf8' }).trim();
const uptime = (): string => {
  try {
    return execFileSync('uptime', { encoding: 'utf8' }).trim();
  } catch {
    return `load average: ${os.loadavg().map((l) => l.toFixed(2)).join(', ')}`;
  }
};

/** Hash of every file under the given paths (relative to the repo), for "is this output still current?". */
function hashTree(...relatives: string[]): string {
  const hash = createHash('sha256');
  const walk = (file: string): void => {
    const full = path.join(REPO_DIR, file);
    if (!existsSync(full)) return;
    if (statSync(full).isDirectory()) {
      for (const name of readdirSync(full).sort()) walk(path.join(file, name));
      return;
    }
    hash.update(file).update('\0').update(readFileSync(full)).update('\0');
  };
  for (const r of relatives) walk(r);
  return hash.digest('hex').slice(0, 16);
}

const readJson = <T>(file: string): T | undefined => {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
};

function run(command: string, args: string[], env: Record<string, string> = {}): void {
  execFileSync(command, args, { cwd: REPO_DIR, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
}

// ---------------------------------------------------------------------------------------------------------
// Preparing the vaults, their data and the app build

async function ensureVault(options: GenerateOptions): Promise<string> {
  const dir = path.join(VAULTS_DIR, `${options.shape}-${label(options.notes)}`);
  // Another benchmark (bench:compile) may be writing this very vault: wait for it rather than race it.
  const partial = path.join(dir, `${STAMP_FILE}.partial`);
  for (let waited = 0; existsSync(partial) && Date.now() - statSync(partial).mtimeMs < 15 * 60_000 && waited < 20 * 60; waited += 5) {
    if (waited === 0) log(`${path.relative(REPO_DIR, dir)} is being written by another process; waiting`);
    await new Promise((resolve) => setTimeout(resolve, 5000));
  }
  if (vaultIsCurrent(dir, options)) {
    log(`reusing ${path.relative(REPO_DIR, dir)} (stamp matches)`);
    return dir;
  }
  const started = performance.now();
  const made = await generateVault(options, dir);
  log(`generated ${path.relative(REPO_DIR, dir)}: ${made.stats.notes} notes, ${(made.stats.bytes / 1e6).toFixed(1)} MB in ${seconds(performance.now() - started)}`);
  return dir;
}

function compileVault(vault: string, notes: number): string {
  const out = path.join(DATA_DIR, label(notes));
  const stamp = readStamp(vault)!;
  const want = { generator: stamp.generator, notes: stamp.notes, seed: stamp.seed, giants: stamp.giants, compiler: hashTree('src/compiler', 'src/shared') };
  const have = readJson<typeof want>(path.join(out, BENCH_STAMP));
  if (have && JSON.stringify(have) === JSON.stringify(want) && existsSync(path.join(out, 'graph.json'))) {
    log(`reusing ${path.relative(REPO_DIR, out)} (vault and compiler unchanged)`);
    return out;
  }
  rmSync(out, { recursive: true, force: true });
  const started = performance.now();
  run('npx', ['tsx', 'src/compiler/cli.ts', vault, '--out', out, '--quiet', '--no-cache']);
  writeFileSync(path.join(out, BENCH_STAMP), `${JSON.stringify(want, null, 2)}\n`);
  log(`compiled ${path.relative(REPO_DIR, vault)} -> ${path.relative(REPO_DIR, out)} in ${seconds(performance.now() - started)}`);
  return out;
}

function buildApp(): void {
  const want = { source: hashTree('src', 'index.html', 'vite.config.ts', 'package-lock.json', 'notes') };
  const have = readJson<typeof want>(path.join(BUILD_DIR, BENCH_STAMP));
  if (have?.source === want.source && existsSync(path.join(BUILD_DIR, 'index.html'))) {
    log(`reusing ${path.relative(REPO_DIR, BUILD_DIR)} (sources unchanged)`);
    return;
  }
  rmSync(BUILD_DIR, { recursive: true, force: true });
  const started = performance.now();
  run('npx', ['vite', 'build', '--logLevel', 'warn'], { ATLAS_OUT_DIR: BUILD_DIR, NOTES_DIR: 'notes' });
  writeFileSync(path.join(BUILD_DIR, BENCH_STAMP), `${JSON.stringify(want)}\n`);
  log(`built the app into ${path.relative(REPO_DIR, BUILD_DIR)} in ${seconds(performance.now() - started)}`);
}

interface WireNode {
  id: string;
  title: string;
  ghost: boolean;
  degreeIn: number;
  degreeOut: number;
}

/** The notes the runs click, deep-link and search for: typical (median-degree) notes with a unique, plain title. */
function chooseTargets(graph: { nodes: WireNode[] }): OurTargets {
  const count = new Map<string, number>();
  for (const n of graph.nodes) count.set(n.title, (count.get(n.title) ?? 0) + 1);
  const plain = graph.nodes
    .filter((n) => !n.ghost && count.get(n.title) === 1 && /^[\w ]+$/.test(n.title) && n.title.length >= 4)
    .sort((a, b) => a.degreeIn + a.degreeOut - (b.degreeIn + b.degreeOut) || (a.id < b.id ? -1 : 1));
  if (plain.length < 3) throw new Error('the vault has too few plainly titled notes to pick targets from');
  const mid = Math.floor(plain.length / 2);
  const pick = (i: number) => ({ id: plain[i]!.id, title: plain[i]!.title });
  return {
    clickable: new Map(plain.map((n) => [n.id, { title: n.title, degree: n.degreeIn + n.degreeOut }])),
    deepLink: pick(mid),
    searches: [pick(mid + 1), pick(mid - 1)],
  };
}

// ---------------------------------------------------------------------------------------------------------
// Running

async function launch(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH === '' ? undefined : (process.env.CHROMIUM_PATH ?? '/usr/bin/chromium');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  browser.on('disconnected', onDisconnected);
  const cdp = await browser.newBrowserCDPSession();
  const pid = (await cdp.send('SystemInfo.getProcessInfo')).processInfo.find((p) => p.type === 'browser')?.id;
  await cdp.detach();
  if (pid !== undefined) browserPids.set(browser, pid);
  return browser;
}

const browserPids = new WeakMap<Browser, number>();
const onDisconnected = (): void => log('(the browser disconnected)');

/** Close the browser; if it will not close (a renderer stuck in a script), kill the process we launched. */
async function closeBrowser(browser: Browser): Promise<void> {
  browser.off('disconnected', onDisconnected);
  try {
    await withTimeout(browser.close(), 20_000, 'closing the browser');
  } catch {
    const pid = browserPids.get(browser);
    log(`the browser did not close in 20 s; killing its process ${pid ?? '(pid unknown)'}`);
    if (pid !== undefined) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
}

function describeRun(r: RunResult): string {
  if (!r.ok) return `${r.timedOut ? 'TIMED OUT' : r.crashed ? 'CRASHED' : 'FAILED'}: ${r.error ?? ''}`;
  const parts = [
    `paint ${seconds(r.firstPaintMs!)} (live ${seconds(r.livePaintMs!)})`,
    r.answersInputMs !== undefined ? `input ${seconds(r.answersInputMs)}` : '',
    r.panelAfterClick ? `click ${r.panelAfterClick.ms.toFixed(0)} ms` : '',
    r.panelAfterDeepLink ? `link ${r.panelAfterDeepLink.ms.toFixed(0)} ms` : '',
    r.searchFirst ? `search ${r.searchFirst.ms.toFixed(0)}/${r.searchAgain?.ms.toFixed(0) ?? '—'} ms` : '',
    r.gesture ? `redraws ${r.gesture.medianMs.toFixed(0)}/${r.gesture.p95Ms.toFixed(0)} ms (${r.gesture.frames}), rAF p95 ${r.gesture.rafGaps.p95Ms.toFixed(0)} ms` : '',
    r.heapUsedMB !== undefined ? `heap ${r.heapUsedMB.toFixed(0)} MB (${r.heapUsedAfterGcMB?.toFixed(0)} after GC)` : '',
    r.problems.length ? `problems: ${r.problems.join('; ')}` : '',
  ];
  return parts.filter(Boolean).join(', ');
}

interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  chromium: string;
  node: string;
  platform: string;
  uptimeAtStart: string;
  uptimeAtEnd?: string;
}

function sectionMarkdown(reports: SizeReport[], machine: Machine, command: string, source: { commit: string; dirtySrcFiles: number }, measuredAt: string, naiveTimeoutMs: number): string {
  const gaps = reports.flatMap((r) => r.verdicts.filter((v) => !v.within).map((v) => `${label(r.notes)}: ${v.metric} is ${v.value}, budget ${v.budget}`));
  return [
    SECTION_HEADING,
    '',
    `Command: \`${command}\` (one full run, ${measuredAt.slice(0, 16).replace('T', ' ')} UTC, app at ${source.commit}${source.dirtySrcFiles > 0 ? ` with ${source.dirtySrcFiles} uncommitted file(s) under src/` : ''}).`,
    `Results: \`bench/.out/app-results.json\` (every run, every mark).`,
    '',
    `Machine: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB memory, ${machine.platform}, Node ${machine.node}, ${machine.chromium} `
    + '(Debian\'s build, headless, `--disable-gpu`: software rendering), viewport 1400×900 at device scale 1.',
    `\`uptime\` at the start: \`${machine.uptimeAtStart}\`; at the end: \`${machine.uptimeAtEnd ?? '?'}\`.`,
    'The machine is shared with other jobs and noisy: a load average above the 2 cores means we got a fraction of a core at times. '
    + 'Read the figures as orders of magnitude and ratios, not as exact times; the (min–max) spread shows how much they moved between runs.',
    '',
    'How it measures (bench/app/measure.ts; one browser, one page at a time, a fresh browser context per run; ours and naive runs alternate):',
    '- **first painted map**: navigation start to the first picture of the map. Ours: the page\'s `atlas:preview-painted` mark, when the still picture of the map (the same notes, links and labels at the same places, drawn on a plain canvas from the compiled positions) has been drawn, before Cytoscape\'s code has even loaded. The naive page: `naive:map-painted`, Cytoscape\'s first `render` event after the layout.',
    '- **live map drawn**: navigation start to `atlas:map-painted`, Cytoscape\'s first `render` event, when the live map replaces the picture and takes clicks (the naive page: the same as its first paint).',
    '- **answers input**: as soon as Node sees the paint, it sends one wheel notch at the map\'s centre; the time (from navigation) of the first animation frame at which the zoom has changed, and the delay from that wheel event\'s timestamp to that frame.',
    '- **note panel**: after the pan/zoom and a reset (`0`), a click on the median-degree note among those drawn (from its `mousedown`), then `location.hash = \'#/note/<id>\'` for another median-degree note (from the assignment), until the first animation frame at which `#note-title` shows it (MutationObserver + rAF polling, on the page\'s clock). The row below the click is when the title reached the DOM, before the map\'s own update let that frame paint.',
    '- **search**: `/`, then `fill` the full title of a median-degree note into the combobox; from that `input` event to the first animation frame at which the Results listbox lists it. The app builds its search index in idle time after the first paint (a query that comes sooner finishes it first); the first query is the first to use it, the next query is for another note.',
    '- **pan/zoom**: Playwright wheels in at the centre (60 events, about 10× in: past the zoom where our app draws every note in view), drags 300 px from an empty spot (the naive page\'s nodes are pannable, so it drags from the centre), and wheels back out; one event every 16 ms, up to 4 in flight (a page that falls behind has them queued and coalesced, like a real mouse). '
    + 'The frame time is the interval between Cytoscape\'s `render` events (found through the container\'s `_cyreg`) while input is still arriving: how often the map shows a new picture. The animation-frame gaps (rAF timestamps over each phase plus 400 ms of settling) show main-thread stalls, including work deferred until the viewport settles.',
    '- **JS heap**: CDP `Runtime.getHeapUsage` 1 s after the input check, then again after `HeapProfiler.collectGarbage`.',
    '- **graph.json**: the Resource Timing body size; the server sends it uncompressed, the gzip figure is what a compressing host would send.',
    `- **naive**: bench/app/naive.html fetches the same graph.json, adds every node and edge to Cytoscape at once and runs \`cose\` (\`animate: false\`, \`randomize: true\`) before its first paint. Each load is capped at ${Math.round(naiveTimeoutMs / 1000)} s and recorded as timed out; after a time-out it is not retried at that size, and bigger sizes get one attempt.`,
    '',
    ...(budgetTable(reports) ? ['Against issue 4\'s budgets:', '', budgetTable(reports), ''] : []),
    ...reports.flatMap((r) => [sizeTable(r), '']),
    gaps.length === 0 ? 'Gaps: none against the budgets in this run.' : `Gaps against the budgets in this run: ${gaps.join('; ')}.`,
    '',
  ].join('\n');
}

/** Replace (or append) the app section; keep a hand-written "### Analysis" under it, and every other section as it is. */
export function writeSection(markdown: string, file = BENCHMARKS_MD): void {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.trim() === SECTION_HEADING);
  if (start < 0) {
    writeFileSync(file, `${text.replace(/\n*$/, '')}\n\n${markdown.replace(/\n*$/, '')}\n`);
    return;
  }
  let end = lines.findIndex((l, i) => i > start && /^#{1,2} /.test(l));
  if (end < 0) end = lines.length;
  const old = lines.slice(start, end);
  const analysisAt = old.findIndex((l) => /^### Analysis/.test(l));
  const analysis = analysisAt >= 0 ? old.slice(analysisAt).join('\n').replace(/\n*$/, '') : '';
  const section = [markdown.replace(/\n*$/, ''), ...(analysis ? ['', analysis] : [])].join('\n');
  const before = lines.slice(0, start).join('\n').replace(/\n*$/, '');
  const after = lines.slice(end).join('\n').replace(/^\n*/, '');
  writeFileSync(file, `${before ? `${before}\n\n` : ''}${section}\n${after ? `\n${after.replace(/\n*$/, '')}\n` : ''}`);
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string', default: '1000,10000,25000' },
      runs: { type: 'string' },
      seed: { type: 'string', default: '1' },
      'naive-timeout': { type: 'string', default: '180' },
      'load-timeout': { type: 'string', default: '120' },
      'no-naive': { type: 'boolean', default: false },
      'no-md': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write('Usage: npm run bench:app -- [--sizes 1000,10000,25000] [--runs N] [--seed N] [--naive-timeout S] [--load-timeout S] [--no-naive] [--no-md]\n'
      + 'Defaults: wiki vaults of 1k, 10k and 25k notes, seed 1; 3 runs up to 10k notes, 2 above; the naive page capped at 180 s per load.\n'
      + '--no-md leaves BENCHMARKS.md alone (for trial runs); results always go to bench/.out/app-results.json.\n');
    return 0;
  }
  const sizes = values.sizes.split(',').map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 10)) throw new Error(`--sizes must be integers >= 10, got ${values.sizes}`);
  const seed = Number(values.seed);
  const naiveTimeoutMs = Number(values['naive-timeout']) * 1000;
  const loadTimeoutMs = Number(values['load-timeout']) * 1000;
  const command = `npm run bench:app${argv.length ? ` -- ${argv.join(' ')}` : ''}`;
  const measuredAt = new Date().toISOString();
  const uptimeAtStart = uptime();
  log(`bench:app: ${uptimeAtStart}`);
  let source = { commit: 'unknown', dirtySrcFiles: -1 };
  try {
    source = { commit: git('rev-parse', '--short', 'HEAD'), dirtySrcFiles: git('status', '--porcelain', '--', 'src').split('\n').filter(Boolean).length };
  } catch {
    // not a git checkout
  }

  // Prepare everything first (heavy Node work), then measure with nothing else of ours running.
  mkdirSync(DATA_DIR, { recursive: true });
  const prepared: { notes: number; data: string; vault: string }[] = [];
  for (const notes of sizes) {
    const vault = await ensureVault({ shape: 'wiki', notes, seed });
    prepared.push({ notes, vault, data: compileVault(vault, notes) });
  }
  buildApp();

  const server = await startServer({
    appDir: BUILD_DIR,
    naivePage: path.join(BENCH_DIR, 'app', 'naive.html'),
    cytoscapeModule: path.join(REPO_DIR, 'node_modules', 'cytoscape', 'dist', 'cytoscape.esm.min.mjs'),
    vaults: Object.fromEntries(prepared.map((p) => [label(p.notes), p.data])),
    maxLifetimeMs: 3 * 60 * 60_000,
  });
  let browser = await launch();
  const machine: Machine = {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    chromium: `Chromium ${browser.version()}`,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    uptimeAtStart,
  };
  log(`serving on ${server.origin}; ${machine.chromium}`);

  const reports: SizeReport[] = [];
  let naiveGaveUpAt: number | undefined;
  try {
    for (const { notes, vault, data } of prepared) {
      const graphFile = path.join(data, 'graph.json');
      const raw = readFileSync(graphFile);
      const file = JSON.parse(raw.toString('utf8')) as { nodes: NodeTuple[]; edges: number[]; stats: { ghosts: number } };
      const graph = { ...file, nodes: file.nodes.map(nodeFromTuple) as WireNode[] };
      const targets = chooseTargets(graph);
      const runs = values.runs ? Number(values.runs) : notes <= 10_000 ? 3 : 2;
      const ours: RunResult[] = [];
      const naive: RunResult[] = [];
      let naiveRuns = values['no-naive'] ? 0 : naiveGaveUpAt !== undefined ? 1 : runs;
      let naiveNote = values['no-naive'] ? 'naive not measured (--no-naive)' : naiveGaveUpAt !== undefined ? `naive tried once, as it did not finish at ${label(naiveGaveUpAt)}` : undefined;
      const base = `${server.origin}/${label(notes)}/`;
      const kinds: Record<'ours' | 'naive', PageKind> = {
        ours: { kind: 'ours', url: `${base}index.html`, paintMark: 'atlas:map-painted', probe: 'topicAtlas', mapSelector: '.map', loadTimeoutMs, dragPansAnywhere: false },
        naive: { kind: 'naive', url: `${base}naive.html`, paintMark: 'naive:map-painted', probe: 'benchProbe', mapSelector: '#cy', loadTimeoutMs: naiveTimeoutMs, dragPansAnywhere: true },
      };
      for (let r = 1; r <= runs; r++) {
        for (const which of ['ours', 'naive'] as const) {
          if (which === 'naive' && r > naiveRuns) continue;
          if (!browser.isConnected()) {
            log('the browser is gone; starting a new one');
            browser = await launch();
          }
          const { result, browserOk } = await measureRun(browser, kinds[which], r, which === 'ours' ? targets : undefined, os.loadavg()[0]!);
          (which === 'ours' ? ours : naive).push(result);
          log(`${label(notes)} ${which} run ${r}/${which === 'ours' ? runs : naiveRuns} (load ${result.loadAverage1m.toFixed(1)}): ${describeRun(result)}`);
          if (which === 'naive' && !result.ok && (result.timedOut || result.crashed) && r < naiveRuns) {
            naiveNote = `naive not retried after it ${result.timedOut ? 'timed out' : 'crashed'}`;
            naiveRuns = r;
          }
          if (which === 'naive' && !result.ok && (result.timedOut || result.crashed)) naiveGaveUpAt ??= notes;
          if (!browserOk) {
            log('the browser did not close a context in time; restarting it');
            await closeBrowser(browser);
            browser = await launch();
          }
        }
      }
      const stamp = readStamp(vault)!;
      reports.push(summariseSize({
        notes,
        vault: { files: stamp.stats.files, bytes: stamp.stats.bytes, links: stamp.stats.links, ghostLinks: stamp.stats.ghostLinks, variantLinks: stamp.stats.variantLinks, giantNotes: stamp.stats.giantNotes },
        graph: { nodes: graph.nodes.length, ghosts: graph.stats.ghosts, edges: graph.edges.length / 3, bytes: raw.length, gzipBytes: gzipSync(raw).length },
        ours,
        naive,
        ...(naiveNote ? { naiveNote } : {}),
        naiveTimeoutMs,
      }));
    }
  } finally {
    await closeBrowser(browser);
    await server.stop();
  }
  machine.uptimeAtEnd = uptime();
  log(`bench:app done: ${machine.uptimeAtEnd}`);

  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify({ command, measuredAt, source, machine, reports }, null, 2)}\n`);
  const section = sectionMarkdown(reports, machine, command, source, measuredAt, naiveTimeoutMs);
  process.stdout.write(`\n${section}\n`);
  if (!values['no-md']) {
    writeSection(section);
    log(`wrote the "${SECTION_HEADING}" section of ${path.relative(REPO_DIR, BENCHMARKS_MD)}`);
  }
  log(`results: ${path.relative(REPO_DIR, RESULTS_FILE)}`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then((code) => process.exit(code), (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exit(1);
  });
}
