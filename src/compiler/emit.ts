// Stage 6: write graph.json and one file per note. Same input, same bytes: sorted, no timestamps.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { GraphFileSchema, toGraphFile, type Graph, type NotePage } from '../shared/schema.ts';
import { isNoteId } from '../shared/noteId.ts';
import type { CompiledVault } from './index.ts';

export const serializeGraph = (graph: Graph): string => `${JSON.stringify(toGraphFile(graph))}\n`;
export const serializePage = (page: NotePage): string => `${JSON.stringify(page)}\n`;

export async function writeOutput(outDir: string, { graph, pages }: CompiledVault): Promise<void> {
  await writePages(outDir, pages);
  await writeGraph(outDir, graph);
}

/** notes/<id>.json for every page, and no stale ones. */
export async function writePages(outDir: string, pages: readonly NotePage[]): Promise<void> {
  const notesDir = path.join(outDir, 'notes');
  await fs.mkdir(notesDir, { recursive: true });
  const keep = new Set(pages.map((page) => `${page.id}.json`));
  // Remove pages of notes that are gone; only files that look like our pages, never folders or anything else.
  for (const entry of await fs.readdir(notesDir, { withFileTypes: true })) {
    const isPage = entry.isFile() && entry.name.endsWith('.json') && isNoteId(entry.name.slice(0, -'.json'.length));
    if (isPage && !keep.has(entry.name)) await fs.rm(path.join(notesDir, entry.name), { force: true });
  }
  await inParallel(pages, 32, (page) => fs.writeFile(path.join(notesDir, `${page.id}.json`), serializePage(page)));
}

export async function writeGraph(outDir: string, graph: Graph): Promise<void> {
  await fs.mkdir(outDir, { recursive: true });
  await fs.writeFile(path.join(outDir, 'graph.json'), serializeGraph(graph));
}

/** Positions from an earlier graph.json, if there is a readable one. */
export async function readPreviousPositions(graphFile: string): Promise<Map<string, { x: number; y: number }> | undefined> {
  try {
    const parsed = GraphFileSchema.safeParse(JSON.parse(await fs.readFile(graphFile, 'utf8')));
    if (!parsed.success) return undefined;
    return new Map(parsed.data.nodes.map((node) => [node.id, { x: node.x, y: node.y }]));
  } catch {
    return undefined;
  }
}

/** Run `task` over `items` with at most `limit` in flight: thousands of small files write far faster so. */
async function inParallel<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
