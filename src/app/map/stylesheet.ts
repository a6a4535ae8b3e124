// The map's look, one stylesheet per theme (built once each; never inline in render).
import type { StylesheetJson } from 'cytoscape';

export interface MapTheme {
  label: string;
  labelOutline: string;
  edge: string;
  highlight: string;
  ghostBorder: string;
}

export const MAP_THEMES: Record<'light' | 'dark', MapTheme> = {
  // Links: the former #9aa3ad and #59616b at 45% opacity over the page background, as one colour.
  light: { label: '#1c1f24', labelOutline: '#ffffff', edge: '#cdd1d5', highlight: '#111111', ghostBorder: '#6b7280' },
  dark: { label: '#e8eaed', labelOutline: '#15181c', edge: '#32373d', highlight: '#ffffff', ghostBorder: '#9ca3af' },
};

/** The class of notes that carry a label. */
export const LABELLED = 'labelled';
/** Stacking: labelled notes over the rest, the selected note's neighbourhood over them, the selected note on top. */
export const LABELLED_Z = 1;
export const NEAR_Z = 10;
export const FOCUS_Z = 20;
export const SELECTED_Z = 30;

/** Sizes in map units, shared by the stylesheet and the still picture of the map (drawPicture.ts), which must match it. */
export const LOOK = {
  labelOutline: 2,
  labelMargin: 3,
  regionOutline: 4,
  ghostBorder: 2,
  nearLinkWidth: 1.6,
  nearLinkOpacity: 0.9,
  selectedBorder: 4,
  selectedUnderlayPadding: 6,
  selectedUnderlayOpacity: 0.15,
} as const;

/** A label shows once its font is this big on screen (Cytoscape's min-zoomed-font-size). */
export const MIN_LABEL_PX = 12;

export function buildStylesheet(theme: MapTheme): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        width: 'data(size)',
        height: 'data(size)',
        'background-color': 'data(colour)',
      },
    },
    {
      // Only notes whose label fits beside the others' carry one (MapSync adds `labelled` as the view settles,
      // the selected and hovered notes' neighbours first): measuring and caching a thousand labels nobody can
      // read was half of a first paint.
      selector: `node.${LABELLED}, node.focus, node.selected-note, node.region`,
      style: {
        label: 'data(label)',
        'font-size': 'data(labelSize)',
        // Labels appear once they would be readable: hubs first, the rest as you zoom in.
        'min-zoomed-font-size': MIN_LABEL_PX,
        color: theme.label,
        'text-outline-color': theme.labelOutline,
        'text-outline-width': LOOK.labelOutline,
        'text-valign': 'bottom',
        'text-margin-y': LOOK.labelMargin,
        'font-family': 'system-ui, sans-serif',
        // Above unlabelled notes: Cytoscape draws a label with its note, so a later note's disc would cover it.
        'z-index': LABELLED_Z,
      },
    },
    {
      selector: 'node.ghost',
      style: {
        'background-opacity': 0,
        'border-width': LOOK.ghostBorder,
        'border-style': 'dashed',
        'border-color': theme.ghostBorder,
        color: theme.ghostBorder,
        'font-style': 'italic',
      },
    },
    {
      // Cytoscape's defaults already draw straight, cheap 'haystack' lines; every property set here costs each
      // link some style work, so the colour is the faint one, not a full colour at partial opacity.
      selector: 'edge',
      style: {
        width: 'data(width)',
        'line-color': theme.edge,
      },
    },
    { selector: 'edge.embed', style: { 'line-style': 'dashed' } },
    {
      // Topic regions in a big vault's overview: a label over the region, drawn behind the notes.
      selector: 'node.region',
      style: {
        width: 1,
        height: 1,
        'background-opacity': 0,
        'border-width': 0,
        'text-valign': 'center',
        'text-margin-y': 0,
        'min-zoomed-font-size': 0,
        'font-weight': 'bold',
        color: theme.label,
        'text-outline-width': LOOK.regionOutline,
        // One line: MapSync sizes region names for the screen and leaves out those that would overlap.
        'text-wrap': 'none',
        'z-index': 0,
        'z-compound-depth': 'bottom',
        'text-events': 'yes', // the label is the region's only clickable part
      },
    },
    { selector: 'node.region-hidden', style: { display: 'none' } },
    // A region whose name would overlap a more important label (MapSync places them).
    { selector: 'node.region.crowded', style: { label: '', 'text-events': 'no' } },
    { selector: '.hidden', style: { display: 'none' } },
    // The selected note's neighbourhood (near) and the hovered note's (hover-near): links and labels lit up.
    { selector: 'edge.near, edge.hover-near', style: { opacity: LOOK.nearLinkOpacity, 'line-color': theme.highlight, width: LOOK.nearLinkWidth } },
    { selector: 'node.near, node.hover-near', style: { 'min-zoomed-font-size': 8, 'z-index': NEAR_Z } },
    {
      selector: 'node.focus',
      style: { 'border-width': 3, 'border-color': theme.highlight, 'border-style': 'solid', 'min-zoomed-font-size': 0, 'z-index': FOCUS_Z },
    },
    {
      selector: 'node.selected-note',
      style: {
        'border-width': LOOK.selectedBorder,
        'border-color': theme.highlight,
        'border-style': 'double',
        'min-zoomed-font-size': 0,
        'z-index': SELECTED_Z,
        'underlay-color': theme.highlight,
        'underlay-opacity': LOOK.selectedUnderlayOpacity,
        'underlay-padding': LOOK.selectedUnderlayPadding,
      },
    },
  ];
}
