import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromGraphFile, GraphFileSchema, NotePageSchema, SCHEMA_VERSION, toGraphFile, type Graph, type NoteId, type NotePage } from '../shared/schema.ts';
import fc from 'fast-check';
import { pageFileText, readPageFile } from '../shared/graphFormat.ts';
import { pageFilesIn, pageWriter, readPreviousPositions, serializeGraph, writeOutput } from './emit.ts';

const id = (value: string) => value as NoteId;
const graph: Graph = {
  schemaVersion: SCHEMA_VERSION,
  vaultName: 'vault',
  stats: { notes: 2, ghosts: 1, links: 2, unresolvedLinks: 1, selfLinks: 0, skippedFiles: 0, warnings: 0 },
  nodes: [
    { id: id('a'), title: 'A', path: 'a.md', folder: '', tags: [], aliases: [], ghost: false, degreeIn: 0, degreeOut: 2, meta: {}, x: 1.5, y: -2, community: 0 },
    { id: id('b'), title: 'B', path: 'b.md', folder: '', tags: [], aliases: [], ghost: false, degreeIn: 1, degreeOut: 0, meta: {}, x: 0, y: 3, community: 0 },
    { id: id('ghost~c'), title: 'c', path: '', folder: '', tags: [], aliases: [], ghost: true, degreeIn: 1, degreeOut: 0, meta: {}, x: 9, y: 9, community: 1 },
  ],
  edges: [
    { source: id('a'), target: id('b'), kind: 'link', count: 1 },
    { source: id('a'), target: id('ghost~c'), kind: 'link', count: 1 },
  ],
  diagnostics: [],
};
const page = (pageId: string): NotePage => ({ schemaVersion: SCHEMA_VERSION, id: id(pageId), html: `<p>${pageId}</p>`, backlinks: [], outgoing: [], unresolved: [], external: [] });
const pages = [page('a'), page('b'), page('ghost~c')];

let out: string;
beforeAll(async () => {
  out = await fs.mkdtemp(path.join(os.tmpdir(), 'atlas-emit-'));
});
afterAll(() => fs.rm(out, { recursive: true, force: true }));

describe('serialize', () => {
  it('writes graph.json as one line of JSON, and a page as its fields in JSON on one line, then its HTML', () => {
    expect(serializeGraph(graph)).toBe(`${JSON.stringify(toGraphFile(graph))}\n`);
    expect(pageFileText(pages[0]!)).toBe('{"schemaVersion":5,"id":"a","backlinks":[],"outgoing":[],"unresolved":[],"external":[]}\n<p>a</p>');
  });
});

describe('pageFilesIn', () => {
  it('is <out>/notes/<id>.txt, as path.join makes it, for any id and output folder', () => {
    const id = fc.stringMatching(/^[a-z0-9][a-z0-9._~-]{0,40}$/);
    const outDir = fc.constantFrom('out', 'out/', './out', '/tmp/site/', '../site', '/', '', 'a/../b', 'x//y');
    fc.assert(
      fc.property(outDir, fc.array(id, { minLength: 1, maxLength: 5 }), (dir, ids) => {
        for (const one of ids) expect(pageFilesIn(dir)(one)).toBe(path.join(dir, 'notes', `${one}.txt`));
      }),
    );
  });
});

describe('writeOutput', () => {
  it('writes graph.json and one file per note, each valid against the shared schema', async () => {
    const dir = path.join(out, 'fresh');
    await writeOutput(dir, { graph, pages });
    expect(fromGraphFile(GraphFileSchema.parse(JSON.parse(await fs.readFile(path.join(dir, 'graph.json'), 'utf8'))))).toEqual(graph);
    expect((await fs.readdir(path.join(dir, 'notes'))).sort()).toEqual(['a.txt', 'b.txt', 'ghost~c.txt']);
    for (const expected of pages) {
      const text = await fs.readFile(path.join(dir, 'notes', `${expected.id}.txt`), 'utf8');
      expect(NotePageSchema.parse(readPageFile(text))).toEqual(expected);
      expect(text).toBe(pageFileText(expected));
    }
  });

  it('removes pages of notes that no longer exist, and the JSON pages of schema 4, and nothing else', async () => {
    const dir = path.join(out, 'stale');
    await fs.mkdir(path.join(dir, 'notes', 'keep-folder'), { recursive: true });
    await fs.writeFile(path.join(dir, 'notes', 'deleted-note.txt'), '{}\n');
    await fs.writeFile(path.join(dir, 'notes', 'a.json'), '{}'); // a's page as schema 4 wrote it
    await fs.writeFile(path.join(dir, 'notes', 'index.md'), '# Not ours');
    await fs.writeFile(path.join(dir, 'notes', 'Not a page.json'), '{}');
    await fs.writeFile(path.join(dir, 'notes', 'keep-folder', 'x.txt'), '{}');
    await writeOutput(dir, { graph, pages });
    expect((await fs.readdir(path.join(dir, 'notes'))).sort()).toEqual(['Not a page.json', 'a.txt', 'b.txt', 'ghost~c.txt', 'index.md', 'keep-folder']);
    expect(await fs.readFile(path.join(dir, 'notes', 'index.md'), 'utf8')).toBe('# Not ours');
  });

  it('writes graph.json in ASCII, with other characters escaped, and reads back the same text', () => {
    const titled: Graph = { ...graph, vaultName: 'Café — 日本語 🦀', nodes: graph.nodes.map((n, i) => (i === 0 ? { ...n, title: 'Ångström\u2028 \ud83e\udd80 "q"' } : n)) };
    const text = serializeGraph(titled);
    expect([...text].every((c) => c.charCodeAt(0) < 0x80)).toBe(true);
    const back = fromGraphFile(GraphFileSchema.parse(JSON.parse(text)));
    expect(back.vaultName).toBe('Café — 日本語 🦀');
    expect(back.nodes[0]!.title).toBe('Ångström\u2028 \ud83e\udd80 "q"');
  });

  it('writes the same bytes twice', async () => {
    const dir = path.join(out, 'twice');
    await writeOutput(dir, { graph, pages });
    const first = await fs.readFile(path.join(dir, 'graph.json'));
    await writeOutput(dir, { graph, pages });
    expect((await fs.readFile(path.join(dir, 'graph.json'))).equals(first)).toBe(true);
  });
});

