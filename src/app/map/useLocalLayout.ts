// Local-graph mode: the selected note's neighbourhood gets its own animated force layout;
// leaving it puts every note back at its compiled position.
import { useEffect, useRef } from 'react';
import type { Core } from 'cytoscape';
import type { Graph, NoteId } from '../../shared/schema.ts';
import { fitView } from './mapController.ts';

export function useLocalLayout(cy: Core | undefined, graph: Graph | undefined, localDepth: number, selectedId: NoteId | undefined, visible: Set<NoteId> | undefined): void {
  const wasLocal = useRef(false);
  useEffect(() => {
    if (!cy || !graph || !visible) return;
    const local = localDepth > 0 && selectedId !== undefined;
    if (local) {
      wasLocal.current = true;
      const shown = cy.nodes().filter((node) => visible.has(node.id() as NoteId));
      const layout = shown.union(shown.edgesWith(shown)).layout({
        name: 'cose',
        animate: true,
        animationDuration: 450,
        randomize: false,
        fit: true,
        padding: 50,
        nodeRepulsion: () => 9000,
        idealEdgeLength: () => 90,
        numIter: 600,
      });
      layout.run();
      return () => {
        layout.stop();
      };
    }
    if (wasLocal.current) {
      wasLocal.current = false;
      const home = new Map(graph.nodes.map((node) => [node.id as string, { x: node.x, y: node.y }]));
      cy.nodes().layout({ name: 'preset', positions: Object.fromEntries(home), animate: true, animationDuration: 350, fit: false }).run();
      fitView();
    }
    return undefined;
  }, [cy, graph, localDepth, selectedId, visible]);
}
