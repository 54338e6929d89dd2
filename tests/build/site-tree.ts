import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { cpSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { markerText } from '../../src/cli/build-marker.ts';
import { makeTree, REPO, TODAY, type TreeOptions } from '../helpers.ts';

/** A temp copy of the whole site project (code from this repo, content from fixtures) that can be built. */
export function makeSiteTree(scenario?: string, options: TreeOptions = {}): string {
  const root = makeTree(scenario, options);
  for (const path of ['src', 'public', 'bin', 'astro.config.mjs', 'tsconfig.json', 'package.json'])
    cpSync(join(REPO, path), join(root, path), { recursive: true });
  symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'));
  return root;
}

/**
 * A site tree one folder down, `<outer>/repo`: a test can aim a build at the repository's parent
 * and everything it might touch is still inside one temp folder.
 */
export function makeNestedSiteTree(options: TreeOptions = {}): { outer: string; root: string } {
  const outer = makeSiteTree(undefined, options);
  const root = join(outer, 'repo');
  const names = readdirSync(outer);
  mkdirSync(root);
  for (const name of names) renameSync(join(outer, name), join(root, name));
  return { outer, root };
}

function buildArgs(root: string, args: readonly string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' };
  delete env['FORCE_COLOR'];
  return {
    argv: [join(root, 'bin', 'throughline.js'), 'build', '--today', TODAY, ...args],
    options: { cwd: root, env },
  };
}

/** `throughline build` as a user runs it. */
export function build(root: string, ...args: string[]) {
  const { argv, options } = buildArgs(root, args);
  const result = spawnSync(process.execPath, argv, { ...options, encoding: 'utf8' });
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/** `throughline build` started in the background, for a test that acts while it runs. */
export function startBuild(root: string, ...args: string[]) {
  const { argv, options } = buildArgs(root, args);
  const child: ChildProcess = spawn(process.execPath, argv, options);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<{ status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (status, signal) => {
      resolve({ status, signal, stdout, stderr });
    }),
  );
  return { child, done };
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

/**
 * Everything under `dir` as sorted lines — folders end in `/`, files carry a hash of their bytes —
 * so a test can say "nothing was created, changed or deleted" in one comparison. Links are listed,
 * never followed (`node_modules` is one); `skip` leaves out paths the test does not care about.
 */
export function treeState(dir: string, skip: (path: string) => boolean = () => false): string[] {
  const lines: string[] = [];
  const walk = (at: string) => {
    for (const name of readdirSync(at).sort()) {
      const path = join(at, name);
      const shown = relative(dir, path);
      if (skip(shown)) continue;
      const stat = lstatSync(path);
      if (stat.isDirectory()) {
        lines.push(`${shown}/`);
        walk(path);
      } else if (stat.isSymbolicLink()) lines.push(`${shown} -> link`);
      else lines.push(`${shown} ${createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 12)}`);
    }
  };
  walk(dir);
  return lines;
}

/** A folder as an earlier build left it: `files` and the marker that lists them. */
export function writeEarlierBuild(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, '.throughline-build.json'), markerText(Object.keys(files)));
}

/**
 * Everything the search index of a built site holds, as text: Pagefind gzips its fragments (each
 * page's text, title and filters) and filter indexes, so a plain read of the site never sees them.
 */
export function searchIndexText(dir: string): string {
  const index = join(dir, 'pagefind');
  return readdirSync(index, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.pf_(fragment|filter|meta|index)$/.test(file))
    .map((file) => gunzipSync(readFileSync(join(index, file))).toString('utf8'))
    .join('\n');
}
