export type Severity = 'error' | 'warning';

/** A range in a file; lines and columns are 1-based, the end column is exclusive. */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** The one shape every problem takes, from YAML syntax to over-claimed key results. */
export interface Diagnostic extends Span {
  /** Path relative to the repo root, `/`-separated; absent for problems of the whole tree. */
  file?: string;
  severity: Severity;
  /** Stable rule id, e.g. `unknown-reference`; documented in docs/rules.md. */
  rule: string;
  /** What is wrong and what was expected; no position, no "Error:" prefix. */
  message: string;
  /** How to fix it, e.g. "did you mean `ci-speed`?". */
  hint?: string;
  /** Other files the problem involves; `--changed-since` keeps it when any of them changed. */
  related?: string[];
}

export const WHOLE_FILE: Span = { line: 1, column: 1, endLine: 1, endColumn: 1 };
export const NO_SPAN: Span = { line: 0, column: 0, endLine: 0, endColumn: 0 };

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const fa = a.file ?? '';
  const fb = b.file ?? '';
  if (fa !== fb) return fa < fb ? -1 : 1;
  return a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const d of diagnostics) if (d.severity === 'error') errors++;
  return { errors, warnings: diagnostics.length - errors };
}

/** `goals[1].key_result`: how authors see a path into their front matter. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}
