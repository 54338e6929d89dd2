import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readEntry } from '../../src/core/read/read-entry.ts';
import { readYaml } from '../../src/core/read/read-entry.ts';
import { bodyHeadings, defaultDate, renderAccomplishment, yamlString, type Answers } from '../../src/core/scaffold/scaffold.ts';
import { slugify } from '../../src/core/text/slug.ts';
import { AccomplishmentSchema, ID_MAX, ID_PATTERN } from '../../src/schema/index.ts';

describe('slugify', () => {
  it('makes lowercase kebab-case from a title', () => {
    expect(slugify('Cut median CI time from 22 to 11 minutes')).toBe('cut-median-ci-time-from-22-to-11-minutes');
    expect(slugify('  Speed: up the "build"  #1!  ')).toBe('speed-up-the-build-1');
  });
  it('drops accents and spells out letters that have none', () => {
    expect(slugify('Café déjà vu')).toBe('cafe-deja-vu');
    expect(slugify('Straße, Ærø and Łódź')).toBe('strasse-aero-and-lodz');
    expect(slugify('ﬁnal Ｆｕｌｌｗｉｄｔｈ')).toBe('final-fullwidth');
  });
  it('keeps words whole: apostrophes, & and %', () => {
    expect(slugify("Don't page people at night")).toBe('dont-page-people-at-night');
    expect(slugify('R&D: cut errors by 50%')).toBe('r-and-d-cut-errors-by-50-percent');
  });
  it('drops scripts it cannot spell in ASCII, and is empty when nothing is left', () => {
    expect(slugify('Миграция to Postgres 16')).toBe('to-postgres-16');
    expect(slugify('日本語')).toBe('');
    expect(slugify('🚀 !!!')).toBe('');
  });
  it('cuts at a word boundary at 64 characters, and always matches the id pattern', () => {
    const title = 'Moved every service of the payments platform onto the new deploy pipeline with canaries';
    const slug = slugify(title);
    expect(slug).toBe('moved-every-service-of-the-payments-platform-onto-the-new-deploy');
    expect(slug.length).toBeLessThanOrEqual(ID_MAX);
    expect(slugify('a'.repeat(80))).toBe('a'.repeat(ID_MAX));
    for (const t of [title, 'Café déjà vu', '--a--b--', 'x'.repeat(70) + ' y', 'Q3 → Q4: 2× faster'])
      expect(slugify(t)).toMatch(ID_PATTERN);
  });
});

// Strings YAML likes to read as something else: booleans (1.1 and 1.2), null, numbers, dates,
// comments, mappings, anchors, aliases, tags, quotes, escapes and line breaks.
const HOSTILE = [
  'Why: a reason',
  'C# # not a comment',
  '#1 priority',
  '*not an alias',
  '&anchor',
  '!tag',
  '- a list?',
  '? a key',
  '[a, b]',
  '{a: b}',
  'yes',
  'No',
  'on',
  'OFF',
  'true',
  'null',
  '~',
  '',
  ' leading and trailing ',
  '123',
  '1e3',
  '0x1F',
  '0o17',
  '1_000',
  '1:20',
  '.5',
  '-1',
  '+1',
  '.inf',
  '2026-04-18',
  '"double" and \'single\' quotes',
  "it's",
  'back\\slash \\n not a newline',
  'line one\nline two',
  'tab\there',
  '%YAML',
  '@mention',
  '`code`',
  '| block',
  '> folded',
  'ends with colon:',
  'Cut CI: 50%, then more',
  'unicode ✓ — “quotes” ’ and 中文',
  '\u2028 line separator',
  'Ship it!',
];

