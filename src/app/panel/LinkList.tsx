import type { Backlink, LinkRef } from '../../shared/schema.ts';
import { selectNote } from '../store/store.ts';

/** A list of notes; each opens in the app. */
export function LinkList({ title, links, empty }: { title: string; links: readonly (LinkRef | Backlink)[]; empty?: string }) {
  if (links.length === 0 && !empty) return null;
  return (
    <section className="link-list" aria-label={title}>
      <h3>
        {title} <span className="count">{links.length}</span>
      </h3>
      {links.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul>
          {links.map((link) => (
            <li key={link.id}>
              <a
                href={`#/note/${link.id}`}
                className={link.ghost ? 'wikilink ghost' : 'wikilink'}
                onClick={(event) => {
                  event.preventDefault();
                  selectNote(link.id);
                }}
              >
                {link.title}
              </a>
              {'snippet' in link && link.snippet ? <p className="snippet">{link.snippet}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
