import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { COMMON_OPTIONS, optionFlag, type Command, type OptionSpecs } from '../src/cli/command.ts';
import { COMMANDS } from '../src/cli/commands/index.ts';

/**
 * The option tables of docs/cli.md, generated from the commands' declarations (src/cli/commands/,
 * and the common options in src/cli/command.ts), so the reference can never drift from the code.
 * Everything else in docs/cli.md is written by hand: each table sits between
 * `<!-- generated: throughline <command> -->` (or `<!-- generated: every command -->`) and
 * `<!-- end generated -->`, and only what is between them is rewritten.
 */

export const CLI_DOC = fileURLToPath(new URL('../docs/cli.md', import.meta.url));

const BLOCK = /(<!-- generated: (.+?) -->\n)[\s\S]*?(<!-- end generated -->)/g;
const EVERY_COMMAND = 'every command';

/** docs/cli.md with its generated blocks rewritten from the declarations, formatted as Prettier formats it. */
export async function cliMarkdown(current: string): Promise<string> {
  const wanted = new Set([EVERY_COMMAND, ...COMMANDS.map((c) => `throughline ${c.name}`)]);
  const found = new Set<string>();
  const text = current.replace(BLOCK, (_whole, start: string, name: string, end: string) => {
    if (!wanted.has(name)) throw new Error(`docs/cli.md has a generated block for \`${name}\`, which is no command`);
    if (found.has(name)) throw new Error(`docs/cli.md has two generated blocks for \`${name}\``);
    found.add(name);
    return `${start}\n${block(name)}\n${end}`;
  });
  const missing = [...wanted].filter((name) => !found.has(name));
  if (missing.length > 0) {
    throw new Error(
      `docs/cli.md has no generated block for ${missing.map((name) => `\`${name}\``).join(', ')}: add \`<!-- generated: ${missing[0]!} -->\` and \`<!-- end generated -->\` where its options belong`,
    );
  }
  const config = (await resolveConfig(CLI_DOC)) ?? {};
  return await format(text, { ...config, filepath: CLI_DOC });
}

function block(name: string): string {
  if (name === EVERY_COMMAND) return table(rows(COMMON_OPTIONS));
  const spec = COMMANDS.find((c) => `throughline ${c.name}` === name)!;
  return table([...argumentRow(spec), ...rows(spec.options), commonRow()]);
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
}
