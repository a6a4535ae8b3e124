// What the map draws for a state of the store, in pure functions: MapView's hooks and the preview both use them,
// so the preview shows exactly the notes and links Cytoscape's first frame will. The per-graph parts are made
// once per graph and shared.
import type { Graph, GraphNode, NoteId } from '../../shared/schema.ts';
import { categoryColours, categoryCounts, categoryOf, OTHER_COLOUR } from '../graph/categories.ts';
import { EdgePicker } from '../graph/edgePicker.ts';
import type { GraphIndex } from '../graph/graphIndex.ts';
import { buildRegions, type Region } from '../graph/regions.ts';
import { visibleNodeIds, type VisibilityFilter } from '../graph/visibility.ts';
import type { UrlState } from '../store/url.ts';

const pickers = new WeakMap<GraphIndex, EdgePicker>();
const regions = new WeakMap<GraphIndex, Region[]>();

export function edgePickerFor(graph: Graph, index: GraphIndex): EdgePicker {
  let picker = pickers.get(index);
  if (!picker) pickers.set(index, (picker = new EdgePicker(graph, index)));
  return picker;
}

export function regionsFor(graph: Graph, index: GraphIndex): Region[] {
  let found = regions.get(index);
  if (!found) regions.set(index, (found = buildRegions(graph, index)));
  return found;
}

type Filters = Omit<VisibilityFilter, 'selectedId'>;

export const isFiltered = (view: Filters): boolean =>
  view.localDepth > 0 || view.hideGhosts || view.hideOrphans || view.hiddenFolders.length > 0 || view.tag !== undefined;

/** The notes the filters and local mode let through; undefined when nothing is filtered (every note shows). */
export function visibleIdsFor(graph: Graph, index: GraphIndex, view: Filters, selectedId: NoteId | undefined): Set<NoteId> | undefined {
  return isFiltered(view) ? visibleNodeIds(graph.nodes, index, { ...view, selectedId }) : undefined;
}

/** Note -> colour, for a "colour by" and theme. */
export function colourRule(graph: Graph | undefined, colourBy: UrlState['colourBy'], theme: 'light' | 'dark'): (node: GraphNode) => string {
  const colours = graph ? categoryColours(categoryCounts(graph.nodes, colourBy).map((c) => c.category), theme) : new Map<string, string>();
  return (node: GraphNode) => colours.get(categoryOf(node, colourBy)) ?? OTHER_COLOUR[theme];
}
