// The one markdown-it instance: CommonMark + GFM tables, task lists, callouts, wikilinks, #tags, heading anchors.
import MarkdownIt from 'markdown-it';
import { tasklist } from '@mdit/plugin-tasklist';
import { calloutPlugin } from './callouts.ts';
import { fastScansPlugin } from './fastScans.ts';
import { headingIdsPlugin } from './headingIds.ts';
import { localLinkPlugin } from './localLinks.ts';
import { noForgedSlotsPlugin } from './noForgedSlots.ts';
import { tagPlugin } from './tagRule.ts';
import { wikilinkPlugin } from './wikilinkRule.ts';

export function createMarkdown(): MarkdownIt {
  const md = new MarkdownIt({
    html: true, // raw HTML is allowed; the sanitizer decides what survives
    linkify: false, // bare URLs stay text: linkify is slow on huge lines and surprises in code-like prose
    typographer: false, // change nothing the author wrote
  });
  // An allowlist of link schemes: web, mail, and relative links; inline images only (data:image/...).
  md.validateLink = (url) => {
    // Browsers ignore whitespace and control characters inside a scheme ("java\tscript:"), so we do too.
    const bare = [...url].filter((c) => c > ' ' && (c < '\u007f' || c > '\u009f')).join('');
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(bare)?.[1]?.toLowerCase();
    if (scheme === undefined) return !bare.startsWith('//') && !bare.startsWith('\\\\'); // no other hosts
    if (scheme === 'http' || scheme === 'https' || scheme === 'mailto') return true;
    return scheme === 'data' && /^data:image\/(gif|png|jpeg|webp);/i.test(bare);
  };
  md.use(fastScansPlugin).use(wikilinkPlugin).use(tagPlugin).use(calloutPlugin).use(localLinkPlugin);
  md.use(tasklist, { label: false, disabled: true });
  md.use(headingIdsPlugin);
  md.use(noForgedSlotsPlugin);
  return md;
}

export const markdown = createMarkdown();
