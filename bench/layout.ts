// Layout benchmark: `npm run bench:layout [-- --shape wiki --sizes 1000,10000,25000 --runs 3]`
//
// Lays out the link graph of each generated vault two ways, in this process, one run after another:
//   communities  Louvain communities placed first, then each laid out on its own (the compiler's choice
//                past 2,000 notes)
//   force        one ForceAtlas2 pass (Barnes-Hut, 300 iterations) over the whole graph (its choice below)
// and reports time (wall and CPU) and quality (bench/layout/quality.ts): link length against the map's size,
// how many of a note's links are among its nearest notes, and how many notes overlap. The graph comes from
// compiling the vault once; it is cached in bench/.out/ next to the vault's stamp.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { compileVault } from '../src/compiler/index.ts';
import { layoutGraph, NODE_SPACING } from '../src/shared/forceLayout.ts';
import { generateVault, readStamp, vaultIsCurrent, type Shape } from './generate.ts';
import { edgeLengthRatio, neighbourhoodKept, overlapShare } from './layout/quality.ts';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const OUT_DIR = path.join(BENCH_DIR, '.out');
const STRATEGIES = ['communities', 'force'] as const;
/** Dots closer than this (map units; a note is drawn 14 to 60 units wide) overlap. */
const OVERLAP_RADIUS = 14;

interface LayoutGraphInput {
  stamp: string;
  ids: string[];
  edges: { source: string; target: string }[];
}

interface Run {
  wallSeconds: number;
  cpuSeconds: number;
  edgeLengthRatio: number;
  neighbourhoodKept: number;
  overlapShare: number;
}

const { values } = parseArgs({
  options: {
    shape: { type: 'string', default: 'wiki' },
    sizes: { type: 'string', default: '1000,10000,25000' },
    runs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '1' },
  },
});
const shape = values.shape as Shape;
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);
const seed = Number(values.seed);

const label = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const log = (message: string) => process.stderr.write(`${message}\n`);

async function graphOf(notes: number): Promise<LayoutGraphInput> {
  const dir = path.join(BENCH_DIR, '.vaults', `${shape}-${label(notes)}`);
  const options = { shape, notes, seed };
  if (!vaultIsCurrent(dir, options)) {
    log(`generating ${dir}`);
    await generateVault(options, dir);
  }
  const stamp = JSON.stringify(readStamp(dir));
  const cache = path.join(OUT_DIR, `layout-input-${shape}-${label(notes)}.json`);
  if (existsSync(cache)) {
    const cached = JSON.parse(readFileSync(cache, 'utf8')) as LayoutGraphInput;
    if (cached.stamp === stamp) return cached;
  }
  log(`compiling ${dir} for its link graph`);
  const { graph } = await compileVault(dir, { vaultName: 'bench' });
  const input = { stamp, ids: graph.nodes.map((node) => node.id as string), edges: graph.edges.map(({ source, target }) => ({ source, target })) };
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(cache, JSON.stringify(input));
  return input;
}

function measure(input: LayoutGraphInput, strategy: (typeof STRATEGIES)[number]): Run {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const positions = layoutGraph({ ids: input.ids, edges: input.edges, strategy });
  const wallSeconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return {
    wallSeconds,
    cpuSeconds: (used.user + used.system) / 1e6,
    edgeLengthRatio: edgeLengthRatio(positions, input.edges),
    neighbourhoodKept: neighbourhoodKept(positions, input.edges),
    overlapShare: overlapShare(positions, OVERLAP_RADIUS),
  };
}

const rows: string[] = [];
const results: Record<string, Record<string, Run[]>> = {};
for (const notes of sizes) {
  const input = await graphOf(notes);
  const key = `${shape}-${label(notes)}`;
  results[key] = {};
  for (const strategy of STRATEGIES) {
    // A whole-graph force layout takes about a minute per run past 10k notes: one run is enough to compare.
    const count = strategy === 'force' && notes > 10_000 ? 1 : runs;
    const done: Run[] = [];
    for (let i = 0; i < count; i++) {
      log(`${key} ${strategy} run ${i + 1}/${count}`);
      done.push(measure(input, strategy));
    }
    results[key]![strategy] = done;
    const m = (pick: (run: Run) => number) => median(done.map(pick));
    rows.push(
      `| ${shape} ${label(notes)} | ${strategy} | ${input.ids.length.toLocaleString('en')} | ${input.edges.length.toLocaleString('en')} | ${count} | ` +
        `${m((r) => r.wallSeconds).toFixed(2)} s | ${m((r) => r.cpuSeconds).toFixed(2)} s | ${m((r) => r.edgeLengthRatio).toFixed(3)} | ` +
        `${(m((r) => r.neighbourhoodKept) * 100).toFixed(1)}% | ${(m((r) => r.overlapShare) * 100).toFixed(1)}% |`,
    );
  }
}

const load = os.loadavg().map((x) => x.toFixed(2)).join(', ');
process.stdout.write(
  `Layout, ${new Date().toISOString().slice(0, 16)} UTC, load average at the end ${load}; node spacing ${NODE_SPACING}, overlap radius ${OVERLAP_RADIUS}.\n\n` +
    '| vault | strategy | nodes | edges | runs | wall (median) | CPU | link length / random pair distance (lower is better) | links among nearest notes (higher is better) | notes overlapping (lower is better) |\n' +
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n' +
    `${rows.join('\n')}\n`,
);
mkdirSync(OUT_DIR, { recursive: true });
writeFileSync(path.join(OUT_DIR, 'layout-results.json'), `${JSON.stringify({ when: new Date().toISOString(), load, results }, null, 2)}\n`);
