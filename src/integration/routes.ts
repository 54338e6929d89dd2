/** Whether a file under the routes folder is a page or an endpoint (`rss.xml.ts`) to inject. */
export function isRoute(file: string): boolean {
  return /\.(astro|ts)$/.test(file) && !file.endsWith('.d.ts');
}

/**
 * The address pattern of a page or endpoint file under the package's routes folder, by Astro's
 * file-based routing rules: `index.astro` → `/`, `goals/[id].astro` → `/goals/[id]`,
 * `items/[...page].astro` → `/items/[...page]`, `data/goals.json.ts` → `/data/goals.json`.
 */
export function routePattern(file: string): string {
  const path = file.replaceAll('\\', '/').replace(/\.(astro|ts)$/, '');
  const parts = path.split('/');
  if (parts.at(-1) === 'index') parts.pop();
  return `/${parts.join('/')}`;
}
