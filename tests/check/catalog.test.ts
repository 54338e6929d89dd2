import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/core/rules/catalog.ts';
import { rulesMarkdown } from '../../scripts/rules-doc.ts';
import { contentModelMarkdown } from '../../scripts/content-doc.ts';
import { CLI_DOC, cliMarkdown, SUBMITTING_DOC, submittingMarkdown } from '../../scripts/cli-doc.ts';
import { REPO } from '../helpers.ts';

describe('the rule catalog', () => {
  it('docs/rules.md is up to date (npm run docs:rules)', () => {
    expect(readFileSync(join(REPO, 'docs/rules.md'), 'utf8')).toBe(rulesMarkdown());
  });

  it('every rule has a failing case whose pinned output names it', () => {
    const pinned = ['rules.test.ts', 'parser.test.ts'].map((file) => readFileSync(join(REPO, 'tests/check', file), 'utf8')).join('\n');
    const untested = RULES.filter((rule) => !new RegExp(`:\\d+:\\d+ (error|warning) ${rule.id} |content/ error ${rule.id} `).test(pinned));
    expect(untested.map((rule) => rule.id)).toEqual([]);
  });
});

describe('the content model doc', () => {
  it('docs/content-model.md is up to date with the schemas and their JSDoc (npm run docs:content)', () => {
    expect(readFileSync(join(REPO, 'docs/content-model.md'), 'utf8')).toBe(contentModelMarkdown());
  });
});

describe('the command line doc', () => {
  it("docs/cli.md is up to date with the commands' option declarations (npm run docs:cli)", async () => {
    const current = readFileSync(CLI_DOC, 'utf8');
    expect(current).toBe(await cliMarkdown(current));
  });

  it('docs/submitting.md lists exactly the questions `new` asks, in its order (npm run docs:cli)', async () => {
    const current = readFileSync(SUBMITTING_DOC, 'utf8');
    expect(current).toBe(await submittingMarkdown(current));
  });

  it('a command without a generated block in docs/cli.md fails the generation', async () => {
    const current = readFileSync(CLI_DOC, 'utf8');
    const without = current.replace(/<!-- generated: throughline status -->[\s\S]*?<!-- end generated -->/, '');
    await expect(cliMarkdown(without)).rejects.toThrow('docs/cli.md has no generated block for `throughline status`');
  });
});
