// The part of the map that the filters box covers, so fitting the notes leaves them uncovered. Worked out from the
// store's state rather than measured: the still picture is fitted before the box is drawn, and the live map must
// open in the same place.

/** Pixels covered along each edge of the map. */
export interface Inset {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export const NO_INSET: Inset = { left: 0, top: 0, right: 0, bottom: 0 };

/** The filters box's width in CSS pixels (Filters.tsx sets it), so the fit knows it before the box is drawn. */
export const FILTERS_WIDTH = 208;
// The rest as styles.css has them.
/** The box's distance from the map's edge (0.75rem). */
const FILTERS_MARGIN = 12;
/** The folded box is one line: about this tall, with its margin. */
const FOLDED_HEIGHT = 48;
/** Below this width the box moves to the top of the map and the panel becomes a sheet over its bottom (a phone). */
export const NARROW_QUERY = '(max-width: 760px)';
/** On a phone, the open box's and the panel sheet's greatest heights, as parts of the map's. */
const NARROW_FILTERS_SHARE = 0.4;
const NARROW_PANEL_SHARE = 0.55;

export interface Overlays {
  filtersCollapsed: boolean;
  panelCollapsed: boolean;
}

/**
 * On a wide map the open box runs down its left side, folded it is one line at the bottom, and the panel is beside
 * the map. On a phone the box is at the top (folded from the start) and the open panel covers the bottom half.
 */
export function overlayInset({ filtersCollapsed, panelCollapsed }: Overlays, narrow: boolean, height: number): Inset {
  if (!narrow) return filtersCollapsed ? { ...NO_INSET, bottom: FOLDED_HEIGHT } : { ...NO_INSET, left: FILTERS_MARGIN + FILTERS_WIDTH };
  return {
    ...NO_INSET,
    top: filtersCollapsed ? FOLDED_HEIGHT : FILTERS_MARGIN + Math.round(height * NARROW_FILTERS_SHARE),
    bottom: panelCollapsed ? 0 : Math.round(height * NARROW_PANEL_SHARE),
  };
}

export const isNarrowScreen = (): boolean => typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(NARROW_QUERY).matches;

/** What the overlays cover of a map this tall, in this state of the store. */
export const insetFor = (overlays: Overlays, height: number): Inset => overlayInset(overlays, isNarrowScreen(), height);
