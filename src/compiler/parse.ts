// Stage 2: one note's text -> title, aliases, tags, metadata and the links it makes. Pure.
import type Token from 'markdown-it/lib/token.mjs';
import type { Diagnostic, MetaValue } from '../shared/schema.ts';
import { compareStrings } from '../shared/noteId.ts';
import { warning } from './diagnostics.ts';
import { stripComments } from './comments.ts';
import { readFrontmatter } from './frontmatter.ts';
import { markdown } from './markdown/index.ts';
import { sanitizeNoteHtml } from './sanitize.ts';
import { withoutSlotCharacters } from './markdown/env.ts';
import { localNoteLink } from './markdown/localLinks.ts';
import { displayText, findWikilinks, isAttachment, replaceWikilinksInExcerpt, type Wikilink } from './wikilinks.ts';

export interface RawLink {
  link: Wikilink;
  /** Its slot in the rendered HTML, filled in by render.ts; none for frontmatter links. */
  slot?: number;
  /** 1-based line in the file. */
  line: number;
  /** Plain text around the link, for backlinks. */
  snippet: string;
}

export interface ExternalLink {
  url: string;
  label: string;
}

export interface ParsedNote {
  path: string;
  title: string;
  aliases: string[];
  tags: string[];
  meta: Record<string, MetaValue>;
  links: RawLink[];
  external: ExternalLink[];
  /** Sanitized HTML whose note links are still slots (see markdown/env.ts). */
  html: string;
  /**
   * The same HTML as UTF-8, instead of `html`, when the note was read by a worker: held off the JS heap until
   * the vault is resolved, where the garbage collector never copies it (as strings, the HTML cost this thread
   * about a third more time scavenging at 10k notes), and handed over without a copy.
   */
  htmlUtf8?: Uint8Array;
  diagnostics: Diagnostic[];
}

const SNIPPET_RADIUS = 90;

export function parseNote(path: string, noteText: string): ParsedNote {
  // The renderer reserves these characters for link slots (markdown/env.ts); a note cannot forge one.
  const text = withoutSlotCharacters(noteText);
  const front = readFrontmatter(text, path);
  const body = stripComments(front.body);
  const tokens = markdown.parse(body, {});
  const { title: metaTitle, aliases: metaAliases, tags: metaTags, ...meta } = front.data;
  const links: RawLink[] = [];
  const external: ExternalLink[] = [];
  const inlineTags: string[] = [];
  let firstHeading: string | undefined;
  const snippetTargets = new Set<string>();
  // Table cells carry no line map of their own; they take the line of the row (the last block that had one).
  let blockLine = 0;

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.map) blockLine = token.map[0];
    if (token.type === 'heading_open' && token.tag === 'h1' && firstHeading === undefined) {
      firstHeading = plainText(tokens[i + 1]?.children ?? []);
    }
    if (token.type !== 'inline' || !token.children) continue;
    collectInline(token, front.bodyLineOffset + blockLine, links, external, inlineTags, snippetTargets);
  }
  // Properties such as `related: "[[Other note]]"` are links too, as in Obsidian.
  for (const value of Object.values(meta)) {
    for (const text of stringsIn(value)) {
      for (const link of findWikilinks(text)) {
        if (link.external) addExternal(external, link.target, displayText(link));
        else if (!isAttachment(link.target)) links.push({ link, line: 1, snippet: '' });
      }
    }
  }
  const diagnostics = [...front.diagnostics];
  const rawTags = countRawHtmlTags(tokens);
  if (rawTags > MAX_RAW_HTML_TAGS) {
    showRawHtmlAsText(tokens);
    diagnostics.push(warning('too-much-html', path, `This note has ${rawTags} raw HTML tags (over ${MAX_RAW_HTML_TAGS}); its HTML is shown as text.`));
  }
  // Rendered now, from the same tokens; links are filled in after the vault is resolved.
  const rendered = markdown.renderer.render(tokens, markdown.options, {});
  const html = hasRawHtml(tokens) ? sanitizeNoteHtml(rendered) : rendered;
  return {
    path,
    title: chooseTitle(metaTitle, firstHeading, path),
    aliases: stringList(metaAliases),
    tags: uniqueSorted([...stringList(metaTags).flatMap(splitTags), ...inlineTags]),
    meta,
    links,
    external,
    html,
    diagnostics,
  };
}

