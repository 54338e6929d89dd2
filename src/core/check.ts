import { createContext, type ChangeSet, type PersonalGit, type PullRequest } from './rules/context.ts';
import type { Content } from './read/content.ts';
import { compareDiagnostics, ProblemCap, type Diagnostic } from './diagnostics/diagnostics.ts';
import { loadContent } from './read/load.ts';
import type { SourceFile } from './read/source-file.ts';
import { SITE_FILE } from './read/paths.ts';
import { CROSS_FILE_RULES } from './rules/index.ts';

export interface CheckOptions {
  /** `YYYY-MM-DD`: deadlines and future dates are judged against it. */
  today: string;
  /** The pull request being checked, for the rules about who submits what. */
  pullRequest?: PullRequest | undefined;
  /** What git says of personal files, for the rule that keeps them off the shared repository. */
  personalGit?: PersonalGit | undefined;
  /** Where GitHub Pages publishes the site (the deploy's `--pages-url`): site.yaml's `url` must match. */
  pagesUrl?: string | undefined;
  /** With `--changed-since`: the change and its items as they were, for rules that judge a change. */
  changes?: ChangeSet | undefined;
}

export interface CheckResult {
  diagnostics: Diagnostic[];
  content: Content;
}

/** The whole check, pure: files in, every problem out, sorted by file and position. */
export function checkFiles(files: readonly SourceFile[], options: CheckOptions): CheckResult {
  const cap = new ProblemCap();
  const { content, diagnostics } = loadContent(files, cap);
  if (!content.site) {
    diagnostics.push({
      line: 0,
      column: 0,
      endLine: 0,
      endColumn: 0,
      severity: 'error',
      rule: 'site-config',
      message: `Missing \`${SITE_FILE}\`, expected the site's settings there`,
      hint: 'write it with `title`, `url`, `repo` and `audience` (docs/content-model.md), or start the repository with `npx throughline init`',
    });
  }
  const facts = {
    pullRequest: options.pullRequest,
    personalGit: options.personalGit,
    pagesUrl: options.pagesUrl,
    changes: options.changes,
  };
  const ctx = createContext(content, content.site?.data, options.today, diagnostics, facts, cap);
  for (const rule of CROSS_FILE_RULES) rule(ctx);
  for (const summary of cap.summaries()) diagnostics.push(summary);
  diagnostics.sort(compareDiagnostics);
  return { diagnostics, content };
}
