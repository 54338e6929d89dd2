import type { Plugin } from 'vite';
import type { SiteSettings } from '../core/site-settings.ts';

const SETTINGS = 'virtual:throughline/settings';
const USER_CSS = 'virtual:throughline/user-css';

export interface PluginInput {
  settings: SiteSettings;
  /** Absolute paths or package specifiers of the team's stylesheets, in order. */
  customCss: readonly string[];
  /** Absolute path of a default component → absolute path of the team's replacement. */
  overrides: ReadonlyMap<string, string>;
}

/**
 * The build's settings and the team's styles as virtual modules, and each overridden component
 * swapped for the team's file wherever Throughline's pages import it. The replacement itself may
 * still import the default (to wrap it): its own imports are left alone.
 */
export function throughlineVite({ settings, customCss, overrides }: PluginInput): Plugin {
  const resolved = (id: string) => `\0${id}`;
  return {
    name: 'throughline',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (source === SETTINGS || source === USER_CSS) return resolved(source);
      if (overrides.size === 0 || importer === undefined || !source.endsWith('.astro')) return null;
      const target = await this.resolve(source, importer, { ...options, skipSelf: true });
      const replacement = target && overrides.get(target.id);
      return replacement !== undefined && replacement !== importer ? replacement : null;
    },
    load(id) {
      if (id === resolved(SETTINGS)) return `export default ${JSON.stringify(settings)};`;
      if (id === resolved(USER_CSS)) return customCss.map((css) => `import ${JSON.stringify(css)};`).join('\n');
      return null;
    },
  };
}
