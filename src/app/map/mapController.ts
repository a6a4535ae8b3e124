// Camera commands for the toolbar and the keyboard. The viewport belongs to Cytoscape; this only asks it to move.
import type { Core, NodeSingular } from 'cytoscape';
import { NO_INSET, type Inset } from './mapInset.ts';

let current: Core | undefined;
/** The zoom at which notes read well: a big vault draws its nodes and labels bigger, so it is lower there. */
let readableZoom = 0.9;
/** What the map's overlays cover now of a map this tall, for Fit and Reset. */
let insetNow: (height: number) => Inset = () => NO_INSET;

export function attachMap(cy: Core | undefined, options: { readableZoom: number; inset?: (height: number) => Inset } = { readableZoom: 0.9 }): void {
  current = cy;
  readableZoom = options.readableZoom;
  insetNow = options.inset ?? (() => NO_INSET);
}

const ZOOM_STEP = 1.4;
const ANIMATION = { duration: 280, easing: 'ease-in-out-cubic' as const };

function zoomBy(factor: number): void {
  if (!current) return;
  const { width, height } = { width: current.width(), height: current.height() };
  current.animate({ zoom: { level: current.zoom() * factor, renderedPosition: { x: width / 2, y: height / 2 } }, ...ANIMATION });
}

export const zoomIn = (): void => zoomBy(ZOOM_STEP);
export const zoomOut = (): void => zoomBy(1 / ZOOM_STEP);

/**
 * How far the map zooms out and in. Out far enough that a big vault fits a phone whole (wiki 10k needs 0.010 on
 * one, beside the note sheet): Cytoscape ignores a viewport whose zoom is outside these, and at a floor of 0.02
 * such a map opened at zoom 1, showing a few links and no notes.
 */
export const MIN_ZOOM = 0.002;
export const MAX_ZOOM = 4;

/** Fitting a handful of notes should not blow labels up to poster size. */
const MAX_FIT_ZOOM = 1.3;
const PADDING = 40;

export interface Viewport {
  zoom: number;
  pan: { x: number; y: number };
}

/**
 * The part of a map of this size left uncovered by `inset`: all of it when too little would be left (a small
 * window), since a map squeezed into a strip helps no one.
 */
export function uncoveredArea(width: number, height: number, inset: Inset): { x: number; y: number; width: number; height: number } {
  const [w, h] = [width - inset.left - inset.right, height - inset.top - inset.bottom];
  if (w < MIN_UNCOVERED || h < MIN_UNCOVERED) return { x: 0, y: 0, width, height };
  return { x: inset.left, y: inset.top, width: w, height: h };
}
const MIN_UNCOVERED = 200;

/** The viewport that shows this box (model coordinates) whole in a map of this size, clear of `inset` (as far as MIN_ZOOM allows). */
export function fitViewport(box: { x1: number; y1: number; x2: number; y2: number }, width: number, height: number, inset: Inset = NO_INSET): Viewport {
  const area = uncoveredArea(width, height, inset);
  const w = box.x2 - box.x1;
  const h = box.y2 - box.y1;
  const zoom = Math.max(MIN_ZOOM, Math.min(MAX_FIT_ZOOM, (area.width - 2 * PADDING) / Math.max(1, w), (area.height - 2 * PADDING) / Math.max(1, h)));
  return { zoom, pan: { x: area.x + area.width / 2 - zoom * (box.x1 + w / 2), y: area.y + area.height / 2 - zoom * (box.y1 + h / 2) } };
}

/** The zoom at which a selected note is shown: closer in if the map is far out. */
export const centreZoom = (zoom: number, maxZoom: number, readable = readableZoom): number => Math.max(zoom, Math.min(readable, maxZoom));

/** The viewport with this point (model coordinates) in the middle of what `inset` leaves uncovered. */
export function centredViewport(point: { x: number; y: number }, zoom: number, width: number, height: number, inset: Inset = NO_INSET): Viewport {
  const area = uncoveredArea(width, height, inset);
  return { zoom, pan: { x: area.x + area.width / 2 - zoom * point.x, y: area.y + area.height / 2 - zoom * point.y } };
}

function fitTo(cy: Core, eles: ReturnType<Core['elements']>, animate: boolean): void {
  if (eles.length === 0) return;
  const { zoom, pan } = fitViewport(eles.boundingBox(), cy.width(), cy.height(), insetNow(cy.height()));
  cy.stop();
  if (animate) cy.animate({ zoom, pan, ...ANIMATION });
  else cy.viewport({ zoom, pan });
}

/** Fit what is visible. */
export function fitView(animate = true): void {
  if (current) fitTo(current, current.elements(':visible'), animate);
}

/** Back to the whole map, as it opened. */
export function resetView(): void {
  if (current) fitTo(current, current.elements(':visible'), true);
}

/** A topic region was clicked: zoom until its notes are drawn and readable, in the part the overlays leave uncovered. */
export function zoomToRegion(region: NodeSingular): void {
  if (!current) return;
  const radius = Math.max(200, Number(region.data('radius')) || 0);
  const area = uncoveredArea(current.width(), current.height(), insetNow(current.height()));
  const zoom = Math.min(0.6, Math.min(area.width, area.height) / (2.2 * radius));
  const { pan } = centredViewport(region.position(), zoom, current.width(), current.height(), insetNow(current.height()));
  current.stop();
  current.animate({ zoom, pan, ...ANIMATION });
}

/** Centre on a note in the part of the map the overlays leave uncovered, zooming in if the map is far out. */
export function centreOn(node: NodeSingular, animate = true): void {
  if (!current) return;
  const zoom = centreZoom(current.zoom(), current.maxZoom());
  const { pan } = centredViewport(node.position(), zoom, current.width(), current.height(), insetNow(current.height()));
  current.stop();
  if (animate) current.animate({ zoom, pan, ...ANIMATION });
  else current.viewport({ zoom, pan });
}

/** A read-only window onto the map for tests and curious users: `window.topicAtlas` in the console. */
export interface MapProbe {
  nodeCount(): number;
  visibleNodeIds(): string[];
  /** Where a node is drawn, in page pixels; undefined when it is not on the map. */
  nodePagePosition(id: string): { x: number; y: number } | undefined;
  zoom(): number;
  /** The labels of notes the map draws now (whatever the reason), as boxes in map-container pixels (measured by Cytoscape). */
  labelBoxes(): { id: string; x1: number; y1: number; x2: number; y2: number }[];
}

export const mapProbe: MapProbe = {
  nodeCount: () => current?.nodes().not('.region').length ?? 0,
  visibleNodeIds: () => current?.nodes(':visible').not('.region').map((node) => node.id()).sort() ?? [],
  nodePagePosition: (id) => {
    const node = current?.getElementById(id);
    if (!current || !node || node.empty() || !node.visible()) return undefined;
    const box = current.container()!.getBoundingClientRect();
    const { x, y } = node.renderedPosition();
    return { x: box.left + x, y: box.top + y };
  },
  zoom: () => current?.zoom() ?? 0,
  labelBoxes: () =>
    current
      ?.nodes(':visible')
      .filter((node) => node.style('label') !== '' && !node.hasClass('region'))
      .map((node) => ({ id: node.id(), ...node.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false }) }))
      .filter((box) => box.w > 0) ?? [],
};
