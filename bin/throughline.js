#!/usr/bin/env node
// Entry point for `npm run check` and `npx throughline`. The CLI is TypeScript run by Node's type
// stripping, which needs Node 22.18 or newer: say so plainly on an older Node. The compile cache
// keeps the stripped and compiled modules between runs, so startup does not pay for it each time.
import module from 'node:module';

const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(
    `throughline: Node 22.18 or newer is needed, this is ${process.version}; run it through npm (npm run check), which uses the Node pinned in package.json\n`,
  );
  process.exitCode = 2;
} else {
  module.enableCompileCache?.();
  const { main } = await import('../src/cli/index.ts');
  process.exitCode = await main(process.argv.slice(2));
}
