// The wiring between the store's view state and the browser's URL and history. Logic lives in url.ts.
import { applyUrlState, atlasStore } from './store.ts';
import { stateToUrl, urlToState, type UrlState } from './url.ts';

const routeKey = (view: UrlState): string => JSON.stringify(view.route);

/** Read the URL into the store now and on back/forward; write store changes back. Returns a stop function. */
export function startUrlSync(win: Window = window): () => void {
  let applyingUrl = false;
  const fromUrl = () => {
    applyingUrl = true;
    try {
      applyUrlState(urlToState(win.location.hash));
    } finally {
      applyingUrl = false;
    }
  };
  fromUrl();
  win.addEventListener('popstate', fromUrl);
  win.addEventListener('hashchange', fromUrl);

  const stop = atlasStore.subscribe((state, previous) => {
    if (state.view === previous.view) return;
    const hash = stateToUrl(state.view);
    const current = win.location.hash || '#/';
    if (hash === current) return;
    // A new note is a step in the trail (back/forward walk it); filter tweaks replace the entry.
    if (!applyingUrl && routeKey(state.view) !== routeKey(previous.view)) win.history.pushState(null, '', hash);
    else win.history.replaceState(null, '', hash);
  });
  return () => {
    stop();
    win.removeEventListener('popstate', fromUrl);
    win.removeEventListener('hashchange', fromUrl);
  };
}
