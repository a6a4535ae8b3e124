// Which labels to show so that none overlap: overlapping labels are the clutter people complain about most in
// graph views. Greedy by importance (the selection, its neighbourhood, then bigger labels, then more links), as
// map-makers place city names; a grid of screen cells keeps it linear. Pure, so it is tested without a browser.
import { LOOK, MIN_LABEL_PX } from './stylesheet.ts';

export interface LabelCandidate {
  id: string;
  /** The note's centre and diameter, and the label's font size, in map units. */
  x: number;
  y: number;
  size: number;
  fontSize: number;
  /** Characters in the label. */
  length: number;
  /** Links either way: among equal fonts, the better-linked note's label wins. */
  degree: number;
  /** Labelled whatever it covers (the selected or hovered note itself): placed first. */
  forced?: boolean;
  /** In the selected or hovered note's neighbourhood: placed before the rest, where it fits. */
  highlighted?: boolean;
  /** A topic region's name (bold, centred on its point, up to MAX_REGION_LABEL_PX): placed before notes'. */
  region?: boolean;
}

/**
 * Cytoscape draws a label when font-size × 2^ceil(log2(zoom)) reaches min-zoomed-font-size (it rounds the zoom
 * up to its texture level).
 */
export const drawnScale = (zoom: number): number => 2 ** Math.ceil(Math.log2(zoom));

/**
 * Zoomed out over a big vault's topic regions, the region names stand for most notes: a note's label is left out
 * unless it reads at its own size (a hub's), or the map is zoomed in far enough to make room among the names.
 */
export const REGION_VIEW_NOTE_LABELS_ZOOM = 0.1;
export const waitsForZoom = (fontSize: number, zoom: number, regionView: boolean): boolean =>
  regionView && zoom < REGION_VIEW_NOTE_LABELS_ZOOM && fontSize * drawnScale(zoom) < MIN_LABEL_PX;

/** Labels are placed in and around the view (half a screen each way), so a short pan finds them there. */
export function labelArea(extent: Box): Box {
  const w = extent.x2 - extent.x1;
  const h = extent.y2 - extent.y1;
  return { x1: extent.x1 - w / 2, y1: extent.y1 - h / 2, x2: extent.x2 + w / 2, y2: extent.y2 + h / 2 };
}

/** Average glyph width of the label font, as a share of its size (measured in this Chromium: 0.51-0.55 on titles). */
const GLYPH_WIDTH = 0.55;
const LINE_HEIGHT = 1.25;
/** The stylesheet's label outline and gap below the node, taken as screen pixels (a margin of error on the box). */
const OUTLINE = LOOK.labelOutline;
const MARGIN_Y = LOOK.labelMargin;
/** Screen pixels kept clear between two labels. */
const GAP = 2;
const CELL = 64;

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Labels grow with the zoom up to this size on screen, then stay: zooming in then makes room for more of them. */
export const MAX_LABEL_PX = 20;

/**
 * The label's font size on screen at this zoom: its own size (hubs' are bigger), but never too small to read
 * (a label that fits is worth reading) nor so big it crowds out the rest.
 */
export const screenFontSize = (fontSize: number, zoom: number, max = MAX_LABEL_PX): number => Math.min(Math.max(fontSize * zoom, MIN_LABEL_PX), max);

/** Region names may be bigger than notes' labels: they are the overview's headings. */
export const MAX_REGION_LABEL_PX = 26;

/**
 * The size (map units) a placed label is drawn at, given the size it has now: sized for the screen, unless that
 * is within 10% of the current size, which is not worth restyling the label for.
 */
export function placedLabelSize(current: number, candidate: LabelCandidate, zoom: number): number {
  const want = screenFontSize(candidate.fontSize, zoom, candidate.region ? MAX_REGION_LABEL_PX : undefined) / zoom;
  return Math.abs(current / want - 1) > 0.1 ? want : current;
}
/** Bold glyphs are wider; region labels have a thicker outline. */
const BOLD_GLYPH_WIDTH = 0.62;
const REGION_OUTLINE = LOOK.regionOutline;

