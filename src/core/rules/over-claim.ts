import { valid, type ValidEntry } from '../content.ts';
import { impactTarget } from './impact-target.ts';
import type { Rule } from './types.ts';

/**
 * Claims on a key result must add up: if items claim more movement than the key result shows
 * from baseline to current, some of them count the same improvement twice.
 */
export const overClaim: Rule = (ctx) => {
  const claims = new Map<string, { item: ValidEntry<'accomplishments'>; delta: number }[]>();
  for (const item of valid(ctx.content, 'accomplishments')) {
    if (item.data.draft) continue;
    for (const impact of item.data.impact) {
      if (impact.key_result === undefined) continue;
      const target = impactTarget(item, impact.key_result, ctx.content);
      // Numbers in another unit cannot be added up (impact-unit reports them).
      if (target.kind !== 'found' || target.kr.unit !== impact.unit) continue;
      const key = `${target.goal.id}\u0000${impact.key_result}`;
      const list = claims.get(key) ?? [];
      list.push({ item, delta: impact.after - impact.before });
      claims.set(key, list);
    }
  }
  for (const goal of valid(ctx.content, 'goals')) {
    goal.data.key_results.forEach((kr, index) => {
      const list = claims.get(`${goal.id}\u0000${kr.id}`);
      if (!list) return;
      const direction = Math.sign(kr.target - kr.baseline) || 1;
      const claimed = list.reduce((sum, claim) => sum + claim.delta, 0);
      const actual = kr.current - kr.baseline;
      // Tolerate float noise: 0.1 + 0.2 must not read as an over-claim of 0.3.
      if (direction * claimed <= direction * actual + 1e-9 * Math.max(1, Math.abs(actual))) return;
      const parts = list.map((c) => `\`${c.item.id}\` ${signed(c.delta)}`).join(', ');
      ctx.report({
        at: goal,
        path: ['key_results', index],
        rule: 'over-claim',
        message: `Items claim ${signed(claimed)} ${kr.unit} on key result \`${kr.id}\`, but it moved ${signed(actual)} ${kr.unit} (${kr.baseline} → ${kr.current})`,
        hint: `claims: ${parts}; check whether their before → after overlap, or update \`current\``,
        related: list.map((c) => c.item.doc.file),
      });
    });
  }
};

function signed(value: number): string {
  const rounded = Math.round(value * 1000) / 1000;
  return rounded > 0 ? `+${rounded}` : rounded === 0 ? '±0' : `−${Math.abs(rounded)}`;
}
