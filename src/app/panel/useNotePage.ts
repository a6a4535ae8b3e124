// Load the open note's page (HTML, backlinks, links) on demand; refetch when the vault is rebuilt.
import { useEffect, useState } from 'react';
import type { NoteId, NotePage } from '../../shared/schema.ts';
import { fetchNotePage } from '../data/loadGraph.ts';
import { useAtlas } from '../store/store.ts';

export type PageState = { status: 'loading' } | { status: 'ready'; page: NotePage } | { status: 'error'; message: string };

export function useNotePage(id: NoteId | undefined): PageState {
  const version = useAtlas((s) => s.dataVersion);
  const [state, setState] = useState<{ key: string; value: PageState }>({ key: '', value: { status: 'loading' } });
  const key = `${version}:${id ?? ''}`;
  useEffect(() => {
    if (!id) return;
    let live = true;
    fetchNotePage(id, version).then(
      (page) => live && setState({ key, value: { status: 'ready', page } }),
      (error: Error) => live && setState({ key, value: { status: 'error', message: error.message } }),
    );
    return () => {
      live = false;
    };
  }, [id, version, key]);
  // While a new note loads, keep showing nothing stale.
  return state.key === key ? state.value : { status: 'loading' };
}
