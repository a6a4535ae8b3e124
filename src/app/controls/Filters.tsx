// Filters and the colour legend. Filters apply at once; a legend entry hides or shows its folder.
import { useMemo } from 'react';
import { categoryColours, categoryCounts, GHOST_CATEGORY } from '../graph/categories.ts';
import { clearFilters, setColourBy, setTagFilter, toggleFilters, toggleFolder, toggleHideGhosts, toggleHideOrphans, useAtlas } from '../store/store.ts';
import { FILTERS_WIDTH } from '../map/mapInset.ts';
import { COLOUR_BY, type ColourBy } from '../store/url.ts';
import { useEffectiveTheme } from '../theme.ts';

const COLOUR_LABEL: Record<ColourBy, string> = { folder: 'Folder', type: 'Type', tag: 'Tag' };
const MAX_LEGEND = 14;

export function Filters() {
  const graph = useAtlas((s) => s.graph);
  const view = useAtlas((s) => s.view);
  const theme = useEffectiveTheme();
  const collapsed = useAtlas((s) => s.filtersCollapsed);
  const categories = useMemo(() => (graph ? categoryCounts(graph.nodes, view.colourBy) : []), [graph, view.colourBy]);
  const colours = useMemo(() => categoryColours(categories.map((c) => c.category), theme), [categories, theme]);
  if (!graph) return null;
  const hidden = new Set(view.hiddenFolders);
  const byFolder = view.colourBy === 'folder';
  const active = view.hideGhosts || view.hideOrphans || view.hiddenFolders.length > 0 || view.tag;

  return (
    // A fixed width, which the map's first fit leaves clear (map/mapInset.ts); long names are cut short.
    <section className={`filters${collapsed ? ' collapsed' : ''}`} aria-label="Filters and legend" style={{ width: FILTERS_WIDTH }}>
      <button type="button" className="filters-toggle" aria-expanded={!collapsed} aria-controls="filters-content" onClick={toggleFilters}>
        {collapsed ? '▸' : '▾'} Filters and legend{active ? ' (on)' : ''}
      </button>
      <div id="filters-content" hidden={collapsed}>
        <fieldset>
          <legend>Show</legend>
          <label><input type="checkbox" checked={!view.hideGhosts} onChange={toggleHideGhosts} /> Missing notes</label>
          <label><input type="checkbox" checked={!view.hideOrphans} onChange={toggleHideOrphans} /> Unlinked notes</label>
        </fieldset>
        {view.tag ? (
          <p className="tag-filter">
            Only <strong>#{view.tag}</strong>{' '}
            <button type="button" onClick={() => setTagFilter(undefined)} aria-label={`Stop filtering by #${view.tag}`}>✕</button>
          </p>
        ) : null}
        <label className="colour-by">
          Colour by{' '}
          <select value={view.colourBy} onChange={(e) => setColourBy(e.target.value as ColourBy)}>
            {COLOUR_BY.map((c) => <option key={c} value={c}>{COLOUR_LABEL[c]}</option>)}
          </select>
        </label>
        <ul className="legend" aria-label="Legend">
          {categories.slice(0, MAX_LEGEND).map(({ category, count }) => {
            const folderToggle = byFolder && category !== GHOST_CATEGORY;
            const folder = category === '(vault root)' ? '' : category;
            const off = folderToggle && hidden.has(folder);
            const swatch = <span className={`swatch${category === GHOST_CATEGORY ? ' ghost' : ''}`} style={{ background: category === GHOST_CATEGORY ? 'transparent' : colours.get(category) }} aria-hidden="true" />;
            return (
              <li key={category}>
                {folderToggle ? (
                  <button type="button" aria-pressed={!off} className={off ? 'off' : undefined} onClick={() => toggleFolder(folder)} title={off ? `Show ${category}` : `Hide ${category}`}>
                    {swatch}<span className="name">{category}</span> <span className="count">{count}</span>
                  </button>
                ) : (
                  <span className="legend-item" title={category}>{swatch}<span className="name">{category}</span> <span className="count">{count}</span></span>
                )}
              </li>
            );
          })}
          {categories.length > MAX_LEGEND ? <li className="muted">+{categories.length - MAX_LEGEND} more (grey)</li> : null}
        </ul>
        {active ? <button type="button" className="clear" onClick={clearFilters}>Clear filters</button> : null}
      </div>
    </section>
  );
}
