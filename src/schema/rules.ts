/**
 * The rules a schema problem is reported under, declared here because the schemas name some of
 * them in their refinements (`params: { rule: 'invalid-date' }`) and this room imports only zod and
 * its own files. `src/core/rules/catalog.ts` takes them into the one list of rules, between the
 * YAML rules and the body rules; `src/core/diagnostics/schema-issues.ts` reports zod's issues under them.
 */
export const SCHEMA_RULES = [
  { id: 'missing-field', severity: 'error', description: 'A required field is missing.' },
  {
    id: 'unknown-key',
    severity: 'error',
    description: 'A field the schema does not know, usually a typo; it would otherwise be silently dropped.',
  },
  {
    id: 'wrong-type',
    severity: 'error',
    description: 'A value has the wrong type: text where a number is expected, a single value where a list is expected, an empty value.',
  },
  {
    id: 'invalid-value',
    severity: 'error',
    description:
      'A value is outside what the field allows: not one of the listed options, a list that is too long, an invalid GitHub handle or link, a line break in a one-line field (a title, summary, name, role, label, metric or unit).',
  },
  {
    id: 'invalid-id',
    severity: 'error',
    description: 'An id written in a field is not lowercase kebab-case, so it cannot match any file.',
  },
  { id: 'invalid-date', severity: 'error', description: 'A date is not written `YYYY-MM-DD`, or is not a real calendar day.' },
  { id: 'too-long', severity: 'error', description: 'Text is longer than its field allows (e.g. `summary` at most 200 characters).' },
  {
    id: 'link-protocol',
    severity: 'error',
    description:
      'A link in `evidence` or in the body is not `https:`, `http:` or `mailto:`. `javascript:`, `data:`, relative and other links never reach a page.',
  },
] as const;

/** A rule a schema problem can be reported under. */
export type SchemaRuleId = (typeof SCHEMA_RULES)[number]['id'];

/**
 * What a refinement of these schemas may put in a custom issue's `params`; write it
 * `params: { rule: 'invalid-value', … } satisfies SchemaIssueParams`, so a misspelled rule fails to
 * compile. `src/core/diagnostics/schema-issues.ts` reads it back.
 */
export interface SchemaIssueParams {
  rule?: SchemaRuleId;
  /** The value holds a line break where one line is expected. */
  lineBreak?: boolean;
  /** What was expected, for the message: "expected a git branch name such as `main`". */
  expected?: string;
  hint?: string;
}
