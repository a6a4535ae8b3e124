// Cytoscape element definitions, made as elements are added to the map. Flat data; positions come from the
// compiler's layout.
import type { ElementDefinition } from 'cytoscape';
import type { GraphEdge, GraphNode } from '../../shared/schema.ts';
import { degreeOf } from '../graph/graphIndex.ts';
import type { Region } from '../graph/regions.ts';
import type { LabelCandidate } from './labelPlacement.ts';

export const MIN_NODE = 10;
export const MAX_NODE = 46;
/** Longer titles are cut: measuring and ellipsizing long labels is the costliest part of a first paint. */
const MAX_LABEL = 42;

export function nodeSize(degree: number, maxDegree: number): number {
  return Math.round(MIN_NODE + (MAX_NODE - MIN_NODE) * Math.sqrt(degree / Math.max(1, maxDegree)));
}

/** Hubs get big labels that stay readable zoomed out; small notes' labels appear as you zoom in. */
export function labelSize(degree: number, maxDegree: number): number {
  return Math.round(6 + 20 * Math.pow(degree / Math.max(1, maxDegree), 0.7));
}

/** A note's drawn diameter; `scale` enlarges a big vault's nodes so the overview's hubs can be seen at all. */
export const noteDiameter = (node: GraphNode, maxDegree: number, scale: number): number => Math.round(nodeSize(degreeOf(node), maxDegree) * scale);

/** A link's drawn width: thicker for notes linked many times. */
export const linkWidth = (edge: GraphEdge): number => Math.min(4, 0.8 + Math.log2(edge.count));

export const shortLabel = (title: string): string => (title.length > MAX_LABEL ? `${title.slice(0, MAX_LABEL - 1).trimEnd()}…` : title);

export const edgeId = (edge: GraphEdge): string => `${edge.source}>${edge.target}>${edge.kind}`;

/** A note's label size in map units, before MapSync sizes it for the screen. */
export const noteFontSize = (node: GraphNode, maxDegree: number, scale: number): number => Math.round(labelSize(degreeOf(node), maxDegree) * scale);

/** A topic region's name, with how many notes it holds, and its size in map units. */
export const regionLabel = (region: Region): string => `${region.label} · ${region.count}`;
export const regionFontSize = (region: Region): number => Math.max(40, Math.round(region.radius * 0.22));

/** A region's name as label placement sees it (labelPlacement.ts). */
export const regionLabelCandidate = (region: Region): LabelCandidate => ({
  id: region.id, x: region.x, y: region.y, size: 0, fontSize: regionFontSize(region), length: regionLabel(region).length, degree: region.count, region: true,
});

export function nodeElement(node: GraphNode, maxDegree: number, scale: number, colour: string, classes: string): ElementDefinition {
  const fontSize = noteFontSize(node, maxDegree, scale);
  return {
    group: 'nodes',
    data: {
      id: node.id,
      label: shortLabel(node.title),
      size: noteDiameter(node, maxDegree, scale),
      fontSize,
      // The size the label is drawn at: fontSize, or less once zoomed in past a readable size (MapSync).
      labelSize: fontSize,
      colour,
    },
    position: { x: node.x, y: node.y },
    classes,
  };
}

export function regionElement(region: Region, classes: string): ElementDefinition {
  const fontSize = regionFontSize(region);
  return {
    group: 'nodes',
    data: { id: region.id, label: regionLabel(region), fontSize, labelSize: fontSize, count: region.count, radius: region.radius, size: 1, colour: '#000000' },
    position: { x: region.x, y: region.y },
    classes: `region ${classes}`,
    grabbable: false,
    selectable: false,
  };
}

export function edgeElement(edge: GraphEdge): ElementDefinition {
  return {
    group: 'edges',
    data: { id: edgeId(edge), source: edge.source, target: edge.target, width: linkWidth(edge) },
    classes: edge.kind === 'embed' ? 'embed' : '',
  };
}
