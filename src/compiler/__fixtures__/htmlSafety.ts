// Test helper: list every way a piece of note HTML could run code or escape its box once inserted into the app.
// Works on sanitize-html's normalised output (quoted attributes, escaped text).

const ALLOWED_TAGS = new Set([
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'pre', 'code', 'em', 'strong', 'b', 'i', 'u', 's', 'del',
  'ins', 'mark', 'sub', 'sup', 'small', 'kbd', 'abbr', 'q', 'cite', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody',
  'tfoot', 'tr', 'th', 'td', 'caption', 'a', 'img', 'span', 'div', 'details', 'summary', 'figure', 'figcaption', 'input',
]);
const DANGEROUS_TAG = /<\s*\/?\s*(script|iframe|frame|object|embed|applet|svg|math|style|base|meta|link|form|button|textarea|select|template|noscript|xmp|plaintext)\b/i;
const URL_ATTRIBUTES = new Set(['href', 'src', 'cite', 'action', 'formaction', 'poster', 'background', 'xlink:href', 'srcset', 'data', 'dynsrc', 'lowsrc']);

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", colon: ':', tab: '\t', newline: '\n', sol: '/', lpar: '(', rpar: ')' };

export function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}

/** Everything in `html` that could run script, load a foreign document, or restyle the page. Empty when safe. */
export function executableVectors(html: string): string[] {
  const problems: string[] = [];
  if (DANGEROUS_TAG.test(html)) problems.push(`dangerous tag: ${DANGEROUS_TAG.exec(html)![0]}`);
  for (const tagMatch of html.matchAll(/<\s*(\/?)\s*([a-zA-Z][\w:-]*)([^>]*)>/g)) {
    const tag = tagMatch[2]!.toLowerCase();
    if (!ALLOWED_TAGS.has(tag)) problems.push(`tag <${tag}>`);
    if (tagMatch[1]) continue;
    for (const attr of tagMatch[3]!.matchAll(/([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      const name = attr[1]!.toLowerCase();
      const value = decodeEntities(attr[2] ?? attr[3] ?? attr[4] ?? '');
      if (name.startsWith('on')) problems.push(`event handler ${name} on <${tag}>`);
      if (name === 'srcdoc' || name === 'formaction' || name === 'action' || name === 'xlink:href') problems.push(`${name} on <${tag}>`);
      if (name === 'style' && !/^(text-align:\s*(left|right|center);?\s*)?$/i.test(value.trim())) problems.push(`style "${value}" on <${tag}>`);
      if (name === 'id' && !value.startsWith('h-')) problems.push(`id "${value}" could clobber the app's DOM`);
      if (URL_ATTRIBUTES.has(name)) {
        // Browsers ignore control characters and whitespace inside a URL scheme.
        const compact = [...value].filter((c) => c.charCodeAt(0) > 0x20 && (c.charCodeAt(0) < 0x7f || c.charCodeAt(0) > 0x9f)).join('').toLowerCase();
        const scheme = /^([a-z][a-z0-9+.-]*):/.exec(compact)?.[1];
        const imageData = tag === 'img' && name === 'src' && compact.startsWith('data:image/');
        if (scheme && !['http', 'https', 'mailto'].includes(scheme) && !imageData) problems.push(`${scheme}: URL in ${name} on <${tag}>`);
        if (compact.startsWith('//')) problems.push(`protocol-relative URL in ${name} on <${tag}>`);
        if (name !== 'href' && name !== 'src') problems.push(`URL attribute ${name} on <${tag}>`);
      }
      if (tag === 'a' && name === 'target' && value === '_blank' && !/\brel="[^"]*noopener[^"]*"/.test(tagMatch[3]!)) {
        problems.push('target=_blank without rel=noopener');
      }
    }
  }
  return problems;
}
