import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostics/diagnostics.ts';
import type { Problem } from '../../src/core/rules/context.ts';
import { RULES, type RuleId } from '../../src/core/rules/catalog.ts';
import type { SchemaProblem } from '../../src/core/diagnostics/schema-issues.ts';
import type { YamlProblem } from '../../src/core/read/yaml/full.ts';
import { SCHEMA_RULES, type SchemaIssueParams } from '../../src/schema/rules.ts';

// `tsc --noEmit` (npm run lint) checks this file: each `@ts-expect-error` fails the type check
// the day a misspelled rule id compiles.
describe('rule ids are a union of the catalog', () => {
  it('a misspelled id fails to compile wherever a rule id is written', () => {
    expectTypeOf<Diagnostic['rule']>().toEqualTypeOf<RuleId>();
    expectTypeOf<Problem['rule']>().toEqualTypeOf<RuleId>();
    expectTypeOf<SchemaProblem['rule']>().toEqualTypeOf<RuleId>();
    expectTypeOf<YamlProblem['rule']>().toEqualTypeOf<RuleId>();
    expectTypeOf<'unknown-reference'>().toExtend<RuleId>();
    expectTypeOf<'unknown-referense'>().not.toExtend<RuleId>();
    expectTypeOf<string>().not.toExtend<RuleId>();

    const spelled: Diagnostic['rule'] = 'yaml-too-large';
    // @ts-expect-error -- no such rule: `yaml-too-large` is
    const misspelled: Diagnostic['rule'] = 'yaml-too-big';
    // @ts-expect-error -- a schema refinement may name only a schema rule
    const params = { rule: 'invalid-dat' } satisfies SchemaIssueParams;
    // @ts-expect-error -- a rule of the core, not of the schemas
    const notSchema = { rule: 'tree-loop' } satisfies SchemaIssueParams;
    expect([spelled, misspelled, params.rule, notSchema.rule]).toHaveLength(4);
  });

  it('the schema rules are rules of the catalog, each id declared once', () => {
    expectTypeOf<(typeof SCHEMA_RULES)[number]['id']>().toExtend<RuleId>();
    const ids = RULES.map((rule) => rule.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(ids).toEqual(expect.arrayContaining(SCHEMA_RULES.map((rule) => rule.id)));
  });
});
