import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import throughline, { type ThroughlineOptions } from '../../src/integration/index.ts';
import { COMPONENTS } from '../../src/integration/options.ts';
import { routePattern } from '../../src/integration/routes.ts';

/** The message a team sees when astro.config.mjs passes these options. */
function refusal(options: unknown): string {
  try {
    throughline(options as ThroughlineOptions);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('accepted');
}

describe('throughline() options', () => {
  it('accepts none, and a full set', () => {
    expect(throughline().name).toBe('throughline');
    expect(throughline({ locale: 'de-CH', customCss: ['./src/custom.css'], components: { ItemCard: './src/Card.astro' } }).name).toBe(
      'throughline',
    );
  });

  it('names a misspelled component and the ones there are', () => {
    expect(refusal({ components: { ItemCrad: './src/Card.astro' } })).toMatchInlineSnapshot(
      `"throughline(): \`components.ItemCrad\` is not a component Throughline draws (did you mean \`ItemCard\`?); it has Avatar, CoverageTable, CycleMap, GoalMap, GoalMoves, GoalPath, GoalTree, ItemCard, ItemList, ItemListPage, KeyResult, KeyResultHistory, NotShown, OutcomeBadge, OutcomeMix, Pagination, PersonLink, ProgressBar, Scorecard, SearchForm, StatusBadge"`,
    );
  });

  it('refuses an unknown option, a locale that is not a language tag, and a stylesheet that is not a list', () => {
    expect(refusal({ customCSS: ['./x.css'] })).toMatchInlineSnapshot(
      `"throughline(): unknown option \`customCSS\` (did you mean \`customCss\`?)"`,
    );
    expect(refusal({ locale: 'english please' })).toMatchInlineSnapshot(
      `"throughline(): \`locale\`: expected a BCP 47 language tag such as \`en\`, \`en-GB\` or \`de\`"`,
    );
    expect(refusal({ customCss: './x.css' })).toMatchInlineSnapshot(
      `"throughline(): \`customCss\`: Invalid input: expected array, received string"`,
    );
  });
});

describe('the components a team may replace', () => {
  it('are exactly the files in src/components, so none is left out or named without a file', () => {
    const files = readdirSync(new URL('../../src/components/', import.meta.url))
      .filter((file) => file.endsWith('.astro'))
      .map((file) => file.slice(0, -'.astro'.length));
    expect([...COMPONENTS].sort()).toEqual(files.sort());
  });
});

describe('the page addresses', () => {
  it.each([
    ['index.astro', '/'],
    ['404.astro', '/404'],
    ['goals/index.astro', '/goals'],
    ['goals/[id].astro', '/goals/[id]'],
    ['cycles/[id]/items/[...page].astro', '/cycles/[id]/items/[...page]'],
    ['data/goals.json.ts', '/data/goals.json'],
  ])('%s is served at %s', (file, pattern) => {
    expect(routePattern(file)).toBe(pattern);
  });
});
