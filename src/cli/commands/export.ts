import { closeSync, lstatSync, openSync, readSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { checkFiles } from '../../core/check.ts';
import { countBySeverity } from '../../core/diagnostics/diagnostics.ts';
import { UsageError } from '../../core/diagnostics/errors.ts';
import { exportJson, isExport } from '../../core/export/export-json.ts';
import { exportMarkdown } from '../../core/export/export-markdown.ts';
import { personalExport } from '../../core/export/export-record.ts';
import { valid } from '../../core/read/content.ts';
import { CONTENT_DIR } from '../../core/read/paths.ts';
import { didYouMean } from '../../core/text/suggest.ts';
import { readContentTree } from '../../node/fs.ts';
import { defineCommand } from '../command.ts';
import { writeAtomically } from '../editor-map.ts';
import { jsonLogSafe, logSafe } from '../format/log-safe.ts';
import { addedCommits, sharedByGit } from '../git.ts';

export const EXPORT_FORMATS = ['md', 'json'] as const;

/**
 * `throughline export`: one person's own record to take with them, private items and
 * `content/.personal/` included. Run by the person on their machine; CI never runs it.
 */
export const command = defineCommand({
  name: 'export',
  summary: "Write one person's accomplishments, every cycle and visibility, to take with them",
  options: {
    person: {
      type: 'string',
      value: 'ID',
      description: 'Whose record: the id of a file in content/people/ (required)',
      doc: "Required. Whose record: the id of a file in `content/people/`. Only items this person is an author of are exported; nobody else's, whatever their visibility. An unknown id is a usage error with a suggestion.",
    },
    format: {
      type: 'string',
      value: 'FORMAT',
      choices: EXPORT_FORMATS,
      default: 'md',
      description: 'md (default) or json',
      doc: '`md` (default): one Markdown document. `json`: the shape below, `schemaVersion: 1`.',
    },
    out: {
      type: 'string',
      value: 'FILE',
      description: 'Write to FILE (relative to --root) instead of stdout; only a new file or an earlier export is replaced',
      doc: 'Write the export to `FILE`, relative to `--root`, instead of stdout. `FILE` must be new or an earlier export (its first line or field says so); any other file is refused and left as it was. Written to a temporary file first, then renamed into place.',
    },
  },
  run(values, ctx) {
    const person = values.person;
    if (person === undefined || person === '') throw new UsageError('--person ID is needed, e.g. `--person ana`');
    const target = values.out === undefined ? undefined : resolve(ctx.root, values.out);
    if (target !== undefined) {
      const inContent = relative(resolve(ctx.root, CONTENT_DIR), target);
      if (inContent === '' || (!inContent.startsWith('..') && !isAbsolute(inContent)))
        throw new UsageError(
          `--out \`${values.out!}\` is inside \`${CONTENT_DIR}/\`, which holds only content; write the export outside it`,
        );
      refuseForeign(target, values.out!);
    }
    const { diagnostics, content } = checkFiles(readContentTree(ctx.root, { personal: true }), { today: ctx.today });
    const known = new Set([...content.entries.people.keys(), ...valid(content, 'accomplishments').flatMap((item) => item.data.authors)]);
    if (!known.has(person)) {
      const hint = didYouMean(person, known);
      throw new UsageError(`unknown --person \`${person}\`, expected the id of a file in \`content/people/\`${hint ? ` (${hint})` : ''}`);
    }
    const leftOut = Object.values(content.entries).reduce(
      (n, entries) => n + [...entries.values()].filter((e) => e.data === undefined).length,
      0,
    );
    const { errors } = countBySeverity(diagnostics);
    if (errors > 0) {
      const left =
        leftOut > 0
          ? `; ${leftOut} file${leftOut === 1 ? ' fails' : 's fail'} the schema and ${leftOut === 1 ? 'is' : 'are'} left out of this export`
          : '';
      ctx.stderr.write(`${errors} error${errors === 1 ? '' : 's'} in content${left}; run \`npm run check\` for details\n`);
    }
    const record = personalExport({
      content,
      person,
      today: ctx.today,
      commits: addedCommits(ctx.root, `${CONTENT_DIR}/accomplishments`),
      leftOut,
    });
    const text = values.format === 'json' ? exportJson(record) : exportMarkdown(record);
    if (target === undefined) {
      ctx.stdout.write(values.format === 'json' ? jsonLogSafe(text) : logSafe(text));
      return 0;
    }
    writeAtomically(target, text);
    const items = record.cycles.reduce((n, cycle) => n + cycle.items.length, 0);
    ctx.stdout.write(`Wrote ${items} item${items === 1 ? '' : 's'} to ${values.out!}\n`);
    // The export holds private items: in a shared repository it is one `git add -A` from being pushed.
    if (sharedByGit(ctx.root, target))
      ctx.stderr.write(
        `\`${values.out!}\` is in the repository and git does not ignore it; it holds private items, so never commit it: write it outside the repository, or add it to .gitignore\n`,
      );
    return 0;
  },
});

/** Refuses to replace a file (or anything else) at `path` that no export wrote. */
function refuseForeign(path: string, given: string): void {
  let stat;
  try {
    stat = lstatSync(path);
  } catch {
    return;
  }
  if (stat.isFile() && isExport(head(path) ?? '')) return;
  throw new UsageError(
    `--out \`${given}\` exists and was not written by \`throughline export\`; nothing was written: choose another FILE, or move that one away yourself`,
  );
}

/** The first bytes of a file: enough to see an export's marker without reading a large file whole. */
function head(path: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    const buffer = Buffer.alloc(256);
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, n).toString('utf8');
  } finally {
    closeSync(fd);
  }
}
