// Which nodes the map shows, from the filters and local mode. Pure, so it is tested without a browser.
import type { GraphNode, NoteId } from '../../shared/schema.ts';
import type { UrlState } from '../store/url.ts';
import { degreeOf, neighbourhood, type GraphIndex } from './graphIndex.ts';

export type VisibilityFilter = Pick<UrlState, 'localDepth' | 'hideGhosts' | 'hideOrphans' | 'hiddenFolders' | 'tag'> & {
  selectedId: NoteId | undefined;
};

export function visibleNodeIds(nodes: readonly GraphNode[], index: GraphIndex, filter: VisibilityFilter): Set<NoteId> {
  const local =
    filter.localDepth > 0 && filter.selectedId && index.nodeById.has(filter.selectedId)
      ? neighbourhood(index, filter.selectedId, filter.localDepth)
      : undefined;
  const hiddenFolders = new Set(filter.hiddenFolders);
  const visible = new Set<NoteId>();
  for (const node of nodes) {
    if (local && !local.has(node.id)) continue;
    const isSelected = node.id === filter.selectedId;
    if (!isSelected) {
      if (filter.hideGhosts && node.ghost) continue;
      if (filter.hideOrphans && degreeOf(node) === 0) continue;
      if (!node.ghost && hiddenFolders.has(node.folder)) continue;
      if (filter.tag && !node.tags.includes(filter.tag)) continue;
    }
    visible.add(node.id);
  }
  return visible;
}
