// The one place note HTML enters the page. It was sanitized by the compiler with an allowlist.
import { useEffect, useRef } from 'react';
import type { NoteId } from '../../shared/schema.ts';
import { isNoteId } from '../../shared/noteId.ts';
import { selectNote, setTagFilter } from '../store/store.ts';

export function NoteBody({ html, heading }: { html: string; heading?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (heading) ref.current?.querySelector(`#${CSS.escape(heading)}`)?.scrollIntoView({ block: 'start' });
  }, [html, heading]);

  // In-app links keep the current view state (filters, local mode) instead of following a bare href.
  const onClick = (event: React.MouseEvent) => {
    const link = (event.target as Element).closest('a');
    if (!link || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    const noteId = link.getAttribute('data-note-id');
    const tag = link.getAttribute('data-tag');
    if (noteId && isNoteId(noteId)) {
      event.preventDefault();
      selectNote(noteId as NoteId);
      const target = link.getAttribute('data-heading');
      if (target) requestAnimationFrame(() => document.getElementById(target)?.scrollIntoView({ block: 'start' }));
    } else if (tag) {
      event.preventDefault();
      setTagFilter(tag);
    }
  };

  return <div ref={ref} className="note-body" onClick={onClick} dangerouslySetInnerHTML={{ __html: html }} />;
}
