import { lazy, Suspense, useEffect } from 'react';
import { Filters } from './controls/Filters.tsx';
import { Toolbar } from './controls/Toolbar.tsx';
import { MapPreview } from './map/MapPreview.tsx';
import { NotePanel } from './panel/NotePanel.tsx';
import { SearchDialog } from './search/SearchDialog.tsx';
import { useAtlas } from './store/store.ts';
import { useEffectiveTheme } from './theme.ts';
import { useKeyboard } from './useKeyboard.ts';

// Cytoscape and the live map are a chunk of their own: the preview is drawn while it loads.
const MapView = lazy(() => import('./map/MapView.tsx').then((module) => ({ default: module.MapView })));

export function App() {
  const load = useAtlas((s) => s.load);
  const mapStage = useAtlas((s) => s.mapStage);
  const theme = useEffectiveTheme();
  useKeyboard();
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  return (
    <div className="app">
      <header className="app-header">
        <h1 className="brand">Topic Atlas</h1>
        <Toolbar />
      </header>
      <main className="workspace">
        <div className="map-area" data-map-stage={mapStage}>
          {load.status === 'ready' && mapStage !== 'waiting' ? (
            <Suspense fallback={null}>
              <MapView />
            </Suspense>
          ) : null}
          {load.status === 'ready' && mapStage !== 'drawn' ? <MapPreview /> : null}
          {load.status === 'loading' ? <p className="map-message" role="status">Loading the map…</p> : null}
          {load.status === 'error' ? (
            <div className="map-message error" role="alert">
              <h2>The map could not be loaded</h2>
              <p>{load.message}</p>
            </div>
          ) : null}
          {load.status === 'ready' && mapStage !== 'waiting' ? <Filters /> : null}
        </div>
        <NotePanel />
      </main>
      <SearchDialog />
    </div>
  );
}
