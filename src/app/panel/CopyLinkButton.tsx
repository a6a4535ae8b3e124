import { useState } from 'react';

/** Copies the current deep link (note + view state). */
export function CopyLinkButton() {
  const [done, setDone] = useState(false);
  const copy = async () => {
    const url = window.location.href;
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      // Clipboard refused (no permission, insecure origin): fall back to a selection copy.
      const field = document.createElement('textarea');
      field.value = url;
      document.body.append(field);
      field.select();
      document.execCommand('copy');
      field.remove();
    }
    setDone(true);
    window.setTimeout(() => setDone(false), 1500);
  };
  return (
    <button type="button" className="copy-link" onClick={copy} aria-live="polite">
      {done ? 'Link copied' : 'Copy link'}
    </button>
  );
}