/** The label's box on screen at this zoom: centred under the node, as the stylesheet draws it. */
export function labelBox(candidate: LabelCandidate, zoom: number): Box {
  if (candidate.region) {
    const font = screenFontSize(candidate.fontSize, zoom, MAX_REGION_LABEL_PX);
    const width = candidate.length * font * BOLD_GLYPH_WIDTH + 2 * REGION_OUTLINE;
    const height = font * LINE_HEIGHT + 2 * REGION_OUTLINE;
    return { x1: candidate.x * zoom - width / 2, y1: candidate.y * zoom - height / 2, x2: candidate.x * zoom + width / 2, y2: candidate.y * zoom + height / 2 };
  }
  const font = screenFontSize(candidate.fontSize, zoom);
  const width = candidate.length * font * GLYPH_WIDTH + 2 * OUTLINE;
  const height = font * LINE_HEIGHT + 2 * OUTLINE;
  const top = (candidate.y + candidate.size / 2) * zoom + MARGIN_Y;
  const centre = candidate.x * zoom;
  return { x1: centre - width / 2, y1: top, x2: centre + width / 2, y2: top + height };
}

/** The ids whose labels fit without overlapping a more important one (forced ones always). */
export function placeLabels(candidates: readonly LabelCandidate[], zoom: number): Set<string> {
  const ranked = [...candidates].sort(
    (a, b) => rank(b) - rank(a) || b.fontSize - a.fontSize || b.degree - a.degree || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  // Placed labels, and the discs of labelled notes: Cytoscape draws a label with its note, so a labelled note's
  // disc drawn later would cover another's label (unlabelled notes lie below every label).
  const labels = new Map<string, Box[]>();
  const discs = new Map<string, Box[]>();
  const placed = new Set<string>();
  for (const candidate of ranked) {
    const box = labelBox(candidate, zoom);
    const disc = discBox(candidate, zoom);
    if (!candidate.forced && (overlapsAny(labels, box) || overlapsAny(discs, box) || (disc && overlapsAny(labels, disc)))) continue;
    placed.add(candidate.id);
    add(labels, box);
    if (disc) add(discs, disc);
  }
  return placed;
}

/** The note's disc on screen; none for a region, whose name is all there is of it. */
function discBox(candidate: LabelCandidate, zoom: number): Box | undefined {
  if (candidate.region || candidate.size <= 0) return undefined;
  const r = (candidate.size / 2) * zoom;
  return { x1: candidate.x * zoom - r, y1: candidate.y * zoom - r, x2: candidate.x * zoom + r, y2: candidate.y * zoom + r };
}

function add(grid: Map<string, Box[]>, box: Box): void {
  forEachCell(box, (key) => {
    const boxes = grid.get(key);
    if (boxes) boxes.push(box);
    else grid.set(key, [box]);
  });
}

const rank = (candidate: LabelCandidate): number => (candidate.forced ? 3 : candidate.highlighted ? 2 : candidate.region ? 1 : 0);

function overlapsAny(grid: Map<string, Box[]>, box: Box): boolean {
  let hit = false;
  forEachCell(box, (key) => {
    if (hit) return;
    for (const other of grid.get(key) ?? []) {
      if (box.x1 < other.x2 + GAP && other.x1 < box.x2 + GAP && box.y1 < other.y2 + GAP && other.y1 < box.y2 + GAP) {
        hit = true;
        return;
      }
    }
  });
  return hit;
}

function forEachCell(box: Box, visit: (key: string) => void): void {
  const x1 = Math.floor((box.x1 - GAP) / CELL);
  const x2 = Math.floor((box.x2 + GAP) / CELL);
  const y1 = Math.floor((box.y1 - GAP) / CELL);
  const y2 = Math.floor((box.y2 + GAP) / CELL);
  for (let cx = x1; cx <= x2; cx++) for (let cy = y1; cy <= y2; cy++) visit(`${cx},${cy}`);
}
