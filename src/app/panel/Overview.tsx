// With nothing selected: the vault at a glance.
import { useMemo } from 'react';
import { degreeOf } from '../graph/graphIndex.ts';
import { selectNote, useAtlas } from '../store/store.ts';

export function Overview() {
  const graph = useAtlas((s) => s.graph);
  const top = useMemo(
    () => (graph ? [...graph.nodes].filter((n) => !n.ghost).sort((a, b) => degreeOf(b) - degreeOf(a) || (a.title < b.title ? -1 : 1)).slice(0, 10) : []),
    [graph],
  );
  if (!graph) return null;
  const { stats, diagnostics } = graph;
  return (
    <section className="overview" aria-labelledby="overview-title">
      <h2 id="overview-title">{graph.vaultName}</h2>
      <dl className="stats">
        <div><dt>Notes</dt><dd>{stats.notes}</dd></div>
        <div><dt>Links</dt><dd>{stats.links}</dd></div>
        <div><dt>Missing notes</dt><dd>{stats.ghosts}</dd></div>
        <div><dt>Unresolved links</dt><dd>{stats.unresolvedLinks}</dd></div>
        <div><dt>Warnings</dt><dd>{stats.warnings}</dd></div>
      </dl>
      <h3>Most-linked notes</h3>
      <ol className="top-notes">
        {top.map((node) => (
          <li key={node.id}>
            <a href={`#/note/${node.id}`} onClick={(e) => (e.preventDefault(), selectNote(node.id))}>{node.title}</a>{' '}
            <span className="count">{degreeOf(node)}</span>
          </li>
        ))}
      </ol>
      {diagnostics.length > 0 ? (
        <details className="diagnostics">
          <summary>Build warnings ({diagnostics.length})</summary>
          <ul>
            {diagnostics.slice(0, 50).map((d, i) => (
              <li key={i}>
                <code>{d.file || '(vault)'}{d.line ? `:${d.line}` : ''}</code> {d.message}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <p className="hint">Click a node, or press <kbd>/</kbd> to search.</p>
    </section>
  );
}
