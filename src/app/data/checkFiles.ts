// Quick checks that a parsed graph.json or note page matches the shared schema (src/shared/schema.ts), written
// out by hand so the first paint needs no zod: zod took 0.1 s at 1k notes and 0.3-0.5 s at 25k (it copies
// every note), and its module another ~50 ms to load. Each check accepts exactly what the zod schema accepts
// (checkFiles.test.ts compares them on generated and broken files); the app loads zod only when a check
// fails, to say what is wrong.
import { walkEdges } from '../../shared/graphFormat.ts';
import type { GraphFile, NotePage } from '../../shared/schema.ts';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
/** zod's `.int()` is a safe integer. */
const isCount = (v: unknown): boolean => Number.isSafeInteger(v) && (v as number) >= 0;
const isPositive = (v: unknown): boolean => Number.isSafeInteger(v) && (v as number) > 0;
const NOTE_ID = /^[a-z0-9][a-z0-9._~-]*$/;
const isNoteId = (v: unknown): boolean => isString(v) && v.length >= 1 && v.length <= 300 && NOTE_ID.test(v);
const isStringList = (v: unknown): boolean => Array.isArray(v) && v.every(isString);

/** A node tuple (graphFormat.ts). Any JSON value is a MetaValue, so `meta` only has to be an object. */
function isNode(n: unknown): boolean {
  return (
    Array.isArray(n) &&
    n.length === 13 &&
    isNoteId(n[0]) &&
    isString(n[1]) &&
    isString(n[2]) &&
    isString(n[3]) &&
    isStringList(n[4]) &&
    isStringList(n[5]) &&
    typeof n[6] === 'boolean' &&
    isCount(n[7]) &&
    isCount(n[8]) &&
    isObject(n[9]) &&
    isNumber(n[10]) &&
    isNumber(n[11]) &&
    isCount(n[12])
  );
}

const STATS = ['notes', 'ghosts', 'links', 'unresolvedLinks', 'selfLinks', 'skippedFiles', 'warnings'] as const;

function isDiagnostic(d: unknown): boolean {
  return (
    isObject(d) &&
    (d.severity === 'warning' || d.severity === 'error') &&
    isString(d.code) &&
    isString(d.file) &&
    (d.line === undefined || isPositive(d.line)) &&
    isString(d.message)
  );
}

/** Three integers per edge that decode to edges between these nodes (walkEdges, shared with the schema). */
function isEdgeList(edges: unknown, nodeCount: number): boolean {
  return Array.isArray(edges) && walkEdges(edges, nodeCount);
}

/** True when `json` is a valid graph.json of this schema version (GraphFileSchema would accept it). */
export function isGraphFile(json: unknown, schemaVersion: number): json is GraphFile {
  if (!isObject(json) || json.schemaVersion !== schemaVersion || !isString(json.vaultName)) return false;
  const { stats, nodes, diagnostics } = json;
  if (!isObject(stats) || !STATS.every((key) => isCount(stats[key]))) return false;
  if (!Array.isArray(nodes) || !nodes.every(isNode)) return false;
  if (!Array.isArray(diagnostics) || !diagnostics.every(isDiagnostic)) return false;
  return isEdgeList(json.edges, nodes.length);
}

const isLinkRef = (r: unknown): r is Json => isObject(r) && isNoteId(r.id) && isString(r.title) && typeof r.ghost === 'boolean';

/** True when `json` is a valid note page of this schema version (NotePageSchema would accept it). */
export function isNotePage(json: unknown, schemaVersion: number): json is NotePage {
  return (
    isObject(json) &&
    json.schemaVersion === schemaVersion &&
    isNoteId(json.id) &&
    isString(json.html) &&
    Array.isArray(json.backlinks) &&
    json.backlinks.every((b) => isLinkRef(b) && isString(b.snippet)) &&
    Array.isArray(json.outgoing) &&
    json.outgoing.every(isLinkRef) &&
    Array.isArray(json.unresolved) &&
    json.unresolved.every(isLinkRef) &&
    Array.isArray(json.external) &&
    json.external.every((e) => isObject(e) && isString(e.url) && isString(e.label))
  );
}
