// Search by title or alias (typo-tolerant). `/` or Ctrl+K opens it; arrows pick; Enter opens; Esc closes.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { closeSearch, selectNote, useAtlas } from '../store/store.ts';
import { searchNotes } from './searchIndex.ts';

export function SearchDialog() {
  const open = useAtlas((s) => s.searchOpen);
  return open ? <SearchBox /> : null;
}

function SearchBox() {
  const graph = useAtlas((s) => s.graph);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const hits = useMemo(() => (graph ? searchNotes(graph, query) : []), [graph, query]);

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    input.current?.focus();
    return () => previous?.focus?.();
  }, []);

  const choose = (index: number) => {
    const hit = hits[index];
    if (!hit) return;
    closeSearch();
    selectNote(hit.id);
  };
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'ArrowDown') setActive((i) => Math.min(hits.length - 1, i + 1));
    else if (event.key === 'ArrowUp') setActive((i) => Math.max(0, i - 1));
    else if (event.key === 'Enter') choose(active);
    else if (event.key === 'Escape') closeSearch();
    else return;
    event.preventDefault();
  };

  return (
    <div className="search-backdrop" onMouseDown={(e) => e.target === e.currentTarget && closeSearch()}>
      <div className="search" role="dialog" aria-modal="true" aria-label="Search notes">
        <input
          ref={input}
          type="search"
          role="combobox"
          aria-expanded={hits.length > 0}
          aria-controls={listId}
          aria-activedescendant={hits[active] ? `${listId}-${active}` : undefined}
          aria-autocomplete="list"
          placeholder="Search notes by title or alias…"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <ul id={listId} role="listbox" className="search-results" aria-label="Results">
          {hits.map((hit, i) => (
            <li
              key={hit.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={hit.ghost ? 'ghost' : undefined}
              onMouseEnter={() => setActive(i)}
              onMouseDown={(e) => (e.preventDefault(), choose(i))}
            >
              <span className="hit-title">{hit.title}</span>
              {hit.alias ? <span className="hit-alias"> (alias: {hit.alias})</span> : null}
              <span className="hit-path">{hit.ghost ? 'missing note' : hit.path}</span>
            </li>
          ))}
          {query.trim() && hits.length === 0 ? <li className="muted" role="presentation">No notes match “{query}”.</li> : null}
        </ul>
      </div>
    </div>
  );
}
