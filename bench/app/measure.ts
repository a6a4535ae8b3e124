// One benchmark run of one page (our app, or the straightforward page) in a fresh browser context.
//
// Times are taken inside the page, on the page's own clock (performance.now(), rAF timestamps, event
// timeStamps), so the round trips between Node and the browser do not count, except where they are the point
// ("answers input" is when a zoom sent as soon as the paint is seen is drawn).
import type { Core } from 'cytoscape';
import type { Browser, BrowserContext, Page } from 'playwright';

/** window.topicAtlas in the app; window.benchProbe on the naive page. */
export interface Probe {
  nodeCount(): number;
  visibleNodeIds(): string[];
  nodePagePosition(id: string): { x: number; y: number } | undefined;
  zoom(): number;
}

interface Watched {
  ok: boolean;
  /** When a DOM mutation first made the check true (MutationObserver), if one did. */
  domAt?: number;
  /** The first animation frame at which the check was true: when the change is on its way to the screen. */
  frameAt?: number;
  value?: string;
}

interface InPage {
  /** The Cytoscape instance whose container is (or is inside) `mapSelector`. */
  cyIn(mapSelector: string): Core | undefined;
  lastEvent: Record<string, number>;
  longTasks: { start: number; duration: number }[];
  /** Start recording rAF timestamps, and the `render` events of the Cytoscape instance in `mapSelector`. */
  startFrames(mapSelector: string): void;
  /** The input of this phase has all been taken. */
  inputDone(): void;
  stopFrames(): Recorded;
  watch(check: () => string | undefined, timeoutMs: number): Promise<Watched>;
  armed?: Promise<Watched>;
  t0?: number;
}

interface Recorded {
  frames: number[];
  renders: number[];
  inputStart: number;
  inputEnd: number;
  /** False when no Cytoscape instance was found to listen to. */
  cyFound: boolean;
}

/** Cytoscape keeps its instance on the container element; not documented, but there since 2.x. */
interface CyHolder {
  _cyreg?: { cy?: Core };
}

declare global {
  interface Window {
    atlasBench: InPage;
  }
}

/** Installed before any page script runs. Playwright passes it to the page as source text. */
function installInPage(): void {
  const lastEvent: Record<string, number> = {};
  const longTasks: { start: number; duration: number }[] = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no Long Tasks API: the figures that use it are left out
  }
  for (const type of ['wheel', 'mousedown', 'mouseup', 'input', 'keydown']) {
    window.addEventListener(type, (event) => {
      lastEvent[type] = event.timeStamp;
    }, { capture: true, passive: true });
  }
  let frames: number[] | undefined;
  let renders: number[] = [];
  let recording = false;
  let inputStart = 0;
  let inputEnd = 0;
  let generation = 0;
  const listening = new WeakSet<object>();
  const cyIn = (mapSelector: string): Core | undefined => {
    const root = document.querySelector(mapSelector);
    if (!root) return undefined;
    for (const element of [root, ...root.querySelectorAll('div')]) {
      const cy = (element as unknown as CyHolder)._cyreg?.cy;
      if (cy) return cy;
    }
    return undefined;
  };
  const listenToRenders = (mapSelector: string): boolean => {
    const cy = cyIn(mapSelector);
    if (!cy) return false;
    if (!listening.has(cy)) {
      listening.add(cy);
      cy.on('render', () => {
        if (recording) renders.push(performance.now());
      });
    }
    return true;
  };
  let cyFound = false;
  window.atlasBench = {
    cyIn,
    lastEvent,
    longTasks,
    startFrames(mapSelector) {
      const mine = ++generation;
      const list: number[] = (frames = []);
      renders = [];
      cyFound = listenToRenders(mapSelector);
      recording = true;
      inputStart = performance.now();
      inputEnd = Infinity;
      const tick = (t: number) => {
        if (generation !== mine) return;
        list.push(t);
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    },
    inputDone() {
      inputEnd = performance.now();
    },
    stopFrames() {
      generation++;
      recording = false;
      const recorded = { frames: frames ?? [], renders, inputStart, inputEnd: Math.min(inputEnd, performance.now()), cyFound };
      frames = undefined;
      renders = [];
      return recorded;
    },
    watch(check, timeoutMs) {
      return new Promise<Watched>((resolve) => {
        const started = performance.now();
        let domAt: number | undefined;
        const observer = new MutationObserver(() => {
          if (domAt === undefined && check() !== undefined) domAt = performance.now();
        });
        observer.observe(document.documentElement, { subtree: true, childList: true, characterData: true, attributes: true });
        // performance.now() rather than the frame's timestamp: that is the frame's start, which can be earlier
        // than the task that made the change.
        const frame = () => {
          const value = check();
          if (value !== undefined) {
            observer.disconnect();
            resolve({ ok: true, domAt, frameAt: performance.now(), value });
          } else if (performance.now() - started > timeoutMs) {
            observer.disconnect();
            resolve({ ok: false });
          } else {
            requestAnimationFrame(frame);
          }
        };
        requestAnimationFrame(frame);
      });
    },
  };
}

