import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { fetchGraph } from './data/loadGraph.ts';
import { atlasStore, graphFailed, graphLoaded } from './store/store.ts';
import { startUrlSync } from './store/urlSync.ts';
import { mapProbe } from './map/mapController.ts';
import './styles.css';

async function loadVault(version = 0): Promise<void> {
  try {
    graphLoaded(await fetchGraph(version));
  } catch (error) {
    graphFailed(error instanceof Error ? error.message : String(error));
  }
}

startUrlSync();
(window as unknown as { topicAtlas: typeof mapProbe }).topicAtlas = mapProbe;
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
void loadVault();

// Dev mode: the notes plugin rebuilt the vault. Selection and viewport live on; only the data changes.
if (import.meta.hot) {
  import.meta.hot.on('atlas:update', () => void loadVault(atlasStore.getState().dataVersion + 1));
}
