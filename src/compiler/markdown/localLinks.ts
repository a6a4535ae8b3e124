// Markdown links to local notes (`[x](Other%20note.md)`) point into the app; external ones open in a new tab.
import type MarkdownIt from 'markdown-it';
import { parseWikilinkInner, type Wikilink } from '../wikilinks.ts';
import { isRenderEnv } from './env.ts';
import { headingSlug } from './headingSlug.ts';

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** A Markdown link's href as a note link, or undefined when it is external, an anchor or a file. */
export function localNoteLink(href: string): Wikilink | undefined {
  if (!href || SCHEME.test(href) || href.startsWith('#') || href.startsWith('//')) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(href);
  } catch {
    decoded = href;
  }
  const [pathPart = ''] = decoded.split('?');
  if (!/\.md(#|$)/i.test(pathPart) && /\.[a-z0-9]{1,10}(#|$)/i.test(pathPart)) return undefined; // an attachment
  const link = parseWikilinkInner(pathPart.replace(/^\.\//, ''));
  return link && link.target ? link : undefined;
}

export function localLinkPlugin(md: MarkdownIt): void {
  const fallback = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    const href = token.attrGet('href') ?? '';
    const note = localNoteLink(href);
    const target = note && isRenderEnv(env) ? env.resolve(note) : undefined;
    if (note && target) {
      token.attrSet('href', `#/note/${target.id}`);
      token.attrSet('data-note-id', target.id);
      token.attrSet('class', target.ghost ? 'wikilink ghost' : 'wikilink');
      if (note.heading) token.attrSet('data-heading', headingSlug(note.heading));
    } else if (/^https?:\/\//i.test(href)) {
      token.attrSet('class', 'external');
      token.attrSet('rel', 'noopener noreferrer');
      token.attrSet('target', '_blank');
    }
    return fallback(tokens, idx, options, env, self);
  };
}
