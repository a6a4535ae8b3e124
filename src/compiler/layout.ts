// Stage 5: positions computed once at build time, so the app does no layout work on load.
import { asPairs, layoutGraph, type LayoutInput, type Position } from '../shared/forceLayout.ts';
import type { CompileWorker } from './workers.ts';

export { layoutGraph, seededRandom, type Position, type LayoutInput } from '../shared/forceLayout.ts';

/**
 * The same layout in a worker thread, so this thread can render and write pages meanwhile. The job is posted
 * before this returns: the caller's synchronous work that follows must not hold it back (an await before the
 * post once left the layout waiting for every page to be written). Without a worker, it lays out here and now.
 */
export function layoutInWorker(input: LayoutInput, worker: CompileWorker | undefined): Promise<Map<string, Position>> {
  if (!worker) return Promise.resolve(layoutGraph(input));
  return worker.run<Map<string, Position>>({ kind: 'layout', input: asPairs(input) }).finally(() => worker.stop());
}
