// The compile workers' code: one esbuild bundle of workerMain.ts, kept on disk between runs. Bundling takes
// esbuild 0.4-0.5 s, longer than the scan, and the workers cannot start before it is done; read from the cache,
// the workers boot while the scan runs.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

/**
 * V8's compiled code for a bundle, as a worker made it once it had parsed notes: a worker that starts from it
 * skips compiling the bundle and most of what parsing calls (one boot: 75-85 ms instead of 135-170 ms, and its
 * first 300 notes about 100 ms sooner). Keyed by the bundle's text, this Node and the V8 flags in force: V8 refuses
 * a cache made under other flags (the CLI sets some, the dev server none), and the worker then compiles as usual.
 */
export interface CodeCacheKey {
  code: string;
  /** The V8 flags in force (v8Flags.ts). */
  v8Flags: string;
}

const codeCacheFile = ({ code, v8Flags }: CodeCacheKey) =>
  `code-${createHash('sha256').update(process.version).update(process.arch).update(v8Flags).update('\0').update(code).digest('hex').slice(0, 16)}.v8`;

/** Where a worker's boot code (workers.ts) leaves the function that makes its code cache, under Symbol.for. */
export const CODE_CACHE_MAKER = 'topic-atlas.makeCodeCache';

/** Caches kept at most: one per bundle and flags, and checkouts sharing node_modules each have their own bundle. */
const CODE_CACHES_KEPT = 4;

export function readCodeCache(cacheDir: string, key: CodeCacheKey): Buffer | undefined {
  try {
    return readFileSync(path.join(cacheDir, codeCacheFile(key)));
  } catch {
    return undefined;
  }
}

/** Stores a worker's code cache for `key`, and drops the oldest others past CODE_CACHES_KEPT. Never fails. */
export function storeCodeCache(cacheDir: string, key: CodeCacheKey, data: Uint8Array): void {
  try {
    mkdirSync(cacheDir, { recursive: true });
    const file = path.join(cacheDir, codeCacheFile(key));
    const aside = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    writeFileSync(aside, data);
    renameSync(aside, file);
    const caches = readdirSync(cacheDir)
      .filter((name) => /^code-[0-9a-f]{16}\.v8$/.test(name))
      .map((name) => ({ name, modified: statSync(path.join(cacheDir, name)).mtimeMs }))
      .sort((a, b) => b.modified - a.modified || (a.name < b.name ? -1 : 1));
    for (const old of caches.slice(CODE_CACHES_KEPT)) rmSync(path.join(cacheDir, old.name), { force: true });
  } catch {
    // A read-only install: workers compile the bundle each time, as without a cache.
  }
}
