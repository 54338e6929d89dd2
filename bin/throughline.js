#!/usr/bin/env node
// Entry point for `npx throughline` and installs as a dependency. The CLI is TypeScript run by
// Node's type stripping, which needs Node 22.18 or newer; say so plainly on an older Node.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(`throughline: Node 22.18 or newer is needed, this is ${process.version}; run it through npm (npm run check), which uses the Node pinned in package.json\n`);
  process.exitCode = 2;
} else {
  const { main } = await import('../src/cli/index.ts');
  process.exitCode = main(process.argv.slice(2));
}
