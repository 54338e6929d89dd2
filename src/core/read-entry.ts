import { splitFrontMatter } from './frontmatter.ts';
import { parseFull } from './yaml/full.ts';
import { BAIL, parseFast } from './yaml/fast.ts';

/** The same YAML reading the check does, for callers that only want the data (the site's loader). */
export function readYaml(text: string): { ok: true; value: unknown } | { ok: false } {
  const fast = parseFast(text);
  if (fast !== BAIL) return { ok: true, value: fast };
  const full = parseFull(text);
  return full.problems.length === 0 ? { ok: true, value: full.value } : { ok: false };
}

export function readEntry(text: string): { ok: true; data: unknown; body: string } | { ok: false } {
  const parts = splitFrontMatter(text);
  if ('message' in parts) return { ok: false };
  const yaml = readYaml(parts.yaml);
  return yaml.ok ? { ok: true, data: yaml.value, body: parts.body } : { ok: false };
}
