// @ts-check
import { defineConfig } from 'astro/config';

export default defineConfig({
  // Replaced by `url` from content/site.yaml once the site is built from it.
  site: 'https://example.github.io',
});
