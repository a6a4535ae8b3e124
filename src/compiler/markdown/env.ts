// Links are rendered before they are resolved: the renderer leaves a numbered slot that render.ts fills in
// once the resolve stage knows where each link lands. No note can put these characters in its HTML: parse.ts
// replaces them in the note's text, noForgedSlots.ts in anything markdown-it decodes, and the sanitizer decodes a
// character reference to one of them (`&#1;`) as U+FFFD, as markdown-it does.
//
// Control characters, not private-use ones (U+E000...): markdown-it and the sanitizer both decode `&#xE000;`
// to the character itself, so any note could forge a slot that way.

/** `SLOT_OPEN n SLOT_CLOSE` stands for a whole wikilink anchor. */
export const SLOT_OPEN = '\x01';
export const SLOT_CLOSE = '\x02';
/** `HREF_OPEN n SLOT_CLOSE` stands for the href of a Markdown link to a note. */
export const HREF_OPEN = '\x03';
/** Characters a note's own text may not contain, so no note can forge a slot. */
export const RESERVED = new RegExp(`[${SLOT_OPEN}${SLOT_CLOSE}${HREF_OPEN}]`, 'g');
const HAS_RESERVED = new RegExp(RESERVED.source);

/** `text` with every slot character replaced by U+FFFD (most text has none, and is returned as it is). */
export const withoutSlotCharacters = (text: string): string => (HAS_RESERVED.test(text) ? text.replace(RESERVED, '\uFFFD') : text);

/** Where a link lands, as decided by the resolve stage. */
export interface ResolvedTarget {
  id: string;
  title: string;
  ghost: boolean;
}

export const slotOf = (meta: unknown): number | undefined => {
  const slot = (meta as { slot?: unknown } | null)?.slot;
  return typeof slot === 'number' ? slot : undefined;
};
