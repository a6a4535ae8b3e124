// Cytoscape elements, built once per graph. Flat data; positions come from the compiler's layout.
import type { ElementDefinition } from 'cytoscape';
import type { Graph, NoteId } from '../../shared/schema.ts';
import { degreeOf, type GraphIndex } from '../graph/graphIndex.ts';

export const MIN_NODE = 10;
export const MAX_NODE = 46;

export function nodeSize(degree: number, maxDegree: number): number {
  return Math.round(MIN_NODE + (MAX_NODE - MIN_NODE) * Math.sqrt(degree / Math.max(1, maxDegree)));
}

/** Hubs get big labels that stay readable zoomed out; small notes' labels appear as you zoom in. */
export function labelSize(degree: number, maxDegree: number): number {
  return Math.round(6 + 20 * Math.pow(degree / Math.max(1, maxDegree), 0.7));
}

/**
 * Elements for the notes drawn now. Each element object is made once per graph and reused, so
 * react-cytoscapejs (comparing by reference) patches only what was added or removed.
 */
export function elementsFor(cache: ElementCache, drawn: Set<NoteId> | undefined): ElementDefinition[] {
  if (!drawn) return cache.all;
  const elements: ElementDefinition[] = [];
  for (const element of cache.nodes) if (drawn.has(element.data.id as NoteId)) elements.push(element);
  for (const element of cache.edges) if (drawn.has(element.data.source as NoteId) && drawn.has(element.data.target as NoteId)) elements.push(element);
  return elements;
}

export interface ElementCache {
  nodes: ElementDefinition[];
  edges: ElementDefinition[];
  all: ElementDefinition[];
}

export function buildElementCache(graph: Graph, index: GraphIndex): ElementCache {
  const all = buildElements(graph, index);
  return { all, nodes: all.filter((e) => e.group === 'nodes'), edges: all.filter((e) => e.group === 'edges') };
}

export function buildElements(graph: Graph, index: GraphIndex): ElementDefinition[] {
  const elements: ElementDefinition[] = [];
  for (const node of graph.nodes) {
    const size = nodeSize(degreeOf(node), index.maxDegree);
    elements.push({
      group: 'nodes',
      data: { id: node.id, label: node.title, size, fontSize: labelSize(degreeOf(node), index.maxDegree), colour: '#8a8a8a' },
      position: { x: node.x, y: node.y },
      classes: node.ghost ? 'ghost' : undefined,
    });
  }
  for (const edge of graph.edges) {
    elements.push({
      group: 'edges',
      data: { id: `${edge.source}>${edge.target}>${edge.kind}`, source: edge.source, target: edge.target, width: Math.min(4, 0.8 + Math.log2(edge.count)) },
      classes: edge.kind === 'embed' ? 'embed' : undefined,
    });
  }
  return elements;
}
