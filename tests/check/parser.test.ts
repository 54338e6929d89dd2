import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, makeTree, output } from '../helpers.ts';

// A pull request is untrusted input: these pin how every hostile or broken shape of a file is
// reported, with the line it is on, and that nothing in it is ever run.

const item = (frontMatter: string, body = '## Impact\n') =>
  `---\ntitle: Cut CI time\nsummary: Sharded the tests.\nauthors: [ben]\ncycle: 2026-h1\ndate: 2026-03-01\ngoals: [ci-speed]\noutcome: delivered\nvisibility: team\nevidence: [{label: PR, url: "https://github.com/example/app/pull/1"}]\n${frontMatter}---\n${body}`;
const ITEM = 'content/accomplishments/2026-h1/new.md';

describe('front matter', () => {
  it('must open on line 1 with exactly `---` and be closed', () => {
    expect(output('front-matter')).toMatchInlineSnapshot(`
      "exit 1
      content/accomplishments/2026-h1/js-engine.md:1:1 error front-matter Unexpected \`---js\` on line 1, expected exactly \`---\`
        hint: front matter is YAML only; other front matter languages are never run
        > 1 | ---js
            | ^^^
          2 | { title: require('child_process').execSync('id').toString() }

      content/accomplishments/2026-h1/no-front-matter.md:1:1 error front-matter Missing front matter, expected the file to start with a line \`---\`
        hint: put the YAML fields between a first line \`---\` and a closing line \`---\`
        > 1 | # Just a heading
            | ^^^
          2 |

      content/accomplishments/2026-h1/unclosed.md:1:1 error front-matter Unclosed front matter, expected a closing line \`---\`
        hint: end the YAML fields with a line that is exactly \`---\`
        > 1 | ---
            | ^^^
          2 | title: Never closed

      ✖ 3 errors and 0 warnings in 3 files (14 files checked)
      "
    `);
  });

  it('never runs a `---js` block', () => {
    const marker = join(tmpdir(), `throughline-pwned-${process.pid}`);
    const root = makeTree(undefined, {
      files: { [ITEM]: `---js\n{ title: (() => { require('fs').writeFileSync(${JSON.stringify(marker)}, 'x'); return 'x' })() }\n---\n` },
    });
    expect(check(root).exitCode).toBe(1);
    expect(existsSync(marker)).toBe(false);
  });

  it('accepts a UTF-8 byte order mark and Windows line endings', () => {
    const text = `\uFEFF${item('')}`.replace(/\n/g, '\r\n');
    expect(output(undefined, { files: { [ITEM]: text } })).toMatchInlineSnapshot(`
      "exit 0
      ✓ No problems in 12 files
      "
    `);
  });
});

