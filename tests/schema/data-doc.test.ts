import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataMarkdown } from '../../scripts/data-doc.ts';
import { ExportedItemSchema } from '../../src/schema/data-export.ts';
import { REPO } from '../helpers.ts';

describe('the data exports doc', () => {
  it('docs/data.md is up to date with the export schemas (npm run docs:data)', () => {
    expect(readFileSync(join(REPO, 'docs/data.md'), 'utf8')).toBe(dataMarkdown());
  });

  it('lists every field of an exported item', () => {
    const doc = dataMarkdown();
    const missing = Object.keys(ExportedItemSchema.shape).filter((key) => !doc.includes(`| \`${key}\` |`));
    expect(missing).toEqual([]);
  });
});
