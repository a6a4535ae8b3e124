// Stage 5: positions computed once at build time, so the app does no layout work on load.
import { asPairs, layoutGraph, type LayoutInput, type Position } from '../shared/forceLayout.ts';
import { startWorker, type CompileWorker } from './workers.ts';

export { layoutGraph, seededRandom, type Position, type LayoutInput } from '../shared/forceLayout.ts';

/**
 * The same layout in a worker thread, so this thread can render and write pages meanwhile. `started` is a
 * worker started earlier (it boots while this thread resolves links); without one, one is started now.
 */
export async function layoutInWorker(input: LayoutInput, started?: CompileWorker): Promise<Map<string, Position>> {
  let worker;
  try {
    worker = started ?? (await startWorker());
  } catch {
    return layoutGraph(input); // no worker here: lay out in this thread
  }
  try {
    return await worker.run<Map<string, Position>>({ kind: 'layout', input: asPairs(input) });
  } finally {
    worker.stop();
  }
}
