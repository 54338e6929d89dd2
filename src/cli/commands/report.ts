import { appendFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { checkFiles } from '../../core/check.ts';
import { renderReport, type ItemChange } from '../../core/report.ts';
import { GITHUB_HANDLE_MAX, GITHUB_HANDLE_PATTERN } from '../../schema/index.ts';
import { defineCommand } from '../command.ts';
import { UsageError } from '../../core/diagnostics/errors.ts';
import { logSafe } from '../format/log-safe.ts';
import { summaryLine } from '../format/summary.ts';
import { readContentTree } from '../../node/fs.ts';
import { changedFiles, filesAt } from '../git.ts';
import { changeSet, isSharedItem, itemsAt } from '../changes.ts';
import { onlyChanged } from '../../core/diagnostics/diagnostics.ts';

/** A handle as `github` in people's files takes it; apps open pull requests too, as `dependabot[bot]`. */
function isHandle(author: string): boolean {
  const handle = author.replace(/\[bot\]$/, '');
  return handle.length <= GITHUB_HANDLE_MAX && GITHUB_HANDLE_PATTERN.test(handle);
}

/**
 * `throughline report`: the Markdown a pull request gets as its job summary and comment. It
 * runs the whole check itself and exits 0 whatever the content's problems (the check step is
 * what fails the job); 2 for a bad call, such as a revision git does not know.
 */
export const command = defineCommand({
  name: 'report',
  summary: 'Write a pull request report in Markdown: changed items, counts, problems',
  options: {
    base: {
      type: 'string',
      value: 'REF',
      description: 'The git revision the pull request is compared with, e.g. origin/main',
      doc: 'Required. The git revision the pull request is compared with, e.g. `origin/main`. In CI, fetch it first (`git fetch origin main`).',
    },
    out: {
      type: 'string',
      value: 'FILE',
      description: 'Also write the report to FILE (relative to --root)',
      doc: 'Also write the report to `FILE`, relative to `--root` (the current directory unless `--root` says otherwise).',
    },
    'pr-author': {
      type: 'string',
      value: 'HANDLE',
      description: 'Note changed items that this GitHub handle is not an author of',
      doc: 'The GitHub handle of whoever opened the pull request. Items it changes that this person (matched case-insensitively to people\'s `github`) is not an author of say so: "Opened by `@handle`, who is not an author". The check warns too (`pr-author`).',
    },
  },
  run(values, ctx) {
    const base = values.base;
    if (base === undefined || base === '') throw new UsageError('--base REF is needed, e.g. `--base origin/main`');
    const prAuthor = values['pr-author']?.replace(/^@/, '');
    if (prAuthor !== undefined && !isHandle(prAuthor))
      throw new UsageError(`--pr-author \`${prAuthor}\` is not a GitHub handle, expected letters, digits and single hyphens`);
    const changed = changedFiles(ctx.root, base, '--base');
    const files = readContentTree(ctx.root);
    const pullRequest = prAuthor === undefined ? undefined : { author: prAuthor, changed };
    const changes = changeSet(ctx.root, base, changed);
    const { diagnostics: all, content } = checkFiles(files, { today: ctx.today, pullRequest, changes });
    const diagnostics = onlyChanged(all, changed);
    const markdown = renderReport({
      content,
      diagnostics,
      summary: summaryLine(diagnostics, { files: files.length, changedSince: base }),
      changes: itemChanges(ctx.root, base, changed, new Set(files.map((f) => f.path))),
      prAuthor,
    });
    const out = values.out;
    if (out !== undefined) {
      write(() => {
        writeFileSync(resolve(ctx.root, out), markdown);
      }, `--out ${out}`);
    }
    const summaryFile = ctx.env['GITHUB_STEP_SUMMARY'];
    if (summaryFile) {
      write(
        () => {
          appendFileSync(summaryFile, markdown);
        },
        `GITHUB_STEP_SUMMARY (${relative(ctx.root, summaryFile) || summaryFile})`,
      );
    }
    // Last, so that a file that cannot be written leaves nothing half-done on stdout.
    ctx.stdout.write(logSafe(markdown));
    return 0;
  },
});

function write(action: () => void, what: string): void {
  try {
    action();
  } catch (error) {
    throw new UsageError(`cannot write ${what}: ${(error as Error).message}`);
  }
}

/**
 * Accomplishment files the pull request touches: added or changed by path, then removed. Never
 * one in `content/.personal/`, even one committed by mistake: the report is posted for the team.
 */
function itemChanges(root: string, base: string, changed: ReadonlySet<string>, present: ReadonlySet<string>): ItemChange[] {
  const items = [...changed].filter(isSharedItem);
  if (items.length === 0) return [];
  const atBase = filesAt(root, base, 'content/accomplishments');
  const before = itemsAt(
    root,
    base,
    items.filter((path) => atBase.has(path)),
  );
  const now = items.filter((path) => present.has(path)).sort();
  const gone = items.filter((path) => !present.has(path) && atBase.has(path)).sort();
  return [
    ...now.map((file): ItemChange => ({ file, kind: atBase.has(file) ? 'changed' : 'added', before: before.get(file) })),
    ...gone.map((file): ItemChange => ({ file, kind: 'removed', before: before.get(file) })),
  ];
}
