// markdown-it percent-decodes one kind of text itself, a link's shown text (`<http://a/%01>`, linkify), so a note
// could spell a slot character (env.ts) that its own text never held. Every such text passes through
// normalizeLinkText; cleaning its result there costs nothing per token (walking every token did: 6% of a parse).
// Character references to control characters are already decoded as U+FFFD by markdown-it.
import type MarkdownIt from 'markdown-it';
import { withoutSlotCharacters } from './env.ts';

export function noForgedSlotsPlugin(md: MarkdownIt): void {
  const normalizeLinkText = md.normalizeLinkText.bind(md);
  md.normalizeLinkText = (url) => withoutSlotCharacters(normalizeLinkText(url));
}
