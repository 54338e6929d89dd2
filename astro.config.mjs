// @ts-check
// The example team's site, configured exactly as a team's own repository is: everything else
// (the address and base path from content/site.yaml, every page) comes from the integration.
import { defineConfig } from 'astro/config';
import throughline from 'throughline';

export default defineConfig({
  integrations: [throughline()],
});
