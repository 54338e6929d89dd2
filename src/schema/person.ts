import { z } from 'zod';
import { idRef, IsoDate, text, Visibility, type RefFactory } from './common.ts';

/** A GitHub handle as GitHub allows it: letters, digits and single hyphens, not first or last. */
export const GITHUB_HANDLE_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9]))*$/;
export const GITHUB_HANDLE_MAX = 39;

/** `content/people/<id>.md`: a person. The body is an optional short bio. */
export const personSchema = <R extends z.ZodType>(ref: RefFactory<R>) =>
  z.strictObject({
    /** The name people know you by. */
    name: text(100),
    /** Your role, e.g. `Senior Software Engineer`. */
    role: text(100),
    /** The id of your team. */
    team: ref('teams'),
    /** Your GitHub handle, without `@`; links your pull requests to you. */
    github: z.string().max(GITHUB_HANDLE_MAX).regex(GITHUB_HANDLE_PATTERN).optional(),
    /** The id of your manager. */
    manager: ref('people').optional(),
    /**
     * The day you joined, `YYYY-MM-DD`. In a cycle that started before it, the check does not hold
     * you to the cycle's `submissions.min` (the maximum still applies).
     */
    joined: IsoDate.optional(),
    /**
     * Your last day, `YYYY-MM-DD`. In a cycle that ends after it, the check does not hold you to the
     * cycle's `submissions.min` (the maximum still applies).
     */
    left: IsoDate.optional(),
    /** Who may see your name and portfolio. Defaults to `team`. */
    visibility: Visibility.default('team'),
  });

export const PersonSchema = personSchema(idRef);
export type Person = z.infer<typeof PersonSchema>;
