// The single source of UI state: one zustand store from slices; actions are plain functions callable anywhere.
import { createStore, useStore } from 'zustand';
import type { Graph, NoteId } from '../../shared/schema.ts';
import { buildGraphIndex, type GraphIndex } from '../graph/graphIndex.ts';
import type { Viewport } from '../map/mapController.ts';
import { isNarrowScreen } from '../map/mapInset.ts';
import { DEFAULT_URL_STATE, MAX_DEPTH, MIN_DEPTH, type ColourBy, type UrlState } from './url.ts';

export type LoadState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready' };
export type ThemeChoice = 'system' | 'light' | 'dark';
/** How far the map has come on screen: nothing yet, the still preview, then Cytoscape's live map. */
export type MapStage = 'waiting' | 'preview' | 'drawn';
const MAP_STAGES: readonly MapStage[] = ['waiting', 'preview', 'drawn'];

interface GraphSlice {
  load: LoadState;
  graph: Graph | undefined;
  index: GraphIndex | undefined;
  /** Bumped when the vault is rebuilt (dev mode), so open note pages refetch. */
  dataVersion: number;
}

interface ViewSlice {
  /** Everything a shared link carries. */
  view: UrlState;
}

interface UiSlice {
  hoveredId: NoteId | undefined;
  searchOpen: boolean;
  panelCollapsed: boolean;
  /** The filters and legend box folded to its title, so it covers less of the map. */
  filtersCollapsed: boolean;
  theme: ThemeChoice;
  mapStage: MapStage;
  /** Where the user panned or zoomed the still picture, for the live map to open there (then it owns the viewport). */
  pictureViewport: Viewport | undefined;
}

export type AtlasState = GraphSlice & ViewSlice & UiSlice;

const initialState = (): AtlasState => ({
  load: { status: 'loading' },
  graph: undefined,
  index: undefined,
  dataVersion: 0,
  view: { ...DEFAULT_URL_STATE, hiddenFolders: [] },
  hoveredId: undefined,
  searchOpen: false,
  panelCollapsed: false,
  filtersCollapsed: isNarrowScreen(), // on a phone the open box would cover the top of the map
  theme: readTheme(),
  mapStage: 'waiting',
  pictureViewport: undefined,
});

export const atlasStore = createStore<AtlasState>()(() => initialState());

/** Subscribe a component to one slice of state; re-renders only when that slice changes. */
export const useAtlas = <T>(selector: (state: AtlasState) => T): T => useStore(atlasStore, selector);

const set = atlasStore.setState;
const get = atlasStore.getState;
const setView = (patch: Partial<UrlState>) => set({ view: { ...get().view, ...patch } });

// --- graph ---
export function graphLoaded(graph: Graph): void {
  const index = buildGraphIndex(graph);
  performance.mark('atlas:indexed');
  set({ graph, index, load: { status: 'ready' }, dataVersion: get().dataVersion + 1 });
}
export function graphFailed(message: string): void {
  set({ load: { status: 'error', message } });
}

// --- selection and view ---
export function selectNote(id: NoteId | undefined): void {
  const before = get().view.route;
  setView({ route: id ? { kind: 'note', id } : { kind: 'overview' }, ...(id ? {} : { localDepth: 0 }) });
  forgetPictureViewportOnNewSelection(before);
}
export function applyUrlState(view: UrlState): void {
  const before = get().view.route;
  set({ view });
  forgetPictureViewportOnNewSelection(before);
}
/** A new selection (a click, a search, a link, back or forward) re-centres the map, even where the picture was moved. */
function forgetPictureViewportOnNewSelection(before: UrlState['route']): void {
  const { pictureViewport, view } = get();
  const selected = view.route.kind === 'note' ? view.route.id : undefined;
  if (pictureViewport && selected !== undefined && selected !== (before.kind === 'note' ? before.id : undefined)) set({ pictureViewport: undefined });
}
export function setLocalDepth(depth: number): void {
  setView({ localDepth: depth <= 0 ? 0 : Math.min(MAX_DEPTH, Math.max(MIN_DEPTH, Math.round(depth))) });
}
export function toggleHideGhosts(): void {
  setView({ hideGhosts: !get().view.hideGhosts });
}
export function toggleHideOrphans(): void {
  setView({ hideOrphans: !get().view.hideOrphans });
}
export function toggleFolder(folder: string): void {
  const hidden = new Set(get().view.hiddenFolders);
  if (hidden.has(folder)) hidden.delete(folder);
  else hidden.add(folder);
  setView({ hiddenFolders: [...hidden].sort() });
}
export function setTagFilter(tag: string | undefined): void {
  setView({ tag });
}
export function setColourBy(colourBy: ColourBy): void {
  setView({ colourBy });
}
export function clearFilters(): void {
  setView({ hideGhosts: false, hideOrphans: false, hiddenFolders: [], tag: undefined });
}

// --- ephemeral UI ---
export function setHovered(id: NoteId | undefined): void {
  if (get().hoveredId !== id) set({ hoveredId: id });
}
export function openSearch(): void {
  set({ searchOpen: true });
}
export function closeSearch(): void {
  set({ searchOpen: false });
}
export function togglePanel(): void {
  set({ panelCollapsed: !get().panelCollapsed });
}
export function toggleFilters(): void {
  set({ filtersCollapsed: !get().filtersCollapsed });
}
export function pictureMoved(viewport: Viewport | undefined): void {
  set({ pictureViewport: viewport });
}
/** Only forward: a rebuilt vault (dev mode) keeps the live map. */
export function mapStageReached(stage: MapStage): void {
  // Once the live map is drawn it owns the viewport; the picture's is done with.
  if (MAP_STAGES.indexOf(stage) > MAP_STAGES.indexOf(get().mapStage)) set({ mapStage: stage, ...(stage === 'drawn' ? { pictureViewport: undefined } : {}) });
}
export function setTheme(theme: ThemeChoice): void {
  set({ theme });
  try {
    localStorage.setItem('atlas-theme', theme);
  } catch {
    // storage may be disabled; the choice then lasts for this page only
  }
}

function readTheme(): ThemeChoice {
  try {
    const saved = globalThis.localStorage?.getItem('atlas-theme');
    return saved === 'light' || saved === 'dark' ? saved : 'system';
  } catch {
    return 'system';
  }
}

// --- selectors, defined once ---
export const selectSelectedId = (s: AtlasState): NoteId | undefined => (s.view.route.kind === 'note' ? s.view.route.id : undefined);
export const selectSelectedNode = (s: AtlasState) => {
  const id = selectSelectedId(s);
  return id ? s.index?.nodeById.get(id) : undefined;
};

/** For tests: back to a fresh store. */
export function resetStore(): void {
  set(initialState(), true);
}
