/** Heading anchor ids; prefixed so a note can never clobber a DOM id the app uses. */
export function headingSlug(heading: string): string {
  // Plain ASCII (most headings) has no marks to strip: the same result without the Unicode passes.
  const letters = PLAIN_ASCII.test(heading)
    ? heading.toLowerCase().replace(/[^a-z0-9]+/g, '-')
    : heading
        .normalize('NFKD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, '-');
  return `h-${letters.replace(/^-+|-+$/g, '').slice(0, 80)}`;
}

const PLAIN_ASCII = /^[\x20-\x7e]*$/;
