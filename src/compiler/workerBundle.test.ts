import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachedBundle, readCodeCache, storeCodeCache, type BundleResult } from './workerBundle.ts';

let dir: string;
let entry: string;
let helper: string;
let builds: number;
const cacheDir = () => path.join(dir, 'cache');
/** A stand-in for esbuild: the "bundle" is the inputs' text, so a stale cache shows. */
const build = async (from: string): Promise<BundleResult> => {
  builds++;
  const { readFileSync } = await import('node:fs');
  return { code: `${readFileSync(from, 'utf8')}|${readFileSync(helper, 'utf8')}`, inputs: [from, helper] };
};
const aged = (file: string, secondsAgo: number) => utimesSync(file, new Date(), new Date(Date.now() - secondsAgo * 1000));

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'atlas-bundle-'));
  entry = path.join(dir, 'entry.ts');
  helper = path.join(dir, 'helper.ts');
  writeFileSync(entry, 'entry v1');
  writeFileSync(helper, 'helper v1');
  aged(entry, 60);
  aged(helper, 60);
  builds = 0;
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('the workers’ bundle, cached on disk', () => {
  it('is made once, then read back while no input changes', async () => {
    expect(await cachedBundle(entry, cacheDir(), build)).toBe('entry v1|helper v1');
    expect(await cachedBundle(entry, cacheDir(), build)).toBe('entry v1|helper v1');
    expect(builds).toBe(1);
  });

  it('is made again when any input changes, even an imported one', async () => {
    await cachedBundle(entry, cacheDir(), build);
    writeFileSync(helper, 'helper v2');
    aged(helper, 30);
    expect(await cachedBundle(entry, cacheDir(), build)).toBe('entry v1|helper v2');
    expect(builds).toBe(2);
  });

  it('is made again when an input is gone, or the cache belongs to another entry', async () => {
    await cachedBundle(entry, cacheDir(), build);
    const other = path.join(dir, 'other.ts');
    writeFileSync(other, 'other');
    aged(other, 60);
    expect(await cachedBundle(other, cacheDir(), async () => ({ code: 'other bundle', inputs: [other] }))).toBe('other bundle');
    rmSync(other);
    expect(await cachedBundle(other, cacheDir(), async () => ({ code: 'rebuilt', inputs: [entry] }))).toBe('rebuilt');
  });

  it('is not kept when an input changed just before or while it was made (it may hold the old text)', async () => {
    writeFileSync(helper, 'helper v2'); // modified now
    await cachedBundle(entry, cacheDir(), build);
    await cachedBundle(entry, cacheDir(), build);
    expect(builds).toBe(2);
  });

  it('still works where the cache cannot be written', async () => {
    const unwritable = path.join(entry, 'cache'); // under a file: no folder can be made there, even by root
    expect(await cachedBundle(entry, unwritable, build)).toBe('entry v1|helper v1');
    expect(await cachedBundle(entry, unwritable, build)).toBe('entry v1|helper v1');
    expect(builds).toBe(2);
  });
});

describe('V8\'s code cache of the bundle, on disk', () => {
  const key = (code: string, v8Flags = '') => ({ code, v8Flags });

  it('is read back for the same bundle only', () => {
    storeCodeCache(cacheDir(), key('bundle v1'), new Uint8Array([1, 2, 3]));
    expect([...readCodeCache(cacheDir(), key('bundle v1'))!]).toEqual([1, 2, 3]);
    expect(readCodeCache(cacheDir(), key('bundle v2'))).toBeUndefined();
  });

  it('is kept apart for each set of V8 flags, which V8 would refuse it under', () => {
    storeCodeCache(cacheDir(), key('bundle v1'), new Uint8Array([1]));
    storeCodeCache(cacheDir(), key('bundle v1', '--max-inlined-bytecode-size-cumulative=200'), new Uint8Array([2]));
    expect(readCodeCache(cacheDir(), key('bundle v1'))?.[0]).toBe(1);
    expect(readCodeCache(cacheDir(), key('bundle v1', '--max-inlined-bytecode-size-cumulative=200'))?.[0]).toBe(2);
  });

  it('keeps the four newest, one per bundle, and drops the older ones', () => {
    const caches = () => readdirSync(cacheDir()).filter((name) => name.endsWith('.v8'));
    mkdirSync(cacheDir());
    for (let version = 1; version <= 6; version++) {
      const before = new Set(caches());
      storeCodeCache(cacheDir(), key(`bundle v${version}`), new Uint8Array([version]));
      const made = caches().find((name) => !before.has(name))!;
      // A minute newer than the one before it, as caches made in turn would be.
      const when = new Date(Date.now() - (10 - version) * 60_000);
      utimesSync(path.join(cacheDir(), made), when, when);
    }
    expect(caches()).toHaveLength(4);
    expect([1, 2, 3, 4, 5, 6].map((version) => readCodeCache(cacheDir(), key(`bundle v${version}`))?.[0])).toEqual([undefined, undefined, 3, 4, 5, 6]);
  });

  it('is not needed: where it cannot be written, nothing fails', () => {
    const unwritable = path.join(entry, 'cache');
    storeCodeCache(unwritable, key('bundle v1'), new Uint8Array([1]));
    expect(readCodeCache(unwritable, key('bundle v1'))).toBeUndefined();
  });
});
