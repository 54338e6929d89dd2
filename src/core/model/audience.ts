import type { Accomplishment, Visibility } from '../../schema/index.ts';

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

/** A reason a build leaves an item out. */
export type LeftOut = { why: 'draft' } | { why: 'visibility'; visibility: Visibility };

/**
 * Why a build for `audience` leaves an item out, every reason at once; none when the build shows
 * it. Drafts are in no build. The site model and the pull-request report both ask this, so what a
 * report promises is what the site builds.
 */
export function leftOut(audience: Audience, item: Pick<Accomplishment, 'draft' | 'visibility'>): LeftOut[] {
  return [
    ...(item.draft ? [{ why: 'draft' } as const] : []),
    ...(allows(audience, item.visibility) ? [] : [{ why: 'visibility', visibility: item.visibility } as const]),
  ];
}
