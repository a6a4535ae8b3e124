import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pageFileText, readPageFile } from '../shared/graphFormat.ts';
import { SCHEMA_VERSION, type NoteId, type NotePage } from '../shared/schema.ts';
import { HREF_OPEN, SLOT_CLOSE, SLOT_OPEN, type ResolvedTarget } from './markdown/env.ts';
import { pageFileBytes } from './pageFile.ts';
import type { RawLink } from './parse.ts';
import { fillLinks } from './render.ts';

const page = (html: string): NotePage => ({
  schemaVersion: SCHEMA_VERSION,
  id: 'topics.ocean-currents' as NoteId,
  html,
  backlinks: [{ id: 'tides' as NoteId, title: 'Tides "and" moons\n', ghost: false, snippet: '…where the café — 東京 🦀 line ends\r\n' }],
  outgoing: [{ id: 'ghost~salt' as NoteId, title: 'Salt', ghost: true }],
  unresolved: [],
  external: [{ url: 'https://example.org/?a=1&b="2"', label: '<b>x</b>' }],
});

const links: RawLink[] = ['Tides', 'Salt', 'Moon & "stars"', 'Tides'].map((target, i) => ({
  link: { target, embed: i === 3, external: false, ...(i === 0 ? { heading: 'Spring tides' } : {}), ...(i === 2 ? { label: '<Moon>' } : {}) },
  slot: i,
  line: i + 1,
  snippet: '',
}));
const targets = new Map<string, ResolvedTarget>([
  ['Tides', { id: 'tides', title: 'Tides', ghost: false }],
  ['Salt', { id: 'ghost~salt', title: 'Salt', ghost: true }],
]);

/** What each link's slot becomes, written out: a wikilink's whole anchor, or a Markdown link's attributes. */
const TIDES = 'class="wikilink" href="#/note/tides" data-note-id="tides" data-heading="h-spring-tides"';
const SALT = 'class="wikilink ghost" href="#/note/ghost~salt" data-note-id="ghost~salt" title="This note does not exist yet"';
const EMBED = 'class="wikilink embed" href="#/note/tides" data-note-id="tides"';
const ANCHORS = [`<a ${TIDES}>Tides › Spring tides</a>`, `<a ${SALT}>Salt</a>`, '&lt;Moon&gt;', `<a ${EMBED}>Tides</a>`];
const ATTRIBUTES = [TIDES, SALT, 'href="#/"', EMBED];

/** The slot syntax as a regular expression: what fillLinks' scan must find, and nothing else. */
const SLOT = new RegExp(`${SLOT_OPEN}(\\d+)${SLOT_CLOSE}|href="${HREF_OPEN}(\\d+)${SLOT_CLOSE}"`, 'g');
const filledByRegex = (html: string) =>
  html.replace(SLOT, (_, anchor?: string, href?: string) => (anchor !== undefined ? (ANCHORS[Number(anchor)] ?? '') : (ATTRIBUTES[Number(href)] ?? 'href="#/"')));

/** HTML made of text (any characters, the slot characters and digits among them) and slots, well-formed or not. */
const html = fc
  .array(
    fc.oneof(
      fc.string({ unit: fc.constantFrom('a', 'é', '東', '🦀', '"', '\n', '\\', '<', '0', '7', SLOT_OPEN, SLOT_CLOSE, HREF_OPEN, 'href="') }),
      fc.nat(6).map((n) => `${SLOT_OPEN}${n}${SLOT_CLOSE}`),
      fc.nat(6).map((n) => `<a href="${HREF_OPEN}${n}${SLOT_CLOSE}">x</a>`),
      fc.constantFrom(`${SLOT_OPEN}${SLOT_CLOSE}`, `${SLOT_OPEN}0012${SLOT_CLOSE}`, `${SLOT_OPEN}99999999999999999999${SLOT_CLOSE}`, `href="${HREF_OPEN}1${SLOT_CLOSE}`),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

describe('page files', () => {
  it('fill exactly the slots the slot syntax describes, from the HTML as text or as UTF-8', () => {
    fc.assert(
      fc.property(html, (text) => {
        const filled = filledByRegex(text);
        expect(fillLinks(text, links, targets)).toBe(filled);
        const bytes = pageFileBytes(page(''), Buffer.from(text), links, targets);
        expect(Buffer.from(bytes).toString('utf8')).toBe(pageFileText(page(filled)));
      }),
      { numRuns: 500 },
    );
  });

  it('read back as the same page, whatever its HTML and fields hold', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (body, title) => {
        const written = { ...page(body), backlinks: [{ ...page('').backlinks[0]!, title }] };
        expect(readPageFile(pageFileText(written))).toEqual(written);
      }),
    );
  });

  it('are not read from text that is no page file', () => {
    for (const text of ['', '<p>no first line</p>', 'not json\n<p>x</p>', '[1,2]\n<p>x</p>', 'null\n', '"text"\n']) expect(readPageFile(text)).toBeUndefined();
    expect(readPageFile('{"html":"forged","id":"a"}\n<p>real</p>')).toEqual({ id: 'a', html: '<p>real</p>' });
  });
});
