// Obsidian comments (`%% ... %%`, inline or across lines) are removed before parsing; code keeps its `%%`.
// Removed text is replaced by as many newlines as it held, so line numbers stay true.
import { markdown } from './markdown/index.ts';

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const BACKTICKS = /`+/y;
/** Indented four columns or more: maybe a line of an indented code block. */
const INDENTED_WITH_MARKER = /^(?: {4}| {0,3}\t).*%%/m;

export function stripComments(body: string): string {
  if (!body.includes('%%')) return body;
  const lines = body.split('\n');
  const indentedCode = INDENTED_WITH_MARKER.test(body) ? indentedCodeLines(body) : undefined;
  let fence: string | undefined;
  let inComment = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!inComment) {
      if (indentedCode?.has(i)) continue;
      const opener = FENCE.exec(line)?.[1];
      if (fence) {
        if (opener && opener[0] === fence[0] && opener.length >= fence.length && line.trim() === opener) fence = undefined;
        continue;
      }
      if (opener) {
        fence = opener;
        continue;
      }
    }
    const result = stripLine(line, inComment);
    lines[i] = result.text;
    inComment = result.inComment;
  }
  return lines.join('\n');
}

/**
 * The lines of the note's indented code blocks, as markdown-it finds them. Whether an indented line is code depends
 * on what is around it (a paragraph's continuation or a list item's text is not), so only a parser can tell; it
 * runs only for notes with `%%` on an indented line.
 */
function indentedCodeLines(body: string): Set<number> {
  const tokens: ReturnType<typeof markdown.parse> = [];
  markdown.block.parse(body, markdown, {}, tokens);
  const lines = new Set<number>();
  for (const token of tokens) {
    if (token.type === 'code_block' && token.map) for (let line = token.map[0]; line < token.map[1]; line++) lines.add(line);
  }
  return lines;
}

/** One line: drop text between %% markers, leaving inline code spans alone. */
function stripLine(line: string, startsInComment: boolean): { text: string; inComment: boolean } {
  if (!startsInComment && !line.includes('%%')) return { text: line, inComment: false };
  let out = '';
  let inComment = startsInComment;
  let i = 0;
  let tick = -2; // next backtick at or after i; -2: not looked for yet. Kept between rounds, so a long line stays linear.
  while (i < line.length) {
    if (inComment) {
      const end = line.indexOf('%%', i);
      if (end === -1) return { text: out, inComment: true };
      i = end + 2;
      inComment = false;
      continue;
    }
    if (tick === -2 || (tick !== -1 && tick < i)) tick = line.indexOf('`', i);
    const mark = line.indexOf('%%', i);
    if (mark === -1) break;
    if (tick !== -1 && tick < mark) {
      BACKTICKS.lastIndex = tick;
      const run = BACKTICKS.exec(line)![0];
      const close = line.indexOf(run, tick + run.length);
      const spanEnd = close === -1 ? tick + run.length : close + run.length;
      out += line.slice(i, spanEnd);
      i = spanEnd;
      continue;
    }
    out += line.slice(i, mark);
    i = mark + 2;
    inComment = true;
  }
  return { text: out + line.slice(i), inComment };
}