describe('yamlString', () => {
  it('round-trips every hostile string through the check’s parser and a YAML 1.1 reader', () => {
    for (const value of HOSTILE) {
      const line = `title: ${yamlString(value)}\n`;
      const ours = readYaml(line);
      expect(ours, line).toEqual({ ok: true, value: { title: value } });
      expect(parse(line, { version: '1.1' }), line).toEqual({ title: value });
    }
  });
  it('round-trips ids in flow lists, quoting those that look like numbers', () => {
    const ids = ['ana', '2026-h1', '2026', '1e3', 'null', 'yes', 'a-b-c'];
    const line = `authors: [${ids.map((id) => yamlString(id, true)).join(', ')}]\n`;
    expect(line).toMatchInlineSnapshot(`
      "authors: [ana, 2026-h1, "2026", "1e3", "null", "yes", a-b-c]
      "
    `);
    expect(readYaml(line)).toEqual({ ok: true, value: { authors: ids } });
    expect(parse(line, { version: '1.1' })).toEqual({ authors: ids });
  });
  it('writes item ids with `/` plain in flow lists: `/` means nothing to YAML, so no reading changes', () => {
    const values = ['2026-h1/cut-ci-time', 'a/b', '1/2', '2026/01/01', 'a//b', 'x/', 'yes/no', 'null/1', '0x1F/2'];
    const line = `builds_on: [${values.map((id) => yamlString(id, true)).join(', ')}]\n`;
    expect(line).toMatchInlineSnapshot(`
      "builds_on: [2026-h1/cut-ci-time, a/b, 1/2, 2026/01/01, a//b, x/, yes/no, null/1, 0x1F/2]
      "
    `);
    expect(readYaml(line)).toEqual({ ok: true, value: { builds_on: values } });
    expect(parse(line, { version: '1.1' })).toEqual({ builds_on: values });
    expect(parse(line, { version: '1.2' })).toEqual({ builds_on: values });
    // Every plain flow value reads back as itself, with `/` anywhere after the first character.
    const parts = ['a', '1', '0', 'e', '-', '.', '_', '/', 'x', 'é', '9'];
    for (const a of parts)
      for (const b of parts)
        for (const c of parts) {
          const value = `${/[\p{L}\p{N}]/u.test(a) ? a : 'a'}${b}/${c}`;
          const item = `[${yamlString(value, true)}]\n`;
          expect(readYaml(item), item).toEqual({ ok: true, value: [value] });
          expect(parse(item, { version: '1.1' }), item).toEqual([value]);
        }
  });
  it('leaves ordinary text unquoted so the file reads like the examples', () => {
    expect(yamlString('Cut median CI time from 22 to 11 minutes')).toBe('Cut median CI time from 22 to 11 minutes');
    expect(yamlString('Sharded the test job (4 ways), and cached deps.')).toBe('Sharded the test job (4 ways), and cached deps.');
    expect(yamlString('3 bugs fixed')).toBe('3 bugs fixed');
    expect(yamlString('Why: a reason')).toBe('"Why: a reason"');
  });
});

const ANSWERS: Answers = {
  title: 'Speed: up the "build" #1',
  summary: 'yes',
  authors: ['ben', 'ana'],
  cycle: '2026-h1',
  date: '2026-03-01',
  goals: [{ goal: 'ci-speed', key_result: 'ci-p50' }, { goal: 'ship-faster' }],
  outcome: 'learning',
  visibility: 'private',
};

describe('renderAccomplishment', () => {
  it('writes front matter the schema accepts, with every answer read back exactly', () => {
    const read = readEntry(renderAccomplishment(ANSWERS, ['Impact']));
    expect(read.ok).toBe(true);
    const parsed = AccomplishmentSchema.parse(read.ok ? read.data : undefined);
    expect(parsed).toMatchObject({ ...ANSWERS, impact: [], evidence: [], tags: [], draft: false });
  });
  it('uses the short goal form without key results, and `unplanned` only without goals', () => {
    const short = renderAccomplishment({ ...ANSWERS, goals: [{ goal: 'ci-speed' }, { goal: 'ship-faster' }] }, []);
    expect(short).toContain('\ngoals: [ci-speed, ship-faster]\n');
    expect(short).not.toContain('unplanned');
    const unplanned = renderAccomplishment({ ...ANSWERS, goals: [], unplanned: 'Support: 40 tickets' }, []);
    expect(unplanned).toContain('\nunplanned: "Support: 40 tickets"\n');
    expect(unplanned).not.toContain('goals');
  });
});

// Everything the web form can give: the file it renders must read back as exactly these answers.
const WHOLE: Answers = {
  ...ANSWERS,
  impact: [
    { metric: 'Median CI time', key_result: 'ci-p50', before: 22, after: 11, unit: 'min' },
    { metric: 'Share: "flaky" #1', before: 0.5, after: -3, unit: '%', better: 'lower' },
    { metric: 'yes', before: 1e15, after: -1e15, unit: 'null' },
    { metric: 'Tiny', before: 1e-7, after: 123456789012345.6, unit: '1e3' },
    { metric: 'Zero', before: 0, after: 999999999999999.9, unit: 'ms' },
  ],
  evidence: [
    { label: 'PR #4121', url: 'https://github.com/acme/web/pull/4121' },
    { label: 'Dashboard: "p50" # live', url: 'https://grafana.example.com/d/ci?from=now-90d#panel' },
    { label: 'mail', url: 'mailto:team@example.com' },
  ],
  tags: ['ci', 'caching', '2026', 'null'],
  builds_on: ['2026-h1/cut-ci-time', '2025-h2/try-remote-cache'],
};

