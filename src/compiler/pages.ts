// Stage 4, with render.ts: each note's page (its HTML with the links filled in, backlinks, links out), handed on
// as it is made.
import type { Diagnostic, NotePage } from '../shared/schema.ts';
import { warning } from './diagnostics.ts';
import { notePage } from './assemble.ts';
import { fillLinks } from './render.ts';
import type { ResolvedTarget } from './markdown/env.ts';
import { pageFileBytes } from './pageFile.ts';
import type { ResolvedVault } from './resolve.ts';

/** Takes a note's page file, made straight from its HTML's bytes (pageFile.ts); valid only during the call. */
export type PageFileSink = (id: string, file: Uint8Array) => void;

const utf8 = new TextDecoder();

/**
 * Hands on every note's and ghost's page; a note that cannot be rendered keeps an empty body, with a warning.
 * With `handOnFile`, each note's page goes there as its file instead (ghosts' pages still go to `handOn`).
 */
export function makePages(resolved: ResolvedVault, handOn: (page: NotePage) => void, diagnostics: Diagnostic[], onProgress?: (done: number) => void, handOnFile?: PageFileSink): void {
  resolved.notes.forEach((note, i) => {
    const targets = resolved.targets.get(note.id) ?? new Map<string, ResolvedTarget>();
    let html = '';
    let file: Uint8Array | undefined;
    try {
      if (handOnFile) file = pageFileBytes(notePage(resolved, note, ''), note.htmlUtf8 ?? Buffer.from(note.html), note.links, targets);
      else html = fillLinks(note.htmlUtf8 ? utf8.decode(note.htmlUtf8) : note.html, note.links, targets);
    } catch (error) {
      diagnostics.push(warning('render-failed', note.path, `Could not render this note: ${(error as Error).message}`));
    }
    if (file) handOnFile!(note.id, file);
    else handOn(notePage(resolved, note, html));
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
