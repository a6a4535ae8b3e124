// Level of detail in big vaults: where the user zooms in, the map draws every note in view.
// The viewport stays Cytoscape's; this only reads its extent to decide what to draw.
import { useEffect, useState } from 'react';
import type { MapSync } from './mapSync.ts';

export type Box = { x1: number; y1: number; x2: number; y2: number };

/** Region labels show while zoomed out; past this zoom the notes themselves are readable. */
export const REGION_LABEL_MAX_ZOOM = 0.22;
const SETTLE_MS = 180;

/** The visible extent once the viewport settles, while zoomed in past the region labels; else undefined. */
export function useViewportDetail(sync: MapSync | undefined, enabled: boolean): Box | undefined {
  const [box, setBox] = useState<Box>();
  useEffect(() => {
    if (!sync || !enabled) return;
    const { cy } = sync;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const update = () => {
      const zoomedOut = cy.zoom() < REGION_LABEL_MAX_ZOOM;
      sync.setRegionLabels(zoomedOut);
      clearTimeout(timer);
      timer = setTimeout(() => {
        const { x1, y1, x2, y2 } = cy.extent();
        setBox(zoomedOut ? undefined : { x1, y1, x2, y2 });
      }, SETTLE_MS);
    };
    update();
    cy.on('viewport', update);
    return () => {
      clearTimeout(timer);
      cy.off('viewport', update);
    };
  }, [sync, enabled]);
  return enabled ? box : undefined;
}

/** Once the viewport settles, let MapSync label the notes a reader can now make out (every vault size). */
export function useLabelsInView(sync: MapSync | undefined): void {
  useEffect(() => {
    if (!sync) return;
    const { cy } = sync;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const settle = () => {
      clearTimeout(timer);
      timer = setTimeout(() => sync.setLabelView(cy.zoom(), cy.extent()), SETTLE_MS);
    };
    cy.on('viewport', settle);
    return () => {
      clearTimeout(timer);
      cy.off('viewport', settle);
    };
  }, [sync]);
}
