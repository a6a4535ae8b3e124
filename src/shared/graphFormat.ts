// The zod-free half of the contract in schema.ts: the schema version, the compact edge list of graph.json and
// where the files are. The app's first paint imports only this (zod loads when a file fails its checks).
import type { EdgeKind, Graph, GraphEdge, GraphFile, NoteId } from './schema.ts';

export const SCHEMA_VERSION = 2 as const;

const EDGE_KINDS: readonly EdgeKind[] = ['link', 'embed'];

export function toGraphFile(graph: Graph): GraphFile {
  const index = new Map(graph.nodes.map((node, i) => [node.id as string, i]));
  const edges: number[] = [];
  for (const edge of graph.edges) edges.push(index.get(edge.source)!, index.get(edge.target)!, edge.count, EDGE_KINDS.indexOf(edge.kind));
  return { schemaVersion: graph.schemaVersion, vaultName: graph.vaultName, stats: graph.stats, nodes: graph.nodes, edges, diagnostics: graph.diagnostics };
}

/** A validated GraphFile back to a Graph. */
export function fromGraphFile(file: GraphFile): Graph {
  const edges: GraphEdge[] = new Array(file.edges.length / 4);
  for (let i = 0, e = 0; i < file.edges.length; i += 4, e++) {
    edges[e] = { source: file.nodes[file.edges[i]!]!.id, target: file.nodes[file.edges[i + 1]!]!.id, count: file.edges[i + 2]!, kind: EDGE_KINDS[file.edges[i + 3]!]! };
  }
  return { schemaVersion: file.schemaVersion, vaultName: file.vaultName, stats: file.stats, nodes: file.nodes, edges, diagnostics: file.diagnostics };
}

/** Where the app finds the compiled vault, relative to index.html. */
export const DATA_DIR = 'atlas';
export const notePagePath = (id: NoteId): string => `${DATA_DIR}/notes/${id}.json`;
export const GRAPH_PATH = `${DATA_DIR}/graph.json`;
