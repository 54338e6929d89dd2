import { splitFrontMatter } from './frontmatter.ts';
import { parseFull, type FullYaml, type YamlProblem } from './yaml/full.ts';
import { BAIL, parseFast } from './yaml/fast.ts';

/**
 * The longest YAML that is parsed: front matter, or `content/site.yaml`. Every field of an
 * accomplishment at its longest comes to about 60,000 characters. The YAML library needs several
 * microseconds per node, so a 1 MiB file of tiny nodes (keys, list items, tags) took seconds to
 * parse, however linear everything after it was.
 */
export const MAX_YAML_LENGTH = 100_000;

/**
 * YAML as the check and the site read it: the fast subset parser first, the exact parser only for
 * what it declines. `full` lets the check keep that exact parse for positions.
 */
export function readYaml(
  text: string,
  full: (text: string) => FullYaml = parseFull,
): { ok: true; value: unknown } | { ok: false; problems: YamlProblem[] } {
  if (text.length > MAX_YAML_LENGTH) return { ok: false, problems: [tooLarge(text)] };
  const fast = parseFast(text);
  if (fast !== BAIL) return { ok: true, value: fast };
  const parsed = full(text);
  return parsed.problems.length === 0 ? { ok: true, value: parsed.value } : { ok: false, problems: parsed.problems };
}

/** Placed where the limit is crossed: what comes after it is what to move or delete. */
function tooLarge(text: string): YamlProblem {
  const before = text.slice(0, MAX_YAML_LENGTH);
  const line = before.split('\n').length;
  const column = MAX_YAML_LENGTH - before.lastIndexOf('\n');
  return {
    line,
    column,
    endLine: line,
    endColumn: column + 1,
    rule: 'yaml-too-large',
    message: `YAML is ${text.length.toLocaleString('en-US')} characters long, expected at most ${MAX_YAML_LENGTH.toLocaleString('en-US')}`,
    hint: 'fields are short: long text belongs in the body, and large material behind a link',
  };
}

export function readEntry(text: string): { ok: true; data: unknown; body: string } | { ok: false } {
  const parts = splitFrontMatter(text);
  if ('message' in parts) return { ok: false };
  const yaml = readYaml(parts.yaml);
  return yaml.ok ? { ok: true, data: yaml.value, body: parts.body } : { ok: false };
}
