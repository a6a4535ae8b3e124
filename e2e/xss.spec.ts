// XSS end to end. The hostile vault (e2e/fixtures/xss-vault) is compiled by e2e/serve.ts and opened in one page:
// the overview, every node's panel, search, hostile hashes and clicks inside note bodies. Nothing in it may run
// (no dialog, no `window.__xss`), load from another host, navigate away, leave a script, handler or dangerous element
// in the DOM, or need the CSP to stop it; and hostile names must still show, as escaped text.
import { expect, test, type Page } from '@playwright/test';
import { nodeFromTuple, readPageFile } from '../src/shared/graphFormat.ts';
import type { NodeTuple } from '../src/shared/schema.ts';
import { clickNode, waitForMap } from './support.ts';

const APP = '/xss/index.html';

/** Relative `<img src>`s a note may keep (notes reference their images by path); in this vault they 404. */
const BROKEN_IMAGES = new Set(['/xss/x', '/xss/1']);

/** What src/compiler/sanitize.ts lets a note keep. Anything else inside `.note-body` means the allowlist leaked. */
const NOTE_TAGS = [
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'pre', 'code', 'em', 'strong', 'b', 'i', 'u', 's', 'del', 'ins', 'mark',
  'sub', 'sup', 'small', 'kbd', 'abbr', 'q', 'cite', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
  'caption', 'a', 'img', 'span', 'div', 'details', 'summary', 'figure', 'figcaption', 'input',
];
const NOTE_ATTRIBUTES = [
  'href', 'title', 'class', 'data-note-id', 'data-heading', 'data-tag', 'rel', 'target', 'src', 'alt', 'width', 'height', 'data-callout', 'open',
  'start', 'style', 'type', 'checked', 'disabled', 'id',
];
const NOTE_CLASSES = [
  'wikilink', 'ghost', 'embed', 'tag', 'external', 'attachment', 'callout', 'callout-title', 'callout-content', 'task-list-container',
  'task-list-item', 'task-list-item-checkbox',
];

interface NotePageJson {
  backlinks: { title: string }[];
  outgoing: { title: string }[];
  unresolved: { title: string }[];
}

declare global {
  interface Window {
    __xss?: unknown;
    __xssCalls: string[];
    __cspViolations: string[];
  }
}

/** Runs in every frame before any page script: dialogs become records, CSP violations are kept. */
function trapDialogs(): void {
  const calls: string[] = [];
  const violations: string[] = [];
  Object.defineProperty(window, '__xssCalls', { value: calls });
  Object.defineProperty(window, '__cspViolations', { value: violations });
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    Object.defineProperty(window, name, {
      configurable: true,
      writable: true,
      value: (...args: unknown[]) => {
        calls.push(`${name}(${args.map(String).join(', ')})`);
        return name === 'prompt' ? null : name === 'confirm' ? false : undefined;
      },
    });
  }
  document.addEventListener('securitypolicyviolation', (event) => {
    // zod's one-time `new Function('')` probe (caught by zod; it then validates without JIT) is the app's own, not a note's.
    const zodProbe = event.blockedURI === 'eval' && /\/assets\/index-[\w-]+\.js$/.test(event.sourceFile);
    if (!zodProbe) violations.push(`${event.violatedDirective} ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`);
  });
}

