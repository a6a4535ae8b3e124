// The map as a still picture, drawn on a plain canvas from the compiled positions as soon as the graph is
// loaded, while Cytoscape's code loads and draws its first frame (which takes 1-2 s more on a slow machine).
// It shows the same notes, links and labels in the same places; Cytoscape's frame replaces it in place.
import { useEffect, useLayoutEffect, useRef, type MouseEvent, type WheelEvent } from 'react';
import type { NoteId } from '../../shared/schema.ts';
import { mapStageReached, pictureMoved, selectNote, useAtlas } from '../store/store.ts';
import { useEffectiveTheme } from '../theme.ts';
import { hitNote, previewScene, type PreviewLabel, type PreviewScene } from './previewScene.ts';
import { MAX_ZOOM, MIN_ZOOM } from './firstView.ts';
import type { Viewport } from './mapController.ts';
import { MAP_THEMES, type MapTheme } from './stylesheet.ts';

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
  const drag = useRef<{ x: number; y: number; pan: Viewport['pan']; moved: boolean }>(undefined);
  // Drawn before the browser paints, and again as the user selects, pans or zooms before the live map is there.
  useLayoutEffect(() => {
    const element = canvas.current;
    const scene = graph && index && element ? previewScene(graph, index, view, theme, element.clientWidth, element.clientHeight, moved) : undefined;
    shown.current = scene;
    if (!element) return;
    if (!scene) {
      element.width = 0; // local mode has no picture: an old one must not stay up
      return;
    }
    draw(element, scene, MAP_THEMES[theme]);
    if (performance.getEntriesByName('atlas:preview-painted').length === 0) performance.mark('atlas:preview-painted');
  }, [graph, index, view, theme, moved]);
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
    pictureMoved(undefined); // the live map opens centred on the note instead
    selectNote(id);
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

function draw(canvas: HTMLCanvasElement, scene: PreviewScene, theme: MapTheme): void {
  canvas.width = canvas.clientWidth;
  canvas.height = canvas.clientHeight;
  const context = canvas.getContext('2d');
  if (!context) return;
  const { zoom } = scene.viewport;
  // Region names lie under everything else, as the stylesheet puts them.
  for (const label of scene.labels) if (label.region) drawLabel(context, label, theme, zoom);

  // Links under notes, one path per look (thousands of separate strokes would cost more than the picture is worth).
  const looks = new Map<string, PreviewScene['links']>();
  for (const link of scene.links) {
    const key = `${link.near ? 'near' : 'plain'}:${link.embed ? 'embed' : 'line'}:${link.width.toFixed(2)}`;
    (looks.get(key) ?? looks.set(key, []).get(key)!).push(link);
  }
  for (const links of looks.values()) {
    const { near, embed, width } = links[0]!;
    context.beginPath();
    for (const link of links) {
      context.moveTo(link.x1, link.y1);
      context.lineTo(link.x2, link.y2);
    }
    context.strokeStyle = near ? theme.highlight : theme.edge;
    context.globalAlpha = near ? 0.9 : 1;
    context.lineWidth = near ? 1.6 * zoom : width;
    context.setLineDash(embed ? [6 * zoom, 3 * zoom] : []);
    context.stroke();
  }
  context.globalAlpha = 1;

  // Each note's label right after the note, as Cytoscape draws them: a later note covers an earlier one's label.
  const labelOf = new Map(scene.labels.map((label) => [label.id, label]));
  for (const note of scene.notes) {
    const radius = note.size / 2;
    if (note.selected) {
      context.beginPath();
      context.arc(note.x, note.y, radius + 6 * zoom, 0, 2 * Math.PI);
      context.globalAlpha = 0.15;
      context.fillStyle = theme.highlight;
      context.fill();
      context.globalAlpha = 1;
    }
    context.beginPath();
    context.arc(note.x, note.y, radius, 0, 2 * Math.PI);
    if (note.ghost) {
      context.setLineDash([4 * zoom, 4 * zoom]);
      context.lineWidth = 2 * zoom;
      context.strokeStyle = theme.ghostBorder;
      context.stroke();
      context.setLineDash([]);
    } else {
      context.fillStyle = note.colour;
      context.fill();
    }
    if (note.selected) {
      context.lineWidth = 4 * zoom;
      context.strokeStyle = theme.highlight;
      context.stroke();
    }
    const label = labelOf.get(note.id);
    if (label) drawLabel(context, label, theme, zoom);
  }
}

/** As the stylesheet draws labels: system font, outlined in the background colour (outline in map units). */
function drawLabel(context: CanvasRenderingContext2D, label: PreviewLabel, theme: MapTheme, zoom: number): void {
  context.font = `${label.region ? 'bold' : label.ghost ? 'italic' : 'normal'} ${label.font}px system-ui, sans-serif`;
  context.textAlign = 'center';
  context.textBaseline = label.region ? 'middle' : 'top';
  context.lineJoin = 'round';
  context.lineWidth = 2 * (label.region ? 4 : 2) * zoom;
  context.strokeStyle = theme.labelOutline;
  context.strokeText(label.text, label.x, label.y);
  context.fillStyle = label.ghost ? theme.ghostBorder : theme.label;
  context.fillText(label.text, label.x, label.y);
}
