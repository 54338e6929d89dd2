import type { KeyResult } from '../../schema/index.ts';
import { valid } from '../read/content.ts';
import { didYouMean, oneOf } from '../text/suggest.ts';
import { impactTarget } from './impact-target.ts';
import type { Rule } from './types.ts';

/**
 * A key result's target must differ from its baseline: the side it lies on is the direction
 * (`baseline: 22`, `target: 11` reduces; `target: 22` has none, so neither progress nor claims
 * could be measured; see `target` in schema/goal.ts). A key result named with a goal must belong
 * to that goal; one named in `impact` must belong to one of the item's goals, and say which
 * unambiguously. Its unit must match.
 */
export const keyResults: Rule = (ctx) => {
  const goals = ctx.content.entries.goals;
  for (const goal of valid(ctx.content, 'goals')) {
    goal.data.key_results.forEach((kr, index) => {
      if (kr.target !== kr.baseline) return;
      ctx.report({
        at: goal,
        path: ['key_results', index, 'target'],
        rule: 'invalid-value',
        message: `Key result \`${kr.id}\` has \`target\` equal to \`baseline\` (${kr.baseline}), expected a target to move towards`,
        hint: 'a target above the baseline means "increase", below it "reduce"',
      });
    });
  }
  for (const item of valid(ctx.content, 'accomplishments')) {
    item.data.goals.forEach((link, index) => {
      if (link.key_result === undefined) return;
      const goal = goals.get(link.goal)?.data;
      if (!goal) return; // the reference rule reports the goal
      const ids = goal.key_results.map((kr) => kr.id);
      if (ids.includes(link.key_result)) return;
      ctx.report({
        at: item,
        path: ['goals', index, 'key_result'],
        rule: 'unknown-key-result',
        message: `Unknown key result \`${link.key_result}\` for goal \`${link.goal}\`, expected ${ids.length === 0 ? 'no key result: that goal has none' : oneOf(ids)}`,
        hint: didYouMean(link.key_result, ids) ?? (ids.length === 0 ? 'remove `key_result`' : `see \`content/goals/${link.goal}.md\``),
        related: [goals.get(link.goal)!.doc.file],
      });
    });
    item.data.impact.forEach((impact, index) => {
      if (impact.key_result === undefined) return;
      const target = impactTarget(item.data.goals, impact.key_result, ctx.content.entries.goals);
      // With a goal that does not resolve, whose key result an impact names is unknowable.
      if (target.kind === 'unresolved') return;
      if (target.kind === 'unknown') {
        const ids = target.candidates;
        ctx.report({
          at: item,
          path: ['impact', index, 'key_result'],
          rule: 'unknown-key-result',
          message: unknownImpactKeyResult(impact.key_result, ids),
          hint: didYouMean(impact.key_result, ids) ?? 'add the goal that owns it to `goals`, or remove `key_result`',
        });
        return;
      }
      if (target.kind === 'ambiguous') {
        ctx.report({
          at: item,
          path: ['impact', index, 'key_result'],
          rule: 'unknown-key-result',
          message: `Ambiguous key result \`${impact.key_result}\`, expected one goal to own it but ${oneOf(target.goals, 'and')} both do`,
          hint: 'rename the key result in one of the goals',
        });
        return;
      }
      const { goal, kr } = target;
      if (impact.unit !== kr.unit) {
        ctx.report({
          at: item,
          path: ['impact', index, 'unit'],
          rule: 'impact-unit',
          message: impactUnitMismatch(impact.unit, kr),
          hint: `convert the numbers to ${kr.unit}, or drop \`key_result\` if this measures something else`,
          related: [goal.doc.file],
        });
      }
    });
  }
};

/** Shared with `new --impact`, so the command and the check say it in the same words. */
export function unknownImpactKeyResult(keyResult: string, candidates: readonly string[]): string {
  return candidates.length === 0
    ? `Unknown key result \`${keyResult}\`, expected none: this item's goals have no key results`
    : `Unknown key result \`${keyResult}\`, expected one of this item's goals' key results: ${oneOf(candidates)}`;
}

/** Shared with `new --impact`. */
export function impactUnitMismatch(unit: string, kr: Pick<KeyResult, 'id' | 'unit'>): string {
  return `Unit \`${unit}\` differs from key result \`${kr.id}\`, expected \`${kr.unit}\``;
}
