import { ProblemCap, type Diagnostic, type Severity, type Span } from '../diagnostics/diagnostics.ts';
import type { Content, ContentEntry } from '../read/content.ts';
import type { Accomplishment, Site } from '../../schema/index.ts';
import { spanOf, type SourceDoc } from '../read/source.ts';
import { visible } from '../text/text-checks.ts';
import { RULE_SEVERITY, type RuleId } from './catalog.ts';

/** A problem as a rule sees it: where (a file and a front matter path, or a span) and what. */
export interface Problem {
  at?: ContentEntry | SourceDoc;
  path?: readonly PropertyKey[];
  span?: Span;
  rule: RuleId;
  severity?: Severity;
  message: string;
  hint?: string | undefined;
  related?: readonly string[];
}

export interface CheckContext {
  content: Content;
  site: Site | undefined;
  /** `YYYY-MM-DD`; deadlines are judged against it. */
  today: string;
  /** Set when checking a pull request: who opened it and the files it changes. */
  pullRequest?: PullRequest | undefined;
  /** What git says of the files in `content/.personal/`, when the root is a git work tree. */
  personalGit?: PersonalGit | undefined;
  /** Where GitHub Pages publishes the site, when the deploy says so: site.yaml's `url` must match. */
  pagesUrl?: string | undefined;
  /** Set when checking a change (`--changed-since`): what it changed, and its items as they were before. */
  changes?: ChangeSet | undefined;
  report(problem: Problem): void;
}

/** What a run knows beyond the content: the pull request, git's view of personal files, Pages. */
export type RunFacts = Pick<CheckContext, 'pullRequest' | 'personalGit' | 'pagesUrl' | 'changes'>;

/** A change against its base (`--changed-since REF`), as the rules that judge a change need it. */
export interface ChangeSet {
  /** Paths the change touches, relative to the repository root, as in diagnostics. */
  changed: ReadonlySet<string>;
  /**
   * The changed accomplishment files as they were on the base, by path: only those that existed
   * there and passed the schema on their own.
   */
  before: ReadonlyMap<string, Accomplishment>;
}

/** Personal files git would share: tracked (or staged), or not ignored so `git add -A` takes them. */
export interface PersonalGit {
  tracked: ReadonlySet<string>;
  unignored: ReadonlySet<string>;
}

export interface PullRequest {
  /** The GitHub handle of the person who opened the pull request. */
  author: string;
  /** Paths relative to the repository root, as in diagnostics. */
  changed: ReadonlySet<string>;
}

export function createContext(
  content: Content,
  site: Site | undefined,
  today: string,
  out: Diagnostic[],
  facts: RunFacts = {},
  cap: ProblemCap = new ProblemCap(),
): CheckContext {
  return {
    content,
    site,
    today,
    ...facts,
    report(problem) {
      reportCapped(problem, out, cap);
    },
  };
}

/** Adds the problem to `out` if its file has room; otherwise only counts it, without placing it. */
export function reportCapped(problem: Problem, out: Diagnostic[], cap: ProblemCap): void {
  const file = docOf(problem)?.file;
  if (cap.take(file)) out.push(toDiagnostic(problem));
  else cap.leaveOut(file!, problem.severity ?? RULE_SEVERITY[problem.rule], () => toDiagnostic(problem));
}

function docOf(problem: Problem): SourceDoc | undefined {
  return problem.at === undefined ? undefined : 'doc' in problem.at ? problem.at.doc : problem.at;
}

export function toDiagnostic(problem: Problem): Diagnostic {
  const doc = docOf(problem);
  const span: Span = problem.span ?? (doc ? spanOf(doc, problem.path ?? []) : { line: 0, column: 0, endLine: 0, endColumn: 0 });
  const diagnostic: Diagnostic = {
    ...(doc ? { file: doc.file } : {}),
    line: span.line,
    column: span.column,
    endLine: span.endLine,
    endColumn: span.endColumn,
    severity: problem.severity ?? RULE_SEVERITY[problem.rule],
    rule: problem.rule,
    // Messages quote what authors wrote; an escape sequence must not reach a terminal or a log.
    message: visible(problem.message),
  };
  if (problem.hint) diagnostic.hint = visible(problem.hint);
  const related = problem.related?.filter((file) => file !== doc?.file);
  if (related && related.length > 0) diagnostic.related = [...new Set(related)].sort();
  return diagnostic;
}
