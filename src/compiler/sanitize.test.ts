import { describe, expect, it } from 'vitest';
import { decodeEntities, executableVectors } from './__fixtures__/htmlSafety.ts';
import { sanitizeNoteHtml } from './sanitize.ts';

/** Payloads from the usual XSS cheat sheets, with entity-encoded, mixed-case and whitespace variants. */
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<img src=x onerror=alert(1)>',
  '<IMG SRC=x OnErRoR=alert(1)>',
  '<img src="javascript:alert(1)">',
  '<img src="  jav&#x09;ascript:alert(1)">',
  '<img srcset="x 1x, javascript:alert(1) 2x">',
  '<img src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">',
  '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+" onload=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href="java&#x09;script:alert(1)">x</a>',
  '<a href="java&#9;script:alert(1)">x</a>',
  '<a href="java&Tab;script:alert(1)">x</a>',
  '<a href="jav&#x0A;ascript:alert(1)">x</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
  '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">x</a>',
  '<a href="&#0000106avascript:alert(1)">x</a>',
  '<a href="javascript&colon;alert(1)">x</a>',
  '<a href=" \u0001javascript:alert(1)">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="VBScript:msgbox(1)">x</a>',
  '<a href="data:text/html,<script>alert(1)</script>">x</a>',
  '<a href="data:image/png;base64,iVBORw0KGgo=">image data is for img only</a>',
  '<a href="//evil.example/">protocol-relative</a>',
  '<a href="https://example.org" onclick="alert(1)" style="position:fixed">x</a>',
  '<a href="https://example.org" target="_self">x</a>',
  '<svg onload=alert(1)><script>alert(2)</script></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">x</maction></math>',
  '<math><mi//xlink:href="data:x,<script>alert(1)</script>">',
  '<iframe src="https://evil.example"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<frameset><frame src="javascript:alert(1)"></frameset>',
  '<form action="https://evil.example"><input name=q autofocus onfocus=alert(1)><button formaction=javascript:alert(1)>go</button></form>',
  '<input type="image" src=x onerror=alert(1)>',
  '<input type="text" value="x" onfocus="alert(1)" autofocus>',
  '<textarea autofocus onfocus=alert(1)>x</textarea>',
  '<select onfocus=alert(1) autofocus><option>x</option></select>',
  '<style>@import "https://evil.example/x.css"; body { display: none }</style>',
  '<link rel="stylesheet" href="https://evil.example/x.css">',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<p style="position:fixed;top:0;left:0;width:100%;height:100%">overlay</p>',
  '<td style="text-align:center;background-image:url(x)">cell</td>',
  '<base href="https://evil.example/">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<object data="https://evil.example/x.swf"></object>',
  '<embed src="https://evil.example/x.swf">',
  '<applet code="x.class"></applet>',
  '<details open ontoggle=alert(1)><summary>s</summary>d</details>',
  '<div onclick="alert(1)" class="callout overlay">x</div>',
  '<body onload=alert(1)>',
  '<video><source onerror=alert(1)></video>',
  '<audio src=x onerror=alert(1)>',
  '<marquee onstart=alert(1)>x</marquee>',
  '<template><script>alert(1)</script></template>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<xmp><img src=x onerror=alert(1)></xmp>',
  '<!--<img src=x onerror=alert(1)>-->',
  '<![CDATA[<script>alert(1)</script>]]>',
  '<h2 id="app-root">clobber</h2>',
  '<a id="store" name="store">clobber</a>',
  '<img name="getElementById" src="x">',
  '"><script>alert(1)</script>',
  '<a href="#/note/x" data-note-id="x" onmouseover="alert(1)">in-app</a>',
  '<a href="https://example.org/&quot; onmouseover=&quot;alert(1)">quote breakout</a>',
];

