import { schemas, SiteSchema, type Site } from '../../schema/index.ts';
import { emptyContent, type Content, type ContentEntry } from './content.ts';
import { reportCapped, type Problem } from '../rules/context.ts';
import { ProblemCap, WHOLE_FILE, type Diagnostic } from '../diagnostics/diagnostics.ts';
import { splitFrontMatter } from './frontmatter.ts';
import { classify, isPersonal } from './paths.ts';
import { describeIssuesUpTo } from '../diagnostics/schema-issues.ts';
import { readYaml } from './read-entry.ts';
import { fullYaml, offsetSpan, type SourceDoc } from './source.ts';
import type { SourceFile } from './source-file.ts';
import { characterName, findControlCharacters } from '../text/text-checks.ts';
import type { z } from 'zod';

/** What one file contributes besides its problems: the site settings or the entry it holds. */
interface LoadedFile {
  site?: { doc: SourceDoc; data: Site | undefined };
  entry?: ContentEntry;
}

/**
 * Parses and validates every file on its own; nothing here looks across files. Every problem of
 * every file is collected, none stops the run; past `cap`'s limit for a file they are only
 * counted, and `cap.summaries()` says how many.
 */
export function loadContent(
  files: readonly SourceFile[],
  cap: ProblemCap = new ProblemCap(),
): { content: Content; diagnostics: Diagnostic[] } {
  const content = emptyContent();
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    const loaded = loadFile(file, diagnostics, cap);
    if (loaded.site) content.site = loaded.site;
    if (loaded.entry) add(content.entries[loaded.entry.collection], loaded.entry, diagnostics, cap);
  }
  return { content, diagnostics };
}

/**
 * Adds an entry to its collection. Paths make ids unique, except that a personal item can take the
 * id of a shared one: the personal file is then the one reported, and the shared one is kept.
 */
function add(collection: Map<string, ContentEntry>, entry: ContentEntry, diagnostics: Diagnostic[], cap: ProblemCap): void {
  const other = collection.get(entry.id);
  if (other !== undefined) {
    const [kept, dropped] = isPersonal(entry.doc.file) ? [other, entry] : [entry, other];
    reportCapped(
      {
        at: dropped.doc,
        span: WHOLE_FILE,
        rule: 'duplicate-id',
        message: `Duplicate id \`${entry.id}\`, \`${kept.doc.file}\` already has it`,
        hint: 'rename your personal file; its name is its id, and the shared item keeps its own',
        related: [kept.doc.file],
      },
      diagnostics,
      cap,
    );
    collection.set(entry.id, kept);
    return;
  }
  collection.set(entry.id, entry);
}

/** One file on its own. Bodies are not parsed here: the body rules do it only where needed. */
function loadFile(file: SourceFile, diagnostics: Diagnostic[], cap: ProblemCap): LoadedFile {
  const report = (problem: Problem) => {
    reportCapped(problem, diagnostics, cap);
  };
  const kind = classify(file.path);
  if (kind.kind === 'ignored') return {};
  const blank: SourceDoc = { file: file.path, text: '', yaml: '', yamlLine: 1, body: '', bodyLine: 1 };
  if ('refused' in file) {
    report({ at: blank, span: WHOLE_FILE, ...refusal(file) });
    return {};
  }
  if (kind.kind === 'unknown') {
    report({ at: blank, span: WHOLE_FILE, ...kind.problem });
    return {};
  }
  for (const control of findControlCharacters(file.text)) {
    report({
      at: blank,
      span: control,
      rule: 'control-character',
      message: `Unexpected control character ${characterName(control.codePoint)}, expected plain text`,
      hint: 'delete it; it is invisible in most editors, so retype the text around it',
    });
  }
  if (kind.kind === 'site') {
    const doc: SourceDoc = { file: file.path, text: file.text, yaml: file.text, yamlLine: 1, body: '', bodyLine: 1 };
    const raw = parseYaml(doc, report);
    const data = raw.ok ? validate(doc, raw.value, SiteSchema, report, cap) : undefined;
    return { site: { doc, data } };
  }
  for (const problem of kind.problems) report({ at: blank, span: WHOLE_FILE, ...problem });
  const parts = splitFrontMatter(file.text);
  if ('message' in parts) {
    report({
      at: blank,
      span: { line: parts.line, column: 1, endLine: parts.line, endColumn: 4 },
      rule: 'front-matter',
      message: parts.message,
      hint: parts.hint,
    });
    return {
      entry: { collection: kind.collection, id: kind.id, doc: { ...blank, text: file.text }, raw: undefined, data: undefined },
    };
  }
  const doc: SourceDoc = { file: file.path, text: file.text, ...parts };
  const raw = parseYaml(doc, report);
  const data = raw.ok ? validate(doc, raw.value, schemas[kind.collection] as z.ZodType, report, cap) : undefined;
  const entry = { collection: kind.collection, id: kind.id, doc, raw: raw.ok ? raw.value : undefined, data } as ContentEntry;
  return { entry };
}

/** Reports YAML problems at their lines; the exact parse is kept with the document for positions. */
function parseYaml(doc: SourceDoc, report: (p: Problem) => void): ReturnType<typeof readYaml> {
  const read = readYaml(doc.yaml, () => fullYaml(doc));
  if (!read.ok) {
    for (const problem of read.problems) {
      const { rule, message, hint } = problem;
      report({ at: doc, span: offsetSpan(problem, doc.yamlLine - 1), rule, message, hint });
    }
  }
  return read;
}

function validate<T>(doc: SourceDoc, raw: unknown, schema: z.ZodType<T>, report: (p: Problem) => void, cap: ProblemCap): T | undefined {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  // One more than there is room for: the first problem left out is where the cap's summary goes.
  const { problems, more } = describeIssuesUpTo(result.error.issues, schema, raw, cap.room(doc.file) + 1);
  for (const problem of problems) {
    report({ at: doc, path: problem.path, rule: problem.rule, message: problem.message, hint: problem.hint });
  }
  // Every schema rule is an error, and the summary is placed already.
  if (more > 0) cap.leaveOut(doc.file, 'error', () => WHOLE_FILE, more);
  return undefined;
}

function refusal(file: {
  path: string;
  refused: 'symlink' | 'too-large' | 'not-utf8';
  size?: number;
}): Pick<Problem, 'rule' | 'message' | 'hint'> {
  switch (file.refused) {
    case 'symlink':
      return {
        rule: 'file-symlink',
        message: 'Unexpected symbolic link, expected a regular file',
        hint: 'commit the file itself; links are never followed',
      };
    case 'too-large':
      return {
        rule: 'file-too-large',
        message: `File is ${((file.size ?? 0) / 1024 / 1024).toFixed(1)} MiB, expected at most 1 MiB`,
        hint: 'keep the text short and link to large evidence instead',
      };
    case 'not-utf8':
      return { rule: 'file-encoding', message: 'File is not valid UTF-8 text', hint: 'save it as UTF-8 in your editor' };
  }
}
