// Frontmatter through gray-matter, with its traps closed: YAML only (no code runs), no cache, no alias bombs.
import matter from 'gray-matter';
import { parse as parseYaml, YAMLParseError } from 'yaml';
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
const yamlEngine = (source: string): unknown =>
  // Aliases are capped: a "billion laughs" bomb fails here instead of exhausting memory.
  // logLevel 'error': errors still throw, but an unknown `!!tag` prints no process warning.
  parseYaml(source, { maxAliasCount: 100, uniqueKeys: false, logLevel: 'error' });

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
    return empty([yamlWarning(error, file)]);
  }
  if (head.length < text.length) parsed = { data: parsed.data, content: parsed.content + text.slice(head.length) };
  const data = parsed.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return empty([warning('frontmatter-not-mapping', file, 'Frontmatter is not a set of "key: value" pairs; it was ignored.', 2)]);
  }
  const diagnostics: Diagnostic[] = [];
  const safe = toMeta(data as Record<string, unknown>, file, diagnostics);
  return { data: safe, body: parsed.content, bodyLineOffset: countLines(text) - countLines(parsed.content), diagnostics };
}

function yamlWarning(error: unknown, file: string): Diagnostic {
  if (error instanceof YAMLParseError) {
    // gray-matter hands YAML the block from just after the opening `---`, so YAML's line N is the file's line N.
    const line = error.linePos?.[0]?.line;
    const message = (error.message.split('\n')[0] ?? 'invalid YAML').replace(/ at line \d+, column \d+:?$/, '');
    return warning('frontmatter-invalid', file, `Invalid YAML in frontmatter: ${message}`, line);
  }
  if (error instanceof RefusedEngine) return warning('frontmatter-language', file, 'Frontmatter is not YAML; it was ignored and never run.', 1);
  const message = error instanceof Error ? error.message : String(error);
  const tooManyAliases = /alias/i.test(message);
  return warning(
    tooManyAliases ? 'frontmatter-alias-bomb' : 'frontmatter-invalid',
    file,
    tooManyAliases ? `Frontmatter uses too many YAML aliases; it was ignored. (${message})` : `Invalid frontmatter: ${message}`,
  );
}

/** Copy into plain JSON values; cycles, depth and size are capped with a warning. */
function toMeta(data: Record<string, unknown>, file: string, diagnostics: Diagnostic[]): Record<string, MetaValue> {
  let budget = MAX_VALUES;
  let problem: string | undefined;
  const seen = new Set<object>();
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
    seen.add(value);
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