describe('sanitizeNoteHtml', () => {
  it('the safety check used below does catch real vectors', () => {
    expect(executableVectors('<img src=x onerror=alert(1)>')).not.toEqual([]);
    expect(executableVectors('<a href="java&#x09;script:alert(1)">x</a>')).not.toEqual([]);
    expect(executableVectors('<iframe src="x"></iframe>')).not.toEqual([]);
    expect(executableVectors('<p style="position:fixed">x</p>')).not.toEqual([]);
    expect(executableVectors('<a href="https://x" target="_blank">x</a>')).not.toEqual([]);
    expect(executableVectors('<img src="data:text/html,x">')).not.toEqual([]);
    expect(executableVectors('<p>fine <a href="https://x">x</a> <img src="data:image/png;base64,AA"></p>')).toEqual([]);
    expect(decodeEntities('java&#x09;script&colon;')).toBe('java\tscript:');
  });

  it.each(PAYLOADS)('leaves no executable vector in %s', (payload) => {
    const html = sanitizeNoteHtml(payload);
    expect(executableVectors(html)).toEqual([]);
    expect(html).not.toMatch(/alert\(1\)["']?\s*>/); // no attribute value that still carries the payload into a tag
  });

  it.each(PAYLOADS)('leaves no executable vector in %s inside Markdown structure', (payload) => {
    const html = sanitizeNoteHtml(`<ul><li>${payload}</li></ul><table><tr><td>${payload}</td></tr></table><blockquote>${payload}</blockquote>`);
    expect(executableVectors(html)).toEqual([]);
  });

  it('is idempotent: sanitizing twice changes nothing', () => {
    for (const payload of PAYLOADS) {
      const once = sanitizeNoteHtml(payload);
      expect(sanitizeNoteHtml(once)).toBe(once);
    }
  });

  describe('keeps what notes legitimately need', () => {
    it.each([
      ['an inline data:image in img', '<img src="data:image/png;base64,iVBORw0KGgo=" alt="dot">', '<img src="data:image/png;base64,iVBORw0KGgo=" alt="dot" />'],
      // The app loads nothing from other hosts, so a remote image becomes a link the reader can follow.
      ['a web image, as a link', '<img src="https://example.org/a.png" alt="A chart" width="10">', '<a href="https://example.org/a.png" class="external" target="_blank" rel="noopener noreferrer">Image: A chart</a>'],
      ['a local image', '<img src="attachments/a.png" width="10">', '<img src="attachments/a.png" width="10" />'],
      ['an in-app link', '<a href="#/note/x" class="wikilink" data-note-id="x">x</a>', '<a href="#/note/x" class="wikilink" data-note-id="x">x</a>'],
      ['a mail link', '<a href="mailto:a@example.org">mail</a>', '<a href="mailto:a@example.org">mail</a>'],
      ['a heading id, prefixed', '<h2 id="intro">Intro</h2>', '<h2 id="h-intro">Intro</h2>'],
      ['an already prefixed heading id', '<h3 id="h-x">X</h3>', '<h3 id="h-x">X</h3>'],
      ['a foldable callout', '<details class="callout" data-callout="tip" open><summary class="callout-title">T</summary></details>', '<details class="callout" data-callout="tip" open><summary class="callout-title">T</summary></details>'],
      ['table alignment', '<td style="text-align:center">c</td>', '<td style="text-align:center">c</td>'],
      ['code language classes', '<pre><code class="language-ts">x</code></pre>', '<pre><code class="language-ts">x</code></pre>'],
      ['inline formatting', '<p><b>b</b> <i>i</i> <mark>m</mark> <kbd>k</kbd> <sub>2</sub></p>', '<p><b>b</b> <i>i</i> <mark>m</mark> <kbd>k</kbd> <sub>2</sub></p>'],
    ])('%s', (_name, input, output) => {
      expect(sanitizeNoteHtml(input)).toBe(output);
    });

    it('opens web links in a new tab with rel="noopener noreferrer"', () => {
      expect(sanitizeNoteHtml('<a href="https://example.org">x</a>')).toBe('<a href="https://example.org" target="_blank" rel="noopener noreferrer">x</a>');
      expect(sanitizeNoteHtml('<a href="http://example.org" target="_self" rel="opener">x</a>')).toBe(
        '<a href="http://example.org" target="_blank" rel="noopener noreferrer">x</a>',
      );
    });

    it('keeps only the classes the app styles', () => {
      expect(sanitizeNoteHtml('<span class="wikilink ghost app-header hidden">x</span>')).toBe('<span class="wikilink ghost">x</span>');
    });

    it('turns any input into a disabled, read-only checkbox', () => {
      expect(sanitizeNoteHtml('<input type="text" value="x" checked>')).toBe('<input type="checkbox" disabled checked />');
    });

    it('keeps the text of a dropped form but not the form', () => {
      expect(sanitizeNoteHtml('<form><label>Name</label></form>')).toBe('Name');
    });
  });
});