describe('YAML', () => {
  it('reports syntax errors at their line', () => {
    expect(output('yaml-syntax')).toMatchInlineSnapshot(`
      "exit 1
      content/accomplishments/2026-h1/colon-in-title.md:2:8 error yaml-syntax Invalid YAML: Nested mappings are not allowed in compact mappings
        hint: quote values that contain \`: \`, e.g. \`title: "Why: a reason"\`
          1 | ---
        > 2 | title: Why: CI was slow
            |        ^
          3 | summary: Sharded the tests.

      ✖ 1 error and 0 warnings in 1 file (12 files checked)
      "
    `);
  });
  it('refuses duplicate keys', () => {
    expect(output('yaml-duplicate-key')).toMatchInlineSnapshot(`
      "exit 1
      content/accomplishments/2026-h1/twice.md:10:1 error yaml-duplicate-key Duplicate key \`visibility\`, expected each key once per mapping
        hint: remove one of them: YAML would silently keep only the last
           9 | visibility: public
        > 10 | visibility: private
             | ^^^^^^^^^^
          11 | ---

      ✖ 1 error and 0 warnings in 1 file (12 files checked)
      "
    `);
  });
  it('refuses a second YAML document inside the front matter', () => {
    // YAML reads only the first document: `visibility: private` after `...` or `--- ` was once
    // dropped without a word, and the public build published the item.
    expect(output('yaml-extra-document')).toMatchInlineSnapshot(`
      "exit 1
      content/accomplishments/2026-h1/after-end.md:11:1 error yaml-extra-document Unexpected \`visibility: private\` after \`...\`, which ends the YAML document, expected nothing more
        hint: move it above the \`...\` line, or delete that line: YAML reads nothing after it
          10 | ...
        > 11 | visibility: private
             | ^^^^^^^^^^^^^^^^^^^
          12 | ---

      content/accomplishments/2026-h1/second-start.md:10:1 error yaml-extra-document Unexpected document start \`--- \`, expected one YAML document
        hint: delete the spaces after \`---\`: the closing line of front matter is exactly \`---\`, and YAML reads only one document
           9 | visibility: public
        > 10 | --- 
             | ^^^^
          11 | visibility: private

      ✖ 2 errors and 0 warnings in 2 files (13 files checked)
      "
    `);
  });
  it('refuses tabs as indentation', () => {
    expect(output('yaml-tab')).toMatchInlineSnapshot(`
      "exit 1
      content/accomplishments/2026-h1/tabs.md:5:1 error yaml-tab Unexpected tab in indentation, expected spaces
        hint: YAML indents with spaces only; set your editor to insert spaces in .md and .yaml files
          4 | authors:
        > 5 |  - ben
            | ^
          6 | cycle: 2026-h1

      ✖ 1 error and 0 warnings in 1 file (12 files checked)
      "
    `);
  });
  it('refuses anchors and aliases', () => {
    expect(output('yaml-alias')).toMatchInlineSnapshot(`
      "exit 1
      content/accomplishments/2026-h1/billion-laughs.md:2:11 error yaml-alias Unexpected anchor \`&t\`, anchors and aliases are not allowed
        hint: write the value out in full where it is needed
          1 | ---
        > 2 | title: &t Cut CI time
            |           ^^^^^^^^^^^
          3 | summary: *t

      content/accomplishments/2026-h1/billion-laughs.md:3:10 error yaml-alias Unexpected alias \`*t\`, anchors and aliases are not allowed
        hint: write the value out in full
          2 | title: &t Cut CI time
        > 3 | summary: *t
            |          ^^
          4 | authors: [ben]

      ✖ 2 errors and 0 warnings in 1 file (12 files checked)
      "
    `);
  });
  it('refuses merge keys', () => {
    expect(output('yaml-merge-key')).toMatchInlineSnapshot(`
      "exit 1
      content/accomplishments/2026-h1/merged.md:8:5 error yaml-merge-key Unexpected merge key \`<<\`, merge keys are not allowed
        hint: write the keys out in full
          7 | goals:
        > 8 |   - <<: {goal: ci-speed}
            |     ^^
          9 |     key_result: ci-p50

      ✖ 1 error and 0 warnings in 1 file (12 files checked)
      "
    `);
  });
  it('refuses tags, core or custom', () => {
    expect(output('yaml-tag')).toMatchInlineSnapshot(`
      "exit 1
      content/accomplishments/2026-h1/tagged.md:3:19 error yaml-tag Unexpected tag \`!!binary\`, tags are not allowed
        hint: remove the tag; quote the value if it must stay text
          2 | title: Cut CI time
        > 3 | summary: !!binary aGVsbG8=
            |                   ^^^^^^^^
          4 | authors: [ben]

      content/accomplishments/2026-h1/tagged.md:5:15 error yaml-tag Unexpected tag \`!cycle\`, tags are not allowed
        hint: remove the tag; quote the value if it must stay text
          4 | authors: [ben]
        > 5 | cycle: !cycle 2026-h1
            |               ^^^^^^^
          6 | date: 2026-03-01

      ✖ 2 errors and 0 warnings in 1 file (12 files checked)
      "
    `);
  });
  it('reads YAML 1.2 core: yes/on stay text, dates stay strings, ids are never numbers', () => {
    const text = item('tags: [on, yes]\n')
      .replace('authors: [ben]', 'authors: [123]')
      .replace('date: 2026-03-01', 'date: 2026-03-01T10:00:00Z');
    expect(output(undefined, { files: { [ITEM]: text } })).toMatchInlineSnapshot(`
      "exit 1
      content/accomplishments/2026-h1/new.md:4:11 error wrong-type Unexpected number \`123\` for \`authors[0]\`, expected the id of a file in \`content/people/\`
        hint: quote it: \`"123"\`
          3 | summary: Sharded the tests.
        > 4 | authors: [123]
            |           ^^^
          5 | cycle: 2026-h1

      content/accomplishments/2026-h1/new.md:6:1 error invalid-date Invalid date \`2026-03-01T10:00:00Z\` for \`date\`, expected \`YYYY-MM-DD\`
        hint: e.g. \`2026-04-18\`
          5 | cycle: 2026-h1
        > 6 | date: 2026-03-01T10:00:00Z
            | ^^^^^^^^^^^^^^^^^^^^^^^^^^
          7 | goals: [ci-speed]

      ✖ 2 errors and 0 warnings in 1 file (12 files checked)
      "
    `);
  });
  it('says a nesting bomb is too deep, once, without crashing', () => {
    const text = `---\ntitle: ${'['.repeat(90_000)}\n---\n`;
    expect(
      output(undefined, { files: { [ITEM]: text } })
        .split('\n')
        .filter((line) => / error /.test(line)),
    ).toMatchInlineSnapshot(`
      [
        "content/accomplishments/2026-h1/new.md:2:1 error yaml-syntax Invalid YAML: nesting too deep, expected at most a few levels of lists and mappings",
        "✖ 1 error and 0 warnings in 1 file (12 files checked)",
      ]
    `);
  });
  it('shows the first 50 problems of a file, then says how many more there are', () => {
    // One per line here; a single broken bracket can also make the parser complain many times.
    const text = `---\n${Array.from({ length: 80 }, (_, i) => `k${i}: a: b`).join('\n')}\n---\n`;
    const lines = output(undefined, { files: { [ITEM]: text } }).split('\n');
    expect(lines.filter((line) => / error yaml-syntax /.test(line))).toHaveLength(50);
    expect(lines.slice(lines.findIndex((line) => line.includes(' too-many-problems ')))).toMatchInlineSnapshot(`
      [
        "content/accomplishments/2026-h1/new.md:52:6 error too-many-problems And 30 more problems in this file, not shown",
        "  hint: fix the first 50 and check again; one mistake often causes many problems",
        "    51 | k49: a: b",
        "  > 52 | k50: a: b",
        "       |      ^",
        "    53 | k51: a: b",
        "",
        "✖ 51 errors and 0 warnings in 1 file (12 files checked)",
        "",
      ]
    `);
  });
  it('does not parse YAML longer than 100,000 characters', () => {
    // Parsing takes microseconds per node: 1 MiB of one-line keys took the YAML library seconds.
    const text = item(Array.from({ length: 12_000 }, (_, i) => `k${String(i).padStart(5, '0')}: 1\n`).join(''));
    expect(output(undefined, { files: { [ITEM]: text } })).toMatchInlineSnapshot(`
      "exit 1
      content/accomplishments/2026-h1/new.md:9989:3 error yaml-too-large YAML is 120,218 characters long, expected at most 100,000
        hint: fields are short: long text belongs in the body, and large material behind a link
          9988 | k09977: 1
        > 9989 | k09978: 1
               |   ^
          9990 | k09979: 1

      ✖ 1 error and 0 warnings in 1 file (12 files checked)
      "
    `);
  });
  it('refuses control characters and bidirectional overrides', () => {
    const text = item('').replace('Sharded the tests.', 'Sharded\u0007 the \u202Etests.');
    expect(output(undefined, { files: { [ITEM]: text } })).toMatchInlineSnapshot(`
      "exit 1
      content/accomplishments/2026-h1/new.md:3:17 error control-character Unexpected control character U+0007 BELL, expected plain text
        hint: delete it; it is invisible in most editors, so retype the text around it
          2 | title: Cut CI time
        > 3 | summary: Sharded␇ the �tests.
            |                 ^
          4 | authors: [ben]

      content/accomplishments/2026-h1/new.md:3:23 error control-character Unexpected control character U+202E RIGHT-TO-LEFT OVERRIDE, expected plain text
        hint: delete it; it is invisible in most editors, so retype the text around it
          2 | title: Cut CI time
        > 3 | summary: Sharded␇ the �tests.
            |                       ^
          4 | authors: [ben]

      ✖ 2 errors and 0 warnings in 1 file (12 files checked)
      "
    `);
  });
  it('refuses control characters written as YAML escapes, at the value that holds them', () => {
    // The raw text has only backslashes; the parsed title had the override, and it reached <h1>.
    const text = item('').replace('title: Cut CI time', 'title: "Cut CI time \\u202Eemit IC"');
    expect(output(undefined, { files: { [ITEM]: text } })).toMatchInlineSnapshot(`
      "exit 1
      content/accomplishments/2026-h1/new.md:2:8 error control-character Unexpected control character U+202E RIGHT-TO-LEFT OVERRIDE in \`title\`, expected plain text
        hint: delete the \`\\\` escape that writes it: it is invisible, or changes how the text around it reads
          1 | ---
        > 2 | title: "Cut CI time \\u202Eemit IC"
            |        ^^^^^^^^^^^^^^^^^^^^^^^^^^^
          3 | summary: Sharded the tests.

      ✖ 1 error and 0 warnings in 1 file (12 files checked)
      "
    `);
  });
  it('refuses line breaks in one-line fields', () => {
    const text = item('').replace('title: Cut CI time', 'title: >\n  Cut CI time\n  in half');
    expect(output(undefined, { files: { [ITEM]: text } })).toMatchInlineSnapshot(`
      "exit 1
      content/accomplishments/2026-h1/new.md:2:1 error invalid-value Unexpected line break in \`title\`, expected one line of text
        hint: write it on one line; for long text, \`>-\` folds the lines into one and drops the last line break
          1 | ---
        > 2 | title: >
            | ^^^^^^^^
          3 |   Cut CI time

      ✖ 1 error and 0 warnings in 1 file (12 files checked)
      "
    `);
  });
});