/** `startLine`: 0-based line in the file of the inline token's first line. */
function collectInline(token: Token, startLine: number, links: RawLink[], external: ExternalLink[], tags: string[], snippetTargets: Set<string>): void {
  const content = token.content;
  let line = startLine + 1;
  let counted = 0;
  const lineOf = (pos: number): number => {
    // Count newlines since the previous link only, so a huge paragraph stays linear.
    for (let i = content.indexOf('\n', counted); i !== -1 && i < pos; i = content.indexOf('\n', i + 1)) line++;
    counted = Math.max(counted, pos);
    return line;
  };
  // Markdown link tokens carry no source position: find each one's `](` after the previous link.
  let cursor = 0;
  const children = token.children!;
  // Backlinks show the context of a note's first link to a target only, so later ones need none.
  const firstSnippet = (target: string, text: string, pos: number): string => {
    if (snippetTargets.has(target)) return '';
    snippetTargets.add(target);
    return snippetAt(text, pos);
  };
  for (let c = 0; c < children.length; c++) {
    const child = children[c]!;
    if (child.type === 'wikilink') {
      const link = child.meta.link as Wikilink;
      const pos = child.meta.pos as number;
      cursor = Math.max(cursor, pos);
      if (link.external) addExternal(external, link.target, displayText(link));
      else if (!isAttachment(link.target)) {
        child.meta.slot = links.length;
        links.push({ link, slot: links.length, line: lineOf(pos), snippet: firstSnippet(link.target, content, pos) });
      }
    } else if (child.type === 'link_open') {
      const href = child.attrGet('href') ?? '';
      const note = localNoteLink(href);
      if (note) {
        const at = content.indexOf('](', cursor);
        const pos = at === -1 ? cursor : Math.max(0, content.lastIndexOf('[', at));
        if (at !== -1) cursor = at + 2;
        child.meta = { slot: links.length };
        links.push({ link: note, slot: links.length, line: lineOf(pos), snippet: firstSnippet(note.target, content, pos) });
      } else {
        addExternal(external, href, plainText(children.slice(c + 1, closeOf(children, c))) || href);
      }
    } else if (child.type === 'tag') {
      tags.push(child.meta.tag as string);
    }
  }
}

/**
 * The sanitizer's HTML parser keeps its open elements in an array it shifts at the front, so unclosed tags cost
 * in proportion to how deep they are: 50,000 nested `<b>` took 1.3 s, 200,000 took 26 s. Past this many raw
 * tags a note's HTML is shown as text (with a warning) rather than stall the build; 20,000 take about 0.2 s.
 */
export const MAX_RAW_HTML_TAGS = 20_000;

function countRawHtmlTags(tokens: Token[]): number {
  let count = 0;
  const countIn = (text: string) => {
    for (let at = text.indexOf('<'); at !== -1; at = text.indexOf('<', at + 1)) if (/[a-z]/i.test(text[at + 1] ?? '')) count++;
  };
  for (const token of tokens) {
    if (token.type === 'html_block') countIn(token.content);
    else if (token.type === 'inline') for (const child of token.children ?? []) if (child.type === 'html_inline') countIn(child.content);
  }
  return count;
}

/** Raw HTML becomes what it says: inline tags as text, HTML blocks as code blocks (both escaped by the renderer). */
function showRawHtmlAsText(tokens: Token[]): void {
  for (const token of tokens) {
    if (token.type === 'html_block') token.type = 'code_block';
    else if (token.type === 'inline') for (const child of token.children ?? []) if (child.type === 'html_inline') child.type = 'text';
  }
}

/**
 * The renderer escapes all text and allowlists link schemes itself, so only raw HTML needs the sanitizer.
 * A bare `<br>` (common after a `From: [[Person]]` line) is the one tag let through without it.
 */
function hasRawHtml(tokens: Token[]): boolean {
  for (const token of tokens) {
    if (token.type === 'html_block') return true;
    if (token.type === 'inline' && token.children?.some((child) => child.type === 'html_inline' && !SAFE_INLINE_HTML.test(child.content))) return true;
  }
  return false;
}
const SAFE_INLINE_HTML = /^<br\s*\/?>$/i;

