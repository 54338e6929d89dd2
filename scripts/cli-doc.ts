import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { COMMON_OPTIONS, optionFlag, type Command, type OptionSpecs } from '../src/cli/command.ts';
import { COMMANDS } from '../src/cli/commands/index.ts';
import { questionList } from '../src/cli/new-questions.ts';

/**
 * The option tables of docs/cli.md, generated from the commands' declarations (src/cli/commands/,
 * and the common options in src/cli/command.ts), so the reference can never drift from the code.
 * Everything else in docs/cli.md is written by hand: each table sits between
 * `<!-- generated: throughline <command> -->` (or `<!-- generated: every command -->`) and
 * `<!-- end generated -->`, and only what is between them is rewritten.
 */

export const CLI_DOC = fileURLToPath(new URL('../docs/cli.md', import.meta.url));
export const SUBMITTING_DOC = fileURLToPath(new URL('../docs/submitting.md', import.meta.url));

const BLOCK = /(<!-- generated: (.+?) -->\n)[\s\S]*?(<!-- end generated -->)/g;
const EVERY_COMMAND = 'every command';
/** The questions `new` asks (src/cli/new-questions.ts), listed in both docs. */
const NEW_QUESTIONS_BLOCK = 'new questions';

/** docs/cli.md with its generated blocks rewritten from the declarations, formatted as Prettier formats it. */
export async function cliMarkdown(current: string): Promise<string> {
  const blocks = new Map<string, () => string>([
    [EVERY_COMMAND, () => table(rows(COMMON_OPTIONS))],
    [NEW_QUESTIONS_BLOCK, questionList],
    ...COMMANDS.map(
      (spec) => [`throughline ${spec.name}`, () => table([...argumentRow(spec), ...rows(spec.options), commonRow()])] as const,
    ),
  ]);
  return regenerate(current, CLI_DOC, blocks);
}

/** docs/submitting.md with the list of `new`'s questions rewritten from their declarations. */
export async function submittingMarkdown(current: string): Promise<string> {
  return regenerate(current, SUBMITTING_DOC, new Map([[NEW_QUESTIONS_BLOCK, questionList]]));
}

/**
 * `current` with each generated block rewritten by its generator; every generator needs exactly
 * one block, and a block no generator knows is an error, so a doc can neither miss one nor keep a
 * stale one.
 */
async function regenerate(current: string, file: string, blocks: ReadonlyMap<string, () => string>): Promise<string> {
  const doc = `docs/${file.split('/').at(-1)!}`;
  const found = new Set<string>();
  const text = current.replace(BLOCK, (_whole, start: string, name: string, end: string) => {
    const generate = blocks.get(name);
    if (generate === undefined) throw new Error(`${doc} has a generated block for \`${name}\`, which is no command`);
    if (found.has(name)) throw new Error(`${doc} has two generated blocks for \`${name}\``);
    found.add(name);
    return `${start}\n${generate()}\n${end}`;
  });
  const missing = [...blocks.keys()].filter((name) => !found.has(name));
  if (missing.length > 0) {
    throw new Error(
      `${doc} has no generated block for ${missing.map((name) => `\`${name}\``).join(', ')}: add \`<!-- generated: ${missing[0]!} -->\` and \`<!-- end generated -->\` where its options belong`,
    );
  }
  const config = (await resolveConfig(file)) ?? {};
  return await format(text, { ...config, filepath: file });
}

function argumentRow(spec: Command): [string, string][] {
  return spec.argument ? [[code(spec.argument.name), spec.argument.doc ?? spec.argument.description]] : [];
}

function rows(options: OptionSpecs): [string, string][] {
  return Object.entries(options).map(([name, option]) => [code(optionFlag(name, option)), option.doc ?? `${option.description}.`]);
}

/** The common options, named once at the end of each command's table. */
function commonRow(): [string, string] {
  return [
    Object.keys(COMMON_OPTIONS)
      .map((name) => code(`--${name}`))
      .join(', '),
    'As for every command ([above](#command-line)).',
  ];
}

function table(body: readonly [string, string][]): string {
  return ['| Option | Meaning |', '| --- | --- |', ...body.map(([flag, meaning]) => `| ${flag} | ${cell(meaning)} |`)].join('\n') + '\n';
}

function code(text: string): string {
  return `\`${text}\``;
}

function cell(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\|/g, '\\|');
}

if (import.meta.main) {
  writeFileSync(CLI_DOC, await cliMarkdown(readFileSync(CLI_DOC, 'utf8')));
  writeFileSync(SUBMITTING_DOC, await submittingMarkdown(readFileSync(SUBMITTING_DOC, 'utf8')));
}
