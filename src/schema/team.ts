import { z } from 'zod';
import { idRef, text, Visibility, type RefFactory } from './common.ts';

/** `content/teams/<id>.md`: a team. The body is its mission. */
export const teamSchema = <R extends z.ZodType>(ref: RefFactory<R>) =>
  z.strictObject({
    /** The team's display name, e.g. `Developer Platform`. */
    name: text(100),
    /** The id of the team this one belongs to, if any. */
    parent: ref('teams').optional(),
    /** The id of the person who leads the team. */
    lead: ref('people'),
    /** Who may see this team. Defaults to `team`. */
    visibility: Visibility.default('team'),
  });

export const TeamSchema = teamSchema(idRef);
export type Team = z.infer<typeof TeamSchema>;
