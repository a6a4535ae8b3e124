import { describe, expect, it } from 'vitest';
import { centredViewport, fitViewport, MIN_ZOOM, uncoveredArea } from './mapController.ts';
import { FILTERS_WIDTH, NO_INSET, overlayInset } from './mapInset.ts';

const BOX = { x1: -500, y1: -400, x2: 700, y2: 600 };
const onScreen = ({ zoom, pan }: { zoom: number; pan: { x: number; y: number } }, x: number, y: number) => ({ x: pan.x + zoom * x, y: pan.y + zoom * y });

describe('fitting the map clear of its overlays', () => {
  it('puts every corner of the notes inside the part of the map the filters box leaves uncovered', () => {
    const inset = overlayInset({ filtersCollapsed: false, panelCollapsed: false }, false, 760);
    expect(inset.left).toBe(12 + FILTERS_WIDTH);
    const viewport = fitViewport(BOX, 770, 760, inset);
    for (const [x, y] of [[BOX.x1, BOX.y1], [BOX.x2, BOX.y2], [BOX.x1, BOX.y2], [BOX.x2, BOX.y1]] as const) {
      const at = onScreen(viewport, x, y);
      expect(at.x).toBeGreaterThanOrEqual(inset.left);
      expect(at.x).toBeLessThanOrEqual(770);
      expect(at.y).toBeGreaterThanOrEqual(0);
      expect(at.y).toBeLessThanOrEqual(760);
    }
    // The notes are as big as the uncovered part allows: it limits the zoom, not the whole map.
    expect(viewport.zoom).toBeLessThan(fitViewport(BOX, 770, 760).zoom);
  });

  it('ignores an inset that would leave too little (a small window), rather than squeezing the map into a strip', () => {
    const inset = { ...NO_INSET, left: 220 };
    expect(uncoveredArea(380, 600, inset)).toEqual({ x: 0, y: 0, width: 380, height: 600 });
    expect(fitViewport(BOX, 380, 600, inset)).toEqual(fitViewport(BOX, 380, 600));
    expect(uncoveredArea(900, 600, inset)).toEqual({ x: 220, y: 0, width: 680, height: 600 });
  });

  it('fits a big vault on a phone, beside the note sheet, at a zoom the map accepts', () => {
    const vault = { x1: -8400, y1: -8400, x2: 8400, y2: 8400 }; // the wiki 10k's extent
    const inset = overlayInset({ filtersCollapsed: true, panelCollapsed: false }, true, 673);
    const viewport = fitViewport(vault, 390, 673, inset);
    expect(viewport.zoom).toBeGreaterThanOrEqual(MIN_ZOOM); // outside its range, Cytoscape keeps zoom 1
    const [topLeft, bottomRight] = [onScreen(viewport, vault.x1, vault.y1), onScreen(viewport, vault.x2, vault.y2)];
    expect(topLeft.y).toBeGreaterThanOrEqual(inset.top);
    expect(bottomRight.y).toBeLessThanOrEqual(673 - inset.bottom);
    expect(topLeft.x).toBeGreaterThanOrEqual(0);
    expect(bottomRight.x).toBeLessThanOrEqual(390);
  });

  it('centres a deep-linked note in the uncovered part', () => {
    const inset = { ...NO_INSET, left: 220 };
    const at = onScreen(centredViewport({ x: 30, y: -40 }, 0.8, 900, 600, inset), 30, -40);
    expect(at).toEqual({ x: 220 + 680 / 2, y: 300 });
  });

  it('knows where the box and the panel are: beside a wide map, over a phone\'s', () => {
    expect(overlayInset({ filtersCollapsed: true, panelCollapsed: false }, false, 800)).toEqual({ ...NO_INSET, bottom: 48 });
    // A phone: the box folded at the top, the panel a sheet over the bottom 55% unless folded.
    expect(overlayInset({ filtersCollapsed: true, panelCollapsed: false }, true, 700)).toEqual({ ...NO_INSET, top: 48, bottom: 385 });
    expect(overlayInset({ filtersCollapsed: true, panelCollapsed: true }, true, 700)).toEqual({ ...NO_INSET, top: 48 });
    expect(overlayInset({ filtersCollapsed: false, panelCollapsed: true }, true, 700)).toEqual({ ...NO_INSET, top: 12 + 280 });
  });
});