describe('renderAccomplishment with every field', () => {
  it('reads back as the same answers, through the check’s reader and a YAML 1.1 reader', () => {
    const text = renderAccomplishment(WHOLE, ['Impact']);
    const read = readEntry(text);
    expect(read.ok).toBe(true);
    const data = AccomplishmentSchema.parse(read.ok ? read.data : undefined);
    expect(data).toMatchObject({ impact: WHOLE.impact, evidence: WHOLE.evidence, tags: WHOLE.tags, builds_on: WHOLE.builds_on });
    const yaml = text.split('---\n')[1]!;
    expect(parse(yaml, { version: '1.1' })).toMatchObject({ impact: WHOLE.impact, evidence: WHOLE.evidence, builds_on: WHOLE.builds_on });
  });
  it('writes numbers as JavaScript prints them, each read back as the same number', () => {
    for (const n of [0, 0.5, -3, 1e15, -1e15, 1e-7, 1.5e-10, 123456789012345.6, 0.1 + 0.2, 2 ** 49 + 1]) {
      const impact = [{ metric: 'm', before: n, after: n, unit: 'u' }];
      const read = readEntry(renderAccomplishment({ ...ANSWERS, impact }, []));
      expect(read.ok && (read.data as { impact: unknown }).impact, String(n)).toEqual(impact);
    }
  });
  it('writes impact in block style, keys in the schema’s order, only those given', () => {
    const text = renderAccomplishment(
      { ...ANSWERS, impact: [{ unit: 'tests', better: 'lower', after: 3, before: 40, metric: 'Flaky tests' }] },
      [],
    );
    expect(text.slice(text.indexOf('impact:'), text.indexOf('visibility:'))).toMatchInlineSnapshot(`
      "impact:
        - metric: Flaky tests
          before: 40
          after: 3
          unit: tests
          better: lower
      evidence: [] # e.g. [{label: "PR #123", url: "https://github.com/org/repo/pull/123"}]
      tags: [] # e.g. [ci, caching]
      "
    `);
  });
  it('writes each section’s own text with \\n line endings, leaves out a blank heading unless every item needs it, which gets its prompt', () => {
    const sections = {
      Context: '\r\n  Why.  \r\nHard break above.\r\n\r\n',
      'What we did': ' \n\t ',
      Risks: 'Some.',
      risks: 'Ignored: not as bodyHeadings writes it.',
    };
    const text = renderAccomplishment({ ...ANSWERS, sections }, ['Risks', 'Impact']);
    expect(text.slice(text.indexOf('## Context'))).toMatchInlineSnapshot(`
      "## Context

      Why.  
      Hard break above.

      ## Impact

      _What changed, and for whom? Numbers where you have them, also under \`impact:\` above._

      ## Risks

      Some.

      ## What we learned

      _What did this bet teach you, and what would you try next?_
      "
    `);
  });
  it('leaves the examples and no `builds_on` when the lists are empty', () => {
    expect(renderAccomplishment({ ...ANSWERS, impact: [], evidence: [], tags: [], builds_on: [] }, [])).toBe(
      renderAccomplishment(ANSWERS, []),
    );
  });
});

describe('bodyHeadings', () => {
  it('adds the sections site.yaml requires before “What we learned”, once, whatever their case', () => {
    expect(bodyHeadings(['Impact', 'risks', 'Risks', 'What we did:', 'Next\nsteps'])).toEqual([
      'Context',
      'What we did',
      'Impact',
      'risks',
      'Next steps',
      'What we learned',
    ]);
  });
});

describe('defaultDate', () => {
  const cycle = { start: '2026-01-01', end: '2026-06-30' };
  it('is today inside the cycle, its last day after it, and none before it', () => {
    expect(defaultDate(cycle, '2026-03-15')).toBe('2026-03-15');
    expect(defaultDate(cycle, '2026-06-30')).toBe('2026-06-30');
    expect(defaultDate(cycle, '2026-11-27')).toBe('2026-06-30');
    expect(defaultDate(cycle, '2025-12-31')).toBeUndefined();
  });
});
