// Whether the notes are in the kernel's page cache when a compile starts. On this VM they do not stay there: 20
// minutes after a build, about a quarter of a 10k vault's files were still cached (`fincore`), and a compile that
// reads the rest from the disk took 1.2-1.6 s longer. So a bench states which it measured: warm (every file read
// once just before the runs, as after any earlier build) or cold (the page cache dropped before each run).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Reads every file under `dir` once, so the runs after it find them cached; what that took says how cold they were. */
export function readEveryFile(dir: string): { files: number; bytes: number; seconds: number } {
  const start = performance.now();
  let files = 0;
  let bytes = 0;
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const entryPath = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(entryPath);
      else if (entry.isFile()) {
        bytes += readFileSync(entryPath).length;
        files++;
      }
    }
  };
  walk(dir);
  return { files, bytes, seconds: (performance.now() - start) / 1000 };
}

/** Drops every clean page from the page cache (Linux, as root); dirty ones stay, so the caller syncs first. */
export function dropPageCache(): void {
  try {
    writeFileSync('/proc/sys/vm/drop_caches', '1');
  } catch (error) {
    throw new Error(`--cold drops the page cache before each run, which needs root on Linux: ${(error as Error).message}`, { cause: error });
  }
}
