// The map is drawn as a still picture from the compiled positions as soon as the graph is loaded; Cytoscape's
// live map then replaces it in place. Here the live map's code is held back so the picture can be compared.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { noteTitle, waitForMap, watchErrors } from './support.ts';

/** How much of `live` is drawn (not background), and how much of that `picture` draws differently. */
function compare(page: Page, picture: Buffer, live: Buffer): Promise<{ inked: number; differing: number }> {
  return page.evaluate(
    async ([pictureData, liveData]) => {
      const pixels = async (base64: string) => {
        const image = new Image();
        image.src = `data:image/png;base64,${base64}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        return context.getImageData(0, 0, image.width, image.height).data;
      };
      const [a, b] = await Promise.all([pixels(pictureData), pixels(liveData)]);
      const far = (p: Uint8ClampedArray, i: number, r: number, g: number, bl: number) => Math.max(Math.abs(p[i]! - r), Math.abs(p[i + 1]! - g), Math.abs(p[i + 2]! - bl)) > 60;
      const [r, g, bl] = [b[0]!, b[1]!, b[2]!]; // the map's background, at its top-left corner
      let inked = 0;
      let differing = 0;
      for (let i = 0; i < b.length; i += 4) {
        if (far(b, i, r, g, bl)) inked++;
        if (far(a, i, b[i]!, b[i + 1]!, b[i + 2]!)) differing++;
      }
      return { inked, differing };
    },
    [picture.toString('base64'), live.toString('base64')] as const,
  );
}

/** Holds back the live map's code until the returned function is called. */
async function holdLiveMap(page: Page): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/MapView-[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** Opens the demo with the live map held back, once its picture is on screen. */
async function openWithLiveMapHeld(page: Page): Promise<{ release: () => void; picture: Locator }> {
  const release = await holdLiveMap(page);
  await page.goto('/demo/index.html');
  const picture = page.locator('canvas.map-preview');
  await expect(picture).toBeVisible();
  return { release, picture };
}

test('the map shows as a picture before its live version loads, and the live map replaces it in place', async ({ page }) => {
  const errors = watchErrors(page);
  const { release, picture } = await openWithLiveMapHeld(page);
  await expect(page.locator('.map')).toHaveCount(0); // the live map is not there yet
  await page.getByRole('button', { name: /Filters and legend/ }).click(); // fold the box, so it covers less
  const area = page.locator('.map-area');
  const before = await area.screenshot();

  release();
  await waitForMap(page);
  await expect(picture).toHaveCount(0);
  await page.waitForTimeout(800); // the live map fills its layers over a few frames
  const after = await area.screenshot();

  const { inked, differing } = await compare(page, before, after);
  expect(inked).toBeGreaterThan(20_000); // notes, links and labels, not an empty map
  // Nearly all of what the live map draws, the picture drew in the same place (anti-aliasing differs a little).
  expect(differing / inked).toBeLessThan(0.2);
  const marks = await page.evaluate(() => ['atlas:preview-painted', 'atlas:map-painted'].map((name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN));
  expect(marks[0]).toBeLessThan(marks[1]!);
  expect(errors).toEqual([]);
});

test('a note clicked on the picture opens at once, and the live map opens on it', async ({ page }) => {
  const errors = watchErrors(page);
  const { release, picture } = await openWithLiveMapHeld(page);
  // Find a note by probing the picture: the cursor turns into a pointer over one.
  const box = (await picture.boundingBox())!;
  let hit: { x: number; y: number } | undefined;
  for (let y = box.y + 40; y < box.y + box.height - 40 && !hit; y += 12) {
    for (let x = box.x + 40; x < box.x + box.width - 40 && !hit; x += 12) {
      await page.mouse.move(x, y);
      if ((await picture.evaluate((canvas) => canvas.style.cursor)) === 'pointer') hit = { x, y };
    }
  }
  expect(hit, 'a note on the picture').toBeDefined();
  await page.mouse.click(hit!.x, hit!.y);
  await expect(page).toHaveURL(/#\/note\/[\w.~-]+$/);
  await expect(noteTitle(page)).not.toBeEmpty(); // the panel shows the note while the live map is still loading
  const id = decodeURIComponent(new URL(page.url()).hash.replace('#/note/', ''));

  release();
  await waitForMap(page);
  await expect(picture).toHaveCount(0);
  // The live map opens with that note selected, in view.
  const position = await page.evaluate((noteId) => window.topicAtlas.nodePagePosition(noteId), id);
  expect(position).toBeDefined();
  const map = (await page.locator('.map').boundingBox())!;
  expect(position!.x).toBeGreaterThan(map.x);
  expect(position!.x).toBeLessThan(map.x + map.width);
  expect(errors).toEqual([]);
});

test('the picture pans and zooms, and the live map opens where it was left', async ({ page }) => {
  const errors = watchErrors(page);
  // Where a note lands on the live map when nobody moves anything.
  await page.goto('/demo/index.html');
  await waitForMap(page);
  const id = 'topics.ai_alignment_and_safety';
  const fitted = (await page.evaluate((noteId) => window.topicAtlas.nodePagePosition(noteId), id))!;
  const fittedZoom = await page.evaluate(() => window.topicAtlas.zoom());

  const release = await holdLiveMap(page);
  await page.reload();
  const picture = page.locator('canvas.map-preview');
  await expect(picture).toBeVisible();
  const box = (await picture.boundingBox())!;
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const before = await picture.screenshot();
  await page.mouse.move(centre.x, centre.y);
  await page.mouse.wheel(0, -400); // one step in: twice as close, around the pointer
  await page.mouse.down();
  await page.mouse.move(centre.x + 60, centre.y + 20, { steps: 4 });
  await page.mouse.move(centre.x + 120, centre.y + 40, { steps: 4 });
  await page.mouse.up();
  await expect.poll(async () => (await picture.screenshot()).equals(before)).toBe(false); // the picture moved

  release();
  await waitForMap(page);
  await expect(picture).toHaveCount(0);
  expect(await page.evaluate(() => window.topicAtlas.zoom())).toBeCloseTo(fittedZoom * 2, 5);
  const now = (await page.evaluate((noteId) => window.topicAtlas.nodePagePosition(noteId), id))!;
  // Within a pixel (the pointer's coordinates are whole pixels).
  expect(Math.abs(now.x - (centre.x + (fitted.x - centre.x) * 2 + 120))).toBeLessThan(1.5);
  expect(Math.abs(now.y - (centre.y + (fitted.y - centre.y) * 2 + 40))).toBeLessThan(1.5);
  expect(errors).toEqual([]);
});
