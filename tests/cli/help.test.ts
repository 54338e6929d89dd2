import { describe, expect, expectTypeOf, it } from 'vitest';
import { commandHelp, defineCommand, optionLines, parseOptions, type OptionValues } from '../../src/cli/command.ts';
import { command as check } from '../../src/cli/commands/check.ts';
import { COMMANDS } from '../../src/cli/commands/index.ts';
import { command as newItem } from '../../src/cli/commands/new.ts';
import { runCli } from '../helpers.ts';

describe('--help is made from the option declarations', () => {
  it('throughline check --help', () => {
    const help = runCli(['check', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toBe(`${commandHelp(check)}\n`);
    expect(help.stdout).toMatchInlineSnapshot(`
      "Usage: throughline check [options]

      Check every file under content/ against the schema and the rules.

      Options:
        --format FORMAT    pretty (default), json or github
        --strict           Fail on warnings too
        --changed-since REF
                           Report only problems in files changed since the git revision REF (the whole
                           content is still checked)
        --pr-author HANDLE With --changed-since: warn when this GitHub handle is not among the authors
                           of a changed item
        --no-summary       With --format github: do not write the job summary (the report does)
        --pages-url URL    Where GitHub Pages publishes the site; an error on content/site.yaml if its
                           url is elsewhere
        --root DIR         Repository root that holds content/ (default: the current directory)
        --today YYYY-MM-DD Judge deadlines against this date (default: today)
        --debug            Print stack traces of internal errors
        -h, --help         Show help
      "
    `);
  });

  it('throughline new --help', () => {
    expect(commandHelp(newItem)).toMatchInlineSnapshot(`
      "Usage: throughline new [options]

      Write a new accomplishment: asks a few questions, or takes them all as options.

      Options:
        --author ID        Who did the work, an id from content/people/; repeat for co-authors, the
                           first is the lead
        --cycle ID         The cycle (default: the cycle of --goal, else the one open today)
        --title TEXT       What changed, as a result (at most 120 characters)
        --summary TEXT     One or two sentences (at most 200 characters)
        --goal GOAL[:KR]   A goal the work moved, with one of its key results if you like (--goal
                           ci-speed:ci-p50); repeat for more goals
        --unplanned TEXT   Instead of --goal: why the work mattered although no goal asked for it
        --outcome OUTCOME  delivered, partial, missed or learning
        --visibility VIS   public, team or private; a private item goes to content/.personal/, which git
                           ignores, so it never leaves this machine
        --no-personal      Put a private item in content/accomplishments/ with the others
        --date YYYY-MM-DD  When it landed (default: today, or the last day of a cycle that is over)
        --slug NAME        The file name (default: made from the title, at most 64 characters)
        --impact MAPPING   A before → after change, a YAML mapping as in the file ({metric: CI time,
                           before: 22, after: 11, unit: min}); repeat for more
        --evidence LABEL=URL
                           A link that shows the work: its label, =, and the link (PR #4121=https://…);
                           repeat for more
        --tag ID           A topic, lowercase kebab-case such as ci; repeat for more
        --builds-on ITEM   An earlier item this work grew out of, <cycle>/<slug> such as
                           2026-h1/cut-ci-time; repeat for more
        --section HEADING=TEXT
                           Markdown under one of the body's headings instead of its question
                           (Context=Builds took 22 minutes.); repeat for more
        --no-input         Never ask: every answer comes from the options above, and a missing one is an
                           error. Without it, you are asked for what the options leave out.
        --root DIR         Repository root that holds content/ (default: the current directory)
        --today YYYY-MM-DD Judge deadlines against this date (default: today)
        --debug            Print stack traces of internal errors
        -h, --help         Show help"
    `);
  });

  it('no help line runs past 98 columns', () => {
    const long = COMMANDS.flatMap((c) => commandHelp(c).split('\n')).filter((line) => line.length > 98);
    expect(long).toEqual([]);
  });

  it('a flag on by default is shown, and read, as --no-<flag>', () => {
    const options = { editor: { type: 'boolean', default: true, description: 'Do not write the map' } } as const;
    expect(optionLines(options)).toBe('  --no-editor        Do not write the map');
    expect(parseOptions(options, ['--no-editor']).values).toEqual({ editor: false });
    expect(parseOptions(options, []).values).toEqual({ editor: true });
  });

  it('run gets values typed from the declarations', () => {
    const options = {
      format: { type: 'string', value: 'FORMAT', choices: ['text', 'json'], default: 'text', description: 'text or json' },
      team: { type: 'string', value: 'ID', multiple: true, description: 'Only this team' },
      out: { type: 'string', value: 'FILE', description: 'Write to FILE' },
      strict: { type: 'boolean', default: false, description: 'Fail on warnings' },
    } as const;
    expectTypeOf<OptionValues<typeof options>>().toEqualTypeOf<{
      readonly format: 'text' | 'json';
      readonly team: string[] | undefined;
      readonly out: string | undefined;
      readonly strict: boolean;
    }>();
    defineCommand({
      name: 'typed',
      summary: 'A command for the type check',
      options,
      run(values) {
        expectTypeOf(values.format).toEqualTypeOf<'text' | 'json'>();
        // @ts-expect-error -- no such option: a misspelled name fails to compile
        expect(values.formt).toBeUndefined();
        return 0;
      },
    });
  });
});
