// The ONLY code that knows [[wikilink]] syntax. Everything else asks this module.

export interface Wikilink {
  /** Note name or path as written, without `.md`, heading or label; '' for `[[#Heading]]`. */
  target: string;
  /** `[[t#Heading]]` -> 'Heading'. */
  heading?: string;
  /** `[[t#^block]]` -> 'block'. */
  block?: string;
  /** Text after the first pipe, trimmed. */
  label?: string;
  /** `![[t]]`. */
  embed: boolean;
  /** `[[https://...]]`: a URL, not a note. */
  external: boolean;
}

/** The longest inside a link may have: longer runs between `[[` and `]]` are text, so no scan goes far. */
const MAX_INNER = 2000;

/**
 * `(!?)`                    group 1: embed marker
 * `\[\[`                    opening brackets
 * `([^\[\]\n]{1,MAX_INNER}?)` group 2: the inside; no brackets or newlines, so a scan never crosses another link
 * `\]\]`                    closing brackets
 */
const WIKILINK_SOURCE = String.raw`(!?)\[\[([^\[\]\n]{1,${MAX_INNER}}?)\]\]`;
const WIKILINK_GLOBAL = new RegExp(WIKILINK_SOURCE, 'g');
const WIKILINK_STICKY = new RegExp(WIKILINK_SOURCE, 'y');
const URL_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/** Parse the text between `[[` and `]]`. Returns undefined when nothing is named. */
export function parseWikilinkInner(inner: string, embed = false): Wikilink | undefined {
  // Only the first pipe splits; `\|` (needed inside tables) is a pipe too.
  const pipe = inner.indexOf('|');
  let targetPart = pipe === -1 ? inner : inner.slice(0, pipe);
  const labelPart = pipe === -1 ? undefined : inner.slice(pipe + 1).trim();
  if (targetPart.endsWith('\\')) targetPart = targetPart.slice(0, -1);
  targetPart = targetPart.trim();
  const label = labelPart ? labelPart : undefined;

  if (URL_SCHEME.test(targetPart)) {
    return withLabel({ target: targetPart, embed, external: true }, label);
  }
  let target = targetPart;
  let heading: string | undefined;
  let block: string | undefined;
  const hash = targetPart.indexOf('#');
  if (hash !== -1) {
    target = targetPart.slice(0, hash).trim();
    const anchor = targetPart.slice(hash + 1).trim();
    if (anchor.startsWith('^')) block = anchor.slice(1);
    else if (anchor) heading = anchor;
  }
  target = target.replace(/\.md$/i, '').trim();
  if (!target && !heading && !block) return undefined;
  const link: Wikilink = { target, embed, external: false };
  if (heading) link.heading = heading;
  if (block) link.block = block;
  return withLabel(link, label);
}

function withLabel(link: Wikilink, label: string | undefined): Wikilink {
  if (label) link.label = label;
  return link;
}

/** Match a wikilink starting exactly at `pos` (for the Markdown inline rule). */
export function matchWikilinkAt(text: string, pos: number): { link: Wikilink; end: number } | undefined {
  WIKILINK_STICKY.lastIndex = pos;
  const match = WIKILINK_STICKY.exec(text);
  if (!match) return undefined;
  const link = parseWikilinkInner(match[2]!, match[1] === '!');
  return link ? { link, end: pos + match[0].length } : undefined;
}

/** Every wikilink in plain text (frontmatter values). Not for Markdown bodies: they have code spans. */
export function findWikilinks(text: string): Wikilink[] {
  if (!text.includes('[[')) return [];
  const links: Wikilink[] = [];
  for (const match of text.matchAll(WIKILINK_GLOBAL)) {
    const link = parseWikilinkInner(match[2]!, match[1] === '!');
    if (link) links.push(link);
  }
  return links;
}

/**
 * `text` with every wikilink replaced by `replace(link)`; text that only looks like a link is kept as it is.
 * The same matches as `text.replace(WIKILINK_GLOBAL, ...)` (a property test holds it to that), found with
 * `indexOf` instead: backlink snippets call this for nearly every link, and the regular expression's callback
 * took two thirds of their time.
 */
