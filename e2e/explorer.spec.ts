// The explorer against a small fixture vault: map, panel, links, deep links, history, search, filters.
import { expect, test } from '@playwright/test';
import { clickNode, noteTitle, visibleNodeIds, waitForMap, watchErrors } from './support.ts';

const APP = '/small/index.html';

test.describe('explorer on the small vault', () => {
  let errors: string[];
  test.beforeEach(({ page }) => {
    errors = watchErrors(page);
  });
  test.afterEach(() => {
    expect(errors, 'console errors').toEqual([]);
  });

  test('the map renders every node in the graph JSON', async ({ page, request }) => {
    const graph = await (await request.get('/small/atlas/graph.json')).json();
    await page.goto(APP);
    await waitForMap(page);
    expect(await page.evaluate(() => window.topicAtlas.nodeCount())).toBe(graph.nodes.length);
    expect(graph.nodes.length).toBe(10); // 8 notes + 2 ghosts
    await expect(page.getByRole('heading', { name: 'Small test vault' })).toBeVisible();
  });

  test('clicking a node opens its panel and puts it in the URL', async ({ page }) => {
    await page.goto(APP);
    await waitForMap(page);
    await clickNode(page, 'topics.hermit_crabs');
    await expect(noteTitle(page)).toHaveText('Hermit crabs');
    await expect(page).toHaveURL(/#\/note\/topics\.hermit_crabs$/);
    await expect(page.locator('.note-body')).toContainText('Hermit crabs borrow empty shells');
  });

  test('a press held on a note without a release does not freeze the map', async ({ page }) => {
    await page.goto(APP);
    await waitForMap(page);
    const id = (await visibleNodeIds(page))[0]!;
    await page.waitForTimeout(400);
    const at = (await page.evaluate((nodeId) => window.topicAtlas.nodePagePosition(nodeId), id))!;
    await page.mouse.move(at.x, at.y);
    await page.mouse.down(); // the map holds its redraws while a click may be under way...
    await page.waitForTimeout(1500); // ...but not for a press held this long (the release may never come)
    await page.evaluate(() => {
      const host = [...document.querySelectorAll('.map *')].find((e) => '_cyreg' in e) as unknown as { _cyreg: { cy: { on(event: string, f: () => void): void } } };
      (window as unknown as { renders: number }).renders = 0;
      host._cyreg.cy.on('render', () => (window as unknown as { renders: number }).renders++);
    });
    await page.keyboard.press('+');
    await expect.poll(() => page.evaluate(() => (window as unknown as { renders: number }).renders)).toBeGreaterThan(0);
    await page.mouse.up();
  });

  test('a wikilink in the panel moves to that note; back and forward walk the trail', async ({ page }) => {
    await page.goto(`${APP}#/note/topics.tide_pools`);
    await expect(noteTitle(page)).toHaveText('Tide pools');
    await page.locator('.note-body a.wikilink', { hasText: 'sea anemones' }).click();
    await expect(noteTitle(page)).toHaveText('Sea anemones');
    await expect(page).toHaveURL(/#\/note\/topics\.sea_anemones$/);
    await page.locator('.note-body a.wikilink', { hasText: 'hermit crabs' }).click();
    await expect(noteTitle(page)).toHaveText('Hermit crabs');

    await page.goBack();
    await expect(noteTitle(page)).toHaveText('Sea anemones');
    await page.goBack();
    await expect(noteTitle(page)).toHaveText('Tide pools');
    await page.goForward();
    await expect(noteTitle(page)).toHaveText('Sea anemones');
  });

  test('a deep link opens the note selected and centred, with its view state', async ({ page }) => {
    await page.goto(`${APP}#/note/topics.kelp_forests?local=1&hide=ghosts`);
    await expect(noteTitle(page)).toHaveText('Kelp forests');
    await waitForMap(page);
    await expect.poll(() => visibleNodeIds(page)).toEqual(['episodes.shore_walk', 'topics.kelp_forests', 'topics.tide_pools']);
    await expect(page.getByRole('button', { name: 'Local graph' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('checkbox', { name: 'Missing notes' })).not.toBeChecked();
    // Centred: the node sits in the middle of the map area.
    await page.waitForTimeout(800);
    const map = (await page.locator('.map').boundingBox())!;
    const position = (await page.evaluate(() => window.topicAtlas.nodePagePosition('topics.kelp_forests')))!;
    expect(Math.abs(position.x - (map.x + map.width / 2))).toBeLessThan(map.width / 4);
    expect(Math.abs(position.y - (map.y + map.height / 2))).toBeLessThan(map.height / 4);
  });

  test('the panel shows metadata, tags, backlinks with context, and unresolved links', async ({ page }) => {
    await page.goto(`${APP}#/note/episodes.shore_walk`);
    await expect(noteTitle(page)).toHaveText('A walk along the shore');
    await expect(page.getByRole('link', { name: /Watch the episode \(Xy12_ab-CD3\)/ })).toHaveAttribute('href', 'https://www.youtube.com/watch?v=Xy12_ab-CD3');
    await expect(page.locator('.metadata')).toContainText('guest');
    await expect(page.locator('.note-body .callout-title')).toHaveText('Summary');
    await expect(page.locator('.note-body')).toContainText('A calm morning walk—and a reminder'); // mojibake repaired
    await expect(page.getByRole('region', { name: 'Unresolved links' })).toContainText('Ocean currents');

    await page.goto(`${APP}#/note/topics.tide_pools`);
    const backlinks = page.getByRole('region', { name: 'Backlinks' });
    await expect(backlinks.getByRole('link', { name: 'Sea anemones' })).toBeVisible();
    await expect(backlinks).toContainText('They live in tide pools');
    await page.locator('.tags').getByRole('button', { name: '#coast' }).click();
    await expect(page).toHaveURL(/tag=coast/);
    await expect.poll(() => visibleNodeIds(page)).toEqual(['topics.tide_pools']);
  });

  test("a ghost node's panel says it does not exist and lists who links to it", async ({ page }) => {
    await page.goto(`${APP}#/note/ghost~ocean-currents`);
    await expect(noteTitle(page)).toHaveText('Ocean currents');
    await expect(page.locator('.ghost-notice')).toContainText('does not exist yet');
    const linkedFrom = page.getByRole('region', { name: 'Linked from' });
    await expect(linkedFrom.getByRole('link')).toHaveText(['A walk along the shore', 'Hermit crabs', 'Tide pools']);
  });

  test('search finds a note by a misspelt title, and keyboard opens it', async ({ page }) => {
    await page.goto(APP);
    await waitForMap(page);
    await page.keyboard.press('/');
    const box = page.getByRole('combobox', { name: 'Search notes' });
    await expect(box).toBeFocused();
    await box.fill('hermt crbs');
    await expect(page.getByRole('listbox', { name: 'Results' }).getByRole('option').first()).toContainText('Hermit crabs');
    await page.keyboard.press('Enter');
    await expect(noteTitle(page)).toHaveText('Hermit crabs');
    await expect(page.getByRole('dialog')).toHaveCount(0);

    await page.keyboard.press('Control+k');
    await page.getByRole('combobox', { name: 'Search notes' }).fill('rock pools'); // an alias
    await expect(page.getByRole('listbox', { name: 'Results' }).getByRole('option').first()).toContainText('Tide pools');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });

  test('local mode and filters change what the map shows', async ({ page }) => {
    await page.goto(APP);
    await waitForMap(page);
    expect(await visibleNodeIds(page)).toHaveLength(10);

    await page.getByRole('checkbox', { name: 'Missing notes' }).uncheck();
    await expect.poll(async () => (await visibleNodeIds(page)).filter((id) => id.startsWith('ghost~'))).toEqual([]);
    await page.getByRole('checkbox', { name: 'Unlinked notes' }).uncheck();
    await expect.poll(() => visibleNodeIds(page)).not.toContain('lonely_note');
    await expect(page).toHaveURL(/hide=ghosts,orphans/);

    await page.getByRole('button', { name: /^people/ }).click();
    await expect.poll(() => visibleNodeIds(page)).not.toContain('people.marine-biologist');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => visibleNodeIds(page)).toHaveLength(10);

    await clickNode(page, 'topics.kelp_forests');
    await expect(noteTitle(page)).toHaveText('Kelp forests');
    await page.getByRole('button', { name: 'Local graph' }).click();
    await expect.poll(() => visibleNodeIds(page)).toEqual(['episodes.shore_walk', 'topics.kelp_forests', 'topics.tide_pools']);
    await page.getByRole('slider').fill('2');
    await expect(page).toHaveURL(/local=2/);
    await expect.poll(async () => (await visibleNodeIds(page)).length).toBeGreaterThan(4);
    await page.getByRole('button', { name: 'Local graph' }).click();
    await expect.poll(() => visibleNodeIds(page)).toHaveLength(10);
  });

  test('an unknown id or a hostile hash shows "note not found" with the closest titles', async ({ page }) => {
    await page.goto(`${APP}#/note/topics.hermit_crab`);
    await expect(page.getByRole('heading', { name: 'Note not found' })).toBeVisible();
    await expect(page.locator('.not-found').getByRole('link', { name: 'Hermit crabs' })).toBeVisible();

    await page.goto(`${APP}#/note/%E0%A4%A`);
    await expect(page.getByRole('heading', { name: 'Note not found' })).toBeVisible();
    await page.goto(`${APP}#/note/<img src=x onerror=alert(1)>`);
    await expect(page.getByRole('heading', { name: 'Note not found' })).toBeVisible();
    await expect(page.locator('.not-found code')).toHaveText('<img src=x onerror=alert(1)>');
    await waitForMap(page);
  });

  test('copy link copies the deep link', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(`${APP}#/note/topics.sea_anemones?hide=orphans`);
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect(page.getByRole('button', { name: 'Link copied' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/\/small\/index\.html#\/note\/topics\.sea_anemones\?hide=orphans$/);
  });

  test('the panel and the filters box collapse, and the panel becomes a bottom sheet on a narrow screen', async ({ page }) => {
    await page.goto(`${APP}#/note/topics.sea_anemones`);
    await expect(noteTitle(page)).toBeVisible();
    await page.getByRole('button', { name: 'Hide the note panel' }).click();
    await expect(noteTitle(page)).toBeHidden();
    await page.getByRole('button', { name: 'Show the note panel' }).click();
    await expect(noteTitle(page)).toBeVisible();

    // The filters and legend box folds to its title, and says when filters are on.
    const filters = page.getByRole('region', { name: 'Filters and legend' });
    const open = (await filters.boundingBox())!;
    await page.getByLabel('Missing notes').uncheck();
    await filters.getByRole('button', { name: /Filters and legend/ }).click();
    await expect(page.getByLabel('Missing notes')).toBeHidden();
    await expect(filters.getByRole('button', { name: 'Filters and legend (on)' })).toHaveAttribute('aria-expanded', 'false');
    expect((await filters.boundingBox())!.height).toBeLessThan(open.height / 3);
    await filters.getByRole('button', { name: /Filters and legend/ }).click();
    await expect(page.getByLabel('Missing notes')).not.toBeChecked();

    await page.setViewportSize({ width: 390, height: 800 });
    const panel = (await page.getByRole('complementary', { name: 'Note panel' }).boundingBox())!;
    expect(panel.y).toBeGreaterThan(300);
    expect(panel.width).toBeGreaterThan(380);
  });
});
