import { valid } from '../read/content.ts';
import { isPersonal, PERSONAL_DIR } from '../read/paths.ts';
import type { Rule } from './types.ts';

/**
 * In a pull request, the person who opened it should be among the authors of the items it adds
 * or changes. A warning, not an error: leads sometimes submit for someone, and that is fine once
 * the authors have seen it. The handle is matched to people by their `github`, ignoring case.
 */
export const prAuthor: Rule = (ctx) => {
  const pr = ctx.pullRequest;
  if (!pr) return;
  const items = valid(ctx.content, 'accomplishments').filter((item) => pr.changed.has(item.doc.file));
  if (items.length === 0) return;
  const handle = pr.author.replace(/^@/, '');
  const person = valid(ctx.content, 'people').find((p) => p.data.github?.toLowerCase() === handle.toLowerCase());
  if (!person) {
    ctx.report({
      rule: 'pr-author',
      message: `Pull request author @${handle} is not the \`github\` handle of anyone in \`content/people/\``,
      hint: `add \`github: ${handle}\` to your file in \`content/people/\`, so your pull requests are matched to you`,
      related: items.map((item) => item.doc.file),
    });
    return;
  }
  for (const item of items) {
    if (item.data.authors.includes(person.id)) continue;
    ctx.report({
      at: item,
      path: ['authors'],
      rule: 'pr-author',
      message: `Pull request author @${handle} (${person.data.name}) is not among the authors of this item`,
      hint: `add \`${person.id}\` to \`authors\` if you worked on it; if you submit it for someone else, ask them to review the pull request`,
    });
  }
};

/**
 * A private item is for its author's own build and review packet. A pull request puts the file
 * where everyone who can read the repository can read it, whatever the site later shows.
 */
export const prPrivateItem: Rule = (ctx) => {
  const pr = ctx.pullRequest;
  if (!pr) return;
  for (const item of valid(ctx.content, 'accomplishments')) {
    // A personal item in a pull request is personal-tracked's error, more than this warning.
    if (!pr.changed.has(item.doc.file) || item.data.visibility !== 'private' || isPersonal(item.doc.file)) continue;
    ctx.report({
      at: item,
      path: ['visibility'],
      rule: 'pr-private-item',
      message: 'This item is `visibility: private`, but in a pull request anyone who can read the repository can read the file',
      hint: `move it to \`${PERSONAL_DIR}/accomplishments/\`, which git ignores and your own checks and private builds read; if your team may see it, write \`visibility: team\``,
    });
  }
};
