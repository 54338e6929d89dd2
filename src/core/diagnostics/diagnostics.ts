import { visible } from '../text/text-checks.ts';
import type { RuleId } from '../rules/catalog.ts';

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
  /** Stable rule id, e.g. `unknown-reference`: one of the catalog's, documented in docs/rules.md. */
  rule: RuleId;
  /** What is wrong and what was expected; no position, no "Error:" prefix. */
  message: string;
  /** How to fix it, e.g. "did you mean `ci-speed`?". */
  hint?: string;
  /** Other files the problem involves; `--changed-since` keeps it when any of them changed. */
  related?: string[];
}

export const WHOLE_FILE: Span = { line: 1, column: 1, endLine: 1, endColumn: 1 };
export const NO_SPAN: Span = { line: 0, column: 0, endLine: 0, endColumn: 0 };

const TOO_MANY_PROBLEMS = 'too-many-problems' satisfies RuleId;

/** By file, then position; a file's "and N more" comes after everything shown of that file. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const fa = a.file ?? '';
  const fb = b.file ?? '';
  if (fa !== fb) return fa < fb ? -1 : 1;
  const last = Number(a.rule === TOO_MANY_PROBLEMS) - Number(b.rule === TOO_MANY_PROBLEMS);
  return last || a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
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

/** More problems than this in one file are summed up in one more: the first ones say it all. */
export const MAX_PROBLEMS_PER_FILE = 50;

interface LeftOut {
  count: number;
  severity: Severity;
  /** Where the first problem left out is. */
  at: Span;
}

/**
 * Shows the first {@link MAX_PROBLEMS_PER_FILE} problems of each file, in the order the check
 * finds them (the file's text, its YAML, its fields, then the rules across files), and counts the
 * rest without building them: one hostile file can hold 100,000 problems. Problems of the whole
 * tree (no file) are never capped.
 */
export class ProblemCap {
  readonly #shown = new Map<string, number>();
  readonly #leftOut = new Map<string, LeftOut>();

  /** How many more problems of `file` can be shown. */
  room(file: string): number {
    return MAX_PROBLEMS_PER_FILE - (this.#shown.get(file) ?? 0);
  }

  /** Whether the next problem of `file` is shown; if so, it is counted as shown. */
  take(file: string | undefined): boolean {
    if (file === undefined) return true;
    const shown = this.#shown.get(file) ?? 0;
    if (shown >= MAX_PROBLEMS_PER_FILE) return false;
    this.#shown.set(file, shown + 1);
    return true;
  }

  /**
   * Counts `count` problems that {@link take} refused, or that were never built for lack of
   * {@link room}; `at` is asked for only for the file's first.
   */
  leaveOut(file: string, severity: Severity, at: () => Span, count = 1): void {
    const left = this.#leftOut.get(file);
    if (left) {
      left.count += count;
      if (severity === 'error') left.severity = 'error';
    } else {
      this.#leftOut.set(file, { count, severity, at: at() });
    }
  }

  /**
   * One `too-many-problems` per capped file, at its first problem left out, saying how many more
   * there are. It fails the check only if one of those would have.
   */
  summaries(): Diagnostic[] {
    return [...this.#leftOut].map(([file, { count, severity, at }]) => ({
      file,
      line: at.line,
      column: at.column,
      endLine: at.endLine,
      endColumn: at.endColumn,
      severity,
      rule: TOO_MANY_PROBLEMS,
      message: `And ${count.toLocaleString('en-US')} more ${count === 1 ? 'problem' : 'problems'} in this file, not shown`,
      hint: `fix the first ${MAX_PROBLEMS_PER_FILE} and check again; one mistake often causes many problems`,
    }));
  }
}

/** `file:line:column`, the file alone, or `content/` for a problem of the whole tree. */
export function location(d: Diagnostic): string {
  if (d.file === undefined) return 'content/';
  // A file name is content too: it may hold a line break.
  const file = visible(d.file);
  return d.line > 0 ? `${file}:${d.line}:${d.column}` : file;
}

/** Problems in changed files, problems involving a changed file, and problems of the whole tree. */
export function onlyChanged(diagnostics: readonly Diagnostic[], changed: ReadonlySet<string>): Diagnostic[] {
  return diagnostics.filter((d) => d.file === undefined || changed.has(d.file) || (d.related ?? []).some((file) => changed.has(file)));
}
