import { emptyAudience } from './audience.ts';
import { accomplishmentDates, cycleDates } from './cycles.ts';
import { bodyLinks, requiredSections } from './accomplishments.ts';
import { unplanned } from './unplanned.ts';
import { buildsOn } from './builds-on.ts';
import { unclosedHtml } from './bodies.ts';
import { bodyLimitRules } from './body-limits.ts';
import { duplicates } from './duplicates.ts';
import { keyResults } from './key-results.ts';
import { overClaim } from './over-claim.ts';
import { personalItems } from './personal.ts';
import { noEvidence, templateText } from './quality.ts';
import { prAuthor, prPrivateItem } from './pull-request.ts';
import { references } from './references.ts';
import { siteAddress } from './site-address.ts';
import { submissionCount } from './submissions.ts';
import { treeLoops } from './tree-loops.ts';
import type { Rule } from './types.ts';

/** Rules that look across files, in the order their problems are usually fixed. */
export const CROSS_FILE_RULES: readonly Rule[] = [
  references,
  duplicates,
  keyResults,
  treeLoops,
  cycleDates,
  accomplishmentDates,
  buildsOn,
  unplanned,
  requiredSections,
  templateText,
  noEvidence,
  bodyLinks,
  bodyLimitRules,
  unclosedHtml,
  submissionCount,
  overClaim,
  prAuthor,
  prPrivateItem,
  personalItems,
  siteAddress,
  emptyAudience,
];
