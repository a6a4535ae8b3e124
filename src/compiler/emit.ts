// Stage 6: write graph.json and one file per note. Same input, same bytes: sorted, no timestamps.
import { promises as fs, writeFileSync } from 'node:fs';
import path from 'node:path';
import { nodeFromTuple } from '../shared/graphFormat.ts';
import { GraphFileSchema, toGraphFile, type Graph, type NotePage } from '../shared/schema.ts';
import { isNoteId } from '../shared/noteId.ts';
import type { CompiledVault } from './index.ts';

/**
 * graph.json in ASCII: other characters as \u escapes. A browser decodes an all-ASCII body on its fast path and
 * keeps it as one-byte text; the 25k wiki's 3,765 non-ASCII characters (of 13.5 MB) made Chromium take 1.70 s
 * instead of 1.21 s to fetch and parse it. Costs 4-5 bytes a character, where a vault has any.
 */
export const serializeGraph = (graph: Graph): string => `${asciiJson(JSON.stringify(toGraphFile(graph)))}\n`;

/** A loop, not a regular expression: over the 10k vault's 3.3 MB it took 5-10 ms where the replace took 21-41 ms. */
function asciiJson(json: string): string {
  let ascii = '';
  let from = 0;
  for (let i = 0; i < json.length; i++) {
    const code = json.charCodeAt(i);
    if (code < 0x80) continue;
    ascii += `${json.slice(from, i)}\\u${code.toString(16).padStart(4, '0')}`;
    from = i + 1;
  }
  return from === 0 ? json : ascii + json.slice(from);
}

export const serializePage = (page: NotePage): string => `${JSON.stringify(page)}\n`;

export async function writeOutput(outDir: string, { graph, pages }: CompiledVault): Promise<void> {
  await writePages(outDir, pages);
  await writeGraph(outDir, graph);
}

/** notes/<id>.json for every page, and no stale ones. */
export async function writePages(outDir: string, pages: readonly NotePage[]): Promise<void> {
  const write = await pageWriter(outDir);
  for (const page of pages) write(page);
  await removeStalePages(outDir, new Set(pages.map((page) => page.id)));
}

/**
 * Where each page is written: <out>/notes/<id>.json. The folder is joined once and each id added by hand (an id is
 * one path segment, never `.` or `..`): `path.join` for each of 10,000 pages took 25-35 ms.
 */
export function pageFilesIn(outDir: string): (id: string) => string {
  const folder = path.join(outDir, 'notes');
  return (id) => `${folder}${path.sep}${id}.json`;
}

/**
 * Makes notes/ and returns a function that writes one page there. Synchronous writes: for thousands of small
 * files they take a third of the CPU of async ones (the thread-pool round trips cost more than the writes).
 * `madeEmpty(id)`: the page's file was made empty in this build (createFiles.ts), so it is filled without
 * truncating it first (10,000 truncations of empty files cost this disk 0.3 s).
 */
export async function pageWriter(outDir: string, madeEmpty: (id: string) => boolean = () => false): Promise<(page: NotePage) => void> {
  await fs.mkdir(path.join(outDir, 'notes'), { recursive: true });
  const pageFile = pageFilesIn(outDir);
  let bytes = Buffer.allocUnsafe(1 << 20);
  return (page) => {
    // serializePage's bytes, encoded into one reused buffer: a new one per page (what writing the string does)
    // and the newline joined on made 10,000 pages cost 0.1-0.15 s more, with more garbage collection.
    const json = JSON.stringify(page);
    if (bytes.length < json.length * 3 + 1) bytes = Buffer.allocUnsafe(json.length * 3 + 1);
    const length = bytes.write(json);
    bytes[length] = 0x0a;
    writeFileSync(pageFile(page.id), bytes.subarray(0, length + 1), { flag: madeEmpty(page.id) ? 'r+' : 'w' });
  };
}

/** Removes pages of notes that are gone; only files that look like our pages, never folders or anything else. */
export async function removeStalePages(outDir: string, keep: ReadonlySet<string>): Promise<void> {
  const notesDir = path.join(outDir, 'notes');
  for (const entry of await fs.readdir(notesDir, { withFileTypes: true })) {
    const id = entry.name.slice(0, -'.json'.length);
    const isPage = entry.isFile() && entry.name.endsWith('.json') && isNoteId(id);
    if (isPage && !keep.has(id)) await fs.rm(path.join(notesDir, entry.name), { force: true });
  }
}

export async function writeGraph(outDir: string, graph: Graph): Promise<void> {
  await fs.mkdir(outDir, { recursive: true });
  await fs.writeFile(path.join(outDir, 'graph.json'), serializeGraph(graph));
}

/**
 * Positions from a graph.json of an earlier schema, so a vault built before an upgrade keeps its map on the
 * first rebuild: schema 2 kept nodes as objects, schema 3 as the same tuples as now (only its edges differ).
 */
function positionsOfEarlierSchema(json: unknown): Map<string, { x: number; y: number }> | undefined {
  const file = json as { schemaVersion?: unknown; nodes?: unknown };
  if ((file?.schemaVersion !== 2 && file?.schemaVersion !== 3) || !Array.isArray(file.nodes)) return undefined;
  const positions = new Map<string, { x: number; y: number }>();
  for (const node of file.nodes as unknown[]) {
    const [id, x, y] = Array.isArray(node) ? [node[0], node[10], node[11]] : [(node as { id?: unknown })?.id, (node as { x?: unknown })?.x, (node as { y?: unknown })?.y];
    if (typeof id === 'string' && Number.isFinite(x) && Number.isFinite(y)) positions.set(id, { x: x as number, y: y as number });
  }
  return positions.size > 0 ? positions : undefined;
}

/** Positions from an earlier graph.json, if there is a readable one. */
export async function readPreviousPositions(graphFile: string): Promise<Map<string, { x: number; y: number }> | undefined> {
  try {
    const json: unknown = JSON.parse(await fs.readFile(graphFile, 'utf8'));
    const parsed = GraphFileSchema.safeParse(json);
    if (parsed.success) return new Map(parsed.data.nodes.map(nodeFromTuple).map((node) => [node.id, { x: node.x, y: node.y }])); // edges not needed
    return positionsOfEarlierSchema(json);
  } catch {
    return undefined;
  }
}