/**
 * tsx compiles this file with esbuild's keepNames, which wraps inner functions in `__name(...)`; functions
 * handed to the page as text need that helper to exist there.
 */
const IN_PAGE_SOURCE = `globalThis.__name ??= (fn) => fn;\n(${installInPage.toString()})();`;

export interface PageKind {
  kind: 'ours' | 'naive';
  url: string;
  /** The performance mark that says the map is painted. */
  paintMark: string;
  probe: 'topicAtlas' | 'benchProbe';
  mapSelector: string;
  loadTimeoutMs: number;
  /** A drag on a node pans too (the naive page), so the drag can start at the centre. */
  dragPansAnywhere: boolean;
}

export interface FrameStats {
  frames: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}

/**
 * The frame stats proper are intervals between Cytoscape redraws (its `render` events) while input was coming:
 * how often the map showed a new picture. `rafGaps` are the gaps between animation frames over the whole
 * phase, tail included: main-thread stalls, whether or not the map redrew.
 */
export interface GestureResult extends FrameStats {
  rafGaps: FrameStats;
  phases: Record<string, FrameStats & { rafGaps: FrameStats; wallMs: number; events: number; redrawsMs: number[]; rafGapsMs: number[] }>;
  zoomBefore: number;
  zoomAfterZoomIn: number;
  nodesDrawnZoomedIn: number;
  /** How far a drawn node moved on screen during the drag: about 350 when the drag panned the map. */
  pannedPx: number;
  /** Time spent in long tasks (>50 ms) while the gesture ran. */
  longTaskMs: number;
  /** The gesture was cut short because the page answered too slowly. */
  cutShort: boolean;
}

export interface RunResult {
  kind: 'ours' | 'naive';
  run: number;
  startedAt: string;
  loadAverage1m: number;
  ok: boolean;
  timedOut?: boolean;
  crashed?: boolean;
  error?: string;
  /** ms from navigation start to the first picture of the map: our still preview if it came first, else the paint mark. */
  firstPaintMs?: number;
  /** ms from navigation start to the paint mark: the live (Cytoscape) map's first frame. */
  livePaintMs?: number;
  marks?: Record<string, number>;
  /** Long-task time before the first paint: how busy the main thread was while loading. */
  longTaskMsToPaint?: number;
  nodesDrawnAtPaint?: number;
  /** ms from navigation start until a wheel zoom, sent as soon as the paint was seen, was drawn. */
  answersInputMs?: number;
  /** From that wheel event to the frame that shows the new zoom. */
  inputDelayMs?: number;
  heapUsedMB?: number;
  heapUsedAfterGcMB?: number;
  graphJson?: { encodedBodyBytes: number; transferBytes: number; decodedBodyBytes: number; durationMs: number };
  gesture?: GestureResult;
  panelAfterClick?: { ms: number; domMs?: number; target: string; shown: string };
  panelAfterDeepLink?: { ms: number; domMs?: number; target: string };
  searchFirst?: { ms: number; domMs?: number; query: string };
  searchAgain?: { ms: number; domMs?: number; query: string };
  /** Measures that failed without failing the run. */
  problems: string[];
}

