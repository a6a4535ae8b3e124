// Three of markdown-it's scans over a note's characters, done with the engine's string search instead of a
// JavaScript loop per character. Each gives exactly what markdown-it's own gives (fastScans.test.ts checks the
// tokens against stock markdown-it); together they cut md.parse by about a third.
import type MarkdownIt from 'markdown-it';
import type StateBlock from 'markdown-it/lib/rules_block/state_block.mjs';
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs';
import type StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs';

export function fastScansPlugin(md: MarkdownIt): void {
  md.core.ruler.at('normalize', normalize);
  md.block.State = lineMarksState(md.block.State);
  md.inline.ruler.at('text', text);
}

/** markdown-it's normalize copies every note to turn `\n` into `\n`; a note with no `\r` or NUL needs no copy. */
function normalize(state: StateCore): void {
  if (state.src.indexOf('\r') === -1 && state.src.indexOf('\0') === -1) return;
  state.src = state.src.replace(/\r\n?|\n/g, '\n').replace(/\0/g, '\uFFFD');
}

/**
 * The block parser's state marks where each line begins, ends and how far it is indented. markdown-it looks at
 * every character for that; past a line's indent only the next newline matters.
 */
function lineMarksState(Stock: typeof StateBlock): typeof StateBlock {
  return class LineMarksState extends Stock {
    constructor(src: string, md: MarkdownIt, env: StateBlock['env'], tokens: StateBlock['tokens']) {
      super('', md, env, tokens); // marks nothing: there are no lines
      this.src = src;
      this.bMarks = [];
      this.eMarks = [];
      this.tShift = [];
      this.sCount = [];
      this.bsCount = [];
      const length = src.length;
      for (let start = 0; start < length; ) {
        let pos = start;
        let indent = 0;
        let offset = 0;
        for (; pos < length; pos++) {
          const ch = src.charCodeAt(pos);
          if (ch === 0x20) offset++;
          else if (ch === 0x09) offset += 4 - (offset % 4);
          else break;
          indent++;
        }
        if (pos === length) break; // as markdown-it: a last line of only spaces and tabs gets no marks
        const newline = src.indexOf('\n', pos);
        const end = newline === -1 ? length : newline;
        this.bMarks.push(start);
        this.eMarks.push(end);
        this.tShift.push(indent);
        this.sCount.push(offset);
        this.bsCount.push(0);
        start = end + 1;
      }
      // The fake last line markdown-it keeps to simplify bounds checks.
      this.bMarks.push(length);
      this.eMarks.push(length);
      this.tShift.push(0);
      this.sCount.push(0);
      this.bsCount.push(0);
      this.lineMax = this.bMarks.length - 1;
    }
  };
}

/** markdown-it's terminator characters (rules_inline/text.mjs), the same set. */
const NEXT_TERMINATOR = /[\n!#$%&*+\-:<=>@[\\\]^_`{}~]/g;

/** The `text` rule: a run of characters no other inline rule starts at, found with one search. */
function text(state: StateInline, silent: boolean): boolean {
  const start = state.pos;
  NEXT_TERMINATOR.lastIndex = start;
  const found = NEXT_TERMINATOR.exec(state.src);
  const end = found === null ? state.posMax : Math.min(found.index, state.posMax);
  if (end === start) return false;
  if (!silent) state.pending += state.src.slice(start, end);
  state.pos = end;
  return true;
}
