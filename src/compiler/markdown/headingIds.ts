// markdown-it plugin: an id on every heading (`h-` + slug; repeats get -1, -2, ...), as markdown-it-anchor gave
// them. Its own rule because markdown-it-anchor probes every earlier suffix for each repeat: 20,000 headings of one
// name took 21 s. Here each heading costs the same however many share its name.
import type MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { uniqueNamer } from '../../shared/noteId.ts';
import { headingSlug } from './headingSlug.ts';

/** The heading's words as markdown-it-anchor read them: text and code only (a link's label is left out). */
const headingText = (inline: Token | undefined): string =>
  (inline?.children ?? [])
    .filter((child) => child.type === 'text' || child.type === 'code_inline')
    .map((child) => child.content)
    .join('');

export function headingIdsPlugin(md: MarkdownIt): void {
  md.core.ruler.push('heading_ids', (state) => {
    const idFor = uniqueNamer('-', 1); // `slug`, then `slug-1`, `slug-2`...
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i]!.type === 'heading_open') tokens[i]!.attrSet('id', idFor(headingSlug(headingText(tokens[i + 1]))));
    }
  });
}
