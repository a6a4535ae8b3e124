// The map: a thin view over Cytoscape. Elements are built once per graph; the store drives everything else.
import { memo, useCallback, useEffect, useMemo, useState } from 'react';
import CytoscapeComponent from 'react-cytoscapejs';
import type { Core } from 'cytoscape';
import { selectSelectedId, useAtlas } from '../store/store.ts';
import { useEffectiveTheme } from '../theme.ts';
import { buildElementCache, elementsFor } from './elements.ts';
import { drawnNodeIds } from '../graph/graphIndex.ts';
import { buildRegions } from '../graph/regions.ts';
import { useViewportDetail } from './useViewportDetail.ts';
import { attachMap, fitView } from './mapController.ts';
import { buildStylesheet, MAP_THEMES } from './stylesheet.ts';
import { useLocalLayout } from './useLocalLayout.ts';
import { useMapEvents } from './useMapEvents.ts';
import { useMapColours, useMapHover, useMapSelection, useMapVisibility, useVisibleIds } from './useMapSync.ts';

const LAYOUT = { name: 'preset', fit: false } as const; // positions come from the compiler
const STYLESHEETS = { light: buildStylesheet(MAP_THEMES.light), dark: buildStylesheet(MAP_THEMES.dark) };
/** Compare props by reference: elements are rebuilt only when the graph changes. */
const sameReference = (a: unknown, b: unknown): boolean => a !== b;
const CONTAINER_STYLE = { width: '100%', height: '100%' };

export const MapView = memo(function MapView() {
  const graph = useAtlas((s) => s.graph);
  const index = useAtlas((s) => s.index);
  const localDepth = useAtlas((s) => s.view.localDepth);
  const selectedId = useAtlas(selectSelectedId);
  const theme = useEffectiveTheme();
  const [cy, setCy] = useState<Core>();

  const regions = useMemo(() => (graph && index ? buildRegions(graph, index) : []), [graph, index]);
  const cache = useMemo(() => (graph && index ? buildElementCache(graph, index, regions) : undefined), [graph, index, regions]);
  const viewport = useViewportDetail(cy, regions.length > 0 || index?.overviewIds !== undefined);
  const drawn = useMemo(() => (index ? drawnNodeIds(index, selectedId, localDepth, viewport) : undefined), [index, selectedId, localDepth, viewport]);
  const elements = useMemo(() => (cache ? elementsFor(cache, drawn) : []), [cache, drawn]);
  const nodeCount = drawn?.size ?? graph?.nodes.length ?? 0;
  // react-cytoscapejs calls this on every update; only a new instance changes state.
  const onCy = useCallback((instance: Core) => setCy((current) => (current === instance ? current : instance)), []);

  useEffect(() => {
    attachMap(cy);
    if (!cy) return;
    cy.ready(() => {
      if (!selectedId) fitView(false);
      // First painted map, for the app benchmark.
      cy.one('render', () => performance.mark('atlas:map-painted'));
    });
    return () => attachMap(undefined);
    // Fit once per instance; later selections centre instead.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cy]);

  const visible = useVisibleIds();
  useMapEvents(cy);
  useMapColours(cy, graph, theme, elements);
  useMapVisibility(cy, visible);
  useMapSelection(cy);
  useMapHover(cy);
  useLocalLayout(cy, graph, localDepth, selectedId, visible);

  return (
    <div className="map" role="application" aria-label="Topic map. Use search (/) or the note panel to move between notes by keyboard." data-node-count={nodeCount}>
      <CytoscapeComponent
        elements={elements}
        stylesheet={STYLESHEETS[theme]}
        layout={LAYOUT}
        cy={onCy}
        diff={sameReference}
        style={CONTAINER_STYLE}
        minZoom={0.02}
        maxZoom={4}
        pixelRatio={1}
        boxSelectionEnabled={false}
      />
    </div>
  );
});
