// The compile workers' code: one esbuild bundle of workerMain.ts, kept on disk between runs. Bundling takes
// esbuild 0.4-0.5 s, longer than the scan, and the workers cannot start before it is done; read from the cache,
// the workers boot while the scan runs.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** What a bundle was made from: each input file's size and modification time. */
interface Manifest {
  entry: string;
  inputs: [file: string, size: number, modified: number][];
}

export interface BundleResult {
  code: string;
  /** Absolute paths of every file the bundle was made from. */
  inputs: string[];
}

/** One pair of files per entry, so checkouts sharing node_modules (a benchmark's export of a commit) keep their own. */
const cacheFiles = (entry: string) => {
  const name = `worker-${createHash('sha256').update(entry).digest('hex').slice(0, 12)}`;
  return { bundle: `${name}.cjs`, manifest: `${name}.json` };
};

/**
 * The bundle of `entry`: from `cacheDir` when no input has changed since it was made, else made by `build` and
 * stored there. A cache that cannot be read or written costs a build, never a failure.
 */
export async function cachedBundle(entry: string, cacheDir: string, build: (entry: string) => Promise<BundleResult>): Promise<string> {
  const cached = readCached(entry, cacheDir);
  if (cached !== undefined) return cached;
  const started = Date.now();
  const made = await build(entry);
  store(entry, cacheDir, made, started);
  return made.code;
}

function readCached(entry: string, cacheDir: string): string | undefined {
  const files = cacheFiles(entry);
  try {
    const manifest = JSON.parse(readFileSync(path.join(cacheDir, files.manifest), 'utf8')) as Manifest;
    if (manifest.entry !== entry || !Array.isArray(manifest.inputs) || manifest.inputs.length === 0) return undefined;
    for (const [file, size, modified] of manifest.inputs) {
      const stat = statSync(file);
      if (stat.size !== size || stat.mtimeMs !== modified) return undefined;
    }
    return readFileSync(path.join(cacheDir, files.bundle), 'utf8');
  } catch {
    return undefined; // no cache yet, an input gone, or a manifest from another version
  }
}

/** Not stored if an input changed while it was bundled: the bundle might hold the old version. */
function store(entry: string, cacheDir: string, { code, inputs }: BundleResult, started: number): void {
  try {
    const manifest: Manifest = {
      entry,
      inputs: inputs.map((file) => {
        const stat = statSync(file);
        return [file, stat.size, stat.mtimeMs];
      }),
    };
    if (manifest.inputs.some(([, , modified]) => modified >= started - 1000)) return;
    mkdirSync(cacheDir, { recursive: true });
    // Written aside and renamed, so a build running beside this one never reads half a file.
    // The bundle first: a reader that finds the new manifest then also finds the new bundle.
    const files = cacheFiles(entry);
    const suffix = `.${process.pid}.${Math.random().toString(36).slice(2)}`;
    writeFileSync(path.join(cacheDir, files.bundle + suffix), code);
    writeFileSync(path.join(cacheDir, files.manifest + suffix), JSON.stringify(manifest));
    renameSync(path.join(cacheDir, files.bundle + suffix), path.join(cacheDir, files.bundle));
    renameSync(path.join(cacheDir, files.manifest + suffix), path.join(cacheDir, files.manifest));
  } catch {
    // A read-only install: every run bundles.
  }
}