describe('pageWriter', () => {
  it('writes every page handed to it once flushed, from bytes its caller reuses at once', async () => {
    const dir = path.join(out, 'held');
    const write = await pageWriter(dir);
    const reused = new Uint8Array(8);
    const ids = Array.from({ length: 150 }, (_, i) => `page-${i}`); // more than one batch
    for (const pageId of ids) {
      reused.set(new TextEncoder().encode(pageId.padEnd(8, '.').slice(0, 8)));
      write.file(pageId, reused.subarray(0, Math.min(8, pageId.length)));
    }
    write.page(page('last'));
    write.flush();
    for (const pageId of ids) expect(await fs.readFile(path.join(dir, 'notes', `${pageId}.txt`), 'utf8')).toBe(pageId.slice(0, 8));
    expect(await fs.readFile(path.join(dir, 'notes', 'last.txt'), 'utf8')).toBe(pageFileText(page('last')));
  });
});

describe('readPreviousPositions', () => {
  it('reads positions back from a graph.json', async () => {
    const dir = path.join(out, 'positions');
    await writeOutput(dir, { graph, pages });
    const positions = await readPreviousPositions(path.join(dir, 'graph.json'));
    expect(positions).toEqual(new Map([['a', { x: 1.5, y: -2 }], ['b', { x: 0, y: 3 }], ['ghost~c', { x: 9, y: 9 }]]));
  });

  it('reads positions from a schema 2 graph.json (nodes as objects), so an upgrade does not reshuffle the map', async () => {
    const file = path.join(out, 'prev-v2.json');
    await fs.writeFile(file, JSON.stringify({ ...toGraphFile(graph), schemaVersion: 2, nodes: graph.nodes }));
    expect(await readPreviousPositions(file)).toEqual(new Map([['a', { x: 1.5, y: -2 }], ['b', { x: 0, y: 3 }], ['ghost~c', { x: 9, y: 9 }]]));
  });

  it('reads positions from a schema 4 graph.json (the same file; only the note pages were JSON)', async () => {
    const file = path.join(out, 'prev-v4.json');
    await fs.writeFile(file, JSON.stringify({ ...toGraphFile(graph), schemaVersion: 4 }));
    expect(await readPreviousPositions(file)).toEqual(new Map([['a', { x: 1.5, y: -2 }], ['b', { x: 0, y: 3 }], ['ghost~c', { x: 9, y: 9 }]]));
  });

  it('reads positions from a schema 3 graph.json (the same node tuples, four integers per edge)', async () => {
    const file = path.join(out, 'prev-v3.json');
    await fs.writeFile(file, JSON.stringify({ ...toGraphFile(graph), schemaVersion: 3, edges: [0, 1, 1, 0] }));
    expect(await readPreviousPositions(file)).toEqual(new Map([['a', { x: 1.5, y: -2 }], ['b', { x: 0, y: 3 }], ['ghost~c', { x: 9, y: 9 }]]));
  });

  it('writes three integers per edge, which read back as the same edges', () => {
    const file = toGraphFile(graph);
    expect(file.edges.length).toBe(graph.edges.length * 3);
    expect(fromGraphFile(file).edges).toEqual(graph.edges);
  });

  it.each([
    ['a missing file', null],
    ['invalid JSON', '{ not json'],
    ['JSON of another shape', '{"nodes": 3}'],
    ['another schema version', JSON.stringify({ ...graph, schemaVersion: 999 })],
  ])('gives undefined for %s', async (_name, content) => {
    const file = path.join(out, `prev-${Math.random().toString(36).slice(2)}.json`);
    if (content !== null) await fs.writeFile(file, content);
    expect(await readPreviousPositions(file)).toBeUndefined();
  });
});