describe('files', () => {
  it('refuses symbolic links without reading them', () => {
    const root = makeTree();
    const secret = join(root, 'secret.txt');
    writeFileSync(secret, 'password');
    mkdirSync(join(root, 'content/accomplishments/2026-h2'));
    symlinkSync(secret, join(root, 'content/accomplishments/2026-h1/link.md'));
    symlinkSync(join(root, 'content/goals'), join(root, 'content/accomplishments/2026-h2/goals'));
    const result = check(root);
    expect(result.stdout).not.toContain('password');
    expect(`exit ${result.exitCode}\n${result.stdout}`).toMatchInlineSnapshot(`
      "exit 1
      content/accomplishments/2026-h1/link.md:1:1 error file-symlink Unexpected symbolic link, expected a regular file
        hint: commit the file itself; links are never followed

      content/accomplishments/2026-h2/goals:1:1 error file-symlink Unexpected symbolic link, expected a regular file
        hint: commit the file itself; links are never followed

      ✖ 2 errors and 0 warnings in 2 files (13 files checked)
      "
    `);
  });
  it('refuses files over 1 MiB', () => {
    const text = item('', `## Impact\n\n${'Lots of text. '.repeat(80_000)}\n`);
    expect(output(undefined, { files: { [ITEM]: text } })).toMatchInlineSnapshot(`
      "exit 1
      content/accomplishments/2026-h1/new.md:1:1 error file-too-large File is 1.1 MiB, expected at most 1 MiB
        hint: keep the text short and link to large evidence instead

      ✖ 1 error and 0 warnings in 1 file (12 files checked)
      "
    `);
  });
  it('refuses bodies over 20,000 characters, at the line where they go over', () => {
    const text = item('', `## Impact\n\n${'Lots of text, and then some more. '.repeat(640)}\n`);
    expect(output(undefined, { files: { [ITEM]: text } })).toMatchInlineSnapshot(`
      "exit 1
      content/accomplishments/2026-h1/new.md:14:19990 error body-too-large Body is 21,772 characters long, expected at most 20,000
        hint: keep the write-up to the point and link to longer material: a design doc, a dashboard, the pull request
          13 | …
        > 14 | …n some more. Lots of text, and then some more. Lots of text, and then some more. Lots of text, and…
             |            ^
          15 | …

      ✖ 1 error and 0 warnings in 1 file (12 files checked)
      "
    `);
  });
  it('refuses files that are not UTF-8', () => {
    const latin1 = Buffer.from(item('').replace('Sharded the tests.', 'Caf\u00e9 menu.'), 'latin1');
    expect(output(undefined, { files: { [ITEM]: latin1 } })).toMatchInlineSnapshot(`
      "exit 1
      content/accomplishments/2026-h1/new.md:1:1 error file-encoding File is not valid UTF-8 text
        hint: save it as UTF-8 in your editor

      ✖ 1 error and 0 warnings in 1 file (12 files checked)
      "
    `);
  });
});
