// markdown-it plugin: Obsidian callouts. `> [!info] Title` -> a titled box; `[!x]-`/`[!x]+` fold (closed/open).
import type MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';

const CALLOUT_HEAD = /^\[!([\w-]+)\]([+-]?)[ \t]*(.*)$/;

export function calloutPlugin(md: MarkdownIt): void {
  md.core.ruler.after('block', 'callout', (state) => {
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i]!.type !== 'blockquote_open') continue;
      const inline = tokens[i + 2];
      if (tokens[i + 1]?.type !== 'paragraph_open' || inline?.type !== 'inline') continue;
      const newline = inline.content.indexOf('\n');
      const firstLine = newline === -1 ? inline.content : inline.content.slice(0, newline);
      const head = CALLOUT_HEAD.exec(firstLine);
      if (!head) continue;
      const type = head[1]!.toLowerCase();
      const fold = head[2] ?? '';
      const titleText = head[3]?.trim() || type.charAt(0).toUpperCase() + type.slice(1);
      const close = findClose(tokens, i);
      const open = tokens[i]!;
      open.type = 'callout_open';
      open.meta = { type, fold };
      tokens[close]!.type = 'callout_close';
      tokens[close]!.meta = { fold };

      const title = new state.Token('inline', '', 0);
      title.content = titleText;
      title.map = inline.map;
      title.children = [];
      const titleOpen = new state.Token('callout_title_open', '', 1);
      titleOpen.meta = { fold };
      const titleClose = new state.Token('callout_title_close', '', -1);
      titleClose.meta = { fold };
      const rest = newline === -1 ? '' : inline.content.slice(newline + 1);
      if (rest.trim()) {
        inline.content = rest;
        if (inline.map) inline.map = [inline.map[0] + 1, inline.map[1]]; // the body starts on the next line
        tokens.splice(i + 1, 0, titleOpen, title, titleClose);
      } else {
        // The head line was the whole paragraph: replace it by the title.
        tokens.splice(i + 1, 3, titleOpen, title, titleClose);
      }
    }
  });

  const escape = md.utils.escapeHtml;
  md.renderer.rules.callout_open = (tokens, idx) => {
    const { type, fold } = tokens[idx]!.meta as { type: string; fold: string };
    const attrs = `class="callout" data-callout="${escape(type)}"`;
    if (!fold) return `<div ${attrs}>\n`;
    return `<details ${attrs}${fold === '+' ? ' open' : ''}>\n`;
  };
  md.renderer.rules.callout_title_open = (tokens, idx) => (tokens[idx]!.meta.fold ? '<summary class="callout-title">' : '<div class="callout-title">');
  md.renderer.rules.callout_title_close = (tokens, idx) =>
    (tokens[idx]!.meta.fold ? '</summary>' : '</div>') + '\n<div class="callout-content">\n';
  md.renderer.rules.callout_close = (tokens, idx) => `</div>\n${tokens[idx]!.meta.fold ? '</details>' : '</div>'}\n`;
}

function findClose(tokens: Token[], openIndex: number): number {
  let depth = 0;
  for (let j = openIndex; j < tokens.length; j++) {
    const type = tokens[j]!.type;
    if (type === 'blockquote_open') depth++;
    else if (type === 'blockquote_close' && --depth === 0) return j;
  }
  return tokens.length - 1;
}
