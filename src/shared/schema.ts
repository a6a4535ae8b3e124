// The one contract between the compiler and the app. The app validates what it loads against it.
// The parts that need no zod (the version, the compact edge list's conversions, the paths) live in
// graphFormat.ts, so the app can load them without zod; they are re-exported here.
import { z } from 'zod';
import { SCHEMA_VERSION, walkEdges } from './graphFormat.ts';

export { DATA_DIR, fromGraphFile, GRAPH_PATH, notePagePath, SCHEMA_VERSION, toGraphFile } from './graphFormat.ts';

/** A note's URL-safe id: encodeURIComponent(id) === id. Built only by noteId.ts. */
export const NoteIdSchema = z
  .string()
  .min(1)
  .max(300)
  .regex(/^[a-z0-9][a-z0-9._~-]*$/, 'not a note id')
  .brand<'NoteId'>();
export type NoteId = z.infer<typeof NoteIdSchema>;

/** Frontmatter keys other than title/aliases/tags, kept for the panel. JSON-safe values only. */
export type MetaValue = string | number | boolean | null | MetaValue[] | { [key: string]: MetaValue };
export const MetaValueSchema: z.ZodType<MetaValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(MetaValueSchema), z.record(z.string(), MetaValueSchema)]),
);

export const GraphNodeSchema = z.object({
  id: NoteIdSchema,
  title: z.string(),
  /** Vault-relative path with '/' separators; '' for a ghost. */
  path: z.string(),
  /** Top-level folder ('' at the vault root), used for colouring. */
  folder: z.string(),
  tags: z.array(z.string()),
  aliases: z.array(z.string()),
  ghost: z.boolean(),
  degreeIn: z.number().int().nonnegative(),
  degreeOut: z.number().int().nonnegative(),
  meta: z.record(z.string(), MetaValueSchema),
  x: z.number(),
  y: z.number(),
  /** Community (cluster) index from the layout stage. */
  community: z.number().int().nonnegative(),
});
export type GraphNode = z.infer<typeof GraphNodeSchema>;

export const EdgeKindSchema = z.enum(['link', 'embed']);
export type EdgeKind = z.infer<typeof EdgeKindSchema>;

export const GraphEdgeSchema = z.object({
  source: NoteIdSchema,
  target: NoteIdSchema,
  kind: EdgeKindSchema,
  /** How many times the source links to the target this way. */
  count: z.number().int().positive(),
});
export type GraphEdge = z.infer<typeof GraphEdgeSchema>;

export const DiagnosticSchema = z.object({
  severity: z.enum(['warning', 'error']),
  code: z.string(),
  /** Vault-relative path, or '' for the vault as a whole. */
  file: z.string(),
  line: z.number().int().positive().optional(),
  message: z.string(),
});
export type Diagnostic = z.infer<typeof DiagnosticSchema>;

export const GraphStatsSchema = z.object({
  notes: z.number().int().nonnegative(),
  ghosts: z.number().int().nonnegative(),
  links: z.number().int().nonnegative(),
  unresolvedLinks: z.number().int().nonnegative(),
  selfLinks: z.number().int().nonnegative(),
  skippedFiles: z.number().int().nonnegative(),
  warnings: z.number().int().nonnegative(),
});
export type GraphStats = z.infer<typeof GraphStatsSchema>;

export const GraphSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  vaultName: z.string(),
  stats: GraphStatsSchema,
  nodes: z.array(GraphNodeSchema),
  edges: z.array(GraphEdgeSchema),
  diagnostics: z.array(DiagnosticSchema),
});
export type Graph = z.infer<typeof GraphSchema>;

const count = z.number().int().nonnegative();

/** A node in graph.json: GraphNode's fields in its order, without keys (graphFormat.ts converts). */
export const NodeTupleSchema = z.tuple([
  NoteIdSchema, z.string(), z.string(), z.string(), z.array(z.string()), z.array(z.string()), z.boolean(), count, count,
  z.record(z.string(), MetaValueSchema), z.number(), z.number(), count,
]);
export type NodeTuple = z.infer<typeof NodeTupleSchema>;

/**
 * graph.json on the wire: as Graph, but each node is a NodeTuple (the keys, repeated for every node, were a
 * quarter of a big vault's file) and edges are one flat list of integers, three per edge (see encodeEdges in
 * graphFormat.ts: steps between node indices, and count × 2 + kind).
 */
export const GraphFileSchema = GraphSchema.omit({ edges: true, nodes: true })
  .extend({ nodes: z.array(NodeTupleSchema), edges: z.array(z.number()) })
  .superRefine((file, context) => {
    if (!walkEdges(file.edges, file.nodes.length)) {
      context.addIssue({ code: 'custom', path: ['edges'], message: 'the edge list does not decode to [source, target, count, kind] within the node list' });
    }
  });
export type GraphFile = z.infer<typeof GraphFileSchema>;

export const LinkRefSchema = z.object({
  id: NoteIdSchema,
  title: z.string(),
  ghost: z.boolean(),
});
export type LinkRef = z.infer<typeof LinkRefSchema>;

export const BacklinkSchema = LinkRefSchema.extend({
  /** Plain text around the first link, for context. */
  snippet: z.string(),
});
export type Backlink = z.infer<typeof BacklinkSchema>;

export const ExternalLinkSchema = z.object({ url: z.string(), label: z.string() });

/** Per-note file, loaded when the note is opened. */
export const NotePageSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  id: NoteIdSchema,
  /** Sanitized by the compiler; the only HTML the app inserts. */
  html: z.string(),
  backlinks: z.array(BacklinkSchema),
  outgoing: z.array(LinkRefSchema),
  unresolved: z.array(LinkRefSchema),
  external: z.array(ExternalLinkSchema),
});
export type NotePage = z.infer<typeof NotePageSchema>;
