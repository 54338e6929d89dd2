import { splitFrontMatter } from './frontmatter.ts';
import { parseFull, type FullYaml, type YamlProblem } from './yaml/full.ts';
import { BAIL, parseFast } from './yaml/fast.ts';

/**
 * YAML as the check and the site read it: the fast subset parser first, the exact parser only for
 * what it declines. `full` lets the check keep that exact parse for positions.
 */
export function readYaml(
  text: string,
  full: (text: string) => FullYaml = parseFull,
): { ok: true; value: unknown } | { ok: false; problems: YamlProblem[] } {
  const fast = parseFast(text);
  if (fast !== BAIL) return { ok: true, value: fast };
  const parsed = full(text);
  return parsed.problems.length === 0 ? { ok: true, value: parsed.value } : { ok: false, problems: parsed.problems };
}

export function readEntry(text: string): { ok: true; data: unknown; body: string } | { ok: false } {
  const parts = splitFrontMatter(text);
  if ('message' in parts) return { ok: false };
  const yaml = readYaml(parts.yaml);
  return yaml.ok ? { ok: true, data: yaml.value, body: parts.body } : { ok: false };
}
