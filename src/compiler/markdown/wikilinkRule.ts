// markdown-it plugin: `[[...]]` and `![[...]]` become `wikilink` tokens. Syntax comes from wikilinks.ts.
import type MarkdownIt from 'markdown-it';
import { displayText, isAttachment, matchWikilinkAt, type Wikilink } from '../wikilinks.ts';
import { isRenderEnv } from './env.ts';
import { headingSlug } from './headingSlug.ts';

const BRACKET = 0x5b; // [
const BANG = 0x21; // !

export function wikilinkPlugin(md: MarkdownIt): void {
  md.inline.ruler.before('link', 'wikilink', (state, silent) => {
    const start = state.pos;
    const first = state.src.charCodeAt(start);
    if (first !== BRACKET && !(first === BANG && state.src.charCodeAt(start + 1) === BRACKET)) return false;
    const match = matchWikilinkAt(state.src, start);
    if (!match) return false;
    if (!silent) {
      const token = state.push('wikilink', '', 0);
      token.meta = { link: match.link, pos: start };
    }
    state.pos = match.end;
    return true;
  });

  md.renderer.rules.wikilink = (tokens, idx, _options, env) => {
    const link = tokens[idx]!.meta.link as Wikilink;
    const text = md.utils.escapeHtml(displayText(link));
    if (link.external) {
      return `<a class="external" href="${md.utils.escapeHtml(link.target)}" rel="noopener noreferrer" target="_blank">${text}</a>`;
    }
    if (isAttachment(link.target)) return `<span class="attachment">${text}</span>`;
    const target = isRenderEnv(env) ? env.resolve(link) : undefined;
    const heading = link.heading ? ` data-heading="${md.utils.escapeHtml(headingSlug(link.heading))}"` : '';
    if (!target) return `<a class="wikilink" href="#/"${heading}>${text}</a>`;
    const classes = ['wikilink', target.ghost ? 'ghost' : '', link.embed ? 'embed' : ''].filter(Boolean).join(' ');
    const id = md.utils.escapeHtml(target.id);
    const title = target.ghost ? ' title="This note does not exist yet"' : '';
    return `<a class="${classes}" href="#/note/${id}" data-note-id="${id}"${heading}${title}>${text}</a>`;
  };
}
