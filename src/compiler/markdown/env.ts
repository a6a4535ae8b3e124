// Links are rendered before they are resolved: the renderer leaves a numbered slot that render.ts fills in
// once the resolve stage knows where each link lands. Notes can never contain these characters (decode.ts).

/** `SLOT_OPEN n SLOT_CLOSE` stands for a whole wikilink anchor. */
export const SLOT_OPEN = '\uE000';
/** `HREF_OPEN n SLOT_CLOSE` stands for the href of a Markdown link to a note. */
export const HREF_OPEN = '\uE002';
export const SLOT_CLOSE = '\uE001';
/** Characters a note's own text may not contain, so no note can forge a slot. */
export const RESERVED = /[\uE000-\uE002]/g;

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
