import { describe, expect, it } from 'vitest';
import { stripComments } from './comments.ts';

describe('stripComments', () => {
  it.each([
    ['no comment', 'plain text', 'plain text'],
    ['inline', 'a %% hidden %% b', 'a  b'],
    ['two inline', 'a %%x%% b %%y%% c', 'a  b  c'],
    ['across lines, keeping the line count', 'a\n%%\nhidden [[x]]\n%%\nb', 'a\n\n\n\nb'],
    ['opened mid-line', 'keep %% drop\ndrop too %% keep', 'keep \n keep'],
    ['unclosed runs to the end', 'a %% b\nc', 'a \n'],
    ['inside a code span', 'a `%% kept %%` b', 'a `%% kept %%` b'],
    ['inside a double-backtick span', 'a ``x ` %% y`` b %%gone%%', 'a ``x ` %% y`` b '],
    ['inside a fenced block', '```\n%% kept %%\n```\n%% gone %%', '```\n%% kept %%\n```\n'],
    ['inside a tilde fence', '~~~~\n%%\n~~~\n%%\n~~~~\nafter', '~~~~\n%%\n~~~\n%%\n~~~~\nafter'],
    ['inside an indented code block', 'Code:\n\n    printf("100%%");\n    %% kept %%\n\n%% gone %%', 'Code:\n\n    printf("100%%");\n    %% kept %%\n\n'],
    ['inside a tab-indented code block', 'x\n\n\tkept %% here %%', 'x\n\n\tkept %% here %%'],
    ['on an indented line that continues a paragraph', 'text\n    more %% gone %% end', 'text\n    more  end'],
    ['on an indented line of a list item', '- item\n\n    more %% gone %% end', '- item\n\n    more  end'],
    ['in code nested in a list item', '- item\n\n      code %% kept %%', '- item\n\n      code %% kept %%'],
    ['a lone %', '100% sure', '100% sure'],
  ])('%s', (_name, input, output) => {
    expect(stripComments(input)).toBe(output);
  });

  it('handles a long line of markers', () => {
    const line = '%%a%%b'.repeat(100_000);
    expect(stripComments(line)).toBe('b'.repeat(100_000));
  });
});
