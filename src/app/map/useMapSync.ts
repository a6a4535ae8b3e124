// Store -> Cytoscape, one way: visibility, colours, selection and hover become classes and data.
import { useEffect, useMemo } from 'react';
import type { Core } from 'cytoscape';
import type { Graph, NoteId } from '../../shared/schema.ts';
import { categoryColours, categoryCounts, categoryOf } from '../graph/categories.ts';
import { visibleNodeIds } from '../graph/visibility.ts';
import { selectSelectedId, useAtlas } from '../store/store.ts';
import { centreOn } from './mapController.ts';

export function useVisibleIds(): Set<NoteId> | undefined {
  const graph = useAtlas((s) => s.graph);
  const index = useAtlas((s) => s.index);
  const selectedId = useAtlas(selectSelectedId);
  const { localDepth, hideGhosts, hideOrphans, hiddenFolders, tag } = useAtlas((s) => s.view);
  return useMemo(
    () => (graph && index ? visibleNodeIds(graph.nodes, index, { localDepth, hideGhosts, hideOrphans, hiddenFolders, tag, selectedId }) : undefined),
    [graph, index, selectedId, localDepth, hideGhosts, hideOrphans, hiddenFolders, tag],
  );
}

export function useMapVisibility(cy: Core | undefined, visible: Set<NoteId> | undefined): void {
  useEffect(() => {
    if (!cy || !visible) return;
    cy.batch(() => {
      cy.nodes().not('.region').forEach((node) => {
        if (visible.has(node.id() as NoteId)) node.removeClass('hidden');
        else node.addClass('hidden');
      });
    });
  }, [cy, visible]);
}

export function useMapColours(cy: Core | undefined, graph: Graph | undefined, theme: 'light' | 'dark', drawn: unknown): Map<string, string> {
  const index = useAtlas((s) => s.index);
  const colourBy = useAtlas((s) => s.view.colourBy);
  const colours = useMemo(
    () => (graph ? categoryColours(categoryCounts(graph.nodes, colourBy).map((c) => c.category), theme) : new Map<string, string>()),
    [graph, colourBy, theme],
  );
  useEffect(() => {
    if (!cy || !index) return;
    cy.batch(() => {
      cy.nodes().forEach((element) => {
        const node = index.nodeById.get(element.id() as NoteId);
        if (node) element.data('colour', colours.get(categoryOf(node, colourBy)));
      });
    });
  }, [cy, index, colours, colourBy, drawn]);
  return colours;
}

/** Selection: mark it, light up its neighbourhood, centre it. */
export function useMapSelection(cy: Core | undefined): void {
  const selectedId = useAtlas(selectSelectedId);
  const graph = useAtlas((s) => s.graph);
  useEffect(() => {
    if (!cy || !selectedId) return;
    const node = cy.getElementById(selectedId);
    if (node.empty()) return;
    const near = node.closedNeighborhood();
    const others = cy.nodes().not(near).not('.region');
    cy.batch(() => {
      node.addClass('selected-note');
      near.addClass('near');
      others.addClass('quiet'); // only hubs keep labels away from the selection
    });
    centreOn(node);
    return () => {
      cy.batch(() => {
        node.removeClass('selected-note');
        near.removeClass('near');
        others.removeClass('quiet');
      });
    };
  }, [cy, selectedId, graph]);
}

/** Hover: the node and its neighbours stay bright, the rest dims. */
export function useMapHover(cy: Core | undefined): void {
  const hoveredId = useAtlas((s) => s.hoveredId);
  useEffect(() => {
    if (!cy || !hoveredId) return;
    const node = cy.getElementById(hoveredId);
    if (node.empty()) return;
    const near = node.closedNeighborhood();
    const rest = cy.elements().not(near).not('.region');
    cy.batch(() => {
      rest.addClass('faded');
      node.addClass('focus');
      near.addClass('near');
    });
    return () => {
      cy.batch(() => {
        rest.removeClass('faded');
        node.removeClass('focus');
        near.removeClass('near');
      });
    };
  }, [cy, hoveredId]);
}
