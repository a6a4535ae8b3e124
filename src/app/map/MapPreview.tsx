// The map as a still picture, drawn on a plain canvas from the compiled positions as soon as the graph is
// loaded, while Cytoscape's code loads and draws its first frame (which takes 1-2 s more on a slow machine).
// It shows the same notes, links and labels in the same places; Cytoscape's frame replaces it in place.
import { useEffect, useLayoutEffect, useRef, type MouseEvent, type WheelEvent } from 'react';
import type { NoteId } from '../../shared/schema.ts';
import { mapStageReached, pictureMoved, selectNote, useAtlas } from '../store/store.ts';
import { useEffectiveTheme } from '../theme.ts';
import { drawPicture } from './drawPicture.ts';
import { hitNote, previewScene, type PreviewScene } from './previewScene.ts';
import { MAX_ZOOM, MIN_ZOOM, type Viewport } from './mapController.ts';
import { insetFor } from './mapInset.ts';
import { MAP_THEMES } from './stylesheet.ts';

/** Screen pixels a press may move and still be a click. */
const CLICK_SLOP = 4;

export function MapPreview() {
  const canvas = useRef<HTMLCanvasElement>(null);
  const shown = useRef<PreviewScene>(undefined);
  const theme = useEffectiveTheme();
  const graph = useAtlas((s) => s.graph);
  const index = useAtlas((s) => s.index);
  const view = useAtlas((s) => s.view);
  const moved = useAtlas((s) => s.pictureViewport);
  // Folding the filters box or the panel refits the picture, as it changes where the live map will open.
  const filtersCollapsed = useAtlas((s) => s.filtersCollapsed);
  const panelCollapsed = useAtlas((s) => s.panelCollapsed);
  const drag = useRef<{ x: number; y: number; pan: Viewport['pan']; moved: boolean }>(undefined);
  // Drawn before the browser paints, and again as the user selects, pans or zooms before the live map is there.
  useLayoutEffect(() => {
    const element = canvas.current;
    const scene = graph && index && element ? previewScene(graph, index, view, theme, element.clientWidth, element.clientHeight, moved, insetFor({ filtersCollapsed, panelCollapsed }, element.clientHeight)) : undefined;
    shown.current = scene;
    if (!element) return;
    if (!scene) {
      element.width = 0; // local mode has no picture: an old one must not stay up
      return;
    }
    drawPicture(element, scene, MAP_THEMES[theme]);
    if (performance.getEntriesByName('atlas:preview-painted').length === 0) performance.mark('atlas:preview-painted');
  }, [graph, index, view, theme, moved, filtersCollapsed, panelCollapsed]);
  // Load and start the live map once this picture is on screen, so its work does not hold the picture up.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => mapStageReached('preview'))));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);

  // The picture answers at once: a click on a note opens it (the panel at once, the live map centred on it), and
  // the wheel and a drag zoom and pan it; the live map then opens where the user left it.
  const noteAt = (event: MouseEvent<HTMLCanvasElement>): NoteId | undefined => {
    const rect = event.currentTarget.getBoundingClientRect();
    return shown.current ? hitNote(shown.current.notes, event.clientX - rect.left, event.clientY - rect.top)?.id : undefined;
  };
  const onClick = (event: MouseEvent<HTMLCanvasElement>) => {
    if (drag.current?.moved) return;
    const id = noteAt(event);
    if (!id) return;
    selectNote(id); // the live map opens centred on it (a new selection forgets where the picture was moved)
  };
  const onWheel = (event: WheelEvent<HTMLCanvasElement>) => {
    const viewport = shown.current?.viewport;
    if (!viewport || event.deltaY === 0) return;
    const rect = event.currentTarget.getBoundingClientRect();
    const [x, y] = [event.clientX - rect.left, event.clientY - rect.top];
    const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, viewport.zoom * Math.min(2, Math.max(0.5, 10 ** (-event.deltaY / 500)))));
    const factor = zoom / viewport.zoom;
    pictureMoved({ zoom, pan: { x: x - (x - viewport.pan.x) * factor, y: y - (y - viewport.pan.y) * factor } });
  };
  const onMouseDown = (event: MouseEvent<HTMLCanvasElement>) => {
    const viewport = shown.current?.viewport;
    if (viewport && event.button === 0) drag.current = { x: event.clientX, y: event.clientY, pan: viewport.pan, moved: false };
  };
  const onMouseMove = (event: MouseEvent<HTMLCanvasElement>) => {
    const pressed = drag.current;
    const viewport = shown.current?.viewport;
    if (pressed && viewport && event.buttons === 1) {
      const [dx, dy] = [event.clientX - pressed.x, event.clientY - pressed.y];
      if (pressed.moved || Math.hypot(dx, dy) > CLICK_SLOP) {
        pressed.moved = true;
        pictureMoved({ zoom: viewport.zoom, pan: { x: pressed.pan.x + dx, y: pressed.pan.y + dy } });
      }
      return;
    }
    event.currentTarget.style.cursor = noteAt(event) ? 'pointer' : '';
  };
  const onMouseUp = () => {
    // The click that follows a drag still sees it as moved; the next press starts afresh.
    setTimeout(() => (drag.current = undefined));
  };
  return (
    <canvas
      ref={canvas}
      className="map-preview"
      aria-hidden="true"
      onClick={onClick}
      onWheel={onWheel}
      onMouseDown={onMouseDown}
      onMouseMove={onMouseMove}
      onMouseUp={onMouseUp}
      onMouseLeave={onMouseUp}
    />
  );
}
