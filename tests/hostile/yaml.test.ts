import { describe, expect, it } from 'vitest';
import { readEntry } from '../../src/core/read/read-entry.ts';
import { MAX_FILE_BYTES } from '../../src/core/read/source-file.ts';
import { check, makeTree } from '../helpers.ts';

// Front matter comes from pull requests. Each case is a small hostile file, checked the way
// `throughline check` checks it, with what it must report pinned. Nothing here is timed: the
// sizes that matter for speed are measured by `npm run bench:hostile`.

const ITEM = 'content/accomplishments/2026-h1/hostile.md';
const FIELDS =
  // `missed`: an outcome that asks for no evidence link, so only the hostile part is reported.
  'title: Cut CI time\nsummary: Sharded the tests.\nauthors: [ben]\ncycle: 2026-h1\ndate: 2026-03-01\ngoals: [ci-speed]\noutcome: missed\n';

/** An accomplishment with valid fields, then `yaml` (which sets `visibility`), then a body. */
const item = (yaml: string, body = '## Impact\n\nIt helped.\n') => `---\n${FIELDS}${yaml}---\n${body}`;

/** An accomplishment with FIELDS, less those `yaml` sets at the top level, then `yaml`. */
function itemWith(yaml: string): string {
  const set = new Set([...yaml.matchAll(/^"?([a-z_]+)/gm)].map((m) => m[1]));
  const kept = FIELDS.split('\n').filter((line) => line !== '' && !set.has(line.split(':')[0]));
  return `---\n${kept.map((line) => `${line}\n`).join('')}${yaml}---\n## Impact\n\nIt helped.\n`;
}

/** The check of the base tree plus one file: exit code and the problem lines (no code frames). */
function problems(text: string | Uint8Array, path = ITEM): string[] {
  const result = check(makeTree(undefined, { files: { [path]: text } }));
  const lines = result.stdout.split('\n').filter((line) => / (error|warning) /.test(line) && !line.startsWith('✖'));
  return [`exit ${result.exitCode}`, ...lines.map((line) => line.replace(`${path}:`, ''))];
}

describe('a second YAML document (yaml-extra-document)', () => {
  // YAML reads only the first document of a stream; everything after its end was once dropped
  // without a word. Every way a second document can start inside the front matter:
  const cases: Record<string, string> = {
    'text after `...`': 'visibility: public\n...\nvisibility: private\n',
    'a comment after `...`': 'visibility: public\n...\n# visibility: private\n',
    'a second `...`': 'visibility: public\n...\n...\n',
    '`--- ` after `...`': 'visibility: public\n...\n--- \nvisibility: private\n',
    '`---` with trailing spaces': 'visibility: public\n---  \nvisibility: private\n',
    '`---` with a trailing tab': 'visibility: public\n---\t\nvisibility: private\n',
    '`---` with a value after it': 'visibility: public\n--- visibility: private\n',
    '`---` with a comment after it': 'visibility: public\n--- # the rest is private\n',
    '`--- ` with CRLF line ends': 'visibility: public\r\n--- \r\nvisibility: private\r\n',
    'a directive and `---` after `...`': 'visibility: public\n...\n%YAML 1.2\n--- \nvisibility: private\n',
    '`...` first, the fields after it': '...\nvisibility: private\n',
  };
  it.each(Object.entries(cases))('%s', (_, yaml) => {
    const found = problems(item(yaml));
    expect(found[0]).toBe('exit 1');
    expect(found.some((line) => line.includes(' error yaml-extra-document '))).toBe(true);
  });

  it('says where the second document starts, and what to do', () => {
    const found = Object.entries(cases).map(([name, yaml]) => `${name}: ${problems(item(yaml)).slice(1).join(' / ')}`);
    expect(found).toMatchInlineSnapshot(`
      [
        "text after \`...\`: 11:1 error yaml-extra-document Unexpected \`visibility: private\` after \`...\`, which ends the YAML document, expected nothing more",
        "a comment after \`...\`: 11:1 error yaml-extra-document Unexpected \`# visibility: private\` after \`...\`, which ends the YAML document, expected nothing more",
        "a second \`...\`: 11:1 error yaml-extra-document Unexpected \`...\` after \`...\`, which ends the YAML document, expected nothing more",
        "\`--- \` after \`...\`: 11:1 error yaml-extra-document Unexpected document start \`--- \`, expected one YAML document",
        "\`---\` with trailing spaces: 10:1 error yaml-extra-document Unexpected document start \`---  \`, expected one YAML document",
        "\`---\` with a trailing tab: 10:1 error yaml-extra-document Unexpected document start \`---	\`, expected one YAML document",
        "\`---\` with a value after it: 10:1 error yaml-extra-document Unexpected document start \`--- visibility: private\`, expected one YAML document",
        "\`---\` with a comment after it: 10:1 error yaml-extra-document Unexpected document start \`--- # the rest is private\`, expected one YAML document",
        "\`--- \` with CRLF line ends: 10:1 error yaml-extra-document Unexpected document start \`--- \`, expected one YAML document",
        "a directive and \`---\` after \`...\`: 11:1 error yaml-extra-document Unexpected \`%YAML 1.2\` after \`...\`, which ends the YAML document, expected nothing more",
        "\`...\` first, the fields after it: 10:1 error yaml-extra-document Unexpected \`visibility: private\` after \`...\`, which ends the YAML document, expected nothing more",
      ]
    `);
  });

  it('refuses a `--- ` that opens the front matter a second time', () => {
    expect(problems(`---\n--- \n${FIELDS}visibility: team\n---\n## Impact\n`)).toMatchInlineSnapshot(`
      [
        "exit 1",
        "2:1 error yaml-extra-document Unexpected document start \`--- \`, expected one YAML document",
      ]
    `);
  });

  it('points at a closing `--- ` whose trailing spaces leave the front matter unclosed', () => {
    expect(problems(`---\n${FIELDS}visibility: team\n--- \n## Impact\n`)).toMatchInlineSnapshot(`
      [
        "exit 1",
        "10:1 error front-matter Unexpected spaces after \`---\`, expected a closing line that is exactly \`---\`",
      ]
    `);
  });

  it('accepts a lone `...` that ends the YAML before the closing `---`', () => {
    expect(problems(item('visibility: team\n...\n'))).toEqual(['exit 0']);
  });

  it('refuses a second document in content/site.yaml', () => {
    const site =
      'title: Impact\ndescription: What we shipped.\nurl: https://example.github.io/impact\nrepo: https://github.com/example/impact\naudience: team\n---\naudience: public\n';
    expect(problems(site, 'content/site.yaml')).toMatchInlineSnapshot(`
      [
        "exit 1",
        "6:1 error yaml-extra-document Unexpected document start \`---\`, expected one YAML document",
      ]
    `);
  });

  it('a lone carriage return does not hide a document marker', () => {
    expect(problems(item('visibility: public\r...\rvisibility: private\n'))[0]).toBe('exit 1');
  });

  it('is refused by the site loader too, not only by the check', () => {
    expect(readEntry(item('visibility: public\n...\nvisibility: private\n')).ok).toBe(false);
  });
});

describe('a file with thousands of problems (too-many-problems)', () => {
  /** Front matter of `count` lines made by `line(i)` after the valid fields. */
  const many = (count: number, line: (i: number) => string, yaml = 'visibility: team\n') =>
    item(yaml + Array.from({ length: count }, (_, i) => line(i)).join(''));

  it('does not parse the 60,000 unknown keys from the issue: their YAML is too long', () => {
    expect(problems(many(60_000, (i) => `k${String(i).padStart(5, '0')}: 1\n`))).toMatchInlineSnapshot(`
      [
        "exit 1",
        "9995:6 error yaml-too-large YAML is 600,145 characters long, expected at most 100,000",
      ]
    `);
  });

  it('shows the first 50 of 9,000 unknown keys (as many as fit), then how many more', () => {
    const found = problems(many(9_000, (i) => `k${String(i).padStart(4, '0')}: 1\n`));
    expect(found).toHaveLength(1 + 51);
    expect(found.slice(1, 3).concat(found.slice(-2))).toMatchInlineSnapshot(`
      [
        "10:1 error unknown-key Unknown field \`k0000\`, expected one of \`title\`, \`summary\`, \`authors\`, \`cycle\`, \`date\`, \`goals\`, \`unplanned\`, \`outcome\`, \`impact\`, \`evidence\`, \`tags\`, \`visibility\`, \`builds_on\` or \`draft\`",
        "11:1 error unknown-key Unknown field \`k0001\`, expected one of \`title\`, \`summary\`, \`authors\`, \`cycle\`, \`date\`, \`goals\`, \`unplanned\`, \`outcome\`, \`impact\`, \`evidence\`, \`tags\`, \`visibility\`, \`builds_on\` or \`draft\`",
        "59:1 error unknown-key Unknown field \`k0049\`, expected one of \`title\`, \`summary\`, \`authors\`, \`cycle\`, \`date\`, \`goals\`, \`unplanned\`, \`outcome\`, \`impact\`, \`evidence\`, \`tags\`, \`visibility\`, \`builds_on\` or \`draft\`",
        "60:1 error too-many-problems And 8,950 more problems in this file, not shown",
      ]
    `);
  });

  it('caps duplicate keys the same way', () => {
    const found = problems(many(5_000, () => 'title: again\n'));
    expect(found).toHaveLength(1 + 51);
    expect(found.slice(-2)).toMatchInlineSnapshot(`
      [
        "59:1 error yaml-duplicate-key Duplicate key \`title\`, expected each key once per mapping",
        "60:1 error too-many-problems And 4,950 more problems in this file, not shown",
      ]
    `);
  });

  it('counts every kind of problem of the file together', () => {
    // 30 control characters in the raw text, 40 unknown keys: 70 problems, 50 shown.
    const found = problems(many(40, (i) => `k${i}: 1\n`, `visibility: team\nunplanned: "${'\u0007'.repeat(30)}"\n`));
    expect(found).toHaveLength(1 + 51);
    expect(found.at(-1)).toMatchInlineSnapshot(`"31:1 error too-many-problems And 20 more problems in this file, not shown"`);
  });
});

describe('control characters written as YAML escapes (control-character)', () => {
  // The raw text holds only `\u202E`; the parsed title held the override itself, and it reached
  // the page's <h1> and <title>.
  const cases: Record<string, string> = {
    'a bidirectional override in the title': 'title: "Cut CI time \\u202Eemit IC"\nvisibility: team\n',
    'a NUL in the summary': 'summary: "Sharded\\0 the tests."\nvisibility: team\n',
    'a terminal escape in a label': 'evidence:\n  - label: "\\e[31mPR 12\\e[0m"\n    url: https://example.com/pr/12\nvisibility: team\n',
    'a bell in a list item': 'tags: [ci, "c\\x07d"]\nvisibility: team\n',
    'a carriage return in a long text': 'unplanned: "Support asked\\rfor it."\ngoals: []\nvisibility: team\n',
    'a NEL written `\\N`': 'title: "Cut\\NCI time"\nvisibility: team\n',
    'an isolate in a key': '"visibility\\u2066": team\nvisibility: team\n',
  };
  it('names the character, at the value, with its field', () => {
    const found = Object.entries(cases).map(([name, yaml]) => `${name}: ${problems(itemWith(yaml)).slice(1).join(' / ')}`);
    expect(found).toMatchInlineSnapshot(`
      [
        "a bidirectional override in the title: 8:8 error control-character Unexpected control character U+202E RIGHT-TO-LEFT OVERRIDE in \`title\`, expected plain text",
        "a NUL in the summary: 8:10 error control-character Unexpected control character U+0000 NULL in \`summary\`, expected plain text",
        "a terminal escape in a label: 10:12 error control-character Unexpected control character U+001B ESCAPE in \`evidence[0].label\`, expected plain text",
        "a bell in a list item: 9:12 error control-character Unexpected control character U+0007 BELL in \`tags[1]\`, expected plain text",
        "a carriage return in a long text: 8:12 error control-character Unexpected control character U+000D CARRIAGE RETURN in \`unplanned\`, expected plain text",
        "a NEL written \`\\N\`: 8:8 error control-character Unexpected control character U+0085 NEXT LINE in \`title\`, expected plain text",
        "an isolate in a key: 9:1 error control-character Unexpected control character U+2066 LEFT-TO-RIGHT ISOLATE in a field name, expected plain text",
      ]
    `);
  });
});

describe('control characters written as YAML escapes, continued', () => {
  it('keeps them from the site: the loader refuses the file too', () => {
    expect(readEntry(itemWith('title: "Cut CI time \\u202Eemit IC"\nvisibility: team\n')).ok).toBe(false);
  });

  it('reports a character written as-is once, by the scan of the raw text', () => {
    expect(problems(itemWith('title: "Cut CI time \u202Eemit IC"\nvisibility: team\n'))).toMatchInlineSnapshot(`
      [
        "exit 1",
        "8:21 error control-character Unexpected control character U+202E RIGHT-TO-LEFT OVERRIDE, expected plain text",
      ]
    `);
  });
});

describe('line breaks in one-line fields', () => {
  // Titles, names, labels and units are printed on one line: in a terminal, a page's <title>, a
  // table cell. YAML can put a line break into them in several ways.
  const cases: Record<string, string> = {
    'an escaped `\\n`': 'title: "Cut CI\\ntime"\n',
    'a quoted text over two lines with a blank line': 'title: "Cut CI\n\n  time"\n',
    'a folded block (`>` keeps the last line break)': 'title: >\n  Cut CI\n  time\n',
    'a literal block': 'summary: |\n  Sharded\n  the tests.\n',
    'a line separator, U+2028': 'title: "Cut CI\\u2028time"\n',
    'a line break in a name': 'evidence:\n  - label: "PR\\n12"\n    url: https://example.com/pr/12\n',
    'a line break in a unit': 'impact:\n  - metric: CI time\n    before: 20\n    after: 14\n    unit: "min\\n"\n',
  };
  it('refuses each of them', () => {
    const found = Object.entries(cases).map(([name, yaml]) => `${name}: ${problems(itemWith(`${yaml}visibility: team\n`)).join(' / ')}`);
    expect(found).toMatchInlineSnapshot(`
      [
        "an escaped \`\\n\`: exit 1 / 8:1 error invalid-value Unexpected line break in \`title\`, expected one line of text",
        "a quoted text over two lines with a blank line: exit 1 / 8:1 error invalid-value Unexpected line break in \`title\`, expected one line of text",
        "a folded block (\`>\` keeps the last line break): exit 1 / 8:1 error invalid-value Unexpected line break in \`title\`, expected one line of text",
        "a literal block: exit 1 / 8:1 error invalid-value Unexpected line break in \`summary\`, expected one line of text",
        "a line separator, U+2028: exit 1 / 8:1 error invalid-value Unexpected line break in \`title\`, expected one line of text",
        "a line break in a name: exit 1 / 10:5 error invalid-value Unexpected line break in \`evidence[0].label\`, expected one line of text",
        "a line break in a unit: exit 1 / 13:5 error invalid-value Unexpected line break in \`impact[0].unit\`, expected one line of text",
      ]
    `);
  });

  it('accepts folded text that ends without one, and line breaks where paragraphs belong', () => {
    const fine = [
      'title: >-\n  Cut CI\n  time\n',
      'title: Cut CI\n  time\n',
      'goals:\n  - goal: ci-speed\n    contribution: >\n      Sharding saved\n      six minutes.\n',
      'goals: []\nunplanned: |\n  Support had 40 tickets.\n\n  All about this.\n',
    ];
    expect(fine.map((yaml) => problems(itemWith(`${yaml}visibility: team\n`))[0])).toEqual(fine.map(() => 'exit 0'));
  });
});

describe('dates in the years 0000–0099', () => {
  it('are real days, not "no such day": only the cycle rule has something to say', () => {
    expect(problems(itemWith('date: 0004-02-29\nvisibility: team\n'))).toMatchInlineSnapshot(`
      [
        "exit 1",
        "8:1 error date-outside-cycle Date 0004-02-29 is outside cycle \`2026-h1\`, expected 2026-01-01 to 2026-06-30",
      ]
    `);
  });
});

describe('hostile files that were already handled', () => {
  it('refuses a billion-laughs alias bomb without expanding it', () => {
    // Nine levels of nine aliases each: 9^9 lols if anything ever expanded it.
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
    const lol = names.map(
      (name, i) =>
        `${name}: &${name} [${Array(9)
          .fill(i === 0 ? 'lol' : `*${names[i - 1]!}`)
          .join(', ')}]`,
    );
    const found = problems(itemWith(`visibility: team\n${lol.join('\n')}\n`));
    expect(found.length).toBeLessThanOrEqual(1 + 51);
    expect(found.slice(0, 3).concat(found.slice(-1))).toMatchInlineSnapshot(`
      [
        "exit 1",
        "10:7 error yaml-alias Unexpected anchor \`&a\`, anchors and aliases are not allowed",
        "11:7 error yaml-alias Unexpected anchor \`&b\`, anchors and aliases are not allowed",
        "15:40 error too-many-problems And 31 more problems in this file, not shown",
      ]
    `);
  });

  it('refuses tags, core, language-specific or custom', () => {
    const yaml = 'title: !!binary Q3V0IENJ\nsummary: !!js/function "function () { return 1 }"\nvisibility: !team team\n';
    expect(problems(itemWith(yaml))).toMatchInlineSnapshot(`
      [
        "exit 1",
        "7:17 error yaml-tag Unexpected tag \`!!binary\`, tags are not allowed",
        "8:24 error yaml-tag Unexpected tag \`!!js/function\`, tags are not allowed",
        "9:19 error yaml-tag Unexpected tag \`!team\`, tags are not allowed",
      ]
    `);
  });

  it('refuses merge keys', () => {
    expect(problems(itemWith('visibility: team\ngoals:\n  - <<: {goal: ci-speed}\n    key_result: ci-p50\n'))).toMatchInlineSnapshot(`
      [
        "exit 1",
        "10:5 error yaml-merge-key Unexpected merge key \`<<\`, merge keys are not allowed",
      ]
    `);
  });

  it('accepts a byte order mark before `---`, and Windows line ends, with exact positions', () => {
    expect(problems(`\uFEFF${item('visibility: team\n')}`)).toEqual(['exit 0']);
    expect(problems(item('visibility: team\nvisiblity: public\n').replace(/\n/g, '\r\n'))).toMatchInlineSnapshot(`
      [
        "exit 1",
        "10:1 error unknown-key Unknown field \`visiblity\`, expected one of \`title\`, \`summary\`, \`authors\`, \`cycle\`, \`date\`, \`goals\`, \`unplanned\`, \`outcome\`, \`impact\`, \`evidence\`, \`tags\`, \`visibility\`, \`builds_on\` or \`draft\`",
      ]
    `);
  });

  it('refuses a file that is not UTF-8', () => {
    const bytes = Buffer.concat([
      Buffer.from(item('visibility: team\n').slice(0, 20)),
      Buffer.from([0xff, 0xfe, 0x80]),
      Buffer.from('\n---\n'),
    ]);
    expect(problems(bytes)).toMatchInlineSnapshot(`
      [
        "exit 1",
        "1:1 error file-encoding File is not valid UTF-8 text",
      ]
    `);
  });

  it('refuses a file just over 1 MiB without parsing it', () => {
    const text = item('visibility: team\n', `## Impact\n\n${'x'.repeat(MAX_FILE_BYTES)}\n`);
    expect(problems(text)).toMatchInlineSnapshot(`
      [
        "exit 1",
        "1:1 error file-too-large File is 1.0 MiB, expected at most 1 MiB",
      ]
    `);
  });

  it('never runs `---js` front matter', () => {
    expect(problems(`---js\n{ title: require('child_process').execSync('id').toString() }\n---\n## Impact\n`)).toMatchInlineSnapshot(`
      [
        "exit 1",
        "1:1 error front-matter Unexpected \`---js\` on line 1, expected exactly \`---\`",
      ]
    `);
  });

  it('does not parse a 1 MiB file of keys', () => {
    const keys = Array.from({ length: 90_000 }, (_, i) => `key${i}: ${i}\n`).join('');
    const text = item(`visibility: team\n${keys}`).slice(0, MAX_FILE_BYTES - 100);
    expect(problems(`${text.slice(0, text.lastIndexOf('\n') + 1)}---\n## Impact\n`)).toMatchInlineSnapshot(`
      [
        "exit 1",
        "7301:2 error yaml-too-large YAML is 1,048,469 characters long, expected at most 100,000",
      ]
    `);
  });
});
