import { allows } from '../model/audience.ts';
import { valid } from '../read/content.ts';
import type { Rule } from './types.ts';

/**
 * A build shows only what its audience may see, and goals and people are `team` unless they say
 * otherwise: a `public` site over them would publish pages with no goals or no people on them.
 */
export const emptyAudience: Rule = (ctx) => {
  const site = ctx.content.site;
  if (site?.data === undefined) return;
  const audience = site.data.audience;
  const empty: string[] = [];
  for (const collection of ['goals', 'people'] as const) {
    const entries = [...valid(ctx.content, collection)];
    if (entries.length > 0 && !entries.some((entry) => allows(audience, entry.data.visibility))) empty.push(collection);
  }
  if (empty.length === 0) return;
  const what = empty.map((c) => `no ${c}`).join(' and ');
  const wider = audience === 'public' ? ', or `audience: team`' : '';
  ctx.report({
    at: site.doc,
    path: ['audience'],
    rule: 'empty-audience',
    message: `A \`${audience}\` site would show ${what}: none of them may be seen by \`${audience}\``,
    hint: `set \`visibility: ${audience}\` on the ${empty.join(' and ')} to publish${wider}`,
  });
};
