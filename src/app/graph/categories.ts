// Colour categories: by folder, by frontmatter `type`, or by first tag. Shared by the map and its legend.
import type { GraphNode } from '../../shared/schema.ts';
import type { ColourBy } from '../store/url.ts';

export const GHOST_CATEGORY = '(missing notes)';
export const NONE_CATEGORY = '(none)';

export function categoryOf(node: GraphNode, colourBy: ColourBy): string {
  if (node.ghost) return GHOST_CATEGORY;
  if (colourBy === 'folder') return node.folder || '(vault root)';
  if (colourBy === 'type') {
    const type = node.meta.type;
    return typeof type === 'string' && type.trim() ? type.trim().toLowerCase() : NONE_CATEGORY;
  }
  return node.tags[0] ?? NONE_CATEGORY;
}

/** Categories by size (largest first), each with its count; ghosts last. */
export function categoryCounts(nodes: readonly GraphNode[], colourBy: ColourBy): { category: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const node of nodes) {
    const category = categoryOf(node, colourBy);
    counts.set(category, (counts.get(category) ?? 0) + 1);
  }
  return [...counts]
    .map(([category, count]) => ({ category, count }))
    .sort((a, b) => rank(a.category) - rank(b.category) || b.count - a.count || (a.category < b.category ? -1 : 1));
}

const rank = (category: string): number => (category === GHOST_CATEGORY ? 2 : category === NONE_CATEGORY ? 1 : 0);

/** Colour-blind-friendly categorical palettes (Okabe-Ito based, extended); index by category rank. */
export const PALETTE = {
  light: ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#8B6F00', '#6A3D9A', '#B2182B', '#1B7837', '#5E3C99', '#4D4D4D'],
  dark: ['#56B4E9', '#F0A35E', '#3DD6A3', '#E59CC8', '#F5C542', '#8FD3FF', '#D9C36A', '#B79BE0', '#F07C7C', '#7FD18B', '#A99BD6', '#BDBDBD'],
} as const;
export const OTHER_COLOUR = { light: '#8a8a8a', dark: '#9a9a9a' } as const;

/** Category -> colour, for the categories of this graph. Beyond the palette, the rest share grey. */
export function categoryColours(categories: readonly string[], theme: 'light' | 'dark'): Map<string, string> {
  const palette = PALETTE[theme];
  const colours = new Map<string, string>();
  let i = 0;
  for (const category of categories) {
    if (category === GHOST_CATEGORY || category === NONE_CATEGORY) colours.set(category, OTHER_COLOUR[theme]);
    else colours.set(category, palette[i++] ?? OTHER_COLOUR[theme]);
  }
  return colours;
}
