/**
 * The address pattern of a page file under the package's routes folder, by Astro's file-based
 * routing rules: `index.astro` → `/`, `goals/[id].astro` → `/goals/[id]`,
 * `items/[...page].astro` → `/items/[...page]`.
 */
export function routePattern(file: string): string {
  const path = file.replaceAll('\\', '/').replace(/\.astro$/, '');
  const parts = path.split('/');
  if (parts.at(-1) === 'index') parts.pop();
  return `/${parts.join('/')}`;
}
