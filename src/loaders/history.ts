import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { readHistory } from '../node/history.ts';
import type { HistoryEntry } from '../schema/history.ts';

/** The `history` collection's one entry that says whether there is history, and why not. */
export const HISTORY_STATE = 'state';

/**
 * The content's past from git, as the `history` collection: `state`, then `goal/<id>` with each
 * goal's versions and `item/<id>` with each accomplishment's commits. Read once per build (one
 * git process); a historical version that cannot be read is skipped with a warning, and a
 * repository without history (a shallow clone, no git) only says so: the build never fails on it.
 */
export function historyLoader(): Loader {
  return {
    name: 'throughline-history',
    load: async (context) => {
      const { store, logger } = context;
      const history = await readHistory(fileURLToPath(context.config.root));
      store.clear();
      const put = async (id: string, data: HistoryEntry) => {
        store.set({ id, data: await context.parseData({ id, data }) });
      };
      if (!history.available) {
        await put(HISTORY_STATE, { kind: 'state', available: false, gap: history.gap });
        return;
      }
      for (const warning of history.warnings)
        logger.warn(`${warning.path} as of ${warning.stamp.commit.slice(0, 7)} (${warning.stamp.date}) skipped: ${warning.reason}`);
      await put(HISTORY_STATE, { kind: 'state', available: true });
      for (const [id, versions] of history.goals) await put(`goal/${id}`, { kind: 'goal', versions });
      for (const [id, commits] of history.items) await put(`item/${id}`, { kind: 'item', commits });
    },
  };
}
