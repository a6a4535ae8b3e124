// markdown-it plugin: `[[...]]` and `![[...]]` become `wikilink` tokens. Syntax comes from wikilinks.ts.
import type MarkdownIt from 'markdown-it';
import { displayText, isAttachment, matchWikilinkAt, type Wikilink } from '../wikilinks.ts';
import { SLOT_CLOSE, SLOT_OPEN, slotOf } from './env.ts';

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

  md.renderer.rules.wikilink = (tokens, idx) => {
    const token = tokens[idx]!;
    const link = token.meta.link as Wikilink;
    const text = md.utils.escapeHtml(displayText(link));
    if (link.external) {
      if (!/^https?:\/\//i.test(link.target)) return text; // only web links become links
      return `<a class="external" href="${md.utils.escapeHtml(link.target)}" rel="noopener noreferrer" target="_blank">${text}</a>`;
    }
    if (isAttachment(link.target)) return `<span class="attachment">${text}</span>`;
    const slot = slotOf(token.meta);
    return slot === undefined ? text : `${SLOT_OPEN}${slot}${SLOT_CLOSE}`;
  };
}
