// Loaded only when a file fails its quick check (checkFiles.ts): zod, the shared schema, and a readable
// account of what does not match.
import { z } from 'zod';
import { GraphFileSchema, NotePageSchema } from '../../shared/schema.ts';

// zod would probe `new Function` once; the page's CSP forbids eval, so keep it from trying.
z.config({ jitless: true });

function describe(error: z.ZodError, what: string): string {
  const first = error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  return `${what} does not match the expected format: ${first.join('; ')}${error.issues.length > 3 ? ` (and ${error.issues.length - 3} more problems)` : ''}.`;
}

/** What is wrong with this graph.json, or undefined if the schema accepts it after all. */
export function graphFileProblem(json: unknown, what: string): string | undefined {
  const parsed = GraphFileSchema.safeParse(json);
  return parsed.success ? undefined : describe(parsed.error, what);
}

/** What is wrong with this note page, or undefined if the schema accepts it after all. */
export function notePageProblem(json: unknown, what: string): string | undefined {
  const parsed = NotePageSchema.safeParse(json);
  return parsed.success ? undefined : describe(parsed.error, what);
}
