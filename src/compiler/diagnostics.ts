import type { Diagnostic } from '../shared/schema.ts';

export function warning(code: string, file: string, message: string, line?: number): Diagnostic {
  return line === undefined ? { severity: 'warning', code, file, message } : { severity: 'warning', code, file, line, message };
}

/** Stable order for output: by file, line, code, message. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      cmp(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || cmp(a.code, b.code) || cmp(a.message, b.message),
  );
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
