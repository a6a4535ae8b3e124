// An id that names no note (or a malformed link): say so, and offer the closest titles.
import { useMemo } from 'react';
import { searchNotes } from '../search/searchIndex.ts';
import { selectNote, useAtlas } from '../store/store.ts';

export function NotFound({ requested }: { requested: string }) {
  const graph = useAtlas((s) => s.graph);
  const suggestions = useMemo(() => {
    if (!graph) return [];
    const words = requested.replace(/[^\p{L}\p{N}]+/gu, ' ').trim().slice(0, 200);
    return words ? searchNotes(graph, words, 5) : [];
  }, [graph, requested]);
  return (
    <section className="not-found" role="alert">
      <h2>Note not found</h2>
      <p>
        No note has the id <code>{requested.slice(0, 200) || '(empty)'}</code>. The link may be mistyped, or the note was renamed or removed.
      </p>
      {suggestions.length > 0 ? (
        <>
          <h3>Closest titles</h3>
          <ul>
            {suggestions.map((hit) => (
              <li key={hit.id}>
                <a href={`#/note/${hit.id}`} onClick={(e) => (e.preventDefault(), selectNote(hit.id))}>
                  {hit.title}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        <a href="#/" onClick={(e) => (e.preventDefault(), selectNote(undefined))}>
          Back to the overview
        </a>
      </p>
    </section>
  );
}
