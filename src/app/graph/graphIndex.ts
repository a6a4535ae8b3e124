// Framework-free lookups over a loaded graph, built once per graph.
import type { Graph, GraphNode, NoteId } from '../../shared/schema.ts';

/** A rectangle in map (model) coordinates. */
export type Box = { x1: number; y1: number; x2: number; y2: number };

export interface GraphIndex {
  nodeById: Map<NoteId, GraphNode>;
  /** Undirected neighbours (links either way). Built on first use: a selection, local mode, or idle time. */
  readonly neighbours: Map<NoteId, Set<NoteId>>;
  folders: string[];
  maxDegree: number;
  /** For big vaults, the notes the overview draws (the most-linked); undefined when the map draws every note. */
  overviewIds: Set<NoteId> | undefined;
}

/** Past this many notes the map draws a level of detail, not everything (Cytoscape slows past a few thousand). */
export const FULL_MAP_LIMIT = 3000;
export const OVERVIEW_SIZE = 1000;

export function buildGraphIndex(graph: Graph): GraphIndex {
  const nodeById = new Map(graph.nodes.map((node) => [node.id, node]));
  let neighbours: Map<NoteId, Set<NoteId>> | undefined;
  const folders = [...new Set(graph.nodes.filter((n) => !n.ghost).map((n) => n.folder))].sort();
  let maxDegree = 1;
  for (const node of graph.nodes) maxDegree = Math.max(maxDegree, degreeOf(node));
  const overviewIds =
    graph.nodes.length > FULL_MAP_LIMIT
      ? new Set(
          [...graph.nodes]
            .sort((a, b) => degreeOf(b) - degreeOf(a) || (a.id < b.id ? -1 : 1))
            .slice(0, OVERVIEW_SIZE)
            .map((node) => node.id),
        )
      : undefined;
  return {
    nodeById,
    get neighbours() {
      return (neighbours ??= neighbourSets(graph));
    },
    folders,
    maxDegree,
    overviewIds,
  };
}

function neighbourSets(graph: Graph): Map<NoteId, Set<NoteId>> {
  const neighbours = new Map<NoteId, Set<NoteId>>();
  for (const node of graph.nodes) neighbours.set(node.id, new Set());
  for (const { source, target } of graph.edges) {
    neighbours.get(source)?.add(target);
    neighbours.get(target)?.add(source);
  }
  return neighbours;
}

export const degreeOf = (node: GraphNode): number => node.degreeIn + node.degreeOut;

/** A note's links either way; 0 for an id the graph does not have. */
export function degreeById(index: GraphIndex, id: NoteId): number {
  const node = index.nodeById.get(id);
  return node ? degreeOf(node) : 0;
}

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

/**
 * The notes the map holds right now: the overview, plus the selected note's neighbourhood so that a
 * selection, a search hit or a deep link always shows in context. Undefined means every note.
 */
export function drawnNodeIds(
  index: GraphIndex,
  selectedId: NoteId | undefined,
  localDepth: number,
  viewport?: Box,
): Set<NoteId> | undefined {
  if (!index.overviewIds) return undefined;
  const inView = viewport ? notesIn(index, viewport) : undefined;
  const selected = selectedId && index.nodeById.has(selectedId) ? selectedId : undefined;
  if (!selected && !inView) return index.overviewIds;
  const drawn = new Set(index.overviewIds);
  if (selected) for (const id of mostLinked(index, neighbourhood(index, selected, Math.max(1, localDepth)), NEIGHBOURHOOD_LIMIT, selected)) drawn.add(id);
  if (inView) for (const id of inView) drawn.add(id);
  return drawn;
}

/** A selection draws at most this many of its neighbours, the most-linked first (a hub can have thousands). */
export const NEIGHBOURHOOD_LIMIT = 1500;

function mostLinked(index: GraphIndex, ids: Set<NoteId>, limit: number, keep: NoteId): Iterable<NoteId> {
  if (ids.size <= limit) return ids;
  const ranked = [...ids].filter((id) => id !== keep).sort((a, b) => degreeById(index, b) - degreeById(index, a) || (a < b ? -1 : 1));
  return [keep, ...ranked.slice(0, limit - 1)];
}

/** Zoomed in far enough that the view holds at most this many notes, every note in it is drawn. */
export const VIEWPORT_DETAIL_LIMIT = 2500;

function notesIn(index: GraphIndex, box: Box): NoteId[] | undefined {
  const found: NoteId[] = [];
  for (const node of index.nodeById.values()) {
    if (node.x < box.x1 || node.x > box.x2 || node.y < box.y1 || node.y > box.y2) continue;
    found.push(node.id);
    if (found.length > VIEWPORT_DETAIL_LIMIT) return undefined; // still an overview: keep the level of detail
  }
  return found;
}

/** Up to this many notes, nodes are drawn at their own size (independent of OVERVIEW_SIZE, so the look does not shift with it). */
const NODE_SCALE_FROM = 1500;

/** How much bigger nodes are drawn in a big vault, so the overview's hubs can be seen at all. */
export function nodeScale(index: GraphIndex): number {
  return Math.min(4, Math.max(1, Math.sqrt(index.nodeById.size / NODE_SCALE_FROM)));
}
