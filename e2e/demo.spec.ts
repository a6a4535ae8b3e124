// Smoke test on the demo vault, and the screenshots the README shows.
import { expect, test } from '@playwright/test';
import { clickNode, noteTitle, waitForMap, watchErrors } from './support.ts';

/** Screenshots go to test-results/; with UPDATE_SCREENSHOTS=1 they also refresh the README's copies in docs/. */
const shot = (name: string) => (process.env.UPDATE_SCREENSHOTS ? `docs/${name}` : `test-results/${name}`);

test('the demo vault opens as a map, a note opens, and nothing is requested from other hosts', async ({ page, request }) => {
  const errors = watchErrors(page);
  const foreign: string[] = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.protocol !== 'data:' && url.hostname !== '127.0.0.1') foreign.push(req.url());
  });
  const graph = await (await request.get('/demo/atlas/graph.json')).json();
  expect(graph.nodes.length).toBeGreaterThanOrEqual(40);

  await page.goto('/demo/index.html');
  await waitForMap(page);
  expect(await page.evaluate(() => window.topicAtlas.nodeCount())).toBe(graph.nodes.length);
  await expect(page.getByRole('heading', { level: 2 })).toContainText('demo');
  await page.waitForTimeout(500);
  await page.screenshot({ path: shot('screenshot-overview.png') });

  await clickNode(page, 'topics.ai_alignment_and_safety');
  await expect(noteTitle(page)).toHaveText('AI alignment and safety');
  await expect(page.getByRole('region', { name: 'Backlinks' }).getByRole('link').first()).toBeVisible();
  await page.waitForTimeout(600);
  await page.screenshot({ path: shot('screenshot.png') });

  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/demo/index.html#/note/episodes.legg_path_to_agi?local=2');
  await expect(noteTitle(page)).toContainText('Shane Legg');
  await expect(page.locator('.note-body')).toContainText('since he first published it—a rough even chance'); // mojibake repaired
  await page.waitForTimeout(900);
  await page.screenshot({ path: shot('screenshot-dark-local.png') });

  expect(errors).toEqual([]);
  expect(foreign).toEqual([]);
});

test('no two labels on the demo map overlap, and zooming in shows more of them', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/demo/index.html');
  await waitForMap(page);
  const labels = () => page.evaluate(() => window.topicAtlas.labelBoxes());
  const overlapping = (boxes: Awaited<ReturnType<typeof labels>>) => {
    const pairs: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        // Cytoscape's label box includes the outline; a pixel of touching outlines is not an overlap.
        if (a.x1 < b.x2 - 1 && b.x1 < a.x2 - 1 && a.y1 < b.y2 - 1 && b.y1 < a.y2 - 1) pairs.push(`${a.id} / ${b.id}`);
      }
    }
    return pairs;
  };
  await expect.poll(async () => (await labels()).length).toBeGreaterThan(10);
  const overview = await labels();
  expect(overlapping(overview)).toEqual([]);

  for (let i = 0; i < 3; i++) await page.keyboard.press('+');
  await expect.poll(async () => (await labels()).filter((box) => box.x2 > 0 && box.y2 > 0).length).toBeGreaterThan(0);
  await page.waitForTimeout(600); // the labels are placed once the view settles
  const zoomed = await labels();
  expect(overlapping(zoomed)).toEqual([]);
  // Labels stay at a readable size while the notes spread apart: more of them fit in the same part of the map.
  const inView = (boxes: typeof zoomed) => boxes.filter((box) => box.x1 >= 0 && box.y1 >= 0 && box.x2 <= 800 && box.y2 <= 800).length;
  expect(inView(zoomed) + zoomed.length).toBeGreaterThan(overview.length);

  // Selecting the vault's hub lights up most of the map: its neighbours' labels come first, still without overlaps.
  await page.keyboard.press('0');
  await clickNode(page, 'topics.ai_alignment_and_safety');
  await expect(noteTitle(page)).toHaveText('AI alignment and safety');
  await page.waitForTimeout(1200); // centring, then the settled view's labels
  const selected = await labels();
  expect(selected.map((box) => box.id)).toContain('topics.ai_alignment_and_safety');
  expect(overlapping(selected)).toEqual([]);
  expect(errors).toEqual([]);
});

test('the filters box covers no note when the map opens, and Fit keeps them clear of it', async ({ page }) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/demo/index.html');
  await waitForMap(page);
  const filters = page.getByRole('region', { name: 'Filters and legend' });
  const notesUnder = async () => {
    const box = (await filters.boundingBox())!;
    return page.evaluate(({ x, y, width, height }) => {
      const probe = window.topicAtlas;
      return probe.visibleNodeIds().filter((id) => {
        const at = probe.nodePagePosition(id);
        return at !== undefined && at.x >= x && at.x <= x + width && at.y >= y && at.y <= y + height;
      });
    }, box);
  };
  expect(await page.evaluate(() => window.topicAtlas.visibleNodeIds().length)).toBeGreaterThan(60);
  expect(await notesUnder()).toEqual([]);

  // Folded, the box is one line at the bottom: Fit then uses the map's whole width, zooming closer than before.
  const fitted = () => page.evaluate(() => window.topicAtlas.zoom());
  const openZoom = await fitted();
  const toggle = filters.getByRole('button', { name: /Filters and legend/ });
  await toggle.click();
  await page.getByRole('button', { name: 'Fit' }).click();
  await expect.poll(fitted).toBeGreaterThan(openZoom * 1.1);
  await page.waitForTimeout(400); // the camera's animation
  expect(await notesUnder()).toEqual([]);

  // Opened again, the box lies over notes (the camera stays where the user left it); Fit clears them again.
  await toggle.click();
  await expect.poll(notesUnder).not.toEqual([]);
  await page.getByRole('button', { name: 'Fit' }).click();
  await expect.poll(notesUnder).toEqual([]);

  // A clicked note is centred in the part of the map the box leaves, as a deep-linked one is.
  await clickNode(page, 'topics.ai_alignment_and_safety');
  await expect(noteTitle(page)).toHaveText('AI alignment and safety');
  await page.waitForTimeout(600); // the camera's animation
  const [map, box] = [(await page.locator('.map').boundingBox())!, (await filters.boundingBox())!];
  const at = (await page.evaluate(() => window.topicAtlas.nodePagePosition('topics.ai_alignment_and_safety')))!;
  const uncovered = box.x + box.width + (map.x + map.width - (box.x + box.width)) / 2;
  expect(Math.abs(at.x - uncovered)).toBeLessThan(16);
  expect(Math.abs(at.y - (map.y + map.height / 2))).toBeLessThan(16);
  expect(errors).toEqual([]);
});
