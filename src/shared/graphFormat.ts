// The zod-free half of the contract in schema.ts: the schema version, the compact node and edge lists of
// graph.json and where the files are. The app's first paint imports only this (zod loads when a file fails its checks).
import type { EdgeKind, Graph, GraphEdge, GraphFile, GraphNode, NodeTuple, NoteId, NotePage } from './schema.ts';

export const SCHEMA_VERSION = 5 as const;

const EDGE_KINDS: readonly EdgeKind[] = ['link', 'embed'];

/** A node as graph.json holds it: its fields in this order, without keys (the keys were a quarter of a big vault's file). */
export const nodeTuple = (n: GraphNode): NodeTuple => [n.id, n.title, n.path, n.folder, n.tags, n.aliases, n.ghost, n.degreeIn, n.degreeOut, n.meta, n.x, n.y, n.community];

export function nodeFromTuple([id, title, path, folder, tags, aliases, ghost, degreeIn, degreeOut, meta, x, y, community]: NodeTuple): GraphNode {
  return { id, title, path, folder, tags, aliases, ghost, degreeIn, degreeOut, meta, x, y, community };
}

/**
 * Edges on the wire: three integers each, [source step, target step, count × 2 + kind]. The source step is the
 * source's node index minus the previous edge's; the target step is the target's index minus the previous
 * edge's target, from 0 again at each new source. Edges are sorted by source and then target, as nodes are by
 * id, so most steps are small numbers: about half the bytes of plain index pairs (the 25k wiki's edges: 4.0 -> 2.1 MB).
 */
export function encodeEdges(edges: readonly GraphEdge[], indexOf: ReadonlyMap<string, number>): number[] {
  // Sized up front: growing it by push took three times as long (it runs once, mostly before V8 optimizes it).
  const flat: number[] = new Array<number>(edges.length * 3);
  let source = 0;
  let target = 0;
  for (let i = 0; i < edges.length; i++) {
    const edge = edges[i]!;
    const s = indexOf.get(edge.source)!;
    const t = indexOf.get(edge.target)!;
    if (s !== source) target = 0;
    flat[i * 3] = s - source;
    flat[i * 3 + 1] = t - target;
    flat[i * 3 + 2] = edge.count * 2 + EDGE_KINDS.indexOf(edge.kind);
    source = s;
    target = t;
  }
  return flat;
}

/**
 * Walks an encoded edge list, handing each edge's node indices, count and kind to `visit`; false (at once) where
 * it does not decode to edges between `nodeCount` notes. The one decoder: the app's quick check, the zod schema
 * and fromGraphFile all use it.
 */
export function walkEdges(flat: readonly unknown[], nodeCount: number, visit?: (source: number, target: number, count: number, kind: EdgeKind) => void): boolean {
  if (flat.length % 3 !== 0) return false;
  let [source, target] = [0, 0];
  for (let i = 0; i < flat.length; i += 3) {
    const [sourceStep, targetStep, countKind] = [flat[i], flat[i + 1], flat[i + 2]];
    if (!Number.isInteger(sourceStep) || !Number.isInteger(targetStep) || !Number.isInteger(countKind)) return false;
    if (sourceStep !== 0) target = 0;
    source += sourceStep as number;
    target += targetStep as number;
    const count = Math.floor((countKind as number) / 2);
    if (source < 0 || source >= nodeCount || target < 0 || target >= nodeCount || count < 1) return false;
    visit?.(source, target, count, EDGE_KINDS[(countKind as number) % 2]!);
  }
  return true;
}

export function toGraphFile(graph: Graph): GraphFile {
  const index = new Map(graph.nodes.map((node, i) => [node.id as string, i]));
  return { schemaVersion: graph.schemaVersion, vaultName: graph.vaultName, stats: graph.stats, nodes: graph.nodes.map(nodeTuple), edges: encodeEdges(graph.edges, index), diagnostics: graph.diagnostics };
}

/** A validated GraphFile back to a Graph. */
export function fromGraphFile(file: GraphFile): Graph {
  const nodes = file.nodes.map(nodeFromTuple);
  const edges: GraphEdge[] = [];
  walkEdges(file.edges, nodes.length, (source, target, count, kind) => edges.push({ source: nodes[source]!.id, target: nodes[target]!.id, count, kind }));
  return { schemaVersion: file.schemaVersion, vaultName: file.vaultName, stats: file.stats, nodes, edges, diagnostics: file.diagnostics };
}

/** Where the app finds the compiled vault, relative to index.html. */
export const DATA_DIR = 'atlas';
export const GRAPH_PATH = `${DATA_DIR}/graph.json`;
/** A note's page file, beside graph.json: `notes/<id>.txt` (text, not JSON: see pageFileText). */
export const PAGE_FILE_EXTENSION = '.txt';
export const notePagePath = (id: NoteId): string => `${DATA_DIR}/notes/${id}${PAGE_FILE_EXTENSION}`;

/** A page file's first line: every field of the page but its HTML, as JSON, in a fixed order. */
export const pageFileHeader = ({ schemaVersion, id, backlinks, outgoing, unresolved, external }: NotePage): string =>
  JSON.stringify({ schemaVersion, id, backlinks, outgoing, unresolved, external });

/**
 * A note's page file: the header line, then the HTML as it is, so the compiler writes it without escaping it and
 * the app parses no long JSON string.
 */
export const pageFileText = (page: NotePage): string => `${pageFileHeader(page)}\n${page.html}`;

/**
 * A page file read back into one object, `html` included. Undefined where the text is no page file: no first line,
 * or one that is not a JSON object. The fields are checked by the caller.
 */
export function readPageFile(text: string): unknown {
  const end = text.indexOf('\n');
  if (end < 0) return undefined;
  let fields: unknown;
  try {
    fields = JSON.parse(text.slice(0, end));
  } catch {
    return undefined;
  }
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) return undefined;
  return { ...fields, html: text.slice(end + 1) };
}
