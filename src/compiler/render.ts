// Stage 4: fill each note's link slots with in-app links to the resolved notes. Pure, and a string pass:
// the Markdown was parsed, rendered and sanitized once, in the parse stage.
import { HREF_OPEN, SLOT_CLOSE, SLOT_OPEN, type ResolvedTarget } from './markdown/env.ts';
import { headingSlug } from './markdown/headingSlug.ts';
import { parseNote, type RawLink } from './parse.ts';
import { targetKey } from './resolve.ts';
import { displayText } from './wikilinks.ts';

const SLOT = new RegExp(`${SLOT_OPEN}(\\d+)${SLOT_CLOSE}`, 'g');
const HREF_SLOT = new RegExp(`href="${HREF_OPEN}(\\d+)${SLOT_CLOSE}"`, 'g');

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function fillLinks(html: string, links: readonly RawLink[], targets: ReadonlyMap<string, ResolvedTarget>): string {
  if (!html.includes(SLOT_CLOSE)) return html;
  const targetOf = (slot: string) => {
    const link = links[Number(slot)];
    return link ? { link, target: targets.get(targetKey(link.link.target)) } : undefined;
  };
  return html
    .replace(SLOT, (_match, slot: string) => {
      const found = targetOf(slot);
      if (!found) return '';
      const { link, target } = found;
      const text = escapeHtml(displayText(link.link));
      if (!target) return text;
      return `<a ${linkAttributes(target, link)}>${text}</a>`;
    })
    .replace(HREF_SLOT, (_match, slot: string) => {
      const found = targetOf(slot);
      return found?.target ? linkAttributes(found.target, found.link) : 'href="#/"';
    });
}

function linkAttributes(target: ResolvedTarget, { link }: RawLink): string {
  const classes = ['wikilink', target.ghost ? 'ghost' : '', link.embed ? 'embed' : ''].filter(Boolean).join(' ');
  const id = escapeHtml(target.id);
  const heading = link.heading ? ` data-heading="${escapeHtml(headingSlug(link.heading))}"` : '';
  const title = target.ghost ? ' title="This note does not exist yet"' : '';
  return `class="${classes}" href="#/note/${id}" data-note-id="${id}"${heading}${title}`;
}

/** One note's text straight to final HTML, given where its links land (for tests and tools). */
export function renderNote(text: string, targets: ReadonlyMap<string, ResolvedTarget>, path = 'note.md'): string {
  const note = parseNote(path, text);
  return fillLinks(note.html, note.links, targets);
}
