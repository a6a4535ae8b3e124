// Framework-free lookups over a loaded graph, built once per graph.
import type { Graph, GraphNode, NoteId } from '../../shared/schema.ts';

export interface GraphIndex {
  nodeById: Map<NoteId, GraphNode>;
  /** Undirected neighbours (links either way). */
  neighbours: Map<NoteId, Set<NoteId>>;
  folders: string[];
  maxDegree: number;
}

export function buildGraphIndex(graph: Graph): GraphIndex {
  const nodeById = new Map(graph.nodes.map((node) => [node.id, node]));
  const neighbours = new Map<NoteId, Set<NoteId>>();
  for (const node of graph.nodes) neighbours.set(node.id, new Set());
  for (const { source, target } of graph.edges) {
    neighbours.get(source)?.add(target);
    neighbours.get(target)?.add(source);
  }
  const folders = [...new Set(graph.nodes.filter((n) => !n.ghost).map((n) => n.folder))].sort();
  let maxDegree = 1;
  for (const node of graph.nodes) maxDegree = Math.max(maxDegree, degreeOf(node));
  return { nodeById, neighbours, folders, maxDegree };
}

export const degreeOf = (node: GraphNode): number => node.degreeIn + node.degreeOut;

/** Notes within `depth` hops of `start`, start included. */
export function neighbourhood(index: GraphIndex, start: NoteId, depth: number): Set<NoteId> {
  const seen = new Set<NoteId>([start]);
  let frontier: NoteId[] = [start];
  for (let hop = 0; hop < depth && frontier.length > 0; hop++) {
    const next: NoteId[] = [];
    for (const id of frontier) {
      for (const n of index.neighbours.get(id) ?? []) {
        if (!seen.has(n)) {
          seen.add(n);
          next.push(n);
        }
      }
    }
    frontier = next;
  }
  return seen;
}
