// Stage 4: fill each note's link slots with in-app links to the resolved notes. Pure, and one pass over the HTML
// (as UTF-8, which the page files are written from): the Markdown was parsed, rendered and sanitized once, in the
// parse stage.
import { HREF_OPEN, SLOT_CLOSE, SLOT_OPEN, type ResolvedTarget } from './markdown/env.ts';
import { headingSlug } from './markdown/headingSlug.ts';
import { parseNote, type RawLink } from './parse.ts';
import { targetKey } from './resolve.ts';
import { displayText } from './wikilinks.ts';

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const HREF_PREFIX = 'href="';

/** What a slot stands for: a whole wikilink anchor, or the attributes of a Markdown link to a note. */
type SlotKind = 'anchor' | 'href';

const [OPEN, CLOSE, OPEN_HREF, QUOTE] = [SLOT_OPEN, SLOT_CLOSE, HREF_OPEN, '"'].map((c) => c.charCodeAt(0)) as [number, number, number, number];
const HREF_PREFIX_CODES = [...HREF_PREFIX].map((c) => c.charCodeAt(0));

/**
 * Calls `onSlot` for each slot in some HTML, in order, with the range [from, to) it takes up:
 * `SLOT_OPEN n SLOT_CLOSE` (a wikilink's anchor) and `href="HREF_OPEN n SLOT_CLOSE"` (a note link's attributes).
 * The HTML is read through `codeAt` and `nextClose`, as a string or as UTF-8 bytes (what the page files are written
 * from): the slot characters and digits are ASCII, which UTF-8 never uses inside another character, so both find
 * the same slots. `codeAt` is NaN or undefined past either end.
 */
function forEachSlot(
  codeAt: (i: number) => number | undefined,
  nextClose: (from: number) => number,
  onSlot: (kind: SlotKind, slot: number, from: number, to: number) => void,
): void {
  let from = 0;
  for (let close = nextClose(0); close >= 0; close = nextClose(close + 1)) {
    let start = close;
    while (start > from && isDigit(codeAt(start - 1))) start--;
    if (start === close) continue;
    let slot = 0;
    for (let i = start; i < close; i++) slot = slot * 10 + codeAt(i)! - 48;
    const opener = codeAt(start - 1);
    const hrefAt = start - 1 - HREF_PREFIX.length;
    if (opener === OPEN) {
      onSlot('anchor', slot, start - 1, close + 1);
      from = close + 1;
    } else if (opener === OPEN_HREF && codeAt(close + 1) === QUOTE && hrefAt >= 0 && HREF_PREFIX_CODES.every((code, k) => codeAt(hrefAt + k) === code)) {
      onSlot('href', slot, hrefAt, close + 2);
      from = close + 2;
    }
  }
}

/** Somewhere to put a page file's bytes, piece by piece (pageFile.ts). */
export interface ByteSink {
  bytes(bytes: Uint8Array): void;
  text(text: string): void;
}

/** Puts `html` (UTF-8) into `out` with each slot filled with its link, as resolved in `targets`. */
export function fillLinksInto(html: Uint8Array, links: readonly RawLink[], targets: ReadonlyMap<string, ResolvedTarget>, out: ByteSink): void {
  const bytes = Buffer.from(html.buffer, html.byteOffset, html.byteLength);
  let from = 0;
  forEachSlot((i) => bytes[i], (after) => bytes.indexOf(CLOSE, after), (kind, slot, start, end) => {
    out.bytes(bytes.subarray(from, start));
    out.text(slotFilling(kind, links[slot], targets));
    from = end;
  });
  out.bytes(bytes.subarray(from));
}

/** `html` with each slot filled with its link, as resolved in `targets`. */
export function fillLinks(html: string, links: readonly RawLink[], targets: ReadonlyMap<string, ResolvedTarget>): string {
  const parts: string[] = [];
  let from = 0;
  forEachSlot((i) => html.charCodeAt(i), (after) => html.indexOf(SLOT_CLOSE, after), (kind, slot, start, end) => {
    parts.push(html.slice(from, start), slotFilling(kind, links[slot], targets));
    from = end;
  });
  if (parts.length === 0) return html;
  parts.push(html.slice(from));
  return parts.join('');
}

/** What replaces a slot: the anchor or attributes of `link` (a slot with no link: nothing, or an empty href). */
function slotFilling(kind: SlotKind, link: RawLink | undefined, targets: ReadonlyMap<string, ResolvedTarget>): string {
  const target = link ? targets.get(targetKey(link.link.target)) : undefined;
  if (kind === 'href') return link && target ? linkAttributes(target, link) : 'href="#/"';
  if (!link) return '';
  const text = escapeHtml(displayText(link.link));
  return target ? `<a ${linkAttributes(target, link)}>${text}</a>` : text;
}

const isDigit = (code: number | undefined): boolean => code !== undefined && code >= 48 && code <= 57;

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
