// The side panel: overview, a note, a ghost, or "not found". Semantic HTML; collapsible; a bottom sheet on phones.
import type { GraphNode } from '../../shared/schema.ts';
import { selectSelectedNode, togglePanel, useAtlas } from '../store/store.ts';
import { CopyLinkButton } from './CopyLinkButton.tsx';
import { LinkList } from './LinkList.tsx';
import { Metadata } from './Metadata.tsx';
import { NoteBody } from './NoteBody.tsx';
import { NotFound } from './NotFound.tsx';
import { Overview } from './Overview.tsx';
import { Tags } from './Tags.tsx';
import { useNotePage } from './useNotePage.ts';

export function NotePanel() {
  const route = useAtlas((s) => s.view.route);
  const node = useAtlas(selectSelectedNode);
  const collapsed = useAtlas((s) => s.panelCollapsed);
  const ready = useAtlas((s) => s.load.status === 'ready' && s.mapStage !== 'waiting');
  return (
    <aside className={`panel${collapsed ? ' collapsed' : ''}`} aria-label="Note panel">
      <button type="button" className="panel-toggle" aria-expanded={!collapsed} aria-controls="panel-content" onClick={togglePanel} title={collapsed ? 'Show the panel' : 'Hide the panel'}>
        {collapsed ? '‹' : '›'}
        <span className="visually-hidden">{collapsed ? 'Show the note panel' : 'Hide the note panel'}</span>
      </button>
      <div id="panel-content" className="panel-content" hidden={collapsed}>
        {!ready ? null : route.kind === 'overview' ? (
          <Overview />
        ) : route.kind === 'invalid' ? (
          <NotFound requested={route.text} />
        ) : node ? (
          <NoteView node={node} />
        ) : (
          <NotFound requested={route.id} />
        )}
      </div>
    </aside>
  );
}

function NoteView({ node }: { node: GraphNode }) {
  const page = useNotePage(node.id);
  return (
    <article className="note" aria-labelledby="note-title" data-note-id={node.id}>
      <header>
        <h2 id="note-title" tabIndex={-1}>{node.title}</h2>
        <p className="note-path">{node.ghost ? 'Missing note' : node.path}</p>
        <CopyLinkButton />
      </header>
      {node.ghost ? (
        <p className="ghost-notice" role="status">
          This note does not exist yet. {node.degreeIn === 1 ? 'One note links' : `${node.degreeIn} notes link`} to it.
        </p>
      ) : null}
      <Tags tags={node.tags} />
      <Metadata meta={node.meta} />
      {page.status === 'loading' ? <p className="muted" aria-busy="true">Loading…</p> : null}
      {page.status === 'error' ? <p className="error" role="alert">{page.message}</p> : null}
      {page.status === 'ready' ? (
        <>
          {page.page.html ? <NoteBody html={page.page.html} /> : null}
          <LinkList title={node.ghost ? 'Linked from' : 'Backlinks'} links={page.page.backlinks} empty="No note links here." />
          <LinkList title="Links" links={page.page.outgoing} />
          <LinkList title="Unresolved links" links={page.page.unresolved} />
        </>
      ) : null}
    </article>
  );
}
