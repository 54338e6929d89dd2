import { z } from 'zod';
import type { SchemaIssueParams } from './rules.ts';
import { Link, list, paragraph, text } from './common.ts';

/** The body headings every accomplishment needs when `site.yaml` names none, or there is no `site.yaml`. */
export const DEFAULT_SECTIONS: readonly string[] = ['Impact'];

/** `content/site.yaml`: settings for the whole site. */
export const SiteSchema = z.strictObject({
  /** The site's name, shown in the header and the browser tab. */
  title: text(100),
  /** One or two sentences under the title and in link previews. */
  description: paragraph(300),
  /** Canonical address where the site is published, e.g. `https://acme.github.io/impact`. */
  url: Link,
  /** The Git repository holding this content; used for "propose an edit" and "submit" links. */
  repo: Link,
  /** The branch that edit links point at: a git branch name such as `main`. */
  branch: z
    .string()
    .min(1)
    .max(100)
    .superRefine((name, ctx) => {
      const hint = branchNameProblem(name);
      if (hint !== undefined)
        ctx.addIssue({
          code: 'custom',
          input: name,
          params: { rule: 'invalid-value', expected: 'a git branch name such as `main`', hint } satisfies SchemaIssueParams,
        });
    })
    .default('main'),
  /** Default audience of a build: `public` or `team`. `private` builds are only ever asked for explicitly. */
  audience: z.enum(['public', 'team']),
  /** Body headings every accomplishment must have. */
  sections: list(text(80), { max: 10 }).default(() => [...DEFAULT_SECTIONS]),
  /** After how many days without a new `current` value a key result is marked stale on its goal's page. */
  stale_after_days: z.int().min(1).max(365).default(30),
  /**
   * Whether the public build also has the `/write/` page, where anyone can write an accomplishment
   * in the browser and propose it on GitHub. Team and private builds always have it.
   */
  public_write_page: z.boolean().default(false),
});
export type Site = z.infer<typeof SiteSchema>;

/**
 * Why `name` is not a git branch name, after `git check-ref-format --branch`, or undefined when it
 * is one. The branch is pasted into every "propose an edit" link, so `..` or a leading `/` would
 * point those links at another repository.
 */
export function branchNameProblem(name: string): string | undefined {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what it refuses
  if (/[\u0000-\u0020\u007f~^:?*[\\]/.test(name)) return 'a branch name has no spaces, control characters or any of `~ ^ : ? * [ \\`';
  if (name.includes('..')) return 'a branch name has no `..`';
  if (name.includes('@{') || name === '@') return 'a branch name has no `@{` and is not `@`';
  if (name.startsWith('-')) return 'a branch name does not start with `-`';
  if (name.startsWith('/') || name.endsWith('/') || name.includes('//'))
    return 'a branch name does not start or end with `/` and has no `//`';
  if (name.endsWith('.') || name.split('/').some((part) => part.startsWith('.') || part.endsWith('.lock')))
    return 'no part of a branch name starts with `.` or ends with `.lock`, and the name does not end with `.`';
  return undefined;
}
