import { ID_PATTERN, schemas, type CollectionName } from '../../schema/index.ts';
import { formatPath } from '../diagnostics/diagnostics.ts';
import { findReferences } from '../diagnostics/schema-walk.ts';
import { didYouMean } from '../text/suggest.ts';
import type { Rule } from './types.ts';

const NOUN: Record<CollectionName, string> = {
  teams: 'team',
  people: 'person',
  cycles: 'cycle',
  goals: 'goal',
  accomplishments: 'accomplishment',
};

/** Every id written in a field names a file of its collection; checked even in invalid files. */
export const references: Rule = (ctx) => {
  for (const collection of Object.keys(schemas) as CollectionName[]) {
    for (const entry of ctx.content.entries[collection].values()) {
      if (entry.raw === undefined) continue;
      for (const ref of findReferences(schemas[collection], entry.raw)) {
        const targets = ctx.content.entries[ref.collection];
        // Ids that are not ids at all are reported by the schema (invalid-id), once.
        if (targets.has(ref.id) || !ID_PATTERN.test(ref.id)) continue;
        ctx.report({
          at: entry,
          path: ref.path,
          rule: 'unknown-reference',
          message: `Unknown ${NOUN[ref.collection]} \`${ref.id}\` in \`${formatPath(ref.path)}\`, expected the id of a file in \`content/${ref.collection}/\``,
          hint: didYouMean(ref.id, targets.keys()) ?? `create \`content/${ref.collection}/${ref.id}.md\`, or check the spelling`,
          // A file deleted by a pull request leaves its references dangling: keep them in its report.
          related: [`content/${ref.collection}/${ref.id}.md`],
        });
      }
    }
  }
};
