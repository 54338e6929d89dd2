import type { Audience } from '../core/model/audience.ts';

/** What `throughline build` decides for one build and the Astro integration hands to the pages. */
export interface BuildSettings {
  /** `--audience`; the integration falls back to site.yaml's. */
  audience?: Audience | undefined;
  /** The day the build counts as today (`YYYY-MM-DD`). */
  today?: string | undefined;
  /** Told how many social cards the build drew and how many it took from the cache. */
  onCards?: ((stats: { rendered: number; reused: number }) => void) | undefined;
}

// Symbol.for: the CLI and the integration are separate module instances (Astro loads the config
// on its own), so a module variable would not be shared; the symbol is, within this process only.
const KEY = Symbol.for('throughline.build-settings');

type Holder = Record<typeof KEY, BuildSettings | undefined>;

/** Runs `build` with `settings` visible to the integration, and forgets them afterwards. */
export async function withBuildSettings<T>(settings: BuildSettings, build: () => Promise<T>): Promise<T> {
  const holder = globalThis as unknown as Holder;
  holder[KEY] = settings;
  try {
    return await build();
  } finally {
    holder[KEY] = undefined;
  }
}

/** The settings of the build running in this process; none for `astro dev` or `astro build`. */
export function buildSettings(): BuildSettings {
  return (globalThis as unknown as Holder)[KEY] ?? {};
}
