import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { makeTree, REPO, TODAY, type TreeOptions } from '../helpers.ts';

/** A temp copy of the whole site project (code from this repo, content from fixtures) that can be built. */
export function makeSiteTree(scenario?: string, options: TreeOptions = {}): string {
  const root = makeTree(scenario, options);
  for (const path of ['src', 'public', 'bin', 'astro.config.mjs', 'tsconfig.json', 'package.json'])
    cpSync(join(REPO, path), join(root, path), { recursive: true });
  symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'));
  return root;
}

/** `throughline build` as a user runs it. */
export function build(root: string, ...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' };
  delete env['FORCE_COLOR'];
  const result = spawnSync(process.execPath, [join(root, 'bin', 'throughline.js'), 'build', '--today', TODAY, ...args], {
    cwd: root,
    encoding: 'utf8',
    env,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file of a built site, path relative to the site → contents. */
export function readSite(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  return files;
}
