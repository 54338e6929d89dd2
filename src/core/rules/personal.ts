import { valid } from '../read/content.ts';
import { isPersonal, PERSONAL_DIR } from '../read/paths.ts';
import type { Rule } from './types.ts';

/** The file's first `---`: the problem is the file itself, not a field of it. */
const OPENING_FENCE = { line: 1, column: 1, endLine: 1, endColumn: 4 };

/**
 * Items in `content/.personal/` are for their author alone: they must say `private`, so that a
 * copy moved elsewhere stays out of shared builds, and git must never share them.
 */
export const personalItems: Rule = (ctx) => {
  for (const item of ctx.content.entries.accomplishments.values()) {
    if (!isPersonal(item.doc.file)) continue;
    const git = ctx.personalGit;
    if (git?.tracked.has(item.doc.file)) {
      ctx.report({
        at: item,
        span: OPENING_FENCE,
        rule: 'personal-tracked',
        message: `\`${item.doc.file}\` is tracked by git, expected nothing in \`${PERSONAL_DIR}/\` to leave this machine`,
        hint: `run \`git rm --cached ${item.doc.file}\`; if it was pushed, anyone who can read the repository may have read it`,
      });
    } else if (git?.unignored.has(item.doc.file)) {
      ctx.report({
        at: item,
        span: OPENING_FENCE,
        rule: 'personal-tracked',
        message: `\`${PERSONAL_DIR}/\` is not ignored by git, so \`git add -A\` would share this file`,
        hint: `add \`${PERSONAL_DIR}/\` to \`.gitignore\` (\`npm run new\` puts a \`.gitignore\` in the folder itself)`,
      });
    }
  }
  for (const item of valid(ctx.content, 'accomplishments')) {
    if (!isPersonal(item.doc.file) || item.data.visibility === 'private') continue;
    ctx.report({
      at: item,
      path: ['visibility'],
      rule: 'personal-visibility',
      message: `Unexpected \`visibility: ${item.data.visibility}\` in \`${PERSONAL_DIR}/\`, expected \`private\``,
      hint: `make it \`private\`, or move the file to \`content/accomplishments/\` to share it`,
    });
  }
};
