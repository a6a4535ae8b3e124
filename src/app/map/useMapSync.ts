// Store -> map: which notes are visible, and the colour rule. MapSync applies them to Cytoscape.
import { useMemo } from 'react';
import type { GraphNode, NoteId } from '../../shared/schema.ts';
import { useAtlas } from '../store/store.ts';
import { colourRule, isFiltered, visibleIdsFor } from './scene.ts';

/** The notes the filters and local mode let through; undefined when nothing is filtered (every note shows). */
export function useVisibleIds(selectedId: NoteId | undefined, localDepth: number): Set<NoteId> | undefined {
  const graph = useAtlas((s) => s.graph);
  const index = useAtlas((s) => s.index);
  const { hideGhosts, hideOrphans, hiddenFolders, tag } = useAtlas((s) => s.view);
  const filters = { localDepth, hideGhosts, hideOrphans, hiddenFolders, tag };
  const filtered = isFiltered(filters);
  return useMemo(
    () => (graph && index ? visibleIdsFor(graph, index, filters, selectedId) : undefined),
    // The selection only matters while something is filtered (it always stays visible).
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [graph, index, filtered ? selectedId : undefined, filtered, localDepth, hideGhosts, hideOrphans, hiddenFolders, tag],
  );
}

/** Note -> colour, for the current "colour by" and theme. */
export function useColourRule(theme: 'light' | 'dark'): (node: GraphNode) => string {
  const graph = useAtlas((s) => s.graph);
  const colourBy = useAtlas((s) => s.view.colourBy);
  return useMemo(() => colourRule(graph, colourBy, theme), [graph, colourBy, theme]);
}
