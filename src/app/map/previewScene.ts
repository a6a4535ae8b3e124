// The map's first frame as plain shapes in screen pixels, for the preview canvas that shows while Cytoscape
// loads and draws. Same notes, links, colours, sizes and viewport as that first frame; no labels.
import type { Graph, NoteId } from '../../shared/schema.ts';
import { degreeOf, drawnNodeIds, nodeScale, type GraphIndex } from '../graph/graphIndex.ts';
import type { UrlState } from '../store/url.ts';
import { linkWidth, noteDiameter, noteFontSize, regionLabel, regionLabelCandidate, shortLabel } from './elements.ts';
import { initialViewport } from './firstView.ts';
import { NO_INSET, type Inset } from './mapInset.ts';
import { labelArea, placedLabelSize, placeLabels, waitsForZoom, type LabelCandidate } from './labelPlacement.ts';
import type { Viewport } from './mapController.ts';
import { colourRule, edgePickerFor, regionsFor, visibleIdsFor } from './scene.ts';
import { LABELLED_Z, LOOK, NEAR_Z, SELECTED_Z } from './stylesheet.ts';
import { REGION_LABEL_MAX_ZOOM } from './useViewportDetail.ts';

export interface PreviewNote {
  id: NoteId;
  x: number;
  y: number;
  /** Diameter on screen. */
  size: number;
  colour: string;
  ghost: boolean;
  selected: boolean;
}

export interface PreviewLink {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
  embed: boolean;
  /** A link of the selected note (drawn lit up). */
  near: boolean;
}

export interface PreviewLabel {
  /** The note's id or the region's. */
  id: string;
  text: string;
  /** Screen position: the centre of a region's name; the top centre of a note's label (under the note). */
  x: number;
  y: number;
  /** Font size in screen pixels. */
  font: number;
  region: boolean;
  ghost: boolean;
}

export interface PreviewScene {
  viewport: Viewport;
  notes: PreviewNote[];
  links: PreviewLink[];
  labels: PreviewLabel[];
}

/**
 * Undefined in local mode, whose notes are laid out afresh in the browser (their places are not known yet).
 * `moved` is where the user panned or zoomed the picture; else the live map's first viewport, clear of `inset`.
 */
export function previewScene(graph: Graph, index: GraphIndex, view: UrlState, theme: 'light' | 'dark', width: number, height: number, moved?: Viewport, inset: Inset = NO_INSET): PreviewScene | undefined {
  if (view.localDepth > 0) return undefined;
  const selectedId: NoteId | undefined = view.route.kind === 'note' && index.nodeById.has(view.route.id) ? view.route.id : undefined;
  const drawn = drawnNodeIds(index, selectedId, 0);
  const visible = visibleIdsFor(graph, index, view, selectedId);
  const shown = (id: NoteId): boolean => (!drawn || drawn.has(id)) && (!visible || visible.has(id));
  const viewport = moved ?? initialViewport(index, drawn, selectedId, width, height, inset, regionsFor(graph, index));
  const { zoom, pan } = viewport;
  const onScreen = (x: number, y: number, margin: number) => x > -margin && y > -margin && x < width + margin && y < height + margin;

  const colourOf = colourRule(graph, view.colourBy, theme);
  const scale = nodeScale(index);
  const notes: PreviewNote[] = [];
  for (const id of drawn ?? index.nodeById.keys()) {
    const node = index.nodeById.get(id);
    if (!node || !shown(id)) continue;
    const note = {
      id,
      x: node.x * zoom + pan.x,
      y: node.y * zoom + pan.y,
      size: noteDiameter(node, index.maxDegree, scale) * zoom,
      colour: colourOf(node),
      ghost: node.ghost,
      selected: id === selectedId,
    };
    if (note.selected || onScreen(note.x, note.y, note.size + LABEL_REACH)) notes.push(note);
  }

  const links: PreviewLink[] = [];
  const near = new Set<NoteId>(selectedId ? [selectedId] : []);
  for (const edge of edgePickerFor(graph, index).edgesFor(drawn, selectedId, undefined)) {
    const source = index.nodeById.get(edge.source);
    const target = index.nodeById.get(edge.target);
    if (!source || !target || !shown(source.id) || !shown(target.id) || source === target) continue;
    if (selectedId !== undefined && (source.id === selectedId || target.id === selectedId)) near.add(source.id).add(target.id);
    const [x1, y1, x2, y2] = [source.x * zoom + pan.x, source.y * zoom + pan.y, target.x * zoom + pan.x, target.y * zoom + pan.y];
    if (!onScreen(x1, y1, 0) && !onScreen(x2, y2, 0) && !crossesScreen(x1, y1, x2, y2, width, height)) continue;
    links.push({ x1, y1, x2, y2, width: linkWidth(edge) * zoom, embed: edge.kind === 'embed', near: selectedId !== undefined && (source.id === selectedId || target.id === selectedId) });
  }
  const labels = placedLabels(graph, index, drawn, shown, near, selectedId, viewport, width, height);
  // Stacked as the stylesheet's z-index stacks them (a stable sort keeps the drawing order within a level).
  const labelled = new Set(labels.map((label) => label.id));
  const level = (note: PreviewNote) => (note.selected ? SELECTED_Z : near.has(note.id) ? NEAR_Z : labelled.has(note.id) ? LABELLED_Z : 0);
  notes.sort((a, b) => level(a) - level(b));
  return { viewport, notes, links, labels };
}

