// Stage 4: one note's Markdown -> sanitized HTML, with wikilinks pointing at resolved ids. Pure.
import type { ResolvedTarget, RenderEnv } from './markdown/env.ts';
import { markdown } from './markdown/index.ts';
import { targetKey } from './resolve.ts';
import { sanitizeNoteHtml } from './sanitize.ts';

export function renderNote(body: string, targets: ReadonlyMap<string, ResolvedTarget>): string {
  const env: RenderEnv = { resolve: (link) => targets.get(targetKey(link.target)) };
  return sanitizeNoteHtml(markdown.render(body, env));
}
