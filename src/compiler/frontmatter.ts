// Frontmatter through gray-matter, with its traps closed: YAML only (no code runs), no cache, no alias bombs.
// The YAML engine is js-yaml 4 with its core schema (plain values stay as written): about 8 times faster than
// the `yaml` package on real frontmatter (BENCHMARKS.md), and it has no types that run code.
import matter from 'gray-matter';
import { CORE_SCHEMA, load as loadYaml, YAMLException } from 'js-yaml';
import type { Diagnostic, MetaValue } from '../shared/schema.ts';
import { warning } from './diagnostics.ts';

export interface Frontmatter {
  data: Record<string, MetaValue>;
  body: string;
  /** Lines taken by the frontmatter block, so body line N is file line N + bodyLineOffset. */
  bodyLineOffset: number;
  diagnostics: Diagnostic[];
}

class RefusedEngine extends Error {}
const refuse = (): never => {
  throw new RefusedEngine('only YAML frontmatter is read');
};
// js-yaml shares one object between an anchor and its aliases, so a "billion laughs" bomb stays small here;
// the copy into plain values (toMeta) caps how often aliases are expanded. `json`: a repeated key wins.
const yamlEngine = (source: string): unknown => loadYaml(source, { schema: CORE_SCHEMA, json: true });

/** Every engine gray-matter knows, except YAML, is replaced by one that refuses. */
const MATTER_OPTIONS = {
  language: 'yaml',
  engines: {
    yaml: yamlEngine,
    yml: yamlEngine,
    js: refuse,
    javascript: refuse,
    coffee: refuse,
    coffeescript: refuse,
    cson: refuse,
    json: refuse,
    toml: refuse,
  },
};
type MatterFn = (input: string, options: object) => { data: unknown; content: string };

const MAX_DEPTH = 12;
const MAX_VALUES = 5000;
/** Expansions of an already-copied anchor beyond this make the block an alias bomb. */
const MAX_ALIAS_EXPANSIONS = 100;

class AliasBomb extends Error {}

export function readFrontmatter(text: string, file: string): Frontmatter {
  const empty = (diagnostics: Diagnostic[]): Frontmatter => ({ data: {}, body: stripBlock(text), bodyLineOffset: blockLines(text), diagnostics });
  if (!/^---/.test(text)) return { data: {}, body: text, bodyLineOffset: 0, diagnostics: [] };
  const fence = /^---([^\n]*)\n/.exec(text);
  const language = fence?.[1]?.trim().toLowerCase() ?? '';
  if (fence && language !== '' && language !== 'yaml' && language !== 'yml') {
    if (/^-+$/.test(language)) return { data: {}, body: text, bodyLineOffset: 0, diagnostics: [] }; // a rule, not frontmatter
    return empty([warning('frontmatter-language', file, `Frontmatter fenced as "---${fence[1]}" is not YAML; it was ignored and never run.`, 1)]);
  }
  // gray-matter is handed only the frontmatter block: it keys its cache lookup by the whole input, and a
  // 1 MB body would be hashed for nothing. Options are always passed, which bypasses that cache.
  const close = text.indexOf('\n---', 3);
  const lineEnd = close === -1 ? -1 : text.indexOf('\n', close + 4);
  const head = lineEnd === -1 ? text : text.slice(0, lineEnd + 1);
  let parsed: { data: unknown; content: string };
  try {
    parsed = (matter as unknown as MatterFn)(head, MATTER_OPTIONS);
  } catch (error) {
    return empty([yamlWarning(error, file, countLines(head) - 1)]);
  }
  if (head.length < text.length) parsed = { data: parsed.data, content: parsed.content + text.slice(head.length) };
  const data = parsed.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return empty([warning('frontmatter-not-mapping', file, 'Frontmatter is not a set of "key: value" pairs; it was ignored.', 2)]);
  }
  const diagnostics: Diagnostic[] = [];
  let safe: Record<string, MetaValue>;
  try {
    safe = toMeta(data as Record<string, unknown>, file, diagnostics);
  } catch (error) {
    if (!(error instanceof AliasBomb)) throw error;
    return empty([warning('frontmatter-alias-bomb', file, `Frontmatter expands YAML aliases more than ${MAX_ALIAS_EXPANSIONS} times; it was ignored.`, 2)]);
  }
  return { data: safe, body: parsed.content, bodyLineOffset: countLines(text) - countLines(parsed.content), diagnostics };
}

/** `lastLine`: the file line just above the closing `---`. */
function yamlWarning(error: unknown, file: string, lastLine: number): Diagnostic {
  if (error instanceof YAMLException) {
    // gray-matter hands YAML the block from just after the opening `---` (its newline included), so js-yaml's
    // 0-based line N is the file's line N + 1. An unclosed quote or bracket is reported at the end of the
    // block, which is the closing fence: name the last line inside the block instead.
    const line = error.mark ? Math.min(error.mark.line + 1, Math.max(lastLine, 2)) : undefined;
    return warning('frontmatter-invalid', file, `Invalid YAML in frontmatter: ${error.reason || 'cannot be read'}`, line);
  }
  if (error instanceof RefusedEngine) return warning('frontmatter-language', file, 'Frontmatter is not YAML; it was ignored and never run.', 1);
  const message = error instanceof Error ? error.message : String(error);
  return warning('frontmatter-invalid', file, `Invalid frontmatter: ${message}`);
}

/** Copy into plain JSON values; cycles, depth and size are capped with a warning. */
function toMeta(data: Record<string, unknown>, file: string, diagnostics: Diagnostic[]): Record<string, MetaValue> {
  let budget = MAX_VALUES;
  let problem: string | undefined;
  let aliasExpansions = 0;
  const seen = new Set<object>();
  const copied = new Set<object>();
  const convert = (value: unknown, depth: number): MetaValue => {
    if (--budget < 0) return (problem ??= 'too large'), null;
    if (value === null || value === undefined) return null;
    if (typeof value === 'string' || typeof value === 'boolean') return value;
    if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
    if (typeof value === 'bigint') return value.toString();
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().replace('T00:00:00.000Z', '');
    if (typeof value !== 'object') return null;
    if (depth >= MAX_DEPTH) return (problem ??= 'nested too deeply'), null;
    if (seen.has(value)) return (problem ??= 'cyclic (a YAML anchor that contains itself)'), null;
    if (copied.has(value) && ++aliasExpansions > MAX_ALIAS_EXPANSIONS) throw new AliasBomb();
    seen.add(value);
    copied.add(value);
    let out: MetaValue;
    if (Array.isArray(value)) out = value.map((item) => convert(item, depth + 1));
    else {
      const record: Record<string, MetaValue> = {};
      for (const [key, item] of Object.entries(value)) {
        if (key === '__proto__') continue;
        record[key] = convert(item, depth + 1);
      }
      out = record;
    }
    seen.delete(value);
    return out;
  };
  const result: Record<string, MetaValue> = {};
  for (const [key, value] of Object.entries(data)) {
    if (key === '__proto__') continue;
    result[key] = convert(value, 0);
  }
  if (problem) diagnostics.push(warning('frontmatter-capped', file, `A frontmatter value is ${problem}; that part was dropped.`, 2));
  return result;
}

function countLines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/** The body after an unreadable frontmatter block: everything after the closing `---`. */
function stripBlock(text: string): string {
  const close = text.indexOf('\n---', 3);
  if (close === -1) return text;
  const after = text.indexOf('\n', close + 4);
  return after === -1 ? '' : text.slice(after + 1);
}

function blockLines(text: string): number {
  return countLines(text) - countLines(stripBlock(text));
}
