import { signed } from '../text/numbers.ts';
import { claimIndex } from '../model/claims.ts';
import { valid } from '../read/content.ts';
import type { Rule } from './types.ts';

/**
 * Claims on a key result must add up: if items claim more movement than the key result shows
 * from baseline to current, some of them count the same improvement twice.
 */
export const overClaim: Rule = (ctx) => {
  const items = valid(ctx.content, 'accomplishments').filter((item) => !item.data.draft);
  const claimsOn = claimIndex(items, (id) => ctx.content.entries.goals.get(id)?.data);
  for (const owner of valid(ctx.content, 'goals')) {
    owner.data.key_results.forEach((kr, index) => {
      const { claims, claimed, actual, overClaimed } = claimsOn(owner.id, kr);
      if (!overClaimed) return;
      const parts = claims.map((c) => `\`${c.item.id}\` ${signed(c.delta)}`).join(', ');
      ctx.report({
        at: owner,
        path: ['key_results', index],
        rule: 'over-claim',
        message: `Items claim ${signed(claimed)} ${kr.unit} on key result \`${kr.id}\`, but it moved ${signed(actual)} ${kr.unit} (${kr.baseline} → ${kr.current})`,
        hint: `claims: ${parts}; check whether their before → after overlap, or update \`current\``,
        related: claims.map((c) => c.item.doc.file),
      });
    });
  }
};
