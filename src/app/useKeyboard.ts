// Global shortcuts. Ignored while typing in a field.
import { useEffect } from 'react';
import { fitView, resetView, zoomIn, zoomOut } from './map/mapController.ts';
import { atlasStore, closeSearch, openSearch, selectNote, selectSelectedId, setLocalDepth } from './store/store.ts';

export function useKeyboard(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      const typing = target.closest('input, textarea, select, [contenteditable="true"]') !== null;
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        openSearch();
        return;
      }
      if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
      const state = atlasStore.getState();
      switch (event.key) {
        case '/':
          event.preventDefault();
          openSearch();
          break;
        case 'Escape':
          if (state.searchOpen) closeSearch();
          else if (selectSelectedId(state)) selectNote(undefined);
          break;
        case '+':
        case '=':
          zoomIn();
          break;
        case '-':
          zoomOut();
          break;
        case 'f':
          fitView();
          break;
        case '0':
          resetView();
          break;
        case 'l':
          if (selectSelectedId(state)) setLocalDepth(state.view.localDepth > 0 ? 0 : 1);
          break;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
