// The map: Cytoscape, driven from the store through MapSync. react-cytoscapejs makes the instance once and
// owns its life; it is handed no elements (its diff of every element on each render cost 30-90 ms at 10k):
// the first scene is added at once, already fitted, and after that each store change touches only the
// elements it changes.
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Core, ElementDefinition, StylesheetJson } from 'cytoscape';
import CytoscapeComponent from 'react-cytoscapejs';
import type { NoteId } from '../../shared/schema.ts';
import { drawnNodeIds, neighbourhood, type GraphIndex } from '../graph/graphIndex.ts';
import { prepareSearchIndex } from '../search/searchIndex.ts';
import { whenIdle } from '../idle.ts';
import { atlasStore, mapStageReached, selectSelectedId, useAtlas } from '../store/store.ts';
import { useEffectiveTheme } from '../theme.ts';
import { initialViewport, readableZoomFor } from './firstView.ts';
import { attachMap, centreOn, MAX_ZOOM, MIN_ZOOM } from './mapController.ts';
import { insetFor } from './mapInset.ts';
import { MapSync } from './mapSync.ts';
import { edgePickerFor, regionsFor } from './scene.ts';
import { buildStylesheet, MAP_THEMES } from './stylesheet.ts';
import { useLocalLayout } from './useLocalLayout.ts';
import { useMapEvents } from './useMapEvents.ts';
import { useColourRule, useVisibleIds } from './useMapSync.ts';
import { useLabelsInView, useViewportDetail } from './useViewportDetail.ts';

const STYLESHEETS = { light: buildStylesheet(MAP_THEMES.light), dark: buildStylesheet(MAP_THEMES.dark) };
/** Elements are MapSync's, not the component's: it gets none, and compares them by reference only. */
const NO_ELEMENTS: ElementDefinition[] = [];
const byReference = (a: unknown, b: unknown): boolean => a !== b;
const FILL = { width: '100%', height: '100%' };
/** Warm-ups after the first paint wait for idle time, but no longer than this. */
const WARM_UP_TIMEOUT_MS = 2000;

