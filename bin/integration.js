// The Astro integration, `import throughline from 'throughline'`. Node loads it with the team's
// astro.config.mjs, and Node never strips types under node_modules: installed, it runs the
// JavaScript that `npm pack` compiled into compiled/ (prepack); in this repository, the sources.
const installed = import.meta.url.includes('/node_modules/');
/** @type {{ default: typeof import('../src/integration/index.ts').default }} */
const integration = await import(installed ? '../compiled/src/integration/index.js' : '../src/integration/index.ts');
export default integration.default;
