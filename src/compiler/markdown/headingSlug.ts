/** Heading anchor ids; prefixed so a note can never clobber a DOM id the app uses. */
export function headingSlug(heading: string): string {
  const slug = heading
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `h-${slug}`;
}
