// The map is drawn as a still picture from the compiled positions as soon as the graph is loaded; Cytoscape's
// live map then replaces it in place. Here the live map's code is held back so the picture can be compared.
import { expect, test, type Page } from '@playwright/test';
import { waitForMap, watchErrors } from './support.ts';

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

test('the map shows as a picture before its live version loads, and the live map replaces it in place', async ({ page }) => {
  const errors = watchErrors(page);
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/MapView-[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/demo/index.html');
  const picture = page.locator('canvas.map-preview');
  await expect(picture).toBeVisible();
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
