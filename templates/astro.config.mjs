// @ts-check
// Everything else (the address and base path from content/site.yaml, every page) comes from the
// integration.
import { defineConfig } from 'astro/config';
import throughline from 'throughline';

export default defineConfig({ integrations: [throughline()] });