/**
 * The labels MapSync places on the first frame: the same candidates (notes in and around the view, region
 * names while zoomed out over a big vault) and the same placement, so none overlap.
 */
function placedLabels(
  graph: Graph,
  index: GraphIndex,
  drawn: ReadonlySet<NoteId> | undefined,
  shown: (id: NoteId) => boolean,
  near: ReadonlySet<NoteId>,
  selectedId: NoteId | undefined,
  { zoom, pan }: Viewport,
  width: number,
  height: number,
): PreviewLabel[] {
  const area = labelArea({ x1: -pan.x / zoom, y1: -pan.y / zoom, x2: (width - pan.x) / zoom, y2: (height - pan.y) / zoom });
  const inArea = (x: number, y: number) => x >= area.x1 && x <= area.x2 && y >= area.y1 && y <= area.y2;
  const regionView = index.overviewIds !== undefined && zoom < REGION_LABEL_MAX_ZOOM && regionsFor(graph, index).length > 0;
  const regions = regionView ? regionsFor(graph, index).filter((r) => inArea(r.x, r.y)) : [];
  const scale = nodeScale(index);
  const candidates: LabelCandidate[] = [];
  const text = new Map<string, { text: string; ghost: boolean }>();
  for (const region of regions) {
    candidates.push(regionLabelCandidate(region));
    text.set(region.id, { text: regionLabel(region), ghost: false });
  }
  for (const id of drawn ?? index.nodeById.keys()) {
    const node = index.nodeById.get(id);
    if (!node || !shown(id) || !inArea(node.x, node.y)) continue;
    const fontSize = noteFontSize(node, index.maxDegree, scale);
    const highlighted = near.has(id);
    if (!highlighted && waitsForZoom(fontSize, zoom, regionView)) continue;
    const label = shortLabel(node.title);
    candidates.push({ id, x: node.x, y: node.y, size: noteDiameter(node, index.maxDegree, scale), fontSize, length: label.length, degree: degreeOf(node), forced: id === selectedId, highlighted });
    text.set(id, { text: label, ghost: node.ghost });
  }
  const placed = placeLabels(candidates, zoom);
  return candidates
    .filter((candidate) => placed.has(candidate.id))
    .map((candidate) => ({
      id: candidate.id,
      ...text.get(candidate.id)!,
      x: candidate.x * zoom + pan.x,
      y: (candidate.region ? candidate.y : candidate.y + candidate.size / 2 + LOOK.labelMargin) * zoom + pan.y,
      font: placedLabelSize(candidate.fontSize, candidate, zoom) * zoom, // as MapSync sizes it on the first frame
      region: candidate.region === true,
    }));
}

/** Screen pixels: a note this far off screen may still have its label on it. */
const LABEL_REACH = 150;

/** Whether a segment with both ends off screen still passes over it (its bounding box overlaps the screen). */
function crossesScreen(x1: number, y1: number, x2: number, y2: number, width: number, height: number): boolean {
  return Math.max(x1, x2) >= 0 && Math.min(x1, x2) <= width && Math.max(y1, y2) >= 0 && Math.min(y1, y2) <= height;
}

/** Screen pixels: a small note is clickable this far from its centre. */
const MIN_HIT_RADIUS = 5;

/** The topmost note under a point of the picture (notes are drawn in order, so the last hit is on top). */
export function hitNote(notes: readonly PreviewNote[], x: number, y: number): PreviewNote | undefined {
  for (let i = notes.length - 1; i >= 0; i--) {
    const note = notes[i]!;
    if (Math.hypot(note.x - x, note.y - y) <= Math.max(note.size / 2, MIN_HIT_RADIUS)) return note;
  }
  return undefined;
}
