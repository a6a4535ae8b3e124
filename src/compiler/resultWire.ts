// Parse results as they cross from a worker to the main thread. Structured clone writes every object's keys
// again and rebuilds each object key by key, and a note's links are most of its objects (92,000 at mixed 10k).
// As one flat array of plain values per note, 5,000 mixed notes' results took 31-40 ms to serialize instead of
// 79-167 ms, and 51-95 ms to read back instead of 153-162 ms.
import type { ReadResult } from './readNote.ts';
import type { ParsedNote, RawLink } from './parse.ts';
import type { Wikilink } from './wikilinks.ts';

/** A ReadResult whose note's links are flattened (LINK_FIELDS values each) and whose HTML is UTF-8 bytes. */
export type WireResult = Omit<ReadResult, 'note'> & { note?: Omit<NonNullable<ReadResult['note']>, 'links'> & { links: WireValue[] } };
type WireValue = string | number | undefined;

/** target, heading, block, label, flags, slot (-1: none), line, snippet. */
const LINK_FIELDS = 8;
const EMBED = 1;
const EXTERNAL = 2;

const utf8 = new TextEncoder();

/** `results` ready to post, and the buffers to transfer with them (each note's HTML, as UTF-8). */
export function resultsToWire(results: readonly ReadResult[]): { wire: WireResult[]; transfer: ArrayBuffer[] } {
  const transfer: ArrayBuffer[] = [];
  const wire = results.map(({ note, diagnostics }): WireResult => {
    if (!note) return { diagnostics };
    const htmlUtf8 = utf8.encode(note.html);
    transfer.push(htmlUtf8.buffer as ArrayBuffer);
    return { diagnostics, note: { ...note, html: '', htmlUtf8, links: linksToWire(note.links) } };
  });
  return { wire, transfer };
}

/** The results as the worker made them. Takes over `wire` (just received): its notes get their links back in place. */
export function resultsFromWire(wire: WireResult[]): ReadResult[] {
  for (const { note } of wire) if (note) (note as unknown as ParsedNote).links = linksFromWire(note.links);
  return wire as unknown as ReadResult[];
}

function linksToWire(links: readonly RawLink[]): WireValue[] {
  // Pushed, not preallocated: the serializer writes a holey array as key-value pairs.
  const flat: WireValue[] = [];
  for (const { link, slot, line, snippet } of links) {
    const flags = (link.embed ? EMBED : 0) | (link.external ? EXTERNAL : 0);
    flat.push(link.target, link.heading, link.block, link.label, flags, slot ?? -1, line, snippet);
  }
  return flat;
}

/** The links as parse.ts made them, with the same keys in the same order (absent, not undefined). */
function linksFromWire(flat: readonly WireValue[]): RawLink[] {
  const links: RawLink[] = [];
  for (let at = 0; at < flat.length; at += LINK_FIELDS) {
    const flags = flat[at + 4] as number;
    const link: Wikilink = { target: flat[at] as string, embed: (flags & EMBED) !== 0, external: (flags & EXTERNAL) !== 0 };
    if (flat[at + 1] !== undefined) link.heading = flat[at + 1] as string;
    if (flat[at + 2] !== undefined) link.block = flat[at + 2] as string;
    if (flat[at + 3] !== undefined) link.label = flat[at + 3] as string;
    const slot = flat[at + 5] as number;
    const [line, snippet] = [flat[at + 6] as number, flat[at + 7] as string];
    links.push(slot === -1 ? { link, line, snippet } : { link, slot, line, snippet });
  }
  return links;
}
