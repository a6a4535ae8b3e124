// Frontmatter for the reader: `videoId` as a link to the episode, everything else as key and value.
import type { MetaValue } from '../../shared/schema.ts';

const VIDEO_ID = /^[A-Za-z0-9_-]{6,20}$/;

export function Metadata({ meta }: { meta: Record<string, MetaValue> }) {
  const entries = Object.entries(meta);
  if (entries.length === 0) return null;
  return (
    <dl className="metadata">
      {entries.map(([key, value]) => (
        <div key={key} className="meta-row">
          <dt>{key}</dt>
          <dd>{key === 'videoId' && typeof value === 'string' && VIDEO_ID.test(value) ? <VideoLink id={value} /> : formatValue(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

function VideoLink({ id }: { id: string }) {
  return (
    <a className="external" href={`https://www.youtube.com/watch?v=${encodeURIComponent(id)}`} target="_blank" rel="noopener noreferrer">
      Watch the episode ({id})
    </a>
  );
}

/** Plain text only: React escapes it, so no value can become markup. */
export function formatValue(value: MetaValue): string {
  if (value === null) return '—';
  if (Array.isArray(value)) return value.map(formatValue).join(', ');
  if (typeof value === 'object') return Object.entries(value).map(([k, v]) => `${k}: ${formatValue(v)}`).join('; ');
  return String(value);
}
