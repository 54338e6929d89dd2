import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { UsageError } from '../../core/diagnostics/errors.ts';
import { defineCommand } from '../command.ts';
import { logSafe } from '../format/log-safe.ts';
import { MANAGED_TEMPLATES, releasePins, templatesDir, type ReleasePins } from '../templates.ts';

/** One thing compared: what it is, and when it differs, what differs and how to take the new one. */
export interface Finding {
  subject: string;
  difference?: string | undefined;
}

interface TeamManifest {
  dependencies?: Record<string, unknown>;
  devDependencies?: Record<string, unknown>;
}

/**
 * Compares a team's repository with the templates and pins of the installed Throughline: the
 * workflows and the pull request template (text), `.nvmrc`, and package.json's `node`,
 * `throughline` and `astro`. CODEOWNERS, the README and the content are the team's own.
 */
export function doctorFindings(root: string, pins: ReleasePins, templates: string): Finding[] {
  const manifestPath = join(root, 'package.json');
  if (!existsSync(manifestPath))
    throw new UsageError(`no package.json in ${root}; run doctor in the root of a team's repository, or pass --root DIR`);
  let manifest: TeamManifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as TeamManifest;
  } catch (error) {
    throw new UsageError(`package.json is not valid JSON (${(error as Error).message})`);
  }
  const findings: Finding[] = [];
  const shell = (path: string) => path.split(sep).join('/');
  for (const path of MANAGED_TEMPLATES) {
    const template = join(templates, path);
    const from = relative(root, template);
    const ours = readText(join(root, path));
    const folder = dirname(path);
    const take = `${existsSync(join(root, folder)) ? '' : `mkdir -p ${folder} && `}cp ${shell(from.startsWith('..') || isAbsolute(from) ? template : from)} ${path}`;
    const difference =
      ours === undefined
        ? `${path} is missing; take the template: ${take}`
        : ours !== normalize(readFileSync(template, 'utf8'))
          ? `${path} differs from the template of throughline ${pins.version}; take it (then redo your own changes): ${take}`
          : undefined;
    findings.push({ subject: path, difference });
  }

  const nvmrc = readText(join(root, '.nvmrc'))?.trim().replace(/^v/, '');
  findings.push({
    subject: '.nvmrc',
    difference:
      nvmrc === pins.nodeMajor
        ? undefined
        : `.nvmrc ${nvmrc === undefined ? 'is missing' : `says \`${nvmrc}\``}, expected \`${pins.nodeMajor}\`, the Node the workflows should set up: echo ${pins.nodeMajor} > .nvmrc`,
  });

  const pin = (subject: string, found: unknown, expected: string, why: string, take: string): Finding => ({
    subject,
    difference:
      found === expected
        ? undefined
        : `package.json ${typeof found === 'string' ? `has ${subject} \`${found}\`` : `lacks ${subject}`}, expected \`${expected}\` (${why}): ${take}`,
  });
  findings.push(
    pin(
      'devDependencies.node',
      manifest.devDependencies?.['node'],
      pins.node,
      'the Node the npm scripts run on',
      `npm pkg set "devDependencies.node=${pins.node}"`,
    ),
    pin(
      'dependencies.throughline',
      manifest.dependencies?.['throughline'],
      pins.version,
      'the version installed',
      `npm pkg set "dependencies.throughline=${pins.version}"`,
    ),
    pin(
      'dependencies.astro',
      manifest.dependencies?.['astro'],
      pins.astro,
      `what throughline ${pins.version} works with`,
      `npm pkg set "dependencies.astro=${pins.astro}"`,
    ),
  );
  return findings;
}

function readText(path: string): string | undefined {
  return existsSync(path) ? normalize(readFileSync(path, 'utf8')) : undefined;
}

/** Line endings are git's business (autocrlf), not a difference. */
const normalize = (text: string) => text.replace(/\r\n/g, '\n');

export const command = defineCommand({
  name: 'doctor',
  summary: "Say what differs from the installed Throughline's templates, and how to take them",
  options: {},
  run(_values, ctx) {
    const pins = releasePins();
    const findings = doctorFindings(ctx.root, pins, templatesDir());
    const differ = findings.filter((f) => f.difference !== undefined);
    const lines = differ.map((f) => `${f.difference!}\n`);
    lines.push(
      differ.length === 0
        ? `All ${findings.length} match throughline ${pins.version}: the workflows, the pull request template, .nvmrc and the node, throughline and astro pins.\n`
        : `${differ.length} of ${findings.length} differ from throughline ${pins.version}; take each as shown, then run npm install and npm run check.\n`,
    );
    ctx.stdout.write(logSafe(lines.join('')));
    return differ.length === 0 ? 0 : 1;
  },
});