/** Everything wrong with the current DOM, as readable strings (empty when clean). */
function domProblems(page: Page): Promise<string[]> {
  return page.evaluate(
    ({ tags, attributes, classes }) => {
      const problems: string[] = [];
      const show = (el: Element) => el.outerHTML.slice(0, 200);
      const noteTags = new Set(tags);
      const noteAttributes = new Set(attributes);
      const noteClasses = new Set(classes);

      for (const script of Array.from(document.scripts)) {
        const own = script.type === 'module' && script.parentElement === document.head && /\/assets\/index-[\w-]+\.js$/.test(script.src);
        if (!own) problems.push(`script element: ${show(script)}`);
      }
      for (const el of Array.from(document.querySelectorAll('*'))) {
        for (const attr of Array.from(el.attributes)) {
          if (/^on/i.test(attr.name)) problems.push(`${attr.name} attribute: ${show(el)}`);
          // As a browser reads a URL: tabs, newlines and other control characters and spaces do not count.
          const url = Array.from(attr.value).filter((c) => c.charCodeAt(0) > 0x20).join('');
          if (/^(href|src|action|formaction|data|xlink:href|poster|background|srcdoc|srcset)$/i.test(attr.name) && /^(javascript|vbscript|livescript|data:text)/i.test(url)) {
            problems.push(`script URL in ${attr.name}: ${show(el)}`);
          }
        }
      }
      for (const el of Array.from(document.querySelectorAll('a[href^="javascript:" i]'))) problems.push(`javascript: link: ${show(el)}`);
      for (const link of Array.from(document.querySelectorAll<HTMLAnchorElement>('a[href]'))) {
        if (!['http:', 'https:', 'mailto:'].includes(new URL(link.href).protocol)) problems.push(`link scheme: ${show(link)}`);
      }
      const banned = 'iframe, frame, frameset, object, embed, applet, portal, form, base, link[rel="import" i], meta[http-equiv="refresh" i], body meta, noscript, template';
      for (const el of Array.from(document.querySelectorAll(banned))) problems.push(`banned element: ${show(el)}`);
      if (document.title !== 'Topic Atlas') problems.push(`document.title changed to ${document.title}`);
      if (document.getElementById('root')?.parentElement !== document.body) problems.push('#root is not the app root');
      if (document.querySelectorAll('[id="root"], [id="note-title"], [id="panel-content"]').length > 3) problems.push('an app id is duplicated');

      const dangerous = '.note-body :is(script, style, link, meta, base, iframe, frame, object, embed, form, svg, math, textarea, select, button)';
      for (const el of Array.from(document.querySelectorAll(dangerous))) problems.push(`dangerous element in a note: ${show(el)}`);
      for (const body of Array.from(document.querySelectorAll('.note-body'))) {
        for (const el of Array.from(body.querySelectorAll('*'))) {
          const tag = el.localName;
          if (!noteTags.has(tag) || el.namespaceURI !== 'http://www.w3.org/1999/xhtml') problems.push(`element not in the allowlist: ${show(el)}`);
          for (const attr of Array.from(el.attributes)) {
            if (!noteAttributes.has(attr.name)) problems.push(`attribute not in the allowlist: ${attr.name} on ${show(el)}`);
          }
          for (const name of Array.from(el.classList)) {
            if (!noteClasses.has(name) && !/^language-/.test(name)) problems.push(`class not in the allowlist: ${name} on ${show(el)}`);
          }
          if (el.id && !el.id.startsWith('h-')) problems.push(`unprefixed id: ${show(el)}`);
          const style = el.getAttribute('style');
          if (style !== null && !/^text-align:\s*(left|right|center);?$/i.test(style.trim())) problems.push(`style: ${show(el)}`);
          if (tag === 'input' && !((el as HTMLInputElement).type === 'checkbox' && (el as HTMLInputElement).disabled)) problems.push(`live input: ${show(el)}`);
          if (tag === 'img') {
            const src = el.getAttribute('src');
            const url = src === null ? undefined : new URL((el as HTMLImageElement).src);
            if (url && !(url.origin === location.origin || (url.protocol === 'data:' && /^data:image\//i.test(src ?? '')))) problems.push(`image from elsewhere: ${show(el)}`);
          }
        }
      }
      return problems;
    },
    { tags: NOTE_TAGS, attributes: NOTE_ATTRIBUTES, classes: NOTE_CLASSES },
  );
}

interface Seen {
  dialogs: string[];
  errors: string[];
  foreignRequests: string[];
  failedResponses: string[];
  navigations: string[];
  popups: string[];
}

/** Nothing ran, loaded from elsewhere, failed, or navigated, and the DOM is clean. */
async function expectNothingHappened(page: Page, seen: Seen, where: string): Promise<void> {
  const state = await page.evaluate(() => ({ xss: typeof window.__xss, calls: window.__xssCalls, csp: window.__cspViolations }));
  expect.soft(state.xss, `window.__xss after ${where}`).toBe('undefined');
  expect.soft(state.calls, `alert/confirm/prompt/print calls after ${where}`).toEqual([]);
  expect.soft(state.csp, `CSP violations after ${where} (the sanitizer should leave the CSP nothing to block)`).toEqual([]);
  expect.soft(seen.dialogs, `dialogs after ${where}`).toEqual([]);
  expect.soft(seen.foreignRequests, `requests to other hosts after ${where}`).toEqual([]);
  expect.soft(seen.navigations, `navigations away after ${where}`).toEqual([]);
  expect.soft(seen.popups, `popups after ${where}`).toEqual([]);
  expect.soft(seen.failedResponses, `failed responses after ${where}`).toEqual([]);
  expect.soft(seen.errors, `console errors after ${where}`).toEqual([]);
  expect.soft(await domProblems(page), `DOM problems after ${where}`).toEqual([]);
}

async function openNote(page: Page, id: string): Promise<void> {
  await page.evaluate((hash) => (window.location.hash = hash), `#/note/${id}`);
  // The Backlinks list is always there once the note's page has loaded.
  await expect(page.locator(`article.note[data-note-id="${id}"] .link-list`).first()).toBeVisible();
}

/** Fire the events inline handlers would listen for on every element of the note, then hover and click for real. */
async function provokeNoteBody(page: Page): Promise<void> {
  await page.evaluate(() => {
    const types = ['mouseover', 'mouseenter', 'pointerover', 'pointerenter', 'mousemove', 'focus', 'focusin', 'toggle', 'load', 'error', 'animationstart', 'start'];
    for (const el of Array.from(document.querySelectorAll('.note-body, .note-body *'))) {
      for (const type of types) el.dispatchEvent(new Event(type));
    }
    for (const details of Array.from(document.querySelectorAll<HTMLDetailsElement>('.note-body details'))) details.open = !details.open;
  });
  const links = page.locator('.note-body a');
  const visible = await links.evaluateAll((all) => all.map((a) => (a as HTMLElement).checkVisibility()));
  for (let i = 0; i < visible.length; i++) {
    if (!visible[i]) continue;
    const link = links.nth(i);
    await link.hover();
    // Links whose href the sanitizer removed: a click must do nothing at all.
    if ((await link.getAttribute('href')) === null) await link.click();
  }
}

test('a hostile vault is shown as inert, escaped text', async ({ page, request, baseURL }) => {
  test.setTimeout(120_000);
  const origin = new URL(baseURL ?? 'http://127.0.0.1:4310').origin;
  const seen: Seen = { dialogs: [], errors: [], foreignRequests: [], failedResponses: [], navigations: [], popups: [] };

  await page.addInitScript(trapDialogs);
  page.on('dialog', (dialog) => {
    seen.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const source = message.location().url;
    const brokenImage = /^Failed to load resource: the server responded with a status of 404/.test(message.text()) && source.startsWith(origin) && BROKEN_IMAGES.has(new URL(source).pathname);
    if (!brokenImage) seen.errors.push(`${message.text()} (${source})`);
  });
  page.on('pageerror', (error) => seen.errors.push(`page error: ${error.message}`));
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(`${origin}/`) && !/^(data|blob|about):/.test(url)) seen.foreignRequests.push(url);
  });
  page.on('response', (res) => {
    const url = new URL(res.url());
    const expected = res.request().resourceType() === 'image' && url.origin === origin && BROKEN_IMAGES.has(url.pathname);
    if (res.status() >= 400 && !expected) seen.failedResponses.push(`${res.status()} ${res.request().resourceType()} ${res.url()}`);
  });
  page.on('framenavigated', (frame) => {
    const url = new URL(frame.url());
    if (frame === page.mainFrame() && (url.origin !== origin || url.pathname !== APP)) seen.navigations.push(frame.url());
  });
  page.on('popup', (popup) => seen.popups.push(popup.url()));
  // Belt and braces: nothing may leave the machine even if a request slips through (it is still recorded above).
  await page.route((url) => url.origin !== origin && /^https?:$/.test(url.protocol), (route) => route.abort());

  const file = (await (await request.get('/xss/atlas/graph.json')).json()) as { vaultName: string; nodes: NodeTuple[] };
  const graph = { ...file, nodes: file.nodes.map(nodeFromTuple) };
  const titles = new Set(graph.nodes.map((node) => node.title));
  const byId = new Map<string, (typeof graph.nodes)[number]>(graph.nodes.map((node) => [node.id, node]));
  expect(graph.nodes.length).toBeGreaterThanOrEqual(17);
  // The hostile names reached the data intact: what keeps them harmless must be escaping, not dropping.
  for (const [id, title, path] of [
    ['img-src-x-onerror-alert-1', '<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>.md'],
    ['svg-onload-alert-1', '"><svg onload=alert(1)>', '"><svg onload=alert(1)>.md'],
    ['script-alert-1.script', 'script>', '"><script>alert(1)</script>.md'],
    ['javascript-alert-1', 'javascript:alert(1)', 'javascript:alert(1).md'],
  ]) {
    expect(byId.get(id!), id).toMatchObject({ title, path });
  }

  await test.step('overview, legend and colours', async () => {
    await page.goto(APP);
    await waitForMap(page);
    await expect(page.locator('#overview-title')).toHaveText(graph.vaultName);
    const top = await page.locator('.top-notes a').allTextContents();
    expect(top.length).toBeGreaterThan(0);
    for (const title of top) expect.soft(titles.has(title), `most-linked title shown as text: ${title}`).toBe(true);
    expect.soft(top).toContain('<img src=x onerror=alert(1)>');
    // The hostile folder name is a legend entry, as text.
    await expect(page.locator('.legend')).toContainText('"><script>alert(1)<');
    const colourBy = page.locator('.colour-by select');
    await colourBy.selectOption('type');
    await expect(page.locator('.legend')).toContainText('<img src=x onerror=alert(1)>');
    await colourBy.selectOption('tag');
    await expect(page.locator('.legend')).toContainText('<svg/onload=alert(1)>');
    await colourBy.selectOption('folder');
    // A build warning names a hostile file; it is listed as text.
    await page.locator('.diagnostics summary').click();
    await expect(page.locator('.diagnostics code')).toHaveText(['"><svg onload=alert(1)>.md:2']);
    await expectNothingHappened(page, seen, 'the overview');
  });

  await test.step('every node in the panel', async () => {
    for (const node of graph.nodes) {
      await openNote(page, node.id);
      await expect.soft(page.locator('#note-title'), `title of ${node.id}`).toHaveJSProperty('textContent', node.title);
      await expect.soft(page.locator('.note-path'), `path of ${node.id}`).toHaveJSProperty('textContent', node.ghost ? 'Missing note' : node.path);
      expect.soft(await page.locator('.tags .tag-chip').allTextContents(), `tags of ${node.id}`).toEqual(node.tags.map((tag) => `#${tag}`));
      expect.soft(await page.locator('.metadata dt').allTextContents(), `metadata keys of ${node.id}`).toEqual(Object.keys(node.meta));
      const data = readPageFile(await (await request.get(`/xss/atlas/notes/${node.id}.txt`)).text()) as NotePageJson;
      const listed = await page.locator('.link-list a').evaluateAll((all) => all.map((a) => a.textContent));
      expect.soft(listed, `link lists of ${node.id}`).toEqual([...data.backlinks, ...data.outgoing, ...data.unresolved].map((link) => link.title));
      await provokeNoteBody(page);
      await expectNothingHappened(page, seen, `note ${node.id}`);
    }
  });

  await test.step('escaped text in note bodies and metadata', async () => {
    await openNote(page, 'hostile-wikilinks');
    const labels = await page.locator('.note-body a').allTextContents();
    expect.soft(labels).toContain('<img src=x onerror=alert(1)>');
    expect.soft(labels).toContain('<script>window.__xss=(window.__xss||0)+1</script>');
    expect.soft(labels).toContain('<script>alert(1)</script>');
    expect.soft(labels).toContain('"><script>alert(1)</script>');
    // A non-web URL in a wikilink is shown as text, never as a link.
    expect.soft(labels).not.toContain('javascript://%0aalert(1)');
    await expect.soft(page.locator('.note-body')).toContainText('javascript://%0aalert(1)');

    await openNote(page, 'code-shows-payloads-as-text');
    const code = await page.locator('.note-body code').allTextContents();
    expect.soft(code).toContain('<script>alert(1)</script>');
    expect.soft(code).toContain('<img src=x onerror=alert(1)>');

    await openNote(page, 'hostile-frontmatter');
    const meta = page.locator('.metadata');
    await expect.soft(meta.locator('dt', { hasText: '<img src=x onerror=alert(1)>' })).toHaveCount(1);
    const row = (key: string) => meta.locator('.meta-row').filter({ has: page.locator('dt').getByText(key, { exact: true }) }).locator('dd');
    await expect.soft(row('videoId')).toHaveText('"><img src=x onerror=alert(1)>');
    await expect.soft(row('videoId').locator('a')).toHaveCount(0);
    await expect.soft(row('homepage')).toHaveText('javascript:window.__xss=(window.__xss||0)+1');
    await expect.soft(row('homepage').locator('a')).toHaveCount(0);
    await expect.soft(row('on<b>click</b>')).toHaveText('<b onmouseover=alert(1)>bold?</b>');
    await expect.soft(row('nested')).toContainText("<iframe srcdoc='<script>alert(1)</script>'>");

    // A videoId that fits the pattern only ever becomes an https link to YouTube.
    await openNote(page, 'javascript-alert-1');
    await expect.soft(page.locator('.metadata a')).toHaveAttribute('href', 'https://www.youtube.com/watch?v=javascript');
    await expectNothingHappened(page, seen, 'the text checks');
  });

  await test.step('in-note links and tags stay inside the app', async () => {
    await openNote(page, 'hostile-wikilinks');
    const targets = await page.locator('.note-body a[data-note-id]').evaluateAll((all) => all.map((a) => a.getAttribute('data-note-id') ?? ''));
    expect(targets.length).toBeGreaterThan(10);
    for (let i = 0; i < targets.length; i++) {
      await openNote(page, 'hostile-wikilinks');
      await page.locator('.note-body a[data-note-id]').nth(i).click();
      await expect(page.locator(`article.note[data-note-id="${targets[i]}"]`)).toBeVisible();
    }
    // A raw `<a data-note-id="javascript:..." data-tag="<img ...>">`: not a note id, so its tag becomes the filter, as text.
    await openNote(page, 'link-schemes');
    await page.locator('.note-body a[data-tag]').click();
    await expect(page.locator('.tag-filter strong')).toHaveText('#<img src=x onerror=alert(1)>');
    await page.locator('.tag-filter button').click();
    await openNote(page, 'hostile-frontmatter');
    await page.locator('.tag-chip', { hasText: '#<svg/onload=alert(1)>' }).click();
    await expect(page.locator('.tag-filter strong')).toHaveText('#<svg/onload=alert(1)>');
    await page.locator('.tag-filter button').click();
    await expectNothingHappened(page, seen, 'clicking in-note links');
  });

  await test.step('search with hostile queries', async () => {
    await page.locator('.search-button').click();
    const box = page.locator('.search input[type="search"]');
    await box.fill('<img src=x onerror=alert(1)>');
    const hits = page.locator('.search-results .hit-title');
    await expect(hits.first()).toBeVisible();
    const found = await hits.allTextContents();
    for (const title of found) expect.soft(titles.has(title), `search hit shown as text: ${title}`).toBe(true);
    expect.soft(found).toContain('<img src=x onerror=alert(1)>');
    await box.fill('"><svg onload=alert(1)>');
    await expect(hits.first()).toBeVisible();
    expect.soft(await hits.allTextContents()).toContain('"><svg onload=alert(1)>');
    await box.fill('"><qqzx zzqv=qqxy>');
    await expect(page.locator('.search-results li.muted')).toHaveText('No notes match “"><qqzx zzqv=qqxy>”.');
    await box.fill('<script>alert(1)</script>');
    await expect(hits.first()).toBeVisible();
    await box.press('Enter');
    await expect(page.locator('.search')).toHaveCount(0);
    await expect(page.locator('#note-title')).toBeVisible();
    await expectNothingHappened(page, seen, 'search');
  });

  await test.step('hostile hashes', async () => {
    const hashes: [hash: string, shown: string][] = [
      ['#/note/<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
      ['#/note/%E0%A4%A', '%E0%A4%A'],
      ['#/"><script>alert(1)</script>', '"><script>alert(1)</script>'],
      ['#/note/javascript:alert(1)', 'javascript:alert(1)'],
      ['#javascript:alert(1)', 'javascript:alert(1)'],
      ['#/note/"><svg onload=alert(1)>?local=<b>&colour=<script>&hide=<img>&folders=-"><script>', '"><svg onload=alert(1)>'],
    ];
    for (const [hash, shown] of hashes) {
      await page.evaluate((h) => (window.location.hash = h), hash);
      await expect(page.locator('.not-found code'), hash).toContainText(shown);
      for (const title of await page.locator('.not-found li a').allTextContents()) {
        expect.soft(titles.has(title), `suggestion shown as text: ${title}`).toBe(true);
      }
      await expectNothingHappened(page, seen, `hash ${hash}`);
    }
    await page.evaluate(() => (window.location.hash = '#/?tag=<img src=x onerror=alert(1)>'));
    await expect(page.locator('.tag-filter strong')).toHaveText('#<img src=x onerror=alert(1)>');
    await expectNothingHappened(page, seen, 'a hostile tag in the URL');
    // A real note in local mode, with every other parameter hostile.
    await page.evaluate(() => (window.location.hash = '#/note/hostile-frontmatter?local=2&hide=ghosts,orphans,<b>&colour=tag&tag=<svg/onload=alert(1)>&folders=-"><script>alert(1)<'));
    await expect(page.locator('#note-title')).toHaveJSProperty('textContent', byId.get('hostile-frontmatter')?.title);
    await expect(page.locator('.tag-filter strong')).toHaveText('#<svg/onload=alert(1)>');
    await provokeNoteBody(page);
    await expectNothingHappened(page, seen, 'local mode with hostile filters');

    // The same on a fresh load, where the hash is read before the data arrives.
    await page.evaluate(() => (window.location.hash = '#/note/<img src=x onerror=alert(1)>'));
    await page.reload();
    await expect(page.locator('.not-found code')).toHaveText('<img src=x onerror=alert(1)>');
    await waitForMap(page);
    await expectNothingHappened(page, seen, 'a reload on a hostile hash');
  });

  await test.step('a hostile node clicked on the map', async () => {
    await page.evaluate(() => (window.location.hash = '#/'));
    await expect(page.locator('#overview-title')).toBeVisible();
    await clickNode(page, 'img-src-x-onerror-alert-1');
    await expect(page.locator('#note-title')).toHaveJSProperty('textContent', '<img src=x onerror=alert(1)>');
    await expectNothingHappened(page, seen, 'clicking the map');
  });
});
