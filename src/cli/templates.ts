import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageInfo } from '../node/package-info.ts';

/**
 * The files of a team's repository that come from `templates/` in the package, as the template's
 * path → the path in the team's repository. npm never packs a file named `.gitignore`, hence
 * `gitignore`.
 */
export const TEMPLATE_FILES: ReadonlyMap<string, string> = new Map([
  ['.github/workflows/check.yml', '.github/workflows/check.yml'],
  ['.github/workflows/deploy.yml', '.github/workflows/deploy.yml'],
  ['.github/PULL_REQUEST_TEMPLATE.md', '.github/PULL_REQUEST_TEMPLATE.md'],
  ['.github/CODEOWNERS', '.github/CODEOWNERS'],
  ['gitignore', '.gitignore'],
  ['README.md', 'README.md'],
  ['astro.config.mjs', 'astro.config.mjs'],
  ['src/content.config.ts', 'src/content.config.ts'],
  ['tsconfig.json', 'tsconfig.json'],
]);

/**
 * The templates a team takes unchanged from each release, so `doctor` compares them. The rest
 * (CODEOWNERS, the README, the Astro and TypeScript config) are the team's to edit.
 */
export const MANAGED_TEMPLATES: readonly string[] = [
  '.github/workflows/check.yml',
  '.github/workflows/deploy.yml',
  '.github/PULL_REQUEST_TEMPLATE.md',
];

export function templatesDir(): string {
  return join(packageInfo().root, 'templates');
}

export function readTemplate(path: string): string {
  return readFileSync(join(templatesDir(), path), 'utf8');
}

/** `{{name}}` in a template replaced by its value; every placeholder must have one. */
export function fillTemplate(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`template placeholder {{${name}}} has no value`);
    return value;
  });
}

/** What a team's package.json and .nvmrc must say to match this release of Throughline. */
export interface ReleasePins {
  version: string;
  /** `devDependencies.node` of Throughline itself: the Node the npm scripts run on. */
  node: string;
  /** The Node major of `node`, for `.nvmrc` (what the workflows set up). */
  nodeMajor: string;
  /** `peerDependencies.astro`. */
  astro: string;
  /**
   * `allowScripts`: the install scripts npm may run, which a team's tree has too (`node` installs
   * its binary in one; esbuild, under Astro, checks its own). Without them npm asks the team.
   */
  allowScripts: Record<string, unknown> | undefined;
}

interface Manifest {
  version?: unknown;
  devDependencies?: Record<string, unknown>;
  peerDependencies?: Record<string, unknown>;
  allowScripts?: Record<string, unknown>;
}

/** Read from Throughline's own package.json at run time, so a release never carries stale copies. */
export function releasePins(): ReleasePins {
  const { root, version } = packageInfo();
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;
  const node = manifest.devDependencies?.['node'];
  const astro = manifest.peerDependencies?.['astro'];
  if (typeof node !== 'string' || typeof astro !== 'string')
    throw new Error("throughline's package.json has no devDependencies.node or peerDependencies.astro");
  const nodeMajor = /\d+/.exec(node)?.[0];
  if (nodeMajor === undefined) throw new Error(`throughline's devDependencies.node \`${node}\` names no Node major`);
  return { version, node, nodeMajor, astro, allowScripts: manifest.allowScripts };
}

/** A team repository's package.json: Throughline pinned exactly, Astro and Node as Throughline has them. */
export function teamPackageJson(name: string, pins: ReleasePins): string {
  const manifest = {
    name,
    version: '0.0.0',
    private: true,
    type: 'module',
    scripts: {
      check: 'throughline check',
      build: 'throughline build',
      dev: 'astro dev',
      preview: 'astro preview',
      new: 'throughline new',
      status: 'throughline status',
    },
    dependencies: { astro: pins.astro, throughline: pins.version },
    devDependencies: { node: pins.node },
    ...(pins.allowScripts === undefined ? {} : { allowScripts: pins.allowScripts }),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
