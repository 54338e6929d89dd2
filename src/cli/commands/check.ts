import { checkCommand, FORMATS, PAGES_URL_OPTION } from '../check-run.ts';
import { defineCommand } from '../command.ts';

export const command = defineCommand({
  name: 'check',
  summary: 'Check every file under content/ against the schema and the rules',
  options: {
    format: {
      type: 'string',
      value: 'FORMAT',
      choices: FORMATS,
      default: 'pretty',
      description: 'pretty (default), json or github',
      doc: 'Output format (below): `pretty`, `json` or `github`. Default: `pretty`.',
    },
    strict: { type: 'boolean', default: false, description: 'Fail on warnings too', doc: 'Fail (exit 1) on warnings too.' },
    'changed-since': {
      type: 'string',
      value: 'REF',
      description: 'Report only problems in files changed since the git revision REF (the whole content is still checked)',
      doc: "Still loads and checks the whole content (references need it), but reports only problems in files changed since the git revision `REF` — committed, staged, unstaged or untracked — plus problems that involve a changed file (an over-claimed key result one of them claims, a person's count in a cycle) and problems of the whole tree (a missing `content/site.yaml`).",
    },
    'pr-author': {
      type: 'string',
      value: 'HANDLE',
      description: 'With --changed-since: warn when this GitHub handle is not among the authors of a changed item',
      doc: 'With `--changed-since`, in a pull request: warn (`pr-author`) when the person with this GitHub handle, matched to `github` in `content/people/` ignoring case, is not among the authors of an item the pull request adds or changes.',
    },
    summary: {
      type: 'boolean',
      default: true,
      description: 'With --format github: do not write the job summary (the report does)',
      doc: 'With `--format github`: do not write the job summary. The check workflow leaves it to `throughline report`, which includes the same problems.',
    },
    'pages-url': PAGES_URL_OPTION,
  },
  run(values, ctx) {
    const result = checkCommand({
      root: ctx.root,
      format: values.format,
      strict: values.strict,
      changedSince: values['changed-since'],
      prAuthor: values['pr-author'],
      pagesUrl: values['pages-url'],
      summary: values.summary,
      today: ctx.today,
      env: ctx.env,
      isTTY: ctx.stdoutIsTTY,
    });
    ctx.stdout.write(result.stdout);
    return result.exitCode;
  },
});
