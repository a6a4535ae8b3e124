// A note's page file (its format: pageFileText in shared/graphFormat.ts), written straight from the UTF-8 HTML
// the workers rendered, with only its link slots filled in. Inside a JSON string the HTML had to be decoded,
// escaped and encoded again: mixed 10k's pages took 1.12-1.20 s that way, 0.89-1.01 s this way.
import { pageFileHeader } from '../shared/graphFormat.ts';
import type { NotePage } from '../shared/schema.ts';
import type { ResolvedTarget } from './markdown/env.ts';
import type { RawLink } from './parse.ts';
import { fillLinksInto, type ByteSink } from './render.ts';

/** Grown as needed; pageFileBytes returns a view of it. */
let buffer = Buffer.allocUnsafe(1 << 20);
let used = 0;
const room = (bytes: number) => {
  if (buffer.length - used >= bytes) return;
  const bigger = Buffer.allocUnsafe(Math.max(buffer.length * 2, used + bytes));
  buffer.copy(bigger, 0, 0, used);
  buffer = bigger;
};
const sink: ByteSink = {
  bytes: (bytes) => {
    room(bytes.length);
    buffer.set(bytes, used);
    used += bytes.length;
  },
  text: (text) => {
    room(text.length * 3);
    used += buffer.write(text, used);
  },
};

/**
 * The page file of `page` (its `html` ignored) with `html`, UTF-8 with its link slots still in, filled from
 * `targets`: the same bytes as pageFileText of the page with fillLinks' HTML. Valid until the next call.
 */
export function pageFileBytes(page: NotePage, html: Uint8Array, links: readonly RawLink[], targets: ReadonlyMap<string, ResolvedTarget>): Uint8Array {
  used = 0;
  sink.text(`${pageFileHeader(page)}\n`);
  fillLinksInto(html, links, targets, sink);
  return buffer.subarray(0, used);
}
