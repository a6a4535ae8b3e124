// A vault big enough for the compile workers, its pages written to disk as the CLI does it: the page files are
// made early by the layout worker, then filled. Nothing may differ from the pages kept in memory.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageFileText, readPageFile } from '../shared/graphFormat.ts';
import type { NotePage } from '../shared/schema.ts';

import { compileVault, type CompiledVault } from './index.ts';
import { PARALLEL_FROM } from './parallel.ts';

const NOTES = PARALLEL_FROM + 100;
let root: string;
let inMemory: CompiledVault;

const note = (i: number) =>
  `---\ntitle: Topic ${i}\n---\n# Topic ${i}\n\nSee [[topic_${(i * 7) % NOTES} | the seventh]], [[Topic-${(i + 1) % NOTES}]] and [[missing ${i % 40}]].\n`;

const readPages = async (outDir: string): Promise<Map<string, string>> => {
  const dir = path.join(outDir, 'notes');
  const names = (await fs.readdir(dir)).sort();
  return new Map(await Promise.all(names.map(async (name) => [name, await fs.readFile(path.join(dir, name), 'utf8')] as const)));
};

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'atlas-big-'));
  await fs.mkdir(path.join(root, 'vault'));
  for (let i = 0; i < NOTES; i++) await fs.writeFile(path.join(root, 'vault', `topic_${i}.md`), note(i));
  inMemory = await compileVault(path.join(root, 'vault'));
}, 120_000);
afterAll(() => fs.rm(root, { recursive: true, force: true }));

describe('pages written to disk for a big vault', () => {
  it('are exactly the pages kept in memory, one file each, none left empty', async () => {
    const out = path.join(root, 'out');
    const written = await compileVault(path.join(root, 'vault'), { writePagesTo: out });
    expect(written.pages).toEqual([]);
    expect(written.graph).toEqual(inMemory.graph);
    const expected = new Map(inMemory.pages.map((page) => [`${page.id}.txt`, pageFileText(page)]));
    expect(expected.size).toBe(NOTES + 40); // every note and every ghost
    expect(await readPages(out)).toEqual(new Map([...expected].sort(([a], [b]) => (a < b ? -1 : 1))));
  }, 120_000);

  it('fill the files already there on a rebuild, and make the new ones', async () => {
    const out = path.join(root, 'rebuilt');
    await compileVault(path.join(root, 'vault'), { writePagesTo: out });
    await fs.writeFile(path.join(root, 'vault', 'topic_0.md'), `${note(0)}\nNow also [[Brand new idea]].\n`);
    const rebuilt = await compileVault(path.join(root, 'vault'), { writePagesTo: out });
    await fs.writeFile(path.join(root, 'vault', 'topic_0.md'), note(0));
    const pages = await readPages(out);
    expect(pages.get('ghost~brand-new-idea.txt')).toContain('"id":"ghost~brand-new-idea"');
    const edited = rebuilt.graph.nodes.find((node) => node.path === 'topic_0.md')!;
    expect((readPageFile(pages.get(`${edited.id}.txt`)!) as NotePage).unresolved.map((ref) => ref.title)).toContain('Brand new idea');
    expect([...pages.values()].filter((text) => text.length === 0)).toEqual([]);
    expect(rebuilt.graph.stats.notes).toBe(NOTES);

    // Back to the first text: pages that shrink must lose their old tails (a file is only filled in place when
    // this build made it), and the missing note nobody links to any more loses its page.
    await compileVault(path.join(root, 'vault'), { writePagesTo: out });
    const again = await readPages(out);
    for (const page of inMemory.pages) expect(again.get(`${page.id}.txt`)).toBe(pageFileText(page));
    expect(again.has('ghost~brand-new-idea.txt')).toBe(false);
    expect(again.size).toBe(inMemory.pages.length);
  }, 120_000);
});
