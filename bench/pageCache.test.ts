import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readEveryFile } from './pageCache.ts';

describe('readEveryFile', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'atlas-warm-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads every file in every folder once, and no link twice', () => {
    mkdirSync(path.join(dir, 'Journal', '2024'), { recursive: true });
    writeFileSync(path.join(dir, 'Home.md'), '# Home\n');
    writeFileSync(path.join(dir, 'Journal', '2024', 'Day.md'), 'x'.repeat(5000));
    writeFileSync(path.join(dir, '.topic-atlas-bench.json'), '{}');
    symlinkSync(path.join(dir, 'Journal'), path.join(dir, 'Loop'));
    const read = readEveryFile(dir);
    expect(read.files).toBe(3);
    expect(read.bytes).toBe(7 + 5000 + 2);
    expect(read.seconds).toBeGreaterThanOrEqual(0);
  });
});
