// markdown-it decodes some text itself: an autolink's text is percent-decoded (`<http://a/%01>`), so a note
// could spell a slot character (env.ts) that its own text never held. The last core rule replaces any left.
import type MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { RESERVED } from './env.ts';

const HAS_RESERVED = new RegExp(RESERVED.source);
const clean = (text: string): string => (HAS_RESERVED.test(text) ? text.replace(RESERVED, '\uFFFD') : text);

function cleanToken(token: Token): void {
  token.content = clean(token.content);
  token.info = clean(token.info);
  for (const attr of token.attrs ?? []) attr[1] = clean(attr[1]);
}

export function noForgedSlotsPlugin(md: MarkdownIt): void {
  md.core.ruler.push('no_forged_slots', (state) => {
    for (const token of state.tokens) {
      cleanToken(token);
      for (const child of token.children ?? []) cleanToken(child);
    }
  });
}
