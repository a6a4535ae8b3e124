// Store -> map: which notes are visible, and the colour rule. MapSync applies them to Cytoscape.
import { useMemo } from 'react';
import type { GraphNode, NoteId } from '../../shared/schema.ts';
import { categoryColours, categoryCounts, categoryOf, OTHER_COLOUR } from '../graph/categories.ts';
import { visibleNodeIds } from '../graph/visibility.ts';
import { useAtlas } from '../store/store.ts';

/** The notes the filters and local mode let through; undefined when nothing is filtered (every note shows). */
export function useVisibleIds(selectedId: NoteId | undefined, localDepth: number): Set<NoteId> | undefined {
  const graph = useAtlas((s) => s.graph);
  const index = useAtlas((s) => s.index);
  const { hideGhosts, hideOrphans, hiddenFolders, tag } = useAtlas((s) => s.view);
  const filtered = localDepth > 0 || hideGhosts || hideOrphans || hiddenFolders.length > 0 || tag !== undefined;
  return useMemo(
    () => (graph && index && filtered ? visibleNodeIds(graph.nodes, index, { localDepth, hideGhosts, hideOrphans, hiddenFolders, tag, selectedId }) : undefined),
    // The selection only matters while something is filtered (it always stays visible).
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [graph, index, filtered ? selectedId : undefined, filtered, localDepth, hideGhosts, hideOrphans, hiddenFolders, tag],
  );
}

/** Note -> colour, for the current "colour by" and theme. */
export function useColourRule(theme: 'light' | 'dark'): (node: GraphNode) => string {
  const graph = useAtlas((s) => s.graph);
  const colourBy = useAtlas((s) => s.view.colourBy);
  return useMemo(() => {
    const colours = graph ? categoryColours(categoryCounts(graph.nodes, colourBy).map((c) => c.category), theme) : new Map<string, string>();
    return (node: GraphNode) => colours.get(categoryOf(node, colourBy)) ?? OTHER_COLOUR[theme];
  }, [graph, colourBy, theme]);
}