/** Only web links are listed; a `javascript://` or `data://` target is never offered as a link. */
function addExternal(external: ExternalLink[], url: string, label: string): void {
  if (/^https?:\/\//i.test(url)) external.push({ url, label });
}

/** Index of the `link_close` that ends the link opened at `open`. */
function closeOf(children: Token[], open: number): number {
  for (let c = open + 1; c < children.length; c++) if (children[c]!.type === 'link_close') return c;
  return children.length;
}

/**
 * Plain words around `pos`: links shown as a reader sees them, Markdown marks dropped. Made for nearly every
 * link, so each pass runs only where it can change something (half the time of running them all).
 */
function snippetAt(content: string, pos: number): string {
  const start = Math.max(0, pos - SNIPPET_RADIUS);
  const end = Math.min(content.length, pos + SNIPPET_RADIUS * 2);
  let text = replaceWikilinksInExcerpt(content.slice(start, end), displayText);
  if (text.includes('](')) text = text.replace(/!?\[([^\]]{0,500})\]\([^)]{0,2000}\)/g, '$1'); // [label](url) -> label
  if (text.includes('<')) text = text.replace(/<[^>]{0,200}>/g, ' ');
  // Emphasis, code, quote and heading marks.
  text = text.replace(/[*`>#]+/g, '');
  if (text.includes('_')) text = text.replace(/_+/g, (run: string, at: number) => (isWordCharacter(text[at - 1]) && isWordCharacter(text[at + run.length]) ? run : ''));
  text = collapseWhitespace(text).trim();
  // A word the window cut in two is left out, so a snippet reads "…data keep", not "…ore data keep".
  if (start > 0 && isWordCharacter(content[start - 1]) && isWordCharacter(content[start])) {
    const cut = /^[\p{L}\p{N}]{1,40}(?= )/u.exec(text)?.[0];
    if (cut && content.startsWith(cut, start)) text = text.slice(cut.length + 1);
  }
  if (end < content.length && isWordCharacter(content[end - 1]) && isWordCharacter(content[end])) {
    const cut = /(?<= )[\p{L}\p{N}]{1,40}$/u.exec(text)?.[0];
    if (cut && content.endsWith(cut, end)) text = text.slice(0, -(cut.length + 1));
  }
  return `${start > 0 ? '…' : ''}${text}${end < content.length ? '…' : ''}`;
}

/** A letter or digit: underscores between two are part of a word (`scaling_laws`), and a cut between two splits one. */
export function isWordCharacter(character: string | undefined): boolean {
  if (character === undefined) return false;
  const code = character.charCodeAt(0);
  // ASCII without the Unicode-aware expression, which costs more than the rest of the check (a test checks every code unit).
  if (code < 128) return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
  return WORD_CHARACTER.test(character);
}
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** `text.replace(/\s+/g, ' ')`, touching only runs that are not already one space (most are). */
export const collapseWhitespace = (text: string): string => text.replace(/\s{2,}|[^\S ]/g, ' ');

function plainText(children: Token[]): string {
  return children
    .map((child) => (child.type === 'text' || child.type === 'code_inline' ? child.content : child.type === 'wikilink' ? displayText(child.meta.link as Wikilink) : ''))
    .join('')
    .trim();
}

function chooseTitle(metaTitle: MetaValue | undefined, firstHeading: string | undefined, path: string): string {
  if (typeof metaTitle === 'string' && metaTitle.trim()) return metaTitle.trim();
  if (typeof metaTitle === 'number') return String(metaTitle);
  if (firstHeading) return firstHeading;
  const base = path.split('/').pop() ?? path;
  return base.replace(/\.md$/i, '');
}

function stringList(value: MetaValue | undefined): string[] {
  if (typeof value === 'string') return value.trim() ? [value.trim()] : [];
  if (typeof value === 'number') return [String(value)];
  if (Array.isArray(value)) return value.flatMap((item) => (typeof item === 'string' || typeof item === 'number' ? [String(item).trim()] : [])).filter(Boolean);
  return [];
}

/** Frontmatter `tags: "a, b #c"` or a list; leading '#' dropped. */
function splitTags(value: string): string[] {
  return value
    .split(/[,\s]+/)
    .map((tag) => tag.replace(/^#/, ''))
    .filter((tag) => tag && !/^\d+$/.test(tag));
}

function stringsIn(value: MetaValue): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

function uniqueSorted(values: string[]): string[] {
  return [...new Set(values)].sort(compareStrings);
}
