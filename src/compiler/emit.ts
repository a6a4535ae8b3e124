// Stage 6: write graph.json and one file per note. Same input, same bytes: sorted, no timestamps.
import { promises as fs, writeFileSync } from 'node:fs';
import path from 'node:path';
import { nodeFromTuple, PAGE_FILE_EXTENSION, pageFileText } from '../shared/graphFormat.ts';
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


export async function writeOutput(outDir: string, { graph, pages }: CompiledVault): Promise<void> {
  await writePages(outDir, pages);
  await writeGraph(outDir, graph);
}

/** notes/<id>.txt for every page, and no stale ones. */
export async function writePages(outDir: string, pages: readonly NotePage[]): Promise<void> {
  const write = await pageWriter(outDir);
  for (const page of pages) write.page(page);
  write.flush();
  await removeStalePages(outDir, new Set(pages.map((page) => page.id)));
}

/**
 * Where each page is written: <out>/notes/<id>.txt. The folder is joined once and each id added by hand (an id is
 * one path segment, never `.` or `..`): `path.join` for each of 10,000 pages took 25-35 ms.
 */
export function pageFilesIn(outDir: string): (id: string) => string {
  const folder = path.join(outDir, 'notes');
  return (id) => `${folder}${path.sep}${id}${PAGE_FILE_EXTENSION}`;
}

export interface PageWriter {
  page(page: NotePage): void;
  /** A page file made already (pageFile.ts); copied, so the caller may reuse its buffer. */
  file(id: string, file: Uint8Array): void;
  /** Writes what is still held back; call once every page has been handed on. */
  flush(): void;
  /** This writer made the notes folder, so no earlier build's pages are in it. */
  madeFolder: boolean;
}

/** Pages held back and written together: up to this many, or this many bytes. */
const WRITE_BATCH_FILES = 64;
const WRITE_BATCH_BYTES = 1 << 20;

/**
 * Makes notes/ and returns what writes one page there. Synchronous writes: for thousands of small files they take
 * a third of the CPU of async ones (the thread-pool round trips cost more than the writes).
 * Pages are written a batch at a time, not one by one between making them: on a CPU with page-table isolation and
 * no PCID (the project's first machine) each system call empties the TLB, which the next page's making paid for.
 * There mixed 10k's pages took 683-709 ms (best of ten) this way, 759-793 ms one by one.
 * `madeEmpty(id)`: the page's file was made empty in this build (createFiles.ts), so it is filled without
 * truncating it first (10,000 truncations of empty files cost this disk 0.3 s).
 */
export async function pageWriter(outDir: string, madeEmpty: (id: string) => boolean = () => false): Promise<PageWriter> {
  const made = await fs.mkdir(path.join(outDir, 'notes'), { recursive: true });
  const pageFile = pageFilesIn(outDir);
  const held: { id: string; data: string | Uint8Array }[] = [];
  let heldBytes = 0;
  const flush = () => {
    for (const { id, data } of held) writeFileSync(pageFile(id), data, { flag: madeEmpty(id) ? 'r+' : 'w' });
    held.length = 0;
    heldBytes = 0;
  };
  const hold = (id: string, data: string | Uint8Array) => {
    held.push({ id, data });
    heldBytes += data.length;
    if (held.length >= WRITE_BATCH_FILES || heldBytes >= WRITE_BATCH_BYTES) flush();
  };
  return { page: (page) => hold(page.id, pageFileText(page)), file: (id, file) => hold(id, new Uint8Array(file)), flush, madeFolder: made !== undefined };
}

/**
 * Removes pages of notes that are gone, and every page left by schema 4 or earlier (`<id>.json`); only files that
 * look like our pages, never folders or anything else.
 */
export async function removeStalePages(outDir: string, keep: ReadonlySet<string>): Promise<void> {
  const notesDir = path.join(outDir, 'notes');
  for (const entry of await fs.readdir(notesDir, { withFileTypes: true })) {
    const extension = path.extname(entry.name);
    const id = entry.name.slice(0, -extension.length);
    const stale = extension === PAGE_FILE_EXTENSION ? !keep.has(id) : extension === EARLIER_PAGE_EXTENSION;
    if (entry.isFile() && isNoteId(id) && stale) await fs.rm(path.join(notesDir, entry.name), { force: true });
  }
}

/** Page files of schema 4 and before were JSON. */
const EARLIER_PAGE_EXTENSION = '.json';

export async function writeGraph(outDir: string, graph: Graph): Promise<void> {
  await fs.mkdir(outDir, { recursive: true });
  await fs.writeFile(path.join(outDir, 'graph.json'), serializeGraph(graph));
}

/**
 * Positions from a graph.json of an earlier schema, so a vault built before an upgrade keeps its map on the
 * first rebuild: schema 2 kept nodes as objects, schemas 3 and 4 as the same tuples as now (3's edges differ, and
 * 4's note pages were JSON).
 */
function positionsOfEarlierSchema(json: unknown): Map<string, { x: number; y: number }> | undefined {
  const file = json as { schemaVersion?: unknown; nodes?: unknown };
  if (![2, 3, 4].includes(file?.schemaVersion as number) || !Array.isArray(file.nodes)) return undefined;
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