export interface NoteChoice {
  id: string;
  title: string;
}

export interface OurTargets {
  /** Notes that may be clicked: real notes with a unique, plain title, by degree. */
  clickable: Map<string, { title: string; degree: number }>;
  deepLink: NoteChoice;
  searches: [NoteChoice, NoteChoice];
}

export const VIEWPORT = { width: 1400, height: 900 };
const MB = 1024 * 1024;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

class TimedOut extends Error {}

/** Reject after `ms`; the original promise is left to settle (and be ignored) when the context closes. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  promise.catch(() => undefined);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimedOut(`${what}: no answer in ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function frameStats(timestamps: number[][]): FrameStats {
  const deltas = timestamps.flatMap((list) => list.slice(1).map((t, i) => t - list[i]!)).sort((a, b) => a - b);
  if (deltas.length === 0) return { frames: 0, medianMs: NaN, p95Ms: NaN, maxMs: NaN };
  const at = (q: number) => deltas[Math.min(deltas.length - 1, Math.floor(q * deltas.length))]!;
  const mid = Math.floor(deltas.length / 2);
  const median = deltas.length % 2 ? deltas[mid]! : (deltas[mid - 1]! + deltas[mid]!) / 2;
  return { frames: deltas.length, medianMs: median, p95Ms: at(0.95), maxMs: deltas[deltas.length - 1]! };
}

const probeCall = <T>(page: Page, probe: string, method: keyof Probe, arg?: string): Promise<T> =>
  page.evaluate(({ probe, method, arg }) => {
    const p = (window as unknown as Record<string, Probe>)[probe]!;
    return (p[method] as (a?: string) => unknown)(arg) as T;
  }, { probe, method, arg });

async function mapBox(page: Page, selector: string): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not on the page`);
  return box;
}

/**
 * A point on the map's canvas, as near its centre as possible, outside every drawn node's box (so a drag there
 * pans rather than grabs a node). Undefined when the nodes cover the whole middle of the map.
 */
async function emptySpot(page: Page, kind: PageKind): Promise<{ x: number; y: number } | undefined> {
  return page.evaluate((selector) => {
    const cy = window.atlasBench.cyIn(selector);
    if (!cy) return undefined;
    const c = cy.container()!.getBoundingClientRect();
    const boxes: { x1: number; y1: number; x2: number; y2: number }[] = [];
    cy.nodes(':visible').forEach((node) => {
      const b = node.renderedBoundingBox({ includeLabels: false });
      if (b.x2 >= 0 && b.y2 >= 0 && b.x1 <= c.width && b.y1 <= c.height) boxes.push(b);
    });
    const candidates: { x: number; y: number; d: number }[] = [];
    for (let x = c.width * 0.25; x <= c.width * 0.75; x += 12) {
      for (let y = c.height * 0.25; y <= c.height * 0.75; y += 12) candidates.push({ x, y, d: Math.hypot(x - c.width / 2, y - c.height / 2) });
    }
    candidates.sort((a, b) => a.d - b.d);
    const margin = 6;
    for (const { x, y } of candidates) {
      if (boxes.some((b) => x >= b.x1 - margin && x <= b.x2 + margin && y >= b.y1 - margin && y <= b.y2 + margin)) continue;
      if (document.elementFromPoint(c.left + x, c.top + y)?.tagName !== 'CANVAS') continue;
      return { x: c.left + x, y: c.top + y };
    }
    return undefined;
  }, kind.mapSelector);
}

async function answersInput(page: Page, kind: PageKind): Promise<{ answeredAt: number; delay: number }> {
  const box = await mapBox(page, kind.mapSelector);
  await page.evaluate((probe) => {
    const p = (window as unknown as Record<string, Probe>)[probe]!;
    const before = p.zoom();
    window.atlasBench.armed = window.atlasBench.watch(() => (p.zoom() !== before ? 'zoomed' : undefined), 60_000);
  }, kind.probe);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -100);
  const seen = await page.evaluate(() => window.atlasBench.armed!);
  if (!seen.ok || seen.frameAt === undefined) throw new Error('the map did not zoom on a wheel event within 60 s');
  const wheelAt = await page.evaluate(() => window.atlasBench.lastEvent.wheel ?? NaN);
  return { answeredAt: seen.frameAt, delay: seen.frameAt - wheelAt };
}

