import { describe, expect, it } from 'vitest';
import { FIXTURE_VAULT } from './__fixtures__/fixtureVault.ts';
import { readInWorkers } from './parallel.ts';
import { readNote } from './readNote.ts';
import { scanVault } from './scan.ts';
import { layoutInWorker } from './layout.ts';
import { layoutGraph } from '../shared/forceLayout.ts';

describe('compile workers', () => {
  it('read and parse every fixture note exactly as this thread does, in the same order', async () => {
    const { files } = await scanVault(FIXTURE_VAULT);
    const progress: number[] = [];
    const inWorkers = await readInWorkers(files, 2, (done) => progress.push(done));
    // Workers hand HTML back as UTF-8 bytes (half the memory); the text must be the same.
    for (const { note } of inWorkers) {
      if (!note) continue;
      expect(note.html).toBe('');
      note.html = new TextDecoder().decode(note.htmlUtf8);
      delete note.htmlUtf8;
    }
    expect(inWorkers).toEqual(files.map(readNote));
    expect(progress.at(-1)).toBe(files.length);
  }, 30_000);

  it('lay out a graph exactly as this thread does', async () => {
    const ids = Array.from({ length: 60 }, (_, i) => `n${i}`);
    const edges = ids.slice(1).map((id, i) => ({ source: id, target: ids[Math.floor(i / 3)]! }));
    expect(await layoutInWorker({ ids, edges })).toEqual(layoutGraph({ ids, edges }));
  }, 30_000);
});