export function replaceWikilinks(text: string, replace: (link: Wikilink) => string): string {
  let open = text.indexOf('[[');
  if (open === -1) return text;
  let result = '';
  let done = 0; // text before this is in `result`
  while (open !== -1) {
    const close = innerEnd(text, open + 2);
    if (close === -1) {
      open = text.indexOf('[[', open + 1);
      continue;
    }
    // A `!` right before is part of the match (an earlier match cannot have taken it: each ends with `]]`).
    const embed = text.charCodeAt(open - 1) === BANG;
    const from = embed ? open - 1 : open;
    const link = parseWikilinkInner(text.slice(open + 2, close), embed);
    result += text.slice(done, from) + (link ? replace(link) : text.slice(from, close + 2));
    done = close + 2;
    open = text.indexOf('[[', done);
  }
  return result + text.slice(done);
}

const [BANG, OPEN_BRACKET, CLOSE_BRACKET, NEWLINE] = ['!', '[', ']', '\n'].map((c) => c.charCodeAt(0)) as [number, number, number, number];

/**
 * Where the inside of a link that starts at `from` (just after `[[`) ends: the first `]` when it is the first of
 * `]]`, after 1 to MAX_INNER characters with no bracket or newline among them; -1 when there is no such end.
 */
function innerEnd(text: string, from: number): number {
  const limit = Math.min(text.length, from + MAX_INNER);
  let at = from;
  while (at < limit) {
    const code = text.charCodeAt(at);
    if (code === OPEN_BRACKET || code === CLOSE_BRACKET || code === NEWLINE) break;
    at++;
  }
  return at > from && text.charCodeAt(at) === CLOSE_BRACKET && text.charCodeAt(at + 1) === CLOSE_BRACKET ? at : -1;
}

/**
 * replaceWikilinks for an excerpt cut out of longer text: a link cut off at either end is replaced by what a
 * reader would see of it too (`ment learning]] and` -> `ment learning and`; `see [[Other no` -> `see Other no`).
 */
export function replaceWikilinksInExcerpt(text: string, replace: (link: Wikilink) => string): string {
  let result = replaceWikilinks(text, replace);
  const shown = (inner: string, embed: boolean, whole: string) => {
    const link = parseWikilinkInner(inner, embed);
    return link ? replace(link) : whole;
  };
  // Searched for only where a cut link can be: `]]` with no bracket before it, `[[` with no `]]` after it.
  const close = result.indexOf(']]');
  if (close > 0 && !/[[\]\n]/.test(result.slice(0, close)) && close <= MAX_INNER) {
    result = shown(result.slice(0, close), false, result.slice(0, close + 2)) + result.slice(close + 2);
  }
  const open = result.lastIndexOf('[[');
  const inner = open === -1 ? '' : result.slice(open + 2);
  if (inner.length > 0 && inner.length <= MAX_INNER && !/[[\]\n]/.test(inner)) {
    const embed = result[open - 1] === '!';
    result = result.slice(0, embed ? open - 1 : open) + shown(inner, embed, result.slice(embed ? open - 1 : open));
  }
  return result;
}

/** What a reader sees for a link without a label: `t`, `t › Heading`, or `Heading`. */
export function displayText(link: Wikilink): string {
  if (link.label) return link.label;
  const anchor = link.heading ?? (link.block ? `^${link.block}` : undefined);
  if (!anchor) return link.target;
  return link.target ? `${link.target} › ${anchor}` : anchor;
}

/** Attachments (`![[diagram.png]]`) name files, not notes. */
export function isAttachment(target: string): boolean {
  const ext = /\.([a-z0-9]{1,10})$/i.exec(target)?.[1]?.toLowerCase();
  return ext !== undefined && ATTACHMENT_EXTENSIONS.has(ext);
}
const ATTACHMENT_EXTENSIONS = new Set([
  'png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'bmp', 'avif', 'pdf', 'mp3', 'wav', 'ogg', 'm4a', 'mp4', 'webm', 'mov', 'canvas', 'excalidraw', 'csv', 'zip',
]);
