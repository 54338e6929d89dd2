import type { ParseArgsOptionsConfig } from 'node:util';
import { listText } from '../core/text/suggest.ts';

/**
 * `npm run new --title "Fix it"` gives the flags to npm, not to the script: npm keeps `--title`
 * as a config (`npm_config_title=true`), passes `Fix it` on as a stray argument, and only
 * warns. Spotting those configs lets the command say what happened instead of failing oddly.
 */
export function npmSwallowedFlags(command: string, options: ParseArgsOptionsConfig, env: NodeJS.ProcessEnv): string[] {
  if (env['npm_lifecycle_event'] !== command) return [];
  const out: string[] = [];
  for (const name of Object.keys(options)) {
    const value = env[`npm_config_${name.replace(/-/g, '_')}`];
    if (value === undefined) continue;
    // `--no-input` reaches npm as the config `input` set to false, which npm exports as ''.
    out.push(options[name]?.type === 'boolean' && (value === '' || value === 'false') ? `--no-${name}` : `--${name}`);
  }
  return out;
}

export function npmSwallowedMessage(command: string, flags: readonly string[], options: ParseArgsOptionsConfig): string {
  const example = flags.map((flag) => (options[flag.slice(2)]?.type === 'string' ? `${flag} …` : flag)).join(' ');
  return `npm kept ${listText(flags)} for itself, so \`${command}\` never saw ${flags.length === 1 ? 'it' : 'them'}; put \`--\` before the options: npm run ${command} -- ${example}`;
}
