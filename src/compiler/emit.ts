// Stage 6: write graph.json and one file per note. Same input, same bytes: sorted, no timestamps.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { GraphSchema, type Graph, type NotePage } from '../shared/schema.ts';
import type { CompiledVault } from './index.ts';

export const serializeGraph = (graph: Graph): string => `${JSON.stringify(graph)}\n`;
export const serializePage = (page: NotePage): string => `${JSON.stringify(page)}\n`;

export async function writeOutput(outDir: string, { graph, pages }: CompiledVault): Promise<void> {
  const notesDir = path.join(outDir, 'notes');
  await fs.mkdir(notesDir, { recursive: true });
  const keep = new Set(pages.map((page) => `${page.id}.json`));
  for (const stale of await fs.readdir(notesDir)) {
    if (!keep.has(stale)) await fs.rm(path.join(notesDir, stale), { force: true });
  }
  for (const page of pages) await fs.writeFile(path.join(notesDir, `${page.id}.json`), serializePage(page));
  await fs.writeFile(path.join(outDir, 'graph.json'), serializeGraph(graph));
}

/** Positions from an earlier graph.json, if there is a readable one. */
export async function readPreviousPositions(graphFile: string): Promise<Map<string, { x: number; y: number }> | undefined> {
  try {
    const parsed = GraphSchema.safeParse(JSON.parse(await fs.readFile(graphFile, 'utf8')));
    if (!parsed.success) return undefined;
    return new Map(parsed.data.nodes.map((node) => [node.id, { x: node.x, y: node.y }]));
  } catch {
    return undefined;
  }
}
