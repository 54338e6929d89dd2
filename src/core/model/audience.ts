import type { Visibility } from '../../schema/index.ts';

/** Who a build is for. Each audience sees its own level and every level below it. */
export const AUDIENCES = ['public', 'team', 'private'] as const satisfies readonly Visibility[];
export type Audience = (typeof AUDIENCES)[number];

const RANK: Record<Visibility, number> = { public: 0, team: 1, private: 2 };

/** Whether an entity with `visibility` may appear in a build for `audience`. */
export function allows(audience: Audience, visibility: Visibility): boolean {
  return RANK[visibility] <= RANK[audience];
}

export function isAudience(value: string): value is Audience {
  return (AUDIENCES as readonly string[]).includes(value);
}
