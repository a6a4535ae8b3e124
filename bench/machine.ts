// Facts about the machine that bound the compile (BENCHMARKS.md, "Compile at ea4ac21"): what fresh memory costs
// the first time it is touched, how steady plain CPU work is, and how long the compile workers take to warm up.
// `npm run bench:machine [vault]`
import { existsSync } from 'node:fs';
import { scanVault } from '../src/compiler/scan.ts';
import { startWorker } from '../src/compiler/workers.ts';
import { freshMemoryMsPerGiB } from './freshMemory.ts';

const GiB = 1 << 30;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const time = (work: () => void) => {
  const start = performance.now();
  work();
  return performance.now() - start;
};

// A fresh buffer is backed by memory only as each page is first written.
const fresh: number[] = [];
const again: number[] = [];
for (let run = 0; run < 3; run++) {
  fresh.push(freshMemoryMsPerGiB(1024));
  const buffer = Buffer.allocUnsafeSlow(GiB);
  buffer.fill(1);
  again.push(time(() => buffer.fill(run + 2)));
}
console.log(`fill 1 GiB of fresh memory: median ${median(fresh).toFixed(0)} ms (${fresh.map((ms) => ms.toFixed(0)).join(', ')})`);
console.log(`fill the same GiB again:    median ${median(again).toFixed(0)} ms (${again.map((ms) => ms.toFixed(0)).join(', ')})`);

/** Kept where the optimizer can see it is used, so the loop is not dropped. */
export let checksum = 0;
function spin(count: number): void {
  let sum = 0;
  for (let i = 0; i < count; i++) sum = (sum + i * 7) | 0;
  checksum ^= sum;
}
for (let run = 0; run < 20; run++) spin(1e6); // optimized before it is timed
const loops: number[] = [];
for (let run = 0; run < 5; run++) loops.push(time(() => spin(3e8)));
console.log(`3e8 additions:              median ${median(loops).toFixed(0)} ms (${loops.map((ms) => ms.toFixed(0)).join(', ')})`);

// The compile workers' warm-up: two workers read and parse half a vault each, twice, on the same two workers.
const vault = process.argv[2] ?? 'bench/.vaults/mixed-10k';
if (!existsSync(vault)) {
  console.log(`(no ${vault}: make it with \`npm run bench:compile -- --sizes 10000\`, or name a vault)`);
} else {
  const { files } = await scanVault(vault);
  const halves = [files.filter((_, i) => i % 2 === 0), files.filter((_, i) => i % 2 === 1)];
  const workers = await Promise.all(halves.map(() => startWorker()));
  for (const pass of ['first (cold)', 'second (warm)']) {
    const seconds = await Promise.all(
      workers.map(async (worker, w) => {
        const start = performance.now();
        // In batches of 100, as the compile sends them.
        for (let from = 0; from < halves[w]!.length; from += 100) await worker.run({ kind: 'read', files: halves[w]!.slice(from, from + 100) });
        return ((performance.now() - start) / 1000).toFixed(2);
      }),
    );
    console.log(`two workers, ${files.length / 2} notes each, ${pass} pass: ${seconds.join(' s, ')} s`);
  }
  for (const worker of workers) worker.stop();
}
