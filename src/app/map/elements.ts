// Cytoscape elements, built once per graph. Flat data; positions come from the compiler's layout.
import type { ElementDefinition } from 'cytoscape';
import type { Graph, GraphEdge, NoteId } from '../../shared/schema.ts';
import { degreeOf, nodeScale, type GraphIndex } from '../graph/graphIndex.ts';
import type { Region } from '../graph/regions.ts';

export const MIN_NODE = 10;
export const MAX_NODE = 46;
/** Longer titles are cut: measuring and ellipsizing long labels is the costliest part of a first paint. */
const MAX_LABEL = 42;
/** In a big vault's level of detail, at most this many edges are drawn at once. */
export const MAX_DRAWN_EDGES = 4000;

export function nodeSize(degree: number, maxDegree: number): number {
  return Math.round(MIN_NODE + (MAX_NODE - MIN_NODE) * Math.sqrt(degree / Math.max(1, maxDegree)));
}

/** Hubs get big labels that stay readable zoomed out; small notes' labels appear as you zoom in. */
export function labelSize(degree: number, maxDegree: number): number {
  return Math.round(6 + 20 * Math.pow(degree / Math.max(1, maxDegree), 0.7));
}

export const shortLabel = (title: string): string => (title.length > MAX_LABEL ? `${title.slice(0, MAX_LABEL - 1).trimEnd()}…` : title);

export interface ElementCache {
  /** Every element, for a vault small enough to draw whole. */
  all: ElementDefinition[] | undefined;
  regions: ElementDefinition[];
  nodes: ElementDefinition[];
  /** Edges most worth seeing first: between well-linked notes. */
  edgesByImportance: GraphEdge[];
  /** Edge elements are made when first drawn, then reused. */
  edgeElements: Map<GraphEdge, ElementDefinition>;
}

/**
 * Elements for the notes drawn now. Each element object is made once per graph and reused, so
 * react-cytoscapejs (comparing by reference) patches only what was added or removed.
 */
export function elementsFor(cache: ElementCache, drawn: Set<NoteId> | undefined): ElementDefinition[] {
  if (!drawn && cache.all) return cache.all;
  const elements: ElementDefinition[] = [...cache.regions];
  for (const element of cache.nodes) if (!drawn || drawn.has(element.data.id as NoteId)) elements.push(element);
  let edges = 0;
  for (const edge of cache.edgesByImportance) {
    if (edges >= MAX_DRAWN_EDGES) break;
    if (drawn && (!drawn.has(edge.source) || !drawn.has(edge.target))) continue;
    let element = cache.edgeElements.get(edge);
    if (!element) cache.edgeElements.set(edge, (element = edgeElement(edge)));
    elements.push(element);
    edges++;
  }
  return elements;
}

export function buildElementCache(graph: Graph, index: GraphIndex, regions: readonly Region[]): ElementCache {
  const scale = nodeScale(index);
  const nodes = graph.nodes.map((node): ElementDefinition => {
    const degree = degreeOf(node);
    return {
      group: 'nodes',
      data: {
        id: node.id,
        label: shortLabel(node.title),
        size: Math.round(nodeSize(degree, index.maxDegree) * scale),
        fontSize: Math.round(labelSize(degree, index.maxDegree) * scale),
        colour: '#8a8a8a',
      },
      position: { x: node.x, y: node.y },
      classes: node.ghost ? 'ghost' : undefined,
    };
  });
  const regionElements = regions.map((region): ElementDefinition => ({
    group: 'nodes',
    data: { id: region.id, label: `${region.label} · ${region.count}`, fontSize: Math.max(40, Math.round(region.radius * 0.22)), radius: region.radius, size: 1, colour: '#000000' },
    position: { x: region.x, y: region.y },
    classes: 'region',
    grabbable: false,
    selectable: false,
  }));
  if (!index.overviewIds) {
    // Small vault: everything, always.
    return { all: [...nodes, ...graph.edges.map(edgeElement)], regions: [], nodes, edgesByImportance: [], edgeElements: new Map() };
  }
  const weight = (id: NoteId) => {
    const node = index.nodeById.get(id);
    return node ? degreeOf(node) : 0;
  };
  const edgesByImportance = graph.edges
    .map((edge) => ({ edge, w: Math.min(weight(edge.source), weight(edge.target)) }))
    .sort((a, b) => b.w - a.w)
    .map(({ edge }) => edge);
  return { all: undefined, regions: regionElements, nodes, edgesByImportance, edgeElements: new Map() };
}

function edgeElement(edge: GraphEdge): ElementDefinition {
  return {
    group: 'edges',
    data: { id: `${edge.source}>${edge.target}>${edge.kind}`, source: edge.source, target: edge.target, width: Math.min(4, 0.8 + Math.log2(edge.count)) },
    classes: edge.kind === 'embed' ? 'embed' : undefined,
  };
}
