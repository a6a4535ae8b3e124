// markdown-it plugin: inline `#tags` by Obsidian's rules (after whitespace; at least one non-digit; `#a/b` nests).
import type MarkdownIt from 'markdown-it';

const HASH = 0x23;
const TAG_AT = /#([\p{L}\p{N}_\-/]+)/uy;

/** The tag starting at `pos` ('#' included), or undefined. */
export function matchTagAt(text: string, pos: number): string | undefined {
  TAG_AT.lastIndex = pos;
  const body = TAG_AT.exec(text)?.[1]?.replace(/\/+$/, '');
  if (!body || /^[\d/]+$/.test(body)) return undefined;
  return body;
}

export function tagPlugin(md: MarkdownIt): void {
  md.inline.ruler.push('tag', (state, silent) => {
    const pos = state.pos;
    if (state.src.charCodeAt(pos) !== HASH) return false;
    if (pos > 0 && !/\s/.test(state.src[pos - 1]!)) return false;
    const tag = matchTagAt(state.src, pos);
    if (!tag) return false;
    if (!silent) state.push('tag', '', 0).meta = { tag };
    state.pos = pos + 1 + tag.length;
    return true;
  });
  md.renderer.rules.tag = (tokens, idx) => {
    const tag = md.utils.escapeHtml(tokens[idx]!.meta.tag as string);
    return `<a class="tag" href="#/" data-tag="${tag}">#${tag}</a>`;
  };
}
