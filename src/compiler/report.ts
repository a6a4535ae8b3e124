// What the command line prints: grouped warnings, a progress bar, and the one-line summary.
import type { Diagnostic, Graph } from '../shared/schema.ts';

const MAX_PER_GROUP = 20;

/** Warnings grouped by kind; each as `file:line  message`. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string {
  const groups = new Map<string, Diagnostic[]>();
  for (const diagnostic of diagnostics) {
    const list = groups.get(diagnostic.code) ?? [];
    list.push(diagnostic);
    groups.set(diagnostic.code, list);
  }
  let out = '';
  for (const [code, list] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
    out += `\n${code} (${list.length})\n`;
    for (const d of list.slice(0, MAX_PER_GROUP)) out += `  ${d.file || '(vault)'}${d.line ? `:${d.line}` : ''}  ${d.message}\n`;
    if (list.length > MAX_PER_GROUP) out += `  … and ${list.length - MAX_PER_GROUP} more\n`;
  }
  return `${out}\n`;
}

export function formatSummary(graph: Graph, seconds: number): string {
  const s = graph.stats;
  const counts = [count(s.notes, 'note'), count(s.links, 'link'), count(s.unresolvedLinks, 'unresolved link'), count(s.ghosts, 'ghost'), count(s.warnings, 'warning')];
  return `${counts.join(', ')} in ${seconds.toFixed(2)}s`;
}

const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** A one-line bar on a TTY, redrawn in place. */
export function progressBar(stream: NodeJS.WriteStream): { update: (done: number, total: number, stage: string) => void; done: () => void } {
  let shown = false;
  return {
    update: (done, total, stage) => {
      if (total < 1000) return; // small vaults finish before a bar helps
      const width = 30;
      const filled = Math.round((done / total) * width);
      stream.write(`\r${stage.padEnd(7)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
      shown = true;
    },
    done: () => {
      if (shown) stream.write('\r\x1b[K');
    },
  };
}
