#!/usr/bin/env node
// Entry point for `npm run check` and `npx throughline`. In this repository the CLI is TypeScript
// run by Node's type stripping, which needs Node 22.18 or newer: say so plainly on an older Node.
// Node never strips types under node_modules, so an installed package runs the JavaScript that
// `npm pack` compiled into compiled/ (prepack). The compile cache keeps modules between runs.
import module from 'node:module';

const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(
    `throughline: Node 22.18 or newer is needed, this is ${process.version}; run it through npm (npm run check), which uses the Node pinned in package.json\n`,
  );
  process.exitCode = 2;
} else {
  module.enableCompileCache?.();
  const installed = import.meta.url.includes('/node_modules/');
  /** @type {{ main: (argv: string[]) => Promise<number> }} */
  const { main } = await import(installed ? '../compiled/src/cli/index.js' : '../src/cli/index.ts');
  process.exitCode = await main(process.argv.slice(2));
}
