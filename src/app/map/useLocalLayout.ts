// Local-graph mode: the selected note's neighbourhood gets its own force layout (the compiler's algorithm,
// run on the few nodes shown) and animates into it; leaving puts every note back at its compiled position.
import { useEffect, useRef } from 'react';
import type { Core } from 'cytoscape';
import type { Graph, NoteId } from '../../shared/schema.ts';
import { fitView } from './mapController.ts';

const ANIMATION_MS = 450;
/** The layout code (Louvain and ForceAtlas2) loads when local mode is first used, not with the page. */
const loadLayout = () => import('../../shared/forceLayout.ts').then((module) => module.layoutGraph);

/** `localIds`: the notes shown in local mode, or undefined when the map is not in local mode. */
export function useLocalLayout(cy: Core | undefined, graph: Graph | undefined, localIds: ReadonlySet<NoteId> | undefined): void {
  const wasLocal = useRef(false);
  useEffect(() => {
    if (!cy || !graph) return;
    if (localIds) {
      wasLocal.current = true;
      let live = true;
      void loadLayout().then((layoutGraph) => {
        if (!live) return;
        const ids = [...localIds].sort();
        const edges = graph.edges.filter((e) => localIds.has(e.source) && localIds.has(e.target));
        const positions = layoutGraph({ ids, edges });
        animateTo(cy, Object.fromEntries([...positions].map(([id, p]) => [id, { x: p.x, y: p.y }])), true);
      });
      return () => {
        live = false;
        cy.stop();
      };
    }
    if (wasLocal.current) {
      wasLocal.current = false;
      animateTo(cy, Object.fromEntries(graph.nodes.map((node) => [node.id, { x: node.x, y: node.y }])), false);
    }
    return undefined;
  }, [cy, graph, localIds]);
}

function animateTo(cy: Core, positions: Record<string, { x: number; y: number }>, onlyVisible: boolean): void {
  const nodes = onlyVisible ? cy.nodes().filter((node) => positions[node.id()] !== undefined) : cy.nodes().not('.region');
  nodes
    .layout({
      name: 'preset',
      positions,
      animate: true,
      animationDuration: ANIMATION_MS,
      fit: false,
      stop: () => fitView(),
    })
    .run();
}
