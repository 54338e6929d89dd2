import type { CheckContext } from './context.ts';

/** A rule looks across the content and reports; it never throws and never stops the run. */
export type Rule = (ctx: CheckContext) => void;
