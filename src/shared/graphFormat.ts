// The zod-free half of the contract in schema.ts: the schema version, the compact node and edge lists of
// graph.json and where the files are. The app's first paint imports only this (zod loads when a file fails its checks).
import type { EdgeKind, Graph, GraphEdge, GraphFile, GraphNode, NodeTuple, NoteId } from './schema.ts';

export const SCHEMA_VERSION = 3 as const;

const EDGE_KINDS: readonly EdgeKind[] = ['link', 'embed'];

/** A node as graph.json holds it: its fields in this order, without keys (the keys were a quarter of a big vault's file). */
export const nodeTuple = (n: GraphNode): NodeTuple => [n.id, n.title, n.path, n.folder, n.tags, n.aliases, n.ghost, n.degreeIn, n.degreeOut, n.meta, n.x, n.y, n.community];

export function nodeFromTuple([id, title, path, folder, tags, aliases, ghost, degreeIn, degreeOut, meta, x, y, community]: NodeTuple): GraphNode {
  return { id, title, path, folder, tags, aliases, ghost, degreeIn, degreeOut, meta, x, y, community };
}

export function toGraphFile(graph: Graph): GraphFile {
  const index = new Map(graph.nodes.map((node, i) => [node.id as string, i]));
  const edges: number[] = [];
  for (const edge of graph.edges) edges.push(index.get(edge.source)!, index.get(edge.target)!, edge.count, EDGE_KINDS.indexOf(edge.kind));
  return { schemaVersion: graph.schemaVersion, vaultName: graph.vaultName, stats: graph.stats, nodes: graph.nodes.map(nodeTuple), edges, diagnostics: graph.diagnostics };
}

/** A validated GraphFile back to a Graph. */
export function fromGraphFile(file: GraphFile): Graph {
  const nodes = file.nodes.map(nodeFromTuple);
  const edges: GraphEdge[] = new Array(file.edges.length / 4);
  for (let i = 0, e = 0; i < file.edges.length; i += 4, e++) {
    edges[e] = { source: nodes[file.edges[i]!]!.id, target: nodes[file.edges[i + 1]!]!.id, count: file.edges[i + 2]!, kind: EDGE_KINDS[file.edges[i + 3]!]! };
  }
  return { schemaVersion: file.schemaVersion, vaultName: file.vaultName, stats: file.stats, nodes, edges, diagnostics: file.diagnostics };
}

/** Where the app finds the compiled vault, relative to index.html. */
export const DATA_DIR = 'atlas';
export const notePagePath = (id: NoteId): string => `${DATA_DIR}/notes/${id}.json`;
export const GRAPH_PATH = `${DATA_DIR}/graph.json`;
