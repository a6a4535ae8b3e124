// Map controls: search, zoom, fit, reset, local graph and its depth, theme.
import { fitView, resetView, zoomIn, zoomOut } from '../map/mapController.ts';
import { openSearch, selectSelectedId, setLocalDepth, setTheme, useAtlas, type ThemeChoice } from '../store/store.ts';
import { MAX_DEPTH, MIN_DEPTH } from '../store/url.ts';

const THEMES: ThemeChoice[] = ['system', 'light', 'dark'];

export function Toolbar() {
  const depth = useAtlas((s) => s.view.localDepth);
  const selectedId = useAtlas(selectSelectedId);
  const theme = useAtlas((s) => s.theme);
  const local = depth > 0;
  return (
    <div className="toolbar" role="toolbar" aria-label="Map controls">
      <button type="button" className="search-button" onClick={openSearch} title="Search (/ or Ctrl+K)">
        Search <kbd>/</kbd>
      </button>
      <div className="group" role="group" aria-label="Zoom">
        <button type="button" onClick={zoomIn} aria-label="Zoom in" title="Zoom in (+)">+</button>
        <button type="button" onClick={zoomOut} aria-label="Zoom out" title="Zoom out (-)">−</button>
        <button type="button" onClick={() => fitView()} title="Fit what is shown (F)">Fit</button>
        <button type="button" onClick={resetView} title="Reset the view (0)">Reset</button>
      </div>
      <div className="group" role="group" aria-label="Local graph">
        <button
          type="button"
          aria-pressed={local}
          disabled={!selectedId}
          onClick={() => setLocalDepth(local ? 0 : 1)}
          title={selectedId ? 'Show only the selected note and its neighbours (L)' : 'Select a note first'}
        >
          Local graph
        </button>
        <label className="depth">
          Depth
          <input
            type="range"
            min={MIN_DEPTH}
            max={MAX_DEPTH}
            step={1}
            value={local ? depth : MIN_DEPTH}
            disabled={!local}
            onChange={(e) => setLocalDepth(Number(e.target.value))}
            aria-valuetext={`${local ? depth : MIN_DEPTH} hops`}
          />
          <output>{local ? depth : MIN_DEPTH}</output>
        </label>
      </div>
      <label className="theme">
        Theme
        <select value={theme} onChange={(e) => setTheme(e.target.value as ThemeChoice)}>
          {THEMES.map((t) => (
            <option key={t} value={t}>{t}</option>
          ))}
        </select>
      </label>
    </div>
  );
}
