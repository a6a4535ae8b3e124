// Allowlist sanitizer for rendered note HTML. Whatever is not listed here is dropped.
import sanitizeHtml from 'sanitize-html';

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    ...HEADINGS, 'p', 'br', 'hr', 'blockquote', 'pre', 'code', 'em', 'strong', 'b', 'i', 'u', 's', 'del', 'ins', 'mark',
    'sub', 'sup', 'small', 'kbd', 'abbr', 'q', 'cite', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody',
    'tfoot', 'tr', 'th', 'td', 'caption', 'a', 'img', 'span', 'div', 'details', 'summary', 'figure', 'figcaption', 'input',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'class', 'data-note-id', 'data-heading', 'data-tag', 'rel', 'target'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    span: ['class'],
    div: ['class', 'data-callout'],
    details: ['class', 'data-callout', 'open'],
    summary: ['class'],
    code: ['class'],
    pre: ['class'],
    ol: ['start'],
    ul: ['class'],
    li: ['class'],
    th: ['style'],
    td: ['style'],
    input: ['type', 'checked', 'disabled', 'class'],
    abbr: ['title'],
    ...Object.fromEntries(HEADINGS.map((tag) => [tag, ['id']])),
  },
  // Classes the app styles; a note cannot borrow any other (e.g. to overlay the app's UI).
  allowedClasses: {
    '*': [
      'wikilink', 'ghost', 'embed', 'tag', 'external', 'attachment', 'callout', 'callout-title', 'callout-content',
      'task-list-container', 'task-list-item', 'task-list-item-checkbox', 'language-*',
    ],
  },
  allowedStyles: { '*': { 'text-align': [/^(left|right|center)$/] } },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https', 'data'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'title', 'xmp', 'noembed', 'noframes'],
  transformTags: {
    a: (tagName, attribs) => {
      const out = { ...attribs };
      if (out.target !== undefined || /^https?:/i.test(out.href ?? '')) {
        out.target = '_blank';
        out.rel = 'noopener noreferrer';
      }
      return { tagName, attribs: out };
    },
    // The app loads nothing from other hosts: a remote image becomes a link to it.
    img: (tagName, attribs) =>
      /^https?:/i.test(attribs.src ?? '')
        ? { tagName: 'a', attribs: { href: attribs.src!, class: 'external', target: '_blank', rel: 'noopener noreferrer' }, text: `Image: ${attribs.alt || attribs.src}` }
        : { tagName, attribs },
    input: (tagName, attribs) =>
      // Only the read-only checkbox of a task list.
      ({ tagName, attribs: { type: 'checkbox', disabled: '', ...(attribs.checked !== undefined ? { checked: '' } : {}), class: attribs.class ?? '' } }),
    ...Object.fromEntries(
      HEADINGS.map((tag) => [
        tag,
        (tagName: string, attribs: sanitizeHtml.Attributes) => ({
          tagName,
          attribs: attribs.id ? { id: attribs.id.startsWith('h-') ? attribs.id : `h-${attribs.id}` } : {},
        }),
      ]),
    ),
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && /^data:/i.test(frame.attribs.src ?? '') && !/^data:image\//i.test(frame.attribs.src ?? ''),
};

export function sanitizeNoteHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}
