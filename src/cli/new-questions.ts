/**
 * The questions `throughline new` asks, in the order it asks them: the prompts use `prompt`, and
 * the lists in docs/submitting.md and docs/cli.md are generated from `label` and `doc`
 * (`npm run docs:cli`), so the docs can never list other questions than the command asks.
 */
export const NEW_QUESTIONS = [
  {
    id: 'author',
    prompt: 'Who are you?',
    label: 'Who are you?',
    doc: "Everyone in `content/people/`, by name. If git's `user.name` matches someone's name or GitHub handle, they are picked already.",
  },
  {
    id: 'coAuthors',
    prompt: 'Who worked on it with you? (space picks, enter goes on; none is fine)',
    label: 'Who worked on it with you?',
    doc: 'Optional; pick any number with <kbd>Space</kbd>.',
  },
  {
    id: 'cycle',
    prompt: 'Which cycle?',
    label: 'Which cycle?',
    doc: 'Only asked when more than one cycle has started; the one open today is picked.',
  },
  {
    id: 'title',
    prompt: 'Title: what changed, as a result?',
    label: 'Title:',
    doc: 'what changed, as a result: _Cut median CI time from 22 to 11 minutes_, not _CI work_ (at most 120 characters).',
  },
  {
    id: 'summary',
    prompt: 'Summary: one or two sentences on what you did',
    label: 'Summary:',
    doc: 'one or two sentences (at most 200 characters).',
  },
  {
    id: 'goals',
    prompt: 'Which goals did it move? (space picks, enter goes on)',
    label: 'Which goals did it move?',
    doc: 'The cycle\'s goals as a tree, children under their parent. For each goal with key results you can name the one it moved, or "none in particular". Or pick **none: unplanned work** and say in a sentence why it mattered anyway: work no goal asked for is welcome too.',
  },
  {
    id: 'outcome',
    prompt: 'Outcome',
    label: 'Outcome:',
    doc: '`delivered` (picked already), `partial`, `missed`, or `learning` — a bet that did not pay off, and what it taught. All four are results worth recording.',
  },
  {
    id: 'visibility',
    prompt: 'Who may see it?',
    label: 'Who may see it?',
    doc: '`public`, `team` (picked already) or `private` (only your own local build and review packet; never published).',
  },
  {
    id: 'date',
    prompt: 'When did it land? (YYYY-MM-DD)',
    label: 'When did it land?',
    doc: "Today is filled in, or the cycle's last day when the cycle is over.",
  },
] as const;

export type QuestionId = (typeof NEW_QUESTIONS)[number]['id'];

/** The prompt text of one question. */
export function prompt(id: QuestionId): string {
  return NEW_QUESTIONS.find((q) => q.id === id)!.prompt;
}

/** The numbered list of questions, as the docs show it (Markdown). */
export function questionList(): string {
  return NEW_QUESTIONS.map((q, i) => `${i + 1}. **${q.label}** ${q.doc}`).join('\n') + '\n';
}
