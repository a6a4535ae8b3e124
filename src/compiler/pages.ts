// Stage 4, with render.ts: each note's page (its HTML with the links filled in, backlinks, links out), handed on
// as it is made.
import type { Diagnostic, NotePage } from '../shared/schema.ts';
import { warning } from './diagnostics.ts';
import { notePage } from './assemble.ts';
import { fillLinks } from './render.ts';
import type { ResolvedVault } from './resolve.ts';

const utf8 = new TextDecoder();

/** Hands on every note's and ghost's page; a note that cannot be rendered keeps an empty body, with a warning. */
export function makePages(resolved: ResolvedVault, handOn: (page: NotePage) => void, diagnostics: Diagnostic[], onProgress?: (done: number) => void): void {
  resolved.notes.forEach((note, i) => {
    let html = '';
    try {
      html = fillLinks(note.htmlUtf8 ? utf8.decode(note.htmlUtf8) : note.html, note.links, resolved.targets.get(note.id) ?? new Map());
    } catch (error) {
      diagnostics.push(warning('render-failed', note.path, `Could not render this note: ${(error as Error).message}`));
    }
    handOn(notePage(resolved, note, html));
    // Only the page needed these: a big vault should not hold every note's HTML and links till the end.
    note.html = '';
    note.htmlUtf8 = undefined;
    note.links = [];
    resolved.targets.delete(note.id);
    resolved.backlinks.delete(note.id);
    resolved.outgoing.delete(note.id);
    if (i % 500 === 0) onProgress?.(i);
  });
  for (const ghost of resolved.ghosts) handOn(notePage(resolved, ghost, ''));
}
