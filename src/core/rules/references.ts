import { idPattern, schemas, type CollectionName } from '../../schema/index.ts';
import { formatPath } from '../diagnostics/diagnostics.ts';
import { findReferences } from '../diagnostics/schema-walk.ts';
import type { ContentEntry } from '../read/content.ts';
import { isPersonal } from '../read/paths.ts';
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
      const shared = !isPersonal(entry.doc.file);
      for (const ref of findReferences(schemas[collection], entry.raw)) {
        const targets = ctx.content.entries[ref.collection];
        const target = targets.get(ref.id);
        // A personal file exists on its author's machine alone: everywhere else, this id is unknown.
        if (target !== undefined && shared && isPersonal(target.doc.file)) {
          ctx.report({
            at: entry,
            path: ref.path,
            rule: 'unknown-reference',
            message: `Personal ${NOUN[ref.collection]} \`${ref.id}\` in \`${formatPath(ref.path)}\`, expected a shared one: only this machine has \`${target.doc.file}\``,
            hint: `move it to \`content/${ref.collection}/\` to share it, or remove the reference`,
          });
          continue;
        }
        // Ids that are not ids at all are reported by the schema (invalid-id), once.
        if (target !== undefined || !idPattern(ref.collection).test(ref.id)) continue;
        ctx.report({
          at: entry,
          path: ref.path,
          rule: 'unknown-reference',
          message: `Unknown ${NOUN[ref.collection]} \`${ref.id}\` in \`${formatPath(ref.path)}\`, expected the id of a file in \`content/${ref.collection}/\``,
          hint:
            didYouMean(ref.id, candidates(targets, shared)) ?? `create \`content/${ref.collection}/${ref.id}.md\`, or check the spelling`,
          // A file deleted by a pull request leaves its references dangling: keep them in its report.
          related: [`content/${ref.collection}/${ref.id}.md`],
        });
      }
    }
  }
};

/** What a file may refer to: a shared file never to a personal one. */
function* candidates(targets: ReadonlyMap<string, ContentEntry>, shared: boolean): Generator<string> {
  for (const [id, target] of targets) if (!shared || !isPersonal(target.doc.file)) yield id;
}
