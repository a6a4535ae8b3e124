// Obsidian comments (`%% ... %%`, inline or across lines) are removed before parsing; code keeps its `%%`.
// Removed text is replaced by as many newlines as it held, so line numbers stay true.

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const BACKTICKS = /`+/y;

export function stripComments(body: string): string {
  if (!body.includes('%%')) return body;
  const lines = body.split('\n');
  let fence: string | undefined;
  let inComment = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!inComment) {
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