/**
 * A scripted pan and zoom, the same for both pages: wheel in at the centre (about 10x), drag 300 px across an
 * empty spot, wheel back out. Events go out every 16 ms, like a hand on a mouse at 60 Hz, without waiting for
 * the page to take each one (Chromium acknowledges a wheel event only a frame or two later even on an empty
 * page), up to 4 in flight; a page that cannot keep up has them queued and coalesced, as with a real mouse.
 * Frame times are the gaps between requestAnimationFrame timestamps while each phase runs, plus a short tail,
 * so work the page defers until the viewport settles counts too.
 */
async function gesture(page: Page, kind: PageKind): Promise<GestureResult> {
  const PHASE_CAP_MS = 30_000;
  const TAIL_MS = 400;
  const PACE_MS = 16;
  const MAX_IN_FLIGHT = 4;
  const box = await mapBox(page, kind.mapSelector);
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const zoomBefore = await probeCall<number>(page, kind.probe, 'zoom');
  const longTasksBefore = await page.evaluate(() => window.atlasBench.longTasks.length);
  const phases: GestureResult['phases'] = {};
  const allFrames: number[][] = [];
  const allRedraws: number[][] = [];
  let cutShort = false;

  const phase = async (name: string, steps: (() => Promise<void>)[]): Promise<void> => {
    await page.evaluate((selector) => window.atlasBench.startFrames(selector), kind.mapSelector);
    const started = performance.now();
    const inFlight = new Set<Promise<void>>();
    let events = 0;
    for (const [i, step] of steps.entries()) {
      const wait = started + i * PACE_MS - performance.now();
      if (wait > 0) await sleep(wait);
      while (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
      if (performance.now() - started > PHASE_CAP_MS) {
        cutShort = true;
        break;
      }
      const sent: Promise<void> = step().finally(() => inFlight.delete(sent));
      inFlight.add(sent);
      events++;
    }
    await Promise.all(inFlight);
    await page.evaluate(() => window.atlasBench.inputDone());
    await sleep(TAIL_MS);
    const recorded = await page.evaluate(() => window.atlasBench.stopFrames());
    if (!recorded.cyFound) throw new Error(`no Cytoscape instance under ${kind.mapSelector} to time redraws`);
    const { frames } = recorded;
    // Redraws while input was still coming: each interval is how long the map took to show the next step.
    const redraws = recorded.renders.filter((t) => t >= recorded.inputStart && t <= recorded.inputEnd);
    allFrames.push(frames);
    allRedraws.push(redraws);
    phases[name] = {
      ...frameStats([redraws]),
      rafGaps: frameStats([frames]),
      wallMs: performance.now() - started,
      events,
      redrawsMs: redraws.slice(1).map((t, i) => Math.round((t - redraws[i]!) * 10) / 10),
      rafGapsMs: frames.slice(1).map((t, i) => Math.round((t - frames[i]!) * 10) / 10),
    };
  };
  const wheels = (dy: number, n: number) => Array.from({ length: n }, () => () => page.mouse.wheel(0, dy));

  await page.mouse.move(centre.x, centre.y);
  // Cytoscape learns the wheel's notch size from its first few events: 100 px is one notch, 200 px two.
  await phase('zoom in', [...wheels(-100, 40), ...wheels(-200, 20)]);
  const zoomAfterZoomIn = await probeCall<number>(page, kind.probe, 'zoom');
  const nodesDrawnZoomedIn = await probeCall<number>(page, kind.probe, 'nodeCount');

  const start = kind.dragPansAnywhere ? centre : await emptySpot(page, kind);
  if (!start) throw new Error('no empty spot on the map to start a drag from');
  const marker = (await probeCall<string[]>(page, kind.probe, 'visibleNodeIds'))[0];
  const markerAt = () => (marker ? probeCall<{ x: number; y: number } | undefined>(page, kind.probe, 'nodePagePosition', marker) : Promise.resolve(undefined));
  const before = await markerAt();
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  const drag = Array.from({ length: 60 }, (_, i) => () => page.mouse.move(start.x - 5 * (i + 1), start.y - 3 * (i + 1)));
  await phase('pan', drag);
  await page.mouse.up();
  const after = await markerAt();
  const pannedPx = before && after ? Math.hypot(after.x - before.x, after.y - before.y) : NaN;

  await page.mouse.move(centre.x, centre.y);
  await phase('zoom out', [...wheels(200, 20), ...wheels(100, 40)]);

  const longTaskMs = await page.evaluate((from) => window.atlasBench.longTasks.slice(from).reduce((sum, t) => sum + t.duration, 0), longTasksBefore);
  return { ...frameStats(allRedraws), rafGaps: frameStats(allFrames), phases, zoomBefore, zoomAfterZoomIn, nodesDrawnZoomedIn, pannedPx, longTaskMs, cutShort };
}

async function heap(context: BrowserContext, page: Page): Promise<{ used: number; afterGc: number }> {
  const cdp = await context.newCDPSession(page);
  try {
    const used = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    await cdp.send('HeapProfiler.collectGarbage');
    const afterGc = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    return { used: used / MB, afterGc: afterGc / MB };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

async function graphJsonEntry(page: Page): Promise<RunResult['graphJson']> {
  return page.evaluate(() => {
    const entry = performance.getEntriesByType('resource').find((e) => e.name.includes('graph.json')) as PerformanceResourceTiming | undefined;
    return entry
      ? { encodedBodyBytes: entry.encodedBodySize, transferBytes: entry.transferSize, decodedBodyBytes: entry.decodedBodySize, durationMs: entry.duration }
      : undefined;
  });
}

/** The panel shows a note: resolves with its id once `#note-title` has text. */
function armPanel(page: Page, expectTitle: string | undefined): Promise<void> {
  return page.evaluate((title) => {
    window.atlasBench.armed = window.atlasBench.watch(() => {
      const heading = document.getElementById('note-title');
      const text = heading?.textContent ?? '';
      if (!text || (title !== null && text !== title)) return undefined;
      return heading!.closest('[data-note-id]')?.getAttribute('data-note-id') ?? text;
    }, 15_000);
  }, expectTitle ?? null);
}

async function clickANote(page: Page, kind: PageKind, targets: OurTargets): Promise<RunResult['panelAfterClick']> {
  const drawn = await probeCall<string[]>(page, kind.probe, 'visibleNodeIds');
  const others = new Set([targets.deepLink.id, ...targets.searches.map((t) => t.id)]);
  const eligible = drawn.filter((id) => targets.clickable.has(id) && !others.has(id)).sort((a, b) => targets.clickable.get(a)!.degree - targets.clickable.get(b)!.degree || (a < b ? -1 : 1));
  if (eligible.length === 0) throw new Error('no drawn note to click');
  // From the median degree outwards: a typical note, not a hub.
  const mid = Math.floor(eligible.length / 2);
  const order = eligible.map((id, i) => ({ id, d: Math.abs(i - mid) })).sort((a, b) => a.d - b.d).slice(0, 60).map((e) => e.id);
  const box = await mapBox(page, kind.mapSelector);
  for (const id of order) {
    const at = await probeCall<{ x: number; y: number } | undefined>(page, kind.probe, 'nodePagePosition', id);
    if (!at || at.x < box.x + 60 || at.x > box.x + box.width - 60 || at.y < box.y + 60 || at.y > box.y + box.height - 60) continue;
    const onCanvas = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.tagName === 'CANVAS', at);
    if (!onCanvas) continue;
    await armPanel(page, undefined);
    await page.mouse.click(at.x, at.y);
    const seen = await page.evaluate(() => window.atlasBench.armed!);
    if (!seen.ok || seen.frameAt === undefined) continue; // missed (a label or an edge was hit): try the next
    const downAt = await page.evaluate(() => window.atlasBench.lastEvent.mousedown ?? NaN);
    return { ms: seen.frameAt - downAt, domMs: seen.domAt !== undefined ? seen.domAt - downAt : undefined, target: id, shown: seen.value ?? '' };
  }
  throw new Error('no click on a drawn note opened the panel');
}

async function deepLink(page: Page, target: NoteChoice): Promise<RunResult['panelAfterDeepLink']> {
  await armPanel(page, target.title);
  await page.evaluate((id) => {
    window.atlasBench.t0 = performance.now();
    location.hash = `#/note/${id}`;
  }, target.id);
  const seen = await page.evaluate(() => window.atlasBench.armed!);
  if (!seen.ok || seen.frameAt === undefined) throw new Error(`the deep link to ${target.id} did not show its title`);
  const t0 = await page.evaluate(() => window.atlasBench.t0!);
  return { ms: seen.frameAt - t0, domMs: seen.domAt !== undefined ? seen.domAt - t0 : undefined, target: target.id };
}

async function search(page: Page, query: NoteChoice): Promise<{ ms: number; domMs?: number; query: string }> {
  const box = page.getByRole('combobox', { name: 'Search notes' });
  await page.evaluate((title) => {
    window.atlasBench.armed = window.atlasBench.watch(() => {
      const list = document.querySelector('[role="listbox"][aria-label="Results"]');
      if (!list) return undefined;
      for (const option of list.querySelectorAll('[role="option"] .hit-title')) if (option.textContent === title) return title;
      return undefined;
    }, 15_000);
  }, query.title);
  await box.fill(query.title);
  const seen = await page.evaluate(() => window.atlasBench.armed!);
  if (!seen.ok || seen.frameAt === undefined) throw new Error(`searching for "${query.title}" did not list it`);
  const inputAt = await page.evaluate(() => window.atlasBench.lastEvent.input ?? NaN);
  return { ms: seen.frameAt - inputAt, domMs: seen.domAt !== undefined ? seen.domAt - inputAt : undefined, query: query.title };
}

async function attempt<T>(result: RunResult, what: string, ms: number, action: () => Promise<T>): Promise<T | undefined> {
  try {
    return await withTimeout(action(), ms, what);
  } catch (error) {
    result.problems.push(`${what}: ${(error as Error).message.split('\n')[0]}`);
    return undefined;
  }
}

/**
 * A page stuck in a long script (the naive layout) keeps its renderer busy; closing its context does not stop
 * it, and the browser then will not close either. Kill that renderer: the busiest one of this browser, whose
 * only page is the one that timed out.
 */
async function killBusiestRenderer(browser: Browser): Promise<string> {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
    const renderer = processInfo.filter((p) => p.type === 'renderer').sort((a, b) => b.cpuTime - a.cpuTime)[0];
    if (!renderer) return 'no renderer to stop';
    process.kill(renderer.id, 'SIGKILL');
    return `stopped its renderer (pid ${renderer.id}, ${renderer.cpuTime.toFixed(0)} s of CPU)`;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/**
 * One run: a fresh context, load, then (ours) interact. Never throws; a failure is recorded in the result.
 * Returns whether the browser is still usable (a context that would not close means it is not).
 */
export async function measureRun(browser: Browser, kind: PageKind, run: number, targets: OurTargets | undefined, loadAverage1m: number): Promise<{ result: RunResult; browserOk: boolean }> {
  const result: RunResult = { kind: kind.kind, run, startedAt: new Date().toISOString(), loadAverage1m, ok: false, problems: [] };
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript({ content: IN_PAGE_SOURCE });
  const page = await context.newPage();
  page.on('crash', () => {
    result.crashed = true;
  });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    await page.goto(kind.url, { waitUntil: 'commit', timeout: 30_000 });
    // Playwright's own timeout does not fire while the page's main thread is busy (in a layout, say): time
    // the wait from Node instead, then close the context, which stops the page whatever it is doing.
    const painted = page.waitForFunction(
      (mark) => performance.getEntriesByName(mark).length > 0 || document.querySelector('.map-message.error') !== null,
      kind.paintMark,
      { timeout: 0, polling: 50 },
    );
    try {
      await withTimeout(painted, kind.loadTimeoutMs, 'load');
    } catch (error) {
      if (result.crashed) throw new Error('the page crashed while loading (out of memory?)', { cause: error });
      if (error instanceof TimedOut) {
        result.timedOut = true;
        throw new Error(`no painted map within ${Math.round(kind.loadTimeoutMs / 1000)} s`, { cause: error });
      }
      throw error;
    }
    const loaded = await page.evaluate((mark) => {
      const marks: Record<string, number> = {};
      for (const entry of performance.getEntriesByType('mark')) if (/^(atlas|naive):/.test(entry.name)) marks[entry.name] = entry.startTime;
      const painted = marks[mark];
      const longTaskMs = painted === undefined ? 0 : window.atlasBench.longTasks.filter((t) => t.start < painted).reduce((sum, t) => sum + t.duration, 0);
      return { marks, painted, longTaskMs, error: document.querySelector('.map-message.error')?.textContent ?? undefined };
    }, kind.paintMark);
    if (loaded.painted === undefined) throw new Error(`the page reported an error: ${loaded.error ?? 'unknown'}`);
    // Our app first draws a still picture of the map (canvas), then Cytoscape's live map replaces it.
    const preview = loaded.marks['atlas:preview-painted'];
    result.livePaintMs = loaded.painted;
    result.firstPaintMs = preview !== undefined && preview < loaded.painted ? preview : loaded.painted;
    result.marks = loaded.marks;
    result.longTaskMsToPaint = loaded.longTaskMs;

    const input = await attempt(result, 'answers input', 90_000, () => answersInput(page, kind));
    if (input) {
      result.answersInputMs = input.answeredAt;
      result.inputDelayMs = input.delay;
    }
    result.nodesDrawnAtPaint = await attempt(result, 'node count', 30_000, () => probeCall<number>(page, kind.probe, 'nodeCount'));
    await sleep(1000);
    const used = await attempt(result, 'heap', 60_000, () => heap(context, page));
    if (used) {
      result.heapUsedMB = used.used;
      result.heapUsedAfterGcMB = used.afterGc;
    }
    result.graphJson = await attempt(result, 'graph.json timing', 30_000, () => graphJsonEntry(page));
    result.gesture = await attempt(result, 'pan and zoom', 180_000, () => gesture(page, kind));

    if (kind.kind === 'ours' && targets) {
      await attempt(result, 'reset view', 30_000, async () => {
        await page.keyboard.press('0'); // back to the whole map
        await sleep(800);
      });
      result.panelAfterClick = await attempt(result, 'panel after click', 60_000, () => clickANote(page, kind, targets));
      result.panelAfterDeepLink = await attempt(result, 'panel after deep link', 30_000, () => deepLink(page, targets.deepLink));
      await attempt(result, 'open search', 30_000, async () => {
        await page.keyboard.press('Escape');
        await page.keyboard.press('/');
        await page.getByRole('combobox', { name: 'Search notes' }).waitFor({ timeout: 10_000 });
      });
      result.searchFirst = await attempt(result, 'first search', 30_000, () => search(page, targets.searches[0]));
      result.searchAgain = await attempt(result, 'second search', 30_000, () => search(page, targets.searches[1]));
    }
    result.ok = true;
  } catch (error) {
    result.error = (error as Error).message.split('\n')[0];
  }
  if (errors.length > 0) result.problems.push(`page errors: ${errors.slice(0, 3).join(' | ')}`);
  let browserOk = true;
  if (result.timedOut) {
    const stopped = await withTimeout(killBusiestRenderer(browser), 20_000, 'stopping the renderer').catch((error: Error) => error.message);
    result.problems.push(`after the time-out: ${stopped}`);
  }
  try {
    await withTimeout(context.close(), 60_000, 'closing the context');
  } catch {
    browserOk = false;
  }
  return { result, browserOk };
}
