// The quick checks must accept exactly what the shared zod schema accepts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeTuple } from '../../shared/graphFormat.ts';
import { GraphFileSchema, NotePageSchema, SCHEMA_VERSION, type GraphNode } from '../../shared/schema.ts';
import { isGraphFile, isNotePage } from './checkFiles.ts';

const noteId = fc.stringMatching(/^[a-z0-9][a-z0-9._~-]{0,12}$/);
const json = fc.jsonValue({ maxDepth: 2 });
const int = fc.integer({ min: 0, max: 50 });

const node = fc.record({
  id: noteId,
  title: fc.string(),
  path: fc.string(),
  folder: fc.string(),
  tags: fc.array(fc.string(), { maxLength: 3 }),
  aliases: fc.array(fc.string(), { maxLength: 3 }),
  ghost: fc.boolean(),
  degreeIn: int,
  degreeOut: int,
  meta: fc.dictionary(fc.string(), json, { maxKeys: 3 }),
  x: fc.double({ noNaN: true, noDefaultInfinity: true }),
  y: fc.double({ noNaN: true, noDefaultInfinity: true }),
  community: int,
});

const diagnostic = fc.record(
  { severity: fc.constantFrom('warning', 'error'), code: fc.string(), file: fc.string(), line: fc.integer({ min: 1, max: 9 }), message: fc.string() },
  { requiredKeys: ['severity', 'code', 'file', 'message'] },
);

const graphFile = fc
  .record({
    nodes: fc.array(node, { minLength: 1, maxLength: 6 }),
    edgeSeeds: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 5 }), fc.constantFrom(0, 1)), { maxLength: 8 }),
    diagnostics: fc.array(diagnostic, { maxLength: 3 }),
    vaultName: fc.string(),
    stats: fc.record({ notes: int, ghosts: int, links: int, unresolvedLinks: int, selfLinks: int, skippedFiles: int, warnings: int }),
  })
  .map(({ nodes, edgeSeeds, diagnostics, vaultName, stats }) => ({
    schemaVersion: SCHEMA_VERSION,
    vaultName,
    stats,
    nodes: nodes.map((n) => nodeTuple(n as GraphNode)),
    edges: encodeEdgeList(edgeSeeds.map(([s, t, count, kind]) => [s % nodes.length, t % nodes.length, count, kind])),
    diagnostics,
  }));

/** graph.json's edge encoding (graphFormat.ts), written out again: source step, target step, count × 2 + kind. */
function encodeEdgeList(edges: [number, number, number, number][]): number[] {
  const flat: number[] = [];
  let [source, target] = [0, 0];
  for (const [s, t, count, kind] of edges) {
    if (s !== source) target = 0;
    flat.push(s - source, t - target, count * 2 + kind);
    [source, target] = [s, t];
  }
  return flat;
}

const linkRef = fc.record({ id: noteId, title: fc.string(), ghost: fc.boolean() });
const notePage = fc.record({
  schemaVersion: fc.constant(SCHEMA_VERSION),
  id: noteId,
  html: fc.string(),
  backlinks: fc.array(linkRef.chain((ref) => fc.string().map((snippet) => ({ ...ref, snippet }))), { maxLength: 3 }),
  outgoing: fc.array(linkRef, { maxLength: 3 }),
  unresolved: fc.array(linkRef, { maxLength: 3 }),
  external: fc.array(fc.record({ url: fc.string(), label: fc.string() }), { maxLength: 2 }),
});

/** Values that break a field (or happen to fit it). */
const oddValue = fc.oneof(
  fc.constantFrom<unknown>(undefined, null, '', 'x', 'Not An Id', -1, 0, 1, 1.5, 2 ** 53, 1e300, true, false, [], {}, ['x'], [1], { a: 1 }),
  json,
);

/** Every path (of keys and indices) into a JSON value. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [];
  if (Array.isArray(value)) value.forEach((v, i) => out.push([...prefix, i], ...paths(v, [...prefix, i])));
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) out.push([...prefix, k], ...paths(v, [...prefix, k]));
  return out;
}

/**
 * A copy with the value at `path` replaced (or deleted when `remove`), as JSON (what the app checks is parsed
 * JSON: no undefined, no non-finite numbers).
 */
function mutate(value: unknown, path: (string | number)[], replacement: unknown, remove: boolean): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (remove && !Array.isArray(parent)) delete parent[last];
  else parent[last] = replacement;
  return JSON.parse(JSON.stringify(copy));
}

function agreesOnMutations<T>(arbitrary: fc.Arbitrary<T>, check: (json: unknown) => boolean, schemaAccepts: (json: unknown) => boolean): void {
  fc.assert(
    fc.property(arbitrary, fc.nat(), oddValue, fc.boolean(), (file, pick, replacement, remove) => {
      const all = paths(file);
      const broken = all.length > 0 ? mutate(file, all[pick % all.length]!, replacement, remove) : file;
      expect(check(broken)).toBe(schemaAccepts(broken));
    }),
    { numRuns: 3000 },
  );
}

describe('isGraphFile', () => {
  const schemaAccepts = (json: unknown) => GraphFileSchema.safeParse(json).success;
  const check = (json: unknown) => isGraphFile(json, SCHEMA_VERSION);

  it('accepts generated graph files, as the schema does', () => {
    fc.assert(fc.property(graphFile, (file) => {
          expect([check(file), schemaAccepts(file)]).toEqual([true, true]);
        }), { numRuns: 300 });
  });

  it('agrees with the schema on files with one field broken or removed', () => {
    agreesOnMutations(graphFile, check, schemaAccepts);
  });

  it('rejects edge lists that do not fit the nodes', () => {
    const file = fc.sample(graphFile, { numRuns: 1, seed: 1 })[0]!;
    const n = file.nodes.length;
    for (const edges of [[0, 0], [0, n, 2], [n, 0, 2], [-1, 0, 2], [0, -1, 2], [0, 0, 1], [0, 0, 0], [0.5, 0, 2], [0, 0, 2.5], [0, 0, 2, 0, n, 2]]) {
      expect(check({ ...file, edges })).toBe(false);
      expect(schemaAccepts({ ...file, edges })).toBe(false);
    }
  });

  it('rejects other schema versions and non-objects', () => {
    const file = fc.sample(graphFile, { numRuns: 1, seed: 2 })[0]!;
    for (const other of [{ ...file, schemaVersion: SCHEMA_VERSION + 1 }, null, [], 'graph']) expect(check(other)).toBe(false);
  });
});

describe('isNotePage', () => {
  const schemaAccepts = (json: unknown) => NotePageSchema.safeParse(json).success;
  const check = (json: unknown) => isNotePage(json, SCHEMA_VERSION);

  it('accepts generated note pages, as the schema does', () => {
    fc.assert(fc.property(notePage, (page) => {
          expect([check(page), schemaAccepts(page)]).toEqual([true, true]);
        }), { numRuns: 300 });
  });

  it('agrees with the schema on pages with one field broken or removed', () => {
    agreesOnMutations(notePage, check, schemaAccepts);
  });
});
