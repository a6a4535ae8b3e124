// Markdown links to local notes (`[x](Other%20note.md)`) point into the app; external ones open in a new tab.
import type MarkdownIt from 'markdown-it';
import { parseWikilinkInner, type Wikilink } from '../wikilinks.ts';
import { HREF_OPEN, SLOT_CLOSE, slotOf } from './env.ts';

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
    const slot = slotOf(token.meta);
    if (slot !== undefined) token.attrSet('href', `${HREF_OPEN}${slot}${SLOT_CLOSE}`);
    else if (/^https?:\/\//i.test(href)) {
      token.attrSet('class', 'external');
      token.attrSet('rel', 'noopener noreferrer');
      token.attrSet('target', '_blank');
    }
    return fallback(tokens, idx, options, env, self);
  };
}
