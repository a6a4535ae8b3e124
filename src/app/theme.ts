// The theme in effect: the user's choice, or the system setting.
import { useSyncExternalStore } from 'react';
import { useAtlas } from './store/store.ts';

const query = () => window.matchMedia('(prefers-color-scheme: dark)');
const subscribe = (onChange: () => void) => {
  const media = query();
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
};

/** Re-renders when the user's choice or the system's colour scheme changes. */
export function useEffectiveTheme(): 'light' | 'dark' {
  const choice = useAtlas((s) => s.theme);
  const systemDark = useSyncExternalStore(subscribe, () => query().matches, () => false);
  return choice === 'system' ? (systemDark ? 'dark' : 'light') : choice;
}