export const MapView = memo(function MapView() {
  const graph = useAtlas((s) => s.graph);
  const index = useAtlas((s) => s.index);
  // The panel shows a new selection at once; the map follows once that frame is painted.
  const selectedId = useAfterNextPaint(useAtlas(selectSelectedId));
  const localDepth = useAfterNextPaint(useAtlas((s) => s.view.localDepth));
  const hoveredId = useAtlas((s) => s.hoveredId);
  const theme = useEffectiveTheme();
  const [sync, setSync] = useState<MapSync>();
  const made = useRef<MapSync>(undefined);

  const regions = useMemo(() => (graph && index ? regionsFor(graph, index) : []), [graph, index]);
  const picker = useMemo(() => (graph && index ? edgePickerFor(graph, index) : undefined), [graph, index]);
  const detailBox = useViewportDetail(sync, index?.overviewIds !== undefined);
  const drawn = useMemo(() => (index ? drawnNodeIds(index, selectedId, localDepth, detailBox) : undefined), [index, selectedId, localDepth, detailBox]);
  const local = useMemo(
    () => (index && localDepth > 0 && selectedId && index.nodeById.has(selectedId) ? neighbourhood(index, selectedId, localDepth) : undefined),
    [index, selectedId, localDepth],
  );
  const edges = useMemo(() => picker?.edgesFor(drawn, selectedId, local) ?? [], [picker, drawn, selectedId, local]);
  const visible = useVisibleIds(selectedId, localDepth);
  const colourOf = useColourRule(theme);
  const nodeCount = drawn?.size ?? graph?.nodes.length ?? 0;

  // Made once, with everything it first shows, so the first frame Cytoscape draws is the finished map.
  const first = useRef({ index, drawn, edges, regions, visible, colourOf, selectedId, theme, graph, picker });
  const shownTheme = useRef(theme);
  /** The selection the map was last centred on (the initial viewport is centred on a deep link's note). */
  const centred = useRef<{ id: NoteId | undefined; index: GraphIndex | undefined }>(undefined);
  // Called by react-cytoscapejs once its instance exists (and after each of its updates: only the first counts).
  const onCytoscape = useCallback((cy: Core) => {
    if (made.current?.cy === cy) return;
    const { index, drawn, edges, regions, visible, colourOf, selectedId, theme, graph, picker } = first.current;
    if (!index || !graph || !picker) return;
    // Where the user left the still picture, if they moved it; else fitted, or centred on a deep link's note.
    const state = atlasStore.getState();
    cy.viewport(state.pictureViewport ?? initialViewport(index, drawn, selectedId, cy.width(), cy.height(), insetFor(state, cy.height()), regions));
    applyStylesheet(cy, STYLESHEETS[theme]);
    layersAfterFirstFrame(cy);
    cy.one('render', () => {
      // First painted map, for the app benchmark.
      performance.mark('atlas:map-painted');
      mapStageReached('drawn');
      // Ready the first search and the first selection while the user looks at the map.
      // One idle callback each, so input between them is not held up.
      whenIdle(() => {
        void index.neighbours;
        whenIdle(() => {
          picker.warm();
          whenIdle(() => prepareSearchIndex(graph), WARM_UP_TIMEOUT_MS);
        }, WARM_UP_TIMEOUT_MS);
      }, WARM_UP_TIMEOUT_MS);
    });
    const sync = new MapSync(cy);
    sync.setLabelView(cy.zoom(), cy.extent());
    sync.setColours(colourOf);
    sync.setVisible(visible);
    sync.setScene(index, drawn, edges, regions);
    sync.setSelection(selectedId);
    performance.mark('atlas:map-created');
    centred.current = { id: selectedId, index };
    attachMap(cy, { readableZoom: readableZoomFor(index), inset: (height) => insetFor(atlasStore.getState(), height) });
    made.current = sync;
    setSync(sync);
  }, []);
  // react-cytoscapejs destroys the instance when the map goes; the page's probe lets go of it then.
  useEffect(() => () => attachMap(undefined), []);

  useEffect(() => {
    if (!sync || shownTheme.current === theme) return;
    shownTheme.current = theme;
    applyStylesheet(sync.cy, STYLESHEETS[theme]);
  }, [sync, theme]);
  useEffect(() => sync?.setColours(colourOf), [sync, colourOf]);
  useEffect(() => sync?.setVisible(visible), [sync, visible]);
  useEffect(() => {
    if (sync && index) sync.setScene(index, drawn, edges, regions);
  }, [sync, index, drawn, edges, regions]);
  useEffect(() => {
    if (!sync) return;
    sync.setSelection(selectedId);
    // Centre once per selection, and again when a rebuilt vault (dev mode) brings its node back.
    if (centred.current?.id === selectedId && centred.current?.index === index) return;
    centred.current = { id: selectedId, index };
    const node = selectedId ? sync.cy.getElementById(selectedId) : undefined;
    if (node?.nonempty()) centreOn(node);
  }, [sync, selectedId, index]);
  useEffect(() => sync?.setHover(hoveredId), [sync, hoveredId]);

  useMapEvents(sync?.cy);
  useLabelsInView(sync);
  useLocalLayout(sync?.cy, graph, local ? visible : undefined);

  return (
    <div className="map" role="application" aria-label="Topic map. Use search (/) or the note panel to move between notes by keyboard." data-node-count={nodeCount}>
      <CytoscapeComponent
        elements={NO_ELEMENTS}
        diff={byReference}
        stylesheet={STYLESHEETS.light /* replaced by the theme's own, without Cytoscape's defaults, once made */}
        cy={onCytoscape}
        style={FILL}
        minZoom={MIN_ZOOM}
        maxZoom={MAX_ZOOM}
        // Just over 1: drawn at one pixel per CSS pixel (the issue measured half the cost of 2 on a 2x screen),
        // and Cytoscape then renders the viewport texture below at 1x, where at exactly 1 it renders it at 2x:
        // that made the first frame of each pan or zoom take 1.5-1.7 s at 1k and 10k (0.3-0.4 s at 1x).
        pixelRatio={1.0001}
        boxSelectionEnabled={false}
        // Measured with the bench's pan/zoom at 25k (load ~5): median redraw interval 17 ms against 72 ms without
        // it, p95 66 against 237 ms. The map moves as one bitmap while a gesture lasts, then redraws sharp.
        textureOnViewport
        autounselectify // selection is the app's (a class), not Cytoscape's: a tap restyles nothing by itself
      />
    </div>
  );
});

/**
 * `value` as of the last painted frame: a change shows here only after the browser has painted the frame
 * that holds the rest of it (the note panel), so the map's work for it never delays that frame.
 */
function useAfterNextPaint<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (Object.is(shown, value)) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setShown(() => value)); // after the frame this callback runs in is painted
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [value, shown]);
  return shown;
}

/**
 * Cytoscape's canvas renderer caches the map in whole-map layer bitmaps. On its very first frame it draws every
 * element into those layers before it shows anything (after that, it fills them a little each frame and draws
 * from per-element caches meanwhile). Treating the first frame like any later one shows the map sooner: at 1k
 * notes the first frame took ~0.18 s less main-thread time. `firstGet` is internal to Cytoscape (3.35): if it
 * goes, this does nothing.
 */
function layersAfterFirstFrame(cy: Core): void {
  const renderer = (cy as unknown as { renderer?: () => { data?: { lyrTxrCache?: { firstGet?: boolean } } } }).renderer?.();
  const layers = renderer?.data?.lyrTxrCache;
  if (layers?.firstGet === true) layers.firstGet = false;
}

/**
 * Our stylesheet alone, without Cytoscape's default rules. Their `:active` and `:selected` rules restyle a
 * note when it is pressed, which invalidates the map's cached layers, so the frame that should show the
 * note panel after a click redrew every element first (about 0.1 s at 25k). Nothing here styles those
 * states, and the defaults' other rules (compound nodes, loops) do not apply to this map.
 */
function applyStylesheet(cy: Core, sheet: StylesheetJson): void {
  cy.style().clear().append(sheet).update();
}
