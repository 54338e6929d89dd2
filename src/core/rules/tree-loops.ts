import type { CollectionName } from '../../schema/index.ts';
import { valid, type ValidEntry } from '../read/content.ts';
import type { CheckContext } from './context.ts';
import type { Rule } from './types.ts';

/** `parent` and `manager` chains must end: a loop would make "path to the top goal" infinite. */
export const treeLoops: Rule = (ctx) => {
  findLoops(ctx, 'goals', 'parent', 'Goal', (goal) => goal.data.parent);
  findLoops(ctx, 'teams', 'parent', 'Team', (team) => team.data.parent);
  findLoops(ctx, 'people', 'manager', 'Person', (person) => person.data.manager);
};

function findLoops<C extends CollectionName>(
  ctx: CheckContext,
  collection: C,
  field: string,
  noun: string,
  next: (entry: ValidEntry<C>) => string | undefined,
): void {
  const byId = new Map(valid(ctx.content, collection).map((entry) => [entry.id, entry]));
  const done = new Set<string>();
  for (const start of [...byId.keys()].sort()) {
    if (done.has(start)) continue;
    const path: string[] = [];
    const onPath = new Map<string, number>();
    let current: string | undefined = start;
    while (current !== undefined && byId.has(current) && !done.has(current)) {
      if (onPath.has(current)) {
        const loop = path.slice(onPath.get(current));
        const first = [...loop].sort()[0]!;
        const rotated = [...loop.slice(loop.indexOf(first)), ...loop.slice(0, loop.indexOf(first))];
        const entry = byId.get(first)!;
        ctx.report({
          at: entry,
          path: [field],
          rule: 'tree-loop',
          message:
            loop.length === 1
              ? `${noun} \`${first}\` names itself as its \`${field}\`, expected another ${noun.toLowerCase()} or none`
              : `${noun} \`${first}\` is its own ancestor through \`${field}\`: ${[...rotated, first].map((id) => `\`${id}\``).join(' → ')}`,
          hint: `remove or change \`${field}\` in one of them`,
          related: loop.map((id) => byId.get(id)!.doc.file),
        });
        break;
      }
      onPath.set(current, path.length);
      path.push(current);
      current = next(byId.get(current)!);
    }
    for (const id of path) done.add(id);
  }
}
