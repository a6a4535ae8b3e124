import { setTagFilter, useAtlas } from '../store/store.ts';

export function Tags({ tags }: { tags: readonly string[] }) {
  const active = useAtlas((s) => s.view.tag);
  if (tags.length === 0) return null;
  return (
    <ul className="tags" aria-label="Tags">
      {tags.map((tag) => (
        <li key={tag}>
          <button type="button" className="tag-chip" aria-pressed={active === tag} title={`Show only notes tagged #${tag}`} onClick={() => setTagFilter(active === tag ? undefined : tag)}>
            #{tag}
          </button>
        </li>
      ))}
    </ul>
  );
}
