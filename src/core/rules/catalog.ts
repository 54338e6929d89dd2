import type { Severity } from '../diagnostics/diagnostics.ts';
import { SCHEMA_RULES } from '../../schema/rules.ts';

export interface RuleInfo {
  id: string;
  severity: Severity;
  /** What the rule guards, for docs/rules.md. */
  description: string;
}

/**
 * Every rule id `throughline check` can report. Ids are a public interface: CI configurations and
 * people's muscle memory depend on them, so they are never renamed, only added.
 */
export const RULES = [
  // Files
  {
    id: 'file-symlink',
    severity: 'error',
    description:
      'Symbolic links under `content/` are refused: a pull request could point one at any file on the machine that builds the site.',
  },
  {
    id: 'file-too-large',
    severity: 'error',
    description: 'A content file is larger than 1 MiB. Accomplishments are short; large evidence belongs behind a link.',
  },
  { id: 'file-encoding', severity: 'error', description: 'A content file is not valid UTF-8 text.' },
  {
    id: 'file-name',
    severity: 'error',
    description:
      'A file or folder name is not an id: lowercase letters and digits in words joined by `-`, at most 64 characters. The path without `.md` is the id other files refer to.',
  },
  {
    id: 'unknown-file',
    severity: 'error',
    description:
      'A file under `content/` is not where any collection looks (`content/site.yaml`, `content/<collection>/<id>.md`, `content/accomplishments/<cycle>/<slug>.md`), so it would silently never be built. Files and folders starting with `.` are ignored.',
  },
  {
    id: 'control-character',
    severity: 'error',
    description:
      'A control character or a bidirectional override (which can make text display differently from what it says) appears in the file, or a YAML escape such as `"\\u202E"` or `"\\e"` writes one into a value or a key.',
  },
  // Front matter and YAML
  {
    id: 'front-matter',
    severity: 'error',
    description:
      'The file does not start with a line that is exactly `---`, or the front matter is never closed by a second `---`. Front matter is YAML only: `---js` and other languages are refused, never run.',
  },
  { id: 'yaml-syntax', severity: 'error', description: 'The front matter is not valid YAML 1.2.' },
  {
    id: 'yaml-duplicate-key',
    severity: 'error',
    description: 'A key appears twice in one mapping; YAML would silently keep only the last.',
  },
  {
    id: 'yaml-extra-document',
    severity: 'error',
    description:
      'Text follows the end of the front matter’s YAML document (`...` or a second `---` inside it). YAML would read only the first document and silently drop the rest.',
  },
  { id: 'yaml-tab', severity: 'error', description: 'A tab is used for indentation; YAML indents with spaces.' },
  {
    id: 'yaml-alias',
    severity: 'error',
    description:
      'An anchor (`&name`) or alias (`*name`) is used. They make a small file expand into a huge one and hide where values come from.',
  },
  { id: 'yaml-merge-key', severity: 'error', description: 'A merge key (`<<`) is used; write the keys out.' },
  { id: 'yaml-tag', severity: 'error', description: 'A tag such as `!!binary` or `!custom` is used. Only plain YAML values are read.' },
  {
    id: 'yaml-too-large',
    severity: 'error',
    description:
      'The front matter, or `content/site.yaml`, is longer than 100,000 characters. Every field of an accomplishment at its longest takes about 60,000; YAML that large is not read at all, since parsing it would make the check slow.',
  },
  {
    id: 'too-many-problems',
    severity: 'error',
    description:
      'A file has more than 50 problems; the first 50 are reported, then this one says how many more there are. Fix those and check again.',
  },
  // Schema: declared in the schema room, whose refinements name some of them
  ...SCHEMA_RULES,
  {
    id: 'raw-html',
    severity: 'warning',
    description:
      'The body contains raw HTML the site removes: an element other than simple formatting (`<kbd>`, `<sub>`, `<details>`, …), or attributes. Write Markdown instead.',
  },
  {
    id: 'body-too-large',
    severity: 'error',
    description:
      'The Markdown body is longer than 20,000 characters. Accomplishments are short; long material belongs behind a link, and longer bodies can make rendering slow.',
  },
  {
    id: 'body-too-deep',
    severity: 'error',
    description:
      'Block quotes, lists or raw HTML elements are nested more than 32 deep in the body. Such nesting is never needed and makes rendering slow.',
  },
  {
    id: 'unclosed-html',
    severity: 'error',
    description:
      'A raw HTML element whose content the site removes (`<template>`, `<style>`, `<textarea>`, `<form>`, …) is opened and never closed, or a comment or tag is never finished, so everything after it would vanish from the page. `<template>` and raw text elements such as `<style>` may close in a later paragraph; any other such element must close in the paragraph or HTML block that opens it. The page shows the tag as text.',
  },
  // References and the tree
  {
    id: 'unknown-reference',
    severity: 'error',
    description:
      'An id (author, team, owner, manager, lead, parent, cycle, goal, `builds_on`) does not match any file of that collection. A shared item’s `builds_on` may not name an item in `content/.personal/`, which only its author’s machine has.',
  },
  {
    id: 'unknown-key-result',
    severity: 'error',
    description:
      'A `key_result` is not a key result of the goal it is given with (in `goals`), or of any of the item’s goals (in `impact`).',
  },
  {
    id: 'duplicate-id',
    severity: 'error',
    description:
      'Two entities share an id, also when they differ only in letter case; or two key results of one goal share an id; or two people share a GitHub handle.',
  },
  {
    id: 'duplicate-entry',
    severity: 'error',
    description: 'The same person is listed twice in `authors`, the same goal twice in `goals`, or the same item twice in `builds_on`.',
  },
  {
    id: 'tree-loop',
    severity: 'error',
    description: 'Following `parent` (goals, teams) or `manager` (people) leads back to where it started.',
  },
  // Cycles and dates
  {
    id: 'cycle-dates',
    severity: 'error',
    description: 'A cycle ends before it starts, is due before it starts, or asks for a minimum above its maximum.',
  },
  { id: 'cycle-folder', severity: 'error', description: 'An accomplishment’s `cycle` differs from the cycle folder it is in.' },
  { id: 'date-outside-cycle', severity: 'error', description: 'An accomplishment’s `date` is outside its cycle’s `start`..`end`.' },
  { id: 'future-date', severity: 'warning', description: 'An accomplishment is dated after today.' },
  {
    id: 'builds-on',
    severity: 'error',
    description:
      'An entry of `builds_on` names the item itself, or an item dated after it: work builds on what came before (the same day is fine). An earlier item the site’s audience may not see, or a draft, is allowed; the site leaves its link out.',
  },
  { id: 'goal-cycle', severity: 'warning', description: 'An accomplishment moves a goal that belongs to another cycle.' },
  {
    id: 'submission-count',
    severity: 'error',
    description:
      "A person has fewer or more accomplishments in a cycle than its `submissions` `min`..`max` (drafts do not count). Too few is a warning only in the cycle's last `reminder_days` (default 14) before it is due, and an error after; too many is a warning until then. People in the cycle's `exempt`, or who `joined` after it started or `left` before it ended, have no minimum. With `--changed-since`, an overdue count is reported only if the change makes it worse than on the base.",
  },
  // Accomplishments
  {
    id: 'unplanned',
    severity: 'error',
    description:
      '`unplanned` must be a non-empty reason exactly when `goals` is empty: work either moves a goal or says why it mattered anyway.',
  },
  {
    id: 'required-section',
    severity: 'error',
    description:
      'The body lacks a heading required by `sections` in `content/site.yaml` (default `Impact`), or, for `outcome: learning`, a `What we learned` heading.',
  },
  {
    id: 'template-text',
    severity: 'error',
    description:
      'The body still holds a prompt that `npm run new` wrote under a heading, such as `_What was the situation, and why did it matter?_`: the section was never written. Answer it, or remove the section if it is not required. A draft may keep the prompts: it is never built.',
  },
  {
    id: 'no-evidence',
    severity: 'warning',
    description:
      'A `delivered` or `partial` accomplishment has no `evidence` link (a pull request, a dashboard, a document) that shows the work. Drafts are not asked.',
  },
  {
    id: 'impact-unit',
    severity: 'error',
    description: 'An `impact` entry names a key result but uses a different `unit` than that key result.',
  },
  {
    id: 'over-claim',
    severity: 'warning',
    description:
      'The before → after changes that items claim on one key result add up to more than the key result actually moved (`baseline` → `current`).',
  },
  // Pull requests
  {
    id: 'pr-author',
    severity: 'warning',
    description:
      'With `--pr-author HANDLE` (set by the check workflow), the person who opened the pull request is not among the `authors` of an item it adds or changes, or their GitHub handle is in no file under `content/people/`.',
  },
  {
    id: 'pr-private-item',
    severity: 'warning',
    description:
      'With `--pr-author` (in a pull request), an item the pull request adds or changes is `visibility: private`. Private items never reach a built site, but the file itself can be read by anyone who can read the repository.',
  },
  // Personal items
  {
    id: 'personal-tracked',
    severity: 'error',
    description:
      'A file in `content/.personal/` is tracked by git (or staged). That folder never leaves your machine: `git rm --cached` the file and keep the folder in `.gitignore`.',
  },
  {
    id: 'personal-visibility',
    severity: 'error',
    description:
      'An item in `content/.personal/` is not `visibility: private`. Items there are for you alone; move shared items to `content/accomplishments/`.',
  },
  // Site
  { id: 'site-config', severity: 'error', description: '`content/site.yaml` is missing.' },
  {
    id: 'site-address',
    severity: 'error',
    description:
      '`url` in `content/site.yaml` is not where GitHub Pages publishes the repository (`--pages-url`, which the deploy workflow passes): every link of the site would miss.',
  },
  {
    id: 'empty-audience',
    severity: 'warning',
    description:
      'The site’s `audience` in `content/site.yaml` would show no goals, or no people: none of them may be seen by it. Goals and people are `team` unless they say otherwise, so a `public` site needs `visibility: public` on those it publishes.',
  },
] as const satisfies readonly RuleInfo[];

export type RuleId = (typeof RULES)[number]['id'];

export const RULE_SEVERITY = Object.fromEntries(RULES.map((rule) => [rule.id, rule.severity])) as Record<RuleId, Severity>;
