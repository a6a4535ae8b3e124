// Where the map opens: shared by the preview and Cytoscape's first frame, so the one replaces the other in place.
import type { NoteId } from '../../shared/schema.ts';
import { nodeScale, type GraphIndex } from '../graph/graphIndex.ts';
import type { Region } from '../graph/regions.ts';
import { MAX_NODE, regionLabelCandidate } from './elements.ts';
import { labelBox } from './labelPlacement.ts';
import { centredViewport, centreZoom, fitViewport, MAX_ZOOM, type Viewport } from './mapController.ts';
import { NO_INSET, type Inset } from './mapInset.ts';

/** A selected note is shown at least this close (less in a big vault, whose nodes and labels are drawn bigger). */
const READABLE_ZOOM = 0.9;

export const readableZoomFor = (index: GraphIndex): number => Math.min(READABLE_ZOOM, (2 * READABLE_ZOOM) / nodeScale(index));

/**
 * The box a region's name takes, in map units, at this zoom. Names are drawn at a screen size of their own
 * (labelPlacement.ts), so the box depends on the zoom.
 */
export function regionLabelBox(region: Region, zoom: number): { x1: number; y1: number; x2: number; y2: number } {
  const box = labelBox(regionLabelCandidate(region), zoom);
  return { x1: box.x1 / zoom, y1: box.y1 / zoom, x2: box.x2 / zoom, y2: box.y2 / zoom };
}

/**
 * The map opens fitted to the notes it draws, or centred on the selected note (a deep link), in the part of it
 * `inset` leaves uncovered (the filters box's). A big vault opens on its regions' labels: `regions` makes room for
 * them, so a label near the edge is not cut off.
 */
export function initialViewport(index: GraphIndex, drawn: ReadonlySet<NoteId> | undefined, selectedId: NoteId | undefined, width: number, height: number, inset: Inset = NO_INSET, regions: readonly Region[] = []): Viewport {
  const box = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
  for (const id of drawn ?? index.nodeById.keys()) {
    const node = index.nodeById.get(id);
    if (!node) continue;
    box.x1 = Math.min(box.x1, node.x);
    box.y1 = Math.min(box.y1, node.y);
    box.x2 = Math.max(box.x2, node.x);
    box.y2 = Math.max(box.y2, node.y);
  }
  if (box.x1 > box.x2) return centredViewport({ x: 0, y: 0 }, 1, width, height, inset);
  const margin = MAX_NODE; // room for the biggest nodes and their labels
  const padded = { x1: box.x1 - margin, y1: box.y1 - margin, x2: box.x2 + margin, y2: box.y2 + margin };
  let fit = fitViewport(padded, width, height, inset);
  if (regions.length > 0) {
    // The names' size depends on the zoom: measured at the zoom that fits the notes, then fitted with them.
    for (const label of regions.map((region) => regionLabelBox(region, fit.zoom))) {
      padded.x1 = Math.min(padded.x1, label.x1);
      padded.y1 = Math.min(padded.y1, label.y1);
      padded.x2 = Math.max(padded.x2, label.x2);
      padded.y2 = Math.max(padded.y2, label.y2);
    }
    fit = fitViewport(padded, width, height, inset);
  }
  const selected = selectedId ? index.nodeById.get(selectedId) : undefined;
  return selected ? centredViewport(selected, centreZoom(fit.zoom, MAX_ZOOM, readableZoomFor(index)), width, height, inset) : fit;
}
