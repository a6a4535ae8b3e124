// Stage 5: positions computed once at build time, so the app does no layout work on load.
export { layoutGraph, seededRandom, type Position, type LayoutInput } from '../shared/forceLayout.ts';
