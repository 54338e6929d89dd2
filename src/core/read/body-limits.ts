import { bodyLimitProblems, type BodyLimitProblem } from '../markdown/body-limits.ts';
import type { SourceDoc } from './source.ts';

const limitsCache = new WeakMap<SourceDoc, BodyLimitProblem[]>();

/** The limits the body breaks (`body-too-large`, `body-too-deep`); a linear scan, done once. */
export function bodyLimits(doc: SourceDoc): BodyLimitProblem[] {
  let result = limitsCache.get(doc);
  if (!result) {
    result = bodyLimitProblems(doc.body);
    limitsCache.set(doc, result);
  }
  return result;
}
