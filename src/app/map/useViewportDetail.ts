// Level of detail in big vaults: where the user zooms in, the map draws every note in view.
// The viewport stays Cytoscape's; this only reads its extent to decide what to draw.
import { useEffect, useState } from 'react';
import type { Core } from 'cytoscape';
import type { Box } from '../graph/graphIndex.ts';
import type { MapSync } from './mapSync.ts';

/** Region labels show while zoomed out; past this zoom the notes themselves are readable. */
export const REGION_LABEL_MAX_ZOOM = 0.22;
const SETTLE_MS = 180;

/** The visible extent once the viewport settles, while zoomed in past the region labels; else undefined. */
export function useViewportDetail(sync: MapSync | undefined, enabled: boolean): Box | undefined {
  const [box, setBox] = useState<Box>();
  useEffect(() => {
    if (!sync || !enabled) return;
    const { cy } = sync;
    const zoomedOut = () => cy.zoom() < REGION_LABEL_MAX_ZOOM;
    const toggleRegions = () => sync.setRegionLabels(zoomedOut());
    const settled = () => {
      const { x1, y1, x2, y2 } = cy.extent();
      setBox(zoomedOut() ? undefined : { x1, y1, x2, y2 });
    };
    toggleRegions();
    cy.on('viewport', toggleRegions);
    const stop = onViewportSettled(cy, settled, true);
    return () => {
      cy.off('viewport', toggleRegions);
      stop();
    };
  }, [sync, enabled]);
  return enabled ? box : undefined;
}

/** Once the viewport settles, let MapSync label the notes a reader can now make out (every vault size). */
export function useLabelsInView(sync: MapSync | undefined): void {
  useEffect(() => {
    if (!sync) return;
    const { cy } = sync;
    return onViewportSettled(cy, () => sync.setLabelView(cy.zoom(), cy.extent()));
  }, [sync]);
}

/** Calls `settled` once the viewport has been still for SETTLE_MS (and at once if `now`); returns the unsubscribe. */
function onViewportSettled(cy: Core, settled: () => void, now = false): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const moved = () => {
    clearTimeout(timer);
    timer = setTimeout(settled, SETTLE_MS);
  };
  if (now) moved();
  cy.on('viewport', moved);
  return () => {
    clearTimeout(timer);
    cy.off('viewport', moved);
  };
}
