import { COLLECTIONS, ID_MAX, ID_PATTERN, type CollectionName } from '../../schema/common.ts';
import { slugify } from '../text/slug.ts';
import { suggest } from '../text/suggest.ts';

import { CONTENT_DIR } from './source-file.ts';

export { CONTENT_DIR };
export const SITE_FILE = `${CONTENT_DIR}/site.yaml`;

/**
 * `content/.personal/`: a person's own items, mirroring `content/accomplishments/`. Git-ignored, so
 * it never leaves their machine; local checks and private builds read it, nothing else does.
 */
export const PERSONAL_DIR = `${CONTENT_DIR}/.personal`;

/** Whether a content path lies in the personal folder. */
export function isPersonal(path: string): boolean {
  return path.startsWith(`${PERSONAL_DIR}/`);
}

export interface PathProblem {
  rule: 'file-name' | 'unknown-file';
  message: string;
  hint?: string;
}

export type Classified =
  | { kind: 'site' }
  | { kind: 'entry'; collection: CollectionName; id: string; problems: PathProblem[] }
  | { kind: 'ignored' }
  | { kind: 'unknown'; problem: PathProblem };

/**
 * What a file under `content/` is: the path without extension is the id, so the path alone says
 * which collection it belongs to and whether its name is a valid id.
 */
export function classify(path: string): Classified {
  const segments = path.split('/');
  if (segments[0] !== CONTENT_DIR) return { kind: 'ignored' };
  const personal = isPersonal(path);
  const rest = segments.slice(personal ? 2 : 1);
  if (rest.some((s) => s.startsWith('.'))) return { kind: 'ignored' };
  if (personal && (rest[0] !== 'accomplishments' || rest.length === 1)) {
    return unknown(
      `Unexpected location \`${path}\`, expected \`${PERSONAL_DIR}/accomplishments/<cycle>/<slug>.md\``,
      'only accomplishments live in the personal folder; people, goals and the rest are shared',
    );
  }
  if (rest.length === 1) {
    if (rest[0] === 'site.yaml') return { kind: 'site' };
    const near = /^site\.(ya?ml|json|toml)$/i.test(rest[0]!) ? { hint: 'rename it to `content/site.yaml`' } : {};
    return unknown(
      `Unexpected file \`${path}\`, expected only \`content/site.yaml\` and folders of ${listCollections()} at the top of \`content/\``,
      near.hint,
    );
  }
  const folder = rest[0]!;
  if (!(COLLECTIONS as readonly string[]).includes(folder)) {
    const guess = suggest(folder, COLLECTIONS);
    return unknown(
      `Unexpected folder \`content/${folder}/\`, expected one of ${listCollections()}`,
      guess ? `did you mean \`content/${guess}/\`?` : undefined,
    );
  }
  const collection = folder as CollectionName;
  const file = rest.at(-1)!;
  if (!file.endsWith('.md')) {
    const stem = file.replace(/\.[^.]*$/, '');
    return unknown(
      `Unexpected file \`${path}\`, expected Markdown files ending in \`.md\``,
      /\.(markdown|mdx?|txt)$/i.test(file) ? `rename it to \`${stem}.md\`` : undefined,
    );
  }
  const idSegments = [...rest.slice(1, -1), file.slice(0, -3)];
  const expectedDepth = collection === 'accomplishments' ? 2 : 1;
  if (idSegments.length !== expectedDepth) {
    return unknown(
      collection === 'accomplishments'
        ? `Unexpected location \`${path}\`, expected \`${personal ? PERSONAL_DIR : CONTENT_DIR}/accomplishments/<cycle>/<slug>.md\``
        : `Unexpected location \`${path}\`, expected \`content/${collection}/<id>.md\` with no subfolder`,
      collection === 'accomplishments' && idSegments.length === 1
        ? 'move it into the folder of its cycle, e.g. `content/accomplishments/2026-h1/`'
        : undefined,
    );
  }
  const problems: PathProblem[] = [];
  for (const segment of idSegments) {
    if (ID_PATTERN.test(segment) && segment.length <= ID_MAX) continue;
    const fixed = slugify(segment);
    problems.push({
      rule: 'file-name',
      message:
        segment.length > ID_MAX
          ? `File name segment \`${segment}\` is ${segment.length} characters long, expected at most ${ID_MAX}`
          : `Invalid file name segment \`${segment}\`, expected lowercase words joined by \`-\`, such as \`cut-ci-time\``,
      ...(fixed ? { hint: `rename it to \`${fixed}\`: the path is the id that other files refer to` } : {}),
    });
  }
  return { kind: 'entry', collection, id: idSegments.join('/'), problems };
}

function unknown(message: string, hint: string | undefined): Classified {
  return { kind: 'unknown', problem: { rule: 'unknown-file', message, ...(hint ? { hint } : {}) } };
}

function listCollections(): string {
  return COLLECTIONS.map((c) => `\`${c}/\``).join(', ');
}
