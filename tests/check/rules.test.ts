import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SECTION_PROMPTS } from '../../src/core/scaffold/scaffold.ts';
import { check, git, itemText, makeTree, output, pullRequestOutput } from '../helpers.ts';

// Each rule's failing fixture lives in tests/fixtures/<rule>/ as an overlay on the valid `base`
// tree; the pinned text is exactly what a contributor reads in their terminal.

describe('the valid base fixture', () => {
  it('has no problems', () => {
    expect(output()).toMatchInlineSnapshot(`
      "exit 0
      ✓ No problems in 11 files
      "
    `);
  });
});

describe('file rules', () => {
  it('file-name', () => {
    expect(output('file-name')).toMatchInlineSnapshot(`
      "exit 1
      content/people/Dana Lee.md:1:1 error file-name Invalid file name segment \`Dana Lee\`, expected lowercase words joined by \`-\`, such as \`cut-ci-time\`
        hint: rename it to \`dana-lee\`: the path is the id that other files refer to
        > 1 | ---
            | ^^^
          2 | name: Dana Lee

      content/people/Dana Lee.md:1:1 error submission-count Dana Lee has 0 of 1–3 accomplishments in cycle \`2026-h1\`, which was due 2026-07-10
        hint: add 1 more with \`npm run new\`, as author or co-author
        > 1 | ---
            | ^^^
          2 | name: Dana Lee

      ✖ 2 errors and 0 warnings in 1 file (12 files checked)
      "
    `);
  });
  it('unknown-file', () => {
    expect(output('unknown-file')).toMatchInlineSnapshot(`
      "exit 1
      content/accomplishments/loose-item.md:1:1 error unknown-file Unexpected location \`content/accomplishments/loose-item.md\`, expected \`content/accomplishments/<cycle>/<slug>.md\`
        hint: move it into the folder of its cycle, e.g. \`content/accomplishments/2026-h1/\`

      content/goal/typo.md:1:1 error unknown-file Unexpected folder \`content/goal/\`, expected one of \`teams/\`, \`people/\`, \`cycles/\`, \`goals/\`, \`accomplishments/\`
        hint: did you mean \`content/goals/\`?

      content/people/dana.markdown:1:1 error unknown-file Unexpected file \`content/people/dana.markdown\`, expected Markdown files ending in \`.md\`
        hint: rename it to \`dana.md\`

      ✖ 3 errors and 0 warnings in 3 files (14 files checked)
      "
    `);
  });
});

describe('schema rules', () => {
  it('missing-field', () => {
    expect(output('missing-field')).toMatchInlineSnapshot(`
      "exit 1
      content/accomplishments/2026-h1/bare.md:1:1 error missing-field Missing required field \`summary\`
        hint: add \`summary:\` with text
        > 1 | ---
            | ^^^
          2 | title: Cut CI time

      content/accomplishments/2026-h1/bare.md:1:1 error missing-field Missing required field \`cycle\`
        hint: add \`cycle:\` with the id of a file in \`content/cycles/\`
        > 1 | ---
            | ^^^
          2 | title: Cut CI time

      content/accomplishments/2026-h1/bare.md:1:1 error missing-field Missing required field \`outcome\`
        hint: add \`outcome:\` with one of \`delivered\`, \`partial\`, \`missed\` or \`learning\`
        > 1 | ---
            | ^^^
          2 | title: Cut CI time

      content/accomplishments/2026-h1/bare.md:1:1 error missing-field Missing required field \`visibility\`
        hint: add \`visibility:\` with one of \`public\`, \`team\` or \`private\`
        > 1 | ---
            | ^^^
          2 | title: Cut CI time

      content/accomplishments/2026-h1/bare.md:7:5 error missing-field Missing required field \`evidence[0].url\`
        hint: add \`url:\` with text
          6 | evidence:
        > 7 |   - label: Dashboard
            |     ^^^^^^^^^^^^^^^^
          8 | ---

      ✖ 5 errors and 0 warnings in 1 file (12 files checked)
      "
    `);
  });
  it('unknown-key', () => {
    expect(output('unknown-key')).toMatchInlineSnapshot(`
      "exit 1
      content/accomplishments/2026-h1/typos.md:4:1 error unknown-key Unknown field \`autors\`, expected one of \`title\`, \`summary\`, \`authors\`, \`cycle\`, \`date\`, \`goals\`, \`unplanned\`, \`outcome\`, \`impact\`, \`evidence\`, \`tags\`, \`visibility\`, \`builds_on\` or \`draft\`
        hint: did you mean \`authors\`?
          3 | summary: Sharded the tests.
        > 4 | autors: [ben]
            | ^^^^^^^^^^^^^
          5 | authors: [ben]

      content/accomplishments/2026-h1/typos.md:10:5 error unknown-key Unknown field \`keyresult\` in \`goals[0]\`, expected one of \`goal\`, \`key_result\` or \`contribution\`
        hint: did you mean \`key_result\`?
           9 |   - goal: ci-speed
        > 10 |     keyresult: ci-p50
             |     ^^^^^^^^^^^^^^^^^
          11 | outcome: delivered

      ✖ 2 errors and 0 warnings in 1 file (12 files checked)
      "
    `);
  });
  it('wrong-type', () => {
    expect(output('wrong-type')).toMatchInlineSnapshot(`
      "exit 1
      content/accomplishments/2026-h1/types.md:4:1 error wrong-type Unexpected text \`ben\` for \`authors\`, expected a list of person ids
        hint: make it a list: write \`authors: [ben]\`
          3 | summary: Sharded the tests.
        > 4 | authors: ben
            | ^^^^^^^^^^^^
          5 | cycle: 2026

      content/accomplishments/2026-h1/types.md:5:1 error wrong-type Unexpected number \`2026\` for \`cycle\`, expected the id of a file in \`content/cycles/\`
        hint: quote it: \`"2026"\`
          4 | authors: ben
        > 5 | cycle: 2026
            | ^^^^^^^^^^^
          6 | date: 2026-03-01

      content/accomplishments/2026-h1/types.md:11:5 error wrong-type Unexpected text \`20\` for \`impact[0].before\`, expected a number
        hint: remove the quotes: \`20\`
          10 |   - metric: Median CI time
        > 11 |     before: "20"
             |     ^^^^^^^^^^^^
          12 |     after: 14

      content/accomplishments/2026-h1/types.md:15:1 error wrong-type Unexpected text \`yes\` for \`draft\`, expected \`true\` or \`false\`
          14 | visibility: team
        > 15 | draft: yes
             | ^^^^^^^^^^
          16 | ---

      ✖ 4 errors and 0 warnings in 1 file (12 files checked)
      "
    `);
  });
  it('wrong-type: one goal id where a list is expected is one problem, not also a length', () => {
    const item = itemText({ goals: 'fewer-incidents' }).replace('"fewer-incidents"', 'fewer-incidents');
    expect(output(undefined, { files: { 'content/accomplishments/2026-h1/single-goal.md': item } })).toMatchInlineSnapshot(`
      "exit 1
      content/accomplishments/2026-h1/single-goal.md:7:1 error wrong-type Unexpected text \`fewer-incidents\` for \`goals\`, expected a list of goal ids
        hint: make it a list: write \`goals: [fewer-incidents]\`
          6 | date: "2026-03-01"
        > 7 | goals: fewer-incidents
            | ^^^^^^^^^^^^^^^^^^^^^^
          8 | outcome: "delivered"

      ✖ 1 error and 0 warnings in 1 file (12 files checked)
      "
    `);
  });
  it('invalid-value', () => {
    expect(output('invalid-value')).toMatchInlineSnapshot(`
      "exit 1
      content/accomplishments/2026-h1/values.md:8:1 error invalid-value Unexpected \`shipped\` for \`outcome\`, expected one of \`delivered\`, \`partial\`, \`missed\` or \`learning\`
          7 | goals: [ci-speed]
        > 8 | outcome: shipped
            | ^^^^^^^^^^^^^^^^
          9 | visibility: privte

      content/accomplishments/2026-h1/values.md:9:1 error invalid-value Unexpected \`privte\` for \`visibility\`, expected one of \`public\`, \`team\` or \`private\`
        hint: did you mean \`private\`?
           8 | outcome: shipped
        >  9 | visibility: privte
             | ^^^^^^^^^^^^^^^^^^
          10 | ---

      content/goals/flat.md:12:5 error invalid-value Key result \`ci-p90\` has \`target\` equal to \`baseline\` (30), expected a target to move towards
        hint: a target above the baseline means "increase", below it "reduce"
          11 |     baseline: 30
        > 12 |     target: 30
             |     ^^^^^^^^^^
          13 |     current: 28

      content/people/ben.md:5:1 error invalid-value Invalid GitHub handle \`@bencarter\`, expected letters, digits and single hyphens
        hint: write \`bencarter\`, without \`@\`
          4 | team: core
        > 5 | github: "@bencarter"
            | ^^^^^^^^^^^^^^^^^^^^
          6 | manager: ana

      ✖ 4 errors and 0 warnings in 3 files (13 files checked)
      "
    `);
  });
  it('invalid-id', () => {
    expect(output('invalid-id')).toMatchInlineSnapshot(`
      "exit 1
      content/accomplishments/2026-h1/ids.md:4:11 error invalid-id Invalid id \`Ben\` for \`authors[0]\`, expected lowercase words joined by \`-\`, such as \`ci-speed\`
        hint: write \`ben\`
          3 | summary: Sharded the tests.
        > 4 | authors: [Ben]
            |           ^^^
          5 | cycle: 2026-h1

      content/accomplishments/2026-h1/ids.md:8:5 error invalid-id Invalid id \`CI_Speed\` for \`goals[0].goal\`, expected lowercase words joined by \`-\`, such as \`ci-speed\`
        hint: write \`ci-speed\`
          7 | goals:
        > 8 |   - goal: CI_Speed
            |     ^^^^^^^^^^^^^^
          9 | outcome: delivered

      content/accomplishments/2026-h1/ids.md:10:8 error invalid-id Invalid id \`CI Speed\` for \`tags[0]\`, expected lowercase words joined by \`-\`, such as \`ci-speed\`
        hint: write \`ci-speed\`
           9 | outcome: delivered
        > 10 | tags: [CI Speed]
             |        ^^^^^^^^
          11 | visibility: team

      ✖ 3 errors and 0 warnings in 1 file (12 files checked)
      "
    `);
  });
  it('invalid-date', () => {
    expect(output('invalid-date')).toMatchInlineSnapshot(`
      "exit 1
      content/accomplishments/2026-h1/dates.md:6:1 error invalid-date Invalid date \`2026-02-30\` for \`date\`, there is no such day in the calendar
        hint: check the day of the month
          5 | cycle: 2026-h1
        > 6 | date: 2026-02-30
            | ^^^^^^^^^^^^^^^^
          7 | goals: [ci-speed]

      content/cycles/2026-h2.md:3:1 error invalid-date Invalid date \`01/07/2026\` for \`start\`, expected \`YYYY-MM-DD\`
        hint: e.g. \`2026-04-18\`
          2 | name: H2 2026
        > 3 | start: 01/07/2026
            | ^^^^^^^^^^^^^^^^^
          4 | end: 2026-12-31

      ✖ 2 errors and 0 warnings in 2 files (13 files checked)
      "
    `);
  });
  it('too-long', () => {
    expect(output('too-long')).toMatchInlineSnapshot(`
      "exit 1
      content/accomplishments/2026-h1/long.md:3:1 error too-long \`summary\` is 251 characters long, expected at most 200
        hint: shorten it; the body has room for detail
          2 | title: Cut CI time
        > 3 | summary: Sharded the test job across four machines and then kept going. Sharded the test job across…
            | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
          4 | authors: [ben]

      ✖ 1 error and 0 warnings in 1 file (12 files checked)
      "
    `);
  });
  it('link-protocol', () => {
    expect(output('link-protocol')).toMatchInlineSnapshot(`
      "exit 1
      content/accomplishments/2026-h1/links.md:11:5 error link-protocol Unexpected link protocol \`javascript:\` in \`evidence[0].url\`, expected \`https:\`, \`http:\` or \`mailto:\`
        hint: link to a web page (https://…) or an address (mailto:…)
          10 |   - label: Pipeline
        > 11 |     url: javascript:alert(document.cookie)
             |     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
          12 |   - label: Notes

      content/accomplishments/2026-h1/links.md:13:5 error link-protocol Unexpected relative link \`/notes/ci\` in \`evidence[1].url\`, expected an absolute \`https://\` link
        hint: copy the full address from the browser, starting with https://
          12 |   - label: Notes
        > 13 |     url: /notes/ci
             |     ^^^^^^^^^^^^^^
          14 | visibility: team

      content/accomplishments/2026-h1/links.md:18:5 error link-protocol Unexpected link protocol \`data:\` in the body, expected \`https:\`, \`http:\` or \`mailto:\`
        hint: link to a web page (https://…) or an address (mailto:…)
          17 |
        > 18 | See [the dashboard](data:text/html;base64,PHNjcmlwdD4=) and [the runbook](../runbook.md).
             |     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
          19 | Mail [the team](mailto:core@example.com) or read [the PR](https://github.com/example/app/pull/1).

      content/accomplishments/2026-h1/links.md:18:61 error link-protocol Unexpected relative link \`../runbook.md\` in the body, expected an absolute \`https://\` link
        hint: links to other pages of this site change with the build: link to the repository file or the public page instead
          17 |
        > 18 | See [the dashboard](data:text/html;base64,PHNjcmlwdD4=) and [the runbook](../runbook.md).
             |                                                             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^
          19 | Mail [the team](mailto:core@example.com) or read [the PR](https://github.com/example/app/pull/1).

      content/accomplishments/2026-h1/links.md:21:1 error link-protocol Unexpected link protocol \`vbscript:\` in the body, expected \`https:\`, \`http:\` or \`mailto:\`
        hint: link to a web page (https://…) or an address (mailto:…)
          20 |
        > 21 | [ref]: vbscript:msgbox
             | ^^^^^^^^^^^^^^^^^^^^^^
          22 |

      ✖ 5 errors and 0 warnings in 1 file (12 files checked)
      "
    `);
  });
  it('body-too-deep', () => {
    expect(output('body-too-deep')).toMatchInlineSnapshot(`
      "exit 1
      content/accomplishments/2026-h1/nested.md:14:129 error body-too-deep Raw HTML elements are nested more than 32 deep, expected at most 32 levels
        hint: close the elements you open, or write the structure in Markdown
          13 | …
        > 14 | …i><ul><li><ul><li><ul><li><ul><li><ul><li>Deep
             |            ^
          15 | …

      content/accomplishments/2026-h1/quoted.md:16:65 error body-too-deep Block quotes and lists are nested more than 32 deep, expected at most 32 levels
        hint: a few levels of quotes and lists are all a write-up needs: remove the extra \`>\` and indentation
          15 |
        > 16 | > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > Can we ship it?
             |                                                                 ^
          17 |

      ✖ 2 errors and 0 warnings in 2 files (13 files checked)
      "
    `);
  });
  it('unclosed-html', () => {
    expect(output('unclosed-html')).toMatchInlineSnapshot(`
      "exit 1
      content/accomplishments/2026-h1/settings.md:14:44 error unclosed-html Unclosed raw HTML \`<template>\` would hide the rest of the body, expected \`</template>\`
        hint: the site never shows \`<template>\` or what is inside it: remove the tag, or put it in backticks to show it as text
          13 |
        > 14 | Each section of the settings page is now a <template> cloned on demand, and
             |                                            ^^^^^^^^^^
          15 | saves through its own <form>.

      content/accomplishments/2026-h1/settings.md:15:23 error unclosed-html Unclosed raw HTML \`<form>\` would hide the rest of the body, expected \`</form>\` in the same paragraph or HTML block
        hint: the site never shows \`<form>\` or what is inside it: remove the tag, or put it in backticks to show it as text
          14 | Each section of the settings page is now a <template> cloned on demand, and
        > 15 | saves through its own <form>.
             |                       ^^^^^^
          16 |

      ✖ 2 errors and 0 warnings in 1 file (12 files checked)
      "
    `);
  });
  it('raw-html', () => {
    expect(output('raw-html')).toMatchInlineSnapshot(`
      "exit 0
      content/accomplishments/2026-h1/html.md:14:1 warning raw-html Raw HTML \`<script>\` in the body will not be shown, expected Markdown
        hint: use Markdown: \`**bold**\`, \`[text](https://…)\`, lists and headings
          13 |
        > 14 | <script>alert(1)</script>
             | ^^^^^^^^^^^^^^^^^^^^^^^^^
          15 |

      content/accomplishments/2026-h1/html.md:16:7 warning raw-html The attributes of raw HTML \`<b onclick="steal()">\` in the body will be removed, expected Markdown
        hint: use Markdown: \`**bold**\`, \`[text](https://…)\`, lists and headings
          15 |
        > 16 | CI is <b onclick="steal()">faster</b> now. <!-- a comment is fine -->
             |       ^^^^^^^^^^^^^^^^^^^^^
          17 |

      content/accomplishments/2026-h1/html.md:18:42 warning raw-html The attributes of raw HTML \`<a href="javascript:go()">\` in the body will be removed, expected Markdown
        hint: use Markdown: \`**bold**\`, \`[text](https://…)\`, lists and headings
          17 |
        > 18 | Press <kbd>Ctrl</kbd>+<kbd>K</kbd>, then <a href="javascript:go()">go</a>.
             |                                          ^^^^^^^^^^^^^^^^^^^^^^^^^^
          19 |

      ! 0 errors and 3 warnings in 1 file (12 files checked)
      "
    `);
  });
});

describe('reference rules', () => {
  it('unknown-reference', () => {
    expect(output('unknown-reference')).toMatchInlineSnapshot(`
      "exit 1
      content/accomplishments/2026-h1/typo-author.md:4:11 error unknown-reference Unknown person \`bne\` in \`authors[0]\`, expected the id of a file in \`content/people/\`
        hint: create \`content/people/bne.md\`, or check the spelling
          3 | summary: Sharded the tests.
        > 4 | authors: [bne, ana]
            |           ^^^
          5 | cycle: 2026-h1

      content/accomplishments/2026-h1/typo-author.md:7:9 error unknown-reference Unknown goal \`ci-sped\` in \`goals[0]\`, expected the id of a file in \`content/goals/\`
        hint: did you mean \`ci-speed\`?
          6 | date: 2026-03-01
        > 7 | goals: [ci-sped]
            |         ^^^^^^^
          8 | outcome: delivered

      content/goals/ci-speed.md:3:1 error unknown-reference Unknown person \`benn\` in \`owner\`, expected the id of a file in \`content/people/\`
        hint: did you mean \`ben\`?
          2 | title: Halve CI time
        > 3 | owner: benn
            | ^^^^^^^^^^^
          4 | team: platform

      content/goals/ci-speed.md:4:1 error unknown-reference Unknown team \`platform\` in \`team\`, expected the id of a file in \`content/teams/\`
        hint: create \`content/teams/platform.md\`, or check the spelling
          3 | owner: benn
        > 4 | team: platform
            | ^^^^^^^^^^^^^^
          5 | cycle: 2026-h1

      content/goals/ci-speed.md:6:1 error unknown-reference Unknown goal \`ship-fast\` in \`parent\`, expected the id of a file in \`content/goals/\`
        hint: did you mean \`ship-faster\`?
          5 | cycle: 2026-h1
        > 6 | parent: ship-fast
            | ^^^^^^^^^^^^^^^^^
          7 | status: done

      ✖ 5 errors and 0 warnings in 2 files (12 files checked)
      "
    `);
  });
  it('unknown-key-result', () => {
    expect(output('unknown-key-result')).toMatchInlineSnapshot(`
      "exit 1
      content/accomplishments/2026-h1/wrong-kr.md:9:5 error unknown-key-result Unknown key result \`ci-p05\` for goal \`ci-speed\`, expected \`ci-p50\`
        hint: did you mean \`ci-p50\`?
           8 |   - goal: ci-speed
        >  9 |     key_result: ci-p05
             |     ^^^^^^^^^^^^^^^^^^
          10 |   - goal: ship-faster

      content/accomplishments/2026-h1/wrong-kr.md:11:5 error unknown-key-result Unknown key result \`lead-time\` for goal \`ship-faster\`, expected no key result: that goal has none
        hint: remove \`key_result\`
          10 |   - goal: ship-faster
        > 11 |     key_result: lead-time
             |     ^^^^^^^^^^^^^^^^^^^^^
          12 | outcome: delivered

      content/accomplishments/2026-h1/wrong-kr.md:15:5 error unknown-key-result Unknown key result \`flaky-rate\`, expected one of this item's goals' key results: \`ci-p50\`
        hint: add the goal that owns it to \`goals\`, or remove \`key_result\`
          14 |   - metric: Flaky tests
        > 15 |     key_result: flaky-rate
             |     ^^^^^^^^^^^^^^^^^^^^^^
          16 |     before: 5

      ✖ 3 errors and 0 warnings in 1 file (12 files checked)
      "
    `);
  });
  it('duplicate-id', () => {
    expect(output('duplicate-id')).toMatchInlineSnapshot(`
      "exit 1
      content/goals/ci-speed.md:15:5 error duplicate-id Duplicate key result id \`ci-p50\`, expected each key result of a goal to have its own id
          14 |     current: 12
        > 15 |   - id: ci-p50
             |     ^^^^^^^^^^
          16 |     title: Median CI time, again

      content/people/Ben.md:1:1 error file-name Invalid file name segment \`Ben\`, expected lowercase words joined by \`-\`, such as \`cut-ci-time\`
        hint: rename it to \`ben\`: the path is the id that other files refer to
        > 1 | ---
            | ^^^
          2 | name: Ben Again

      content/people/Ben.md:1:1 error submission-count Ben Again has 0 of 1–3 accomplishments in cycle \`2026-h1\`, which was due 2026-07-10
        hint: add 1 more with \`npm run new\`, as author or co-author
        > 1 | ---
            | ^^^
          2 | name: Ben Again

      content/people/ben.md:1:1 error duplicate-id Duplicate id \`ben\`, \`content/people/Ben.md\` already has it (ids ignore letter case)
        hint: rename one of the files; ids must be unique in a collection
        > 1 | ---
            | ^^^
          2 | name: Ben Carter

      content/people/ben.md:5:1 error duplicate-id Duplicate GitHub handle \`bencarter\`, person \`Ben\` already has it
        hint: each person has their own handle; pull requests are matched to people by it
          4 | team: core
        > 5 | github: bencarter
            | ^^^^^^^^^^^^^^^^^
          6 | manager: ana

      content/people/cleo.md:5:1 error duplicate-id Duplicate GitHub handle \`BenCarter\`, person \`Ben\` already has it
        hint: each person has their own handle; pull requests are matched to people by it
          4 | team: core
        > 5 | github: BenCarter
            | ^^^^^^^^^^^^^^^^^
          6 | manager: ana

      ✖ 6 errors and 0 warnings in 4 files (12 files checked)
      "
    `);
  });
  it('duplicate-entry', () => {
    expect(output('duplicate-entry')).toMatchInlineSnapshot(`
      "exit 1
      content/accomplishments/2026-h1/twice.md:4:22 error duplicate-entry Duplicate author \`cleo\`, expected each person once
        hint: remove the second one
          3 | summary: Sharded the tests.
        > 4 | authors: [cleo, ana, cleo]
            |                      ^^^^
          5 | cycle: 2026-h1

      content/accomplishments/2026-h1/twice.md:9:5 error duplicate-entry Duplicate goal \`ci-speed\`, already listed as \`goals[0]\`
        hint: merge the two entries
           8 |   - goal: ci-speed
        >  9 |   - goal: ci-speed
             |     ^^^^^^^^^^^^^^
          10 | outcome: delivered

      ✖ 2 errors and 0 warnings in 1 file (12 files checked)
      "
    `);
  });
  it('tree-loop', () => {
    expect(output('tree-loop')).toMatchInlineSnapshot(`
      "exit 1
      content/goals/ci-speed.md:6:1 error tree-loop Goal \`ci-speed\` is its own ancestor through \`parent\`: \`ci-speed\` → \`ship-faster\` → \`ci-speed\`
        hint: remove or change \`parent\` in one of them
          5 | cycle: 2026-h1
        > 6 | parent: ship-faster
            | ^^^^^^^^^^^^^^^^^^^
          7 | status: done

      content/people/ana.md:5:1 error tree-loop Person \`ana\` is its own ancestor through \`manager\`: \`ana\` → \`ben\` → \`ana\`
        hint: remove or change \`manager\` in one of them
          4 | team: core
        > 5 | manager: ben
            | ^^^^^^^^^^^^
          6 | ---

      content/teams/core.md:4:1 error tree-loop Team \`core\` names itself as its \`parent\`, expected another team or none
        hint: remove or change \`parent\` in one of them
          3 | lead: ana
        > 4 | parent: core
            | ^^^^^^^^^^^^
          5 | ---

      ✖ 3 errors and 0 warnings in 3 files (11 files checked)
      "
    `);
  });
});

describe('builds_on', () => {
  it('builds-on', () => {
    // Naming the item itself, or later work, is reported at the entry; an unknown id and a repeated
    // one are the reference and duplicate rules'. The private `try-remote-cache` is not: the site
    // would leave it out of a build that cannot see it.
    expect(output('builds-on')).toMatchInlineSnapshot(`
      "exit 1
      content/accomplishments/2026-h1/faster-logins.md:12:5 error builds-on Item \`2026-h1/faster-logins\` names itself in \`builds_on\`, expected an earlier item
        hint: remove it; \`builds_on\` lists the earlier work this one grew out of
          11 |   - 2026-h1/fix-login-loop
        > 12 |   - 2026-h1/faster-logins
             |     ^^^^^^^^^^^^^^^^^^^^^
          13 |   - 2026-h1/try-remote-cache

      content/accomplishments/2026-h1/faster-logins.md:13:5 error builds-on Item \`2026-h1/try-remote-cache\` is dated 2026-05-20, after this item's 2026-03-01, expected work from before it
        hint: if \`2026-h1/try-remote-cache\` built on this one, list this item in its \`builds_on\` instead
          12 |   - 2026-h1/faster-logins
        > 13 |   - 2026-h1/try-remote-cache
             |     ^^^^^^^^^^^^^^^^^^^^^^^^
          14 |   - 2026-h1/fix-login-lop

      content/accomplishments/2026-h1/faster-logins.md:14:5 error unknown-reference Unknown accomplishment \`2026-h1/fix-login-lop\` in \`builds_on[3]\`, expected the id of a file in \`content/accomplishments/\`
        hint: did you mean \`2026-h1/fix-login-loop\`?
          13 |   - 2026-h1/try-remote-cache
        > 14 |   - 2026-h1/fix-login-lop
             |     ^^^^^^^^^^^^^^^^^^^^^
          15 |   - 2026-h1/fix-login-loop

      content/accomplishments/2026-h1/faster-logins.md:15:5 error duplicate-entry Duplicate item \`2026-h1/fix-login-loop\` in \`builds_on\`, expected each item once
        hint: remove the second one
          14 |   - 2026-h1/fix-login-lop
        > 15 |   - 2026-h1/fix-login-loop
             |     ^^^^^^^^^^^^^^^^^^^^^^
          16 | visibility: team

      ✖ 4 errors and 0 warnings in 1 file (12 files checked)
      "
    `);
  });

  it('reports an id that is not `<cycle>/<slug>` as the schema problem it is', () => {
    const files = { 'content/accomplishments/2026-h1/later.md': itemText({ date: '2026-04-01', builds_on: ['cut-ci-time'] }) };
    expect(output(undefined, { files })).toMatchInlineSnapshot(`
      "exit 1
      content/accomplishments/2026-h1/later.md:11:13 error invalid-id Invalid id \`cut-ci-time\` for \`builds_on[0]\`, expected an accomplishment's \`<cycle>/<slug>\`, such as \`2026-h1/cut-ci-time\`
        hint: write the path of its file under \`content/accomplishments/\`, without \`.md\`
          10 | evidence: [{"label":"PR #1","url":"https://github.com/example/app/pull/1"}]
        > 11 | builds_on: ["cut-ci-time"]
             |             ^^^^^^^^^^^^^
          12 | ---

      ✖ 1 error and 0 warnings in 1 file (12 files checked)
      "
    `);
  });

  it('allows the same day and less visible or draft items, and refuses a shared item naming a personal one', () => {
    const files = {
      'content/.personal/.gitignore': '*\n',
      'content/.personal/accomplishments/2026-h1/my-notes.md': itemText({ date: '2026-03-01', visibility: 'private' }),
      'content/accomplishments/2026-h1/draft.md': itemText({ date: '2026-03-01', draft: true }),
      'content/accomplishments/2026-h1/later.md': itemText({
        date: '2026-03-12',
        visibility: 'public',
        builds_on: ['2026-h1/cut-ci-time', '2026-h1/draft', '2026-h1/my-notes'],
      }),
    };
    expect(output(undefined, { files })).toMatchInlineSnapshot(`
      "exit 1
      content/accomplishments/2026-h1/later.md:11:51 error unknown-reference Personal accomplishment \`2026-h1/my-notes\` in \`builds_on[2]\`, expected a shared one: only this machine has \`content/.personal/accomplishments/2026-h1/my-notes.md\`
        hint: move it to \`content/accomplishments/\` to share it, or remove the reference
          10 | evidence: [{"label":"PR #1","url":"https://github.com/example/app/pull/1"}]
        > 11 | builds_on: ["2026-h1/cut-ci-time","2026-h1/draft","2026-h1/my-notes"]
             |                                                   ^^^^^^^^^^^^^^^^^^
          12 | ---

      ✖ 1 error and 0 warnings in 1 file (14 files checked)
      "
    `);
    // The personal item itself may build on anything its author can see.
    files['content/.personal/accomplishments/2026-h1/my-notes.md'] = itemText({
      visibility: 'private',
      builds_on: ['2026-h1/fix-login-loop'],
    });
    files['content/accomplishments/2026-h1/later.md'] = itemText({ date: '2026-03-12', builds_on: ['2026-h1/cut-ci-time'] });
    expect(output(undefined, { files })).toMatchInlineSnapshot(`
      "exit 0
      ✓ No problems in 14 files
      "
    `);
  });
});

describe('cycle rules', () => {
  it('cycle-dates', () => {
    expect(output('cycle-dates')).toMatchInlineSnapshot(`
      "exit 1
      content/cycles/2026-h2.md:4:1 error cycle-dates Cycle ends on 2026-06-30, before it starts on 2026-07-01
        hint: swap \`start\` and \`end\`, or fix the year
          3 | start: 2026-07-01
        > 4 | end: 2026-06-30
            | ^^^^^^^^^^^^^^^
          5 | due: 2026-01-15

      content/cycles/2026-h2.md:5:1 error cycle-dates Cycle is due on 2026-01-15, before it starts on 2026-07-01
        hint: \`due\` is the last day to submit, usually shortly after \`end\`
          4 | end: 2026-06-30
        > 5 | due: 2026-01-15
            | ^^^^^^^^^^^^^^^
          6 | submissions:

      content/cycles/2026-h2.md:7:3 error cycle-dates \`submissions.min\` is 4, above \`submissions.max\` 2
        hint: nobody could meet both; lower \`min\` or raise \`max\`
          6 | submissions:
        > 7 |   min: 4
            |   ^^^^^^
          8 |   max: 2

      ✖ 3 errors and 0 warnings in 1 file (12 files checked)
      "
    `);
  });
  it('cycle-folder', () => {
    expect(output('cycle-folder')).toMatchInlineSnapshot(`
      "exit 1
      content/accomplishments/2026-h1/wrong-folder.md:5:1 error cycle-folder Cycle \`2026-h2\` differs from the folder \`2026-h1/\` the file is in
        hint: move the file to \`content/accomplishments/2026-h2/\`, or set \`cycle: 2026-h1\`
          4 | authors: [ana]
        > 5 | cycle: 2026-h2
            | ^^^^^^^^^^^^^^
          6 | date: 2026-08-01

      content/accomplishments/2026-h1/wrong-folder.md:7:9 warning goal-cycle Goal \`ci-speed\` belongs to cycle \`2026-h1\`, this item to \`2026-h2\`
        hint: pick a goal of this cycle, or check the item’s \`cycle\`
          6 | date: 2026-08-01
        > 7 | goals: [ci-speed]
            |         ^^^^^^^^
          8 | outcome: delivered

      ✖ 1 error and 1 warning in 1 file (13 files checked)
      "
    `);
  });
  it('date-outside-cycle', () => {
    expect(output('date-outside-cycle')).toMatchInlineSnapshot(`
      "exit 1
      content/accomplishments/2026-h1/too-late.md:6:1 error date-outside-cycle Date 2026-07-04 is outside cycle \`2026-h1\`, expected 2026-01-01 to 2026-06-30
        hint: use the day the work landed; work from another cycle belongs in that cycle’s folder
          5 | cycle: 2026-h1
        > 6 | date: 2026-07-04
            | ^^^^^^^^^^^^^^^^
          7 | goals: [ci-speed]

      ✖ 1 error and 0 warnings in 1 file (12 files checked)
      "
    `);
  });
  it('future-date', () => {
    expect(output('future-date')).toMatchInlineSnapshot(`
      "exit 0
      content/accomplishments/2026-h2/next-month.md:6:1 warning future-date Date 2026-12-14 is after today (2026-11-27)
        hint: use the day the work landed
          5 | cycle: 2026-h2
        > 6 | date: 2026-12-14
            | ^^^^^^^^^^^^^^^^
          7 | unplanned: Asked for by support.

      ! 0 errors and 1 warning in 1 file (13 files checked)
      "
    `);
  });
  it('goal-cycle', () => {
    expect(output('goal-cycle')).toMatchInlineSnapshot(`
      "exit 0
      content/accomplishments/2026-h2/old-goal.md:7:9 warning goal-cycle Goal \`ci-speed\` belongs to cycle \`2026-h1\`, this item to \`2026-h2\`
        hint: pick a goal of this cycle, or check the item’s \`cycle\`
          6 | date: 2026-08-01
        > 7 | goals: [ci-speed]
            |         ^^^^^^^^
          8 | outcome: delivered

      ! 0 errors and 1 warning in 1 file (13 files checked)
      "
    `);
  });
  it("submission-count: no reminder before the cycle's last reminder_days", () => {
    // 49 days before 2026-h2 is due: a window of 48 days has not opened, so only 2026-h1 (overdue) counts.
    const h2 =
      '---\nname: H2 2026\nstart: 2026-07-01\nend: 2026-12-31\ndue: 2027-01-15\nreminder_days: 48\nsubmissions:\n  min: 1\n  max: 5\n---\n';
    const out = output('submission-count', { files: { 'content/cycles/2026-h2.md': h2 } });
    expect(out.match(/(warning|error) submission-count .*/g)).toMatchInlineSnapshot(`
      [
        "error submission-count Ben Carter has 4 accomplishments in cycle \`2026-h1\`, expected at most 3",
        "error submission-count Dana Lee has 0 of 1–3 accomplishments in cycle \`2026-h1\`, which was due 2026-07-10",
      ]
    `);
    // The default window is 14 days.
    const byDefault = output('submission-count', { files: { 'content/cycles/2026-h2.md': h2.replace('reminder_days: 48\n', '') } });
    expect(byDefault.match(/2026-h2/g)).toBeNull();
  });
  it('submission-count: exempt, joined and left lift the minimum, never the maximum', () => {
    const h1 =
      '---\nname: H1 2026\nstart: 2026-01-01\nend: 2026-06-30\ndue: 2026-07-10\nsubmissions:\n  min: 1\n  max: 3\nexempt:\n  - { person: dana, reason: on leave }\n  - { person: ben, reason: leads the team }\n---\n';
    const out = output('submission-count', {
      files: {
        'content/cycles/2026-h1.md': h1,
        // Joined after 2026-h2 started, left before it ends: neither is held to its minimum.
        'content/people/ana.md': '---\nname: Ana Silva\nrole: Engineering Manager\nteam: core\njoined: 2026-07-02\n---\n',
        'content/people/cleo.md': '---\nname: Cleo Park\nrole: Designer\nteam: core\nmanager: ana\nleft: 2026-12-30\n---\n',
      },
    });
    expect(out.match(/(warning|error) submission-count .*/g)).toMatchInlineSnapshot(`
      [
        "error submission-count Ben Carter has 4 accomplishments in cycle \`2026-h1\`, expected at most 3",
        "warning submission-count Ben Carter has 0 of 1–5 accomplishments in cycle \`2026-h2\`, which is due 2027-01-15",
        "warning submission-count Dana Lee has 0 of 1–5 accomplishments in cycle \`2026-h2\`, which is due 2027-01-15",
      ]
    `);
    expect(out).not.toContain('on leave');
  });
  it("submission-count: an unknown person in a cycle's exempt is an unknown reference", () => {
    const h1 =
      '---\nname: H1 2026\nstart: 2026-01-01\nend: 2026-06-30\ndue: 2026-07-10\nsubmissions:\n  min: 1\n  max: 3\nexempt:\n  - { person: dnaa, reason: on leave }\n---\n';
    const out = output(undefined, { files: { 'content/cycles/2026-h1.md': h1 } });
    expect(out.match(/(warning|error) .*|hint: .*/g)).toMatchInlineSnapshot(`
      [
        "error unknown-reference Unknown person \`dnaa\` in \`exempt[0].person\`, expected the id of a file in \`content/people/\`",
        "hint: create \`content/people/dnaa.md\`, or check the spelling",
        "error and 0 warnings in 1 file (11 files checked)",
      ]
    `);
  });
  it('submission-count in a pull request: overdue counts fail it only when it makes them worse', () => {
    // On the base, 2026-h1 asks for 3 each: Ana has 1, Ben 2, Cleo 1, all overdue.
    const h1 = '---\nname: H1 2026\nstart: 2026-01-01\nend: 2026-06-30\ndue: 2026-07-10\nsubmissions:\n  min: 3\n  max: 5\n---\n';
    const change = (edit: { files?: Record<string, string>; remove?: string[] }) => {
      const root = makeTree(undefined, { files: { 'content/cycles/2026-h1.md': h1 } });
      git(root, 'init', '-q', '-b', 'main');
      git(root, 'add', '-A');
      git(root, 'commit', '-qm', 'base');
      for (const path of edit.remove ?? []) rmSync(join(root, path));
      for (const [path, text] of Object.entries(edit.files ?? {})) writeFileSync(join(root, path), text);
      const full = check(root);
      const result = check(root, { changedSince: 'HEAD' });
      return { full: full.stdout.match(/error submission-count .*/g), pr: `exit ${result.exitCode}\n${result.stdout}` };
    };
    // Adding one of Ana's missing items: still short, not worse. The full check still says so.
    const added = change({ files: { 'content/accomplishments/2026-h1/ana-more.md': itemText({ authors: ['ana'] }) } });
    expect(added.pr).toMatchInlineSnapshot(`
      "exit 0
      ✓ No problems in the files changed since HEAD (12 files checked)
      "
    `);
    expect(added.full).toMatchInlineSnapshot(`
      [
        "error submission-count Ana Silva has 2 of 3–5 accomplishments in cycle \`2026-h1\`, which was due 2026-07-10",
        "error submission-count Ben Carter has 2 of 3–5 accomplishments in cycle \`2026-h1\`, which was due 2026-07-10",
        "error submission-count Cleo Park has 1 of 3–5 accomplishments in cycle \`2026-h1\`, which was due 2026-07-10",
      ]
    `);
    // Removing an item of Ben's and Ana's: both counts get worse; Cleo's is untouched.
    const removed = change({ remove: ['content/accomplishments/2026-h1/cut-ci-time.md'] });
    expect(removed.pr.match(/(warning|error) .*/g)).toMatchInlineSnapshot(`
      [
        "error submission-count Ana Silva has 0 of 3–5 accomplishments in cycle \`2026-h1\`, which was due 2026-07-10",
        "error submission-count Ben Carter has 1 of 3–5 accomplishments in cycle \`2026-h1\`, which was due 2026-07-10",
      ]
    `);
    // Making one of Ben's items a draft takes it out of his count: worse too.
    const drafted = change({
      files: { 'content/accomplishments/2026-h1/try-remote-cache.md': itemText({ authors: ['ben'], draft: true }) },
    });
    expect(drafted.pr.match(/(warning|error) .*/g)).toMatchInlineSnapshot(`
      [
        "error submission-count Ben Carter has 1 of 3–5 accomplishments in cycle \`2026-h1\`, which was due 2026-07-10",
        "error and 0 warnings in 1 file (only changes since HEAD reported; 11 files checked)",
      ]
    `);
  });
  it('submission-count', () => {
    expect(output('submission-count')).toMatchInlineSnapshot(`
      "exit 1
      content/people/ana.md:1:1 warning submission-count Ana Silva has 0 of 1–5 accomplishments in cycle \`2026-h2\`, which is due 2027-01-15
        hint: add 1 more with \`npm run new\`, as author or co-author
        > 1 | ---
            | ^^^
          2 | name: Ana Silva

      content/people/ben.md:1:1 error submission-count Ben Carter has 4 accomplishments in cycle \`2026-h1\`, expected at most 3
        hint: merge related items, or mark the least important ones \`draft: true\`
        > 1 | ---
            | ^^^
          2 | name: Ben Carter

      content/people/ben.md:1:1 warning submission-count Ben Carter has 0 of 1–5 accomplishments in cycle \`2026-h2\`, which is due 2027-01-15
        hint: add 1 more with \`npm run new\`, as author or co-author
        > 1 | ---
            | ^^^
          2 | name: Ben Carter

      content/people/cleo.md:1:1 warning submission-count Cleo Park has 0 of 1–5 accomplishments in cycle \`2026-h2\`, which is due 2027-01-15
        hint: add 1 more with \`npm run new\`, as author or co-author
        > 1 | ---
            | ^^^
          2 | name: Cleo Park

      content/people/dana.md:1:1 error submission-count Dana Lee has 0 of 1–3 accomplishments in cycle \`2026-h1\`, which was due 2026-07-10
        hint: add 1 more with \`npm run new\`, as author or co-author
        > 1 | ---
            | ^^^
          2 | name: Dana Lee

      content/people/dana.md:1:1 warning submission-count Dana Lee has 0 of 1–5 accomplishments in cycle \`2026-h2\`, which is due 2027-01-15
        hint: add 1 more with \`npm run new\`, as author or co-author
        > 1 | ---
            | ^^^
          2 | name: Dana Lee

      ✖ 2 errors and 4 warnings in 4 files (15 files checked)
      "
    `);
  });
});

describe('accomplishment rules', () => {
  it('unplanned', () => {
    expect(output('unplanned')).toMatchInlineSnapshot(`
      "exit 1
      content/accomplishments/2026-h1/both.md:9:1 error unplanned Both \`goals\` and an \`unplanned\` reason, expected only one
        hint: remove \`unplanned\` if the work moved these goals, or empty \`goals\` if it was unplanned
           8 | outcome: delivered
        >  9 | unplanned: Nobody asked.
             | ^^^^^^^^^^^^^^^^^^^^^^^^
          10 | visibility: team

      content/accomplishments/2026-h1/neither.md:7:1 error unplanned No goals and no \`unplanned\` reason, expected one of them
        hint: list the goals this moved, or add \`unplanned: <why it mattered>\`
          6 | date: 2026-03-01
        > 7 | goals: []
            | ^^^^^^^^^
          8 | outcome: delivered

      ✖ 2 errors and 0 warnings in 2 files (13 files checked)
      "
    `);
  });
  it('required-section', () => {
    expect(output('required-section')).toMatchInlineSnapshot(`
      "exit 1
      content/accomplishments/2026-h1/no-sections.md:8:1 error required-section Missing section \`## What we learned\`, required by \`outcome: learning\`
        hint: add a heading \`## What we learned\` to the body
          7 | goals: [ci-speed]
        > 8 | outcome: learning
            | ^^^^^^^^^^^^^^^^^
          9 | visibility: team

      content/accomplishments/2026-h1/no-sections.md:10:1 error required-section Missing section \`## Impact\`, required by \`sections\` in \`content/site.yaml\`
        hint: add a heading \`## Impact\` to the body
           9 | visibility: team
        > 10 | ---
             | ^^^
          11 | ## Context

      ✖ 2 errors and 0 warnings in 1 file (12 files checked)
      "
    `);
  });
  it('template-text', () => {
    const item = itemText({}).replace(
      'It helped.',
      '_What changed, and for whom? Numbers where you have them, also under `impact:` above._',
    );
    expect(output(undefined, { files: { 'content/accomplishments/2026-h1/untouched.md': item } })).toMatchInlineSnapshot(`
      "exit 1
      content/accomplishments/2026-h1/untouched.md:14:1 error template-text The prompt written by \`npm run new\` is still in the body, expected your own words
        hint: answer the question in a sentence or two in place of the prompt, or remove the section if it is not required
          13 |
        > 14 | _What changed, and for whom? Numbers where you have them, also under \`impact:\` above._
             | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
          15 |

      ✖ 1 error and 0 warnings in 1 file (12 files checked)
      "
    `);
  });
  it('template-text: a written section that quotes a prompt inside its own words passes', () => {
    const item = itemText({}).replace('It helped.', 'We asked _What did you do?_ at every retro, and wrote the answers down.');
    expect(output(undefined, { files: { 'content/accomplishments/2026-h1/written.md': item } })).toMatch(/^exit 0\n✓ No problems/);
  });
  it('template-text: a draft may keep the prompts while it is written (it is never built)', () => {
    const prompt = SECTION_PROMPTS[0]!;
    const draft = itemText({ draft: true }).replace('It helped.', prompt);
    expect(output(undefined, { files: { 'content/accomplishments/2026-h1/draft.md': draft } })).toMatch(/^exit 0\n✓ No problems/);
    const published = itemText({}).replace('It helped.', prompt);
    expect(output(undefined, { files: { 'content/accomplishments/2026-h1/draft.md': published } })).toMatch(/error template-text/);
  });
  it('no-evidence', () => {
    const item = itemText({ outcome: 'partial', evidence: [] });
    expect(output(undefined, { files: { 'content/accomplishments/2026-h1/no-link.md': item } })).toMatchInlineSnapshot(`
      "exit 0
      content/accomplishments/2026-h1/no-link.md:10:1 warning no-evidence No \`evidence\` for an item with \`outcome: partial\`, expected at least one link that shows the work
        hint: add \`evidence: [{label: "PR #123", url: "https://github.com/org/repo/pull/123"}]\`: a pull request, a dashboard or a document
           9 | visibility: "team"
        > 10 | evidence: []
             | ^^^^^^^^^^^^
          11 | ---

      ! 0 errors and 1 warning in 1 file (12 files checked)
      "
    `);
  });
  it('no-evidence: missed work, learnings and drafts are not asked for links', () => {
    const files = {
      'content/accomplishments/2026-h1/missed.md': itemText({ outcome: 'missed', evidence: [] }),
      'content/accomplishments/2026-h1/draft.md': itemText({ draft: true, evidence: [] }),
    };
    expect(output(undefined, { files })).toMatch(/^exit 0\n✓ No problems/);
  });
  it('impact-unit', () => {
    expect(output('impact-unit')).toMatchInlineSnapshot(`
      "exit 1
      content/accomplishments/2026-h1/seconds.md:16:5 error impact-unit Unit \`s\` differs from key result \`ci-p50\`, expected \`min\`
        hint: convert the numbers to min, or drop \`key_result\` if this measures something else
          15 |     after: 780
        > 16 |     unit: s
             |     ^^^^^^^
          17 | visibility: team

      ✖ 1 error and 0 warnings in 1 file (12 files checked)
      "
    `);
  });
  it('pr-author', () => {
    // Cleo opens a pull request with an item only Ben wrote and one of her own.
    expect(pullRequestOutput('pr-author', 'CleoPark')).toMatchInlineSnapshot(`
      "exit 0
      content/accomplishments/2026-h1/speed-up-lint.md:4:1 warning pr-author Pull request author @CleoPark (Cleo Park) is not among the authors of this item
        hint: add \`cleo\` to \`authors\` if you worked on it; if you submit it for someone else, ask them to review the pull request
          3 | summary: Lint now reuses the cache of the last main build.
        > 4 | authors: [ben]
            | ^^^^^^^^^^^^^^
          5 | cycle: 2026-h1

      ! 0 errors and 1 warning in 1 file (only changes since HEAD reported; 13 files checked)
      "
    `);
    // A handle nobody has: one warning for the whole pull request, not one per item.
    expect(pullRequestOutput('pr-author', 'octocat')).toMatchInlineSnapshot(`
      "exit 0
      content/ warning pr-author Pull request author @octocat is not the \`github\` handle of anyone in \`content/people/\`
        hint: add \`github: octocat\` to your file in \`content/people/\`, so your pull requests are matched to you

      ! 0 errors and 1 warning in 1 file (only changes since HEAD reported; 13 files checked)
      "
    `);
  });
  it('pr-private-item', () => {
    expect(pullRequestOutput('pr-private-item', 'cleopark')).toMatchInlineSnapshot(`
      "exit 0
      content/accomplishments/2026-h1/salary-talk.md:9:1 warning pr-private-item This item is \`visibility: private\`, but in a pull request anyone who can read the repository can read the file
        hint: move it to \`content/.personal/accomplishments/\`, which git ignores and your own checks and private builds read; if your team may see it, write \`visibility: team\`
           8 | outcome: delivered
        >  9 | visibility: private
             | ^^^^^^^^^^^^^^^^^^^
          10 | evidence: [{label: "PR #1", url: "https://github.com/example/app/pull/1"}]

      ! 0 errors and 1 warning in 1 file (only changes since HEAD reported; 12 files checked)
      "
    `);
  });
  it('over-claim', () => {
    expect(output('over-claim')).toMatchInlineSnapshot(`
      "exit 0
      content/goals/ci-speed.md:9:5 warning over-claim Items claim −9 min on key result \`ci-p50\`, but it moved −8 min (20 → 12)
        hint: claims: \`2026-h1/also-claims\` −3, \`2026-h1/cut-ci-time\` −6; check whether their before → after overlap, or update \`current\`
           8 | key_results:
        >  9 |   - id: ci-p50
             |     ^^^^^^^^^^
          10 |     title: Median CI time

      ! 0 errors and 1 warning in 1 file (12 files checked)
      "
    `);
  });
});

describe('personal items', () => {
  const personal = (visibility: string) => itemText({ title: 'Talked salary with my manager', visibility });
  const path = 'content/.personal/accomplishments/2026-h1/salary-talk.md';

  it('personal-visibility', () => {
    expect(output(undefined, { files: { [path]: personal('team') } })).toMatchInlineSnapshot(`
      "exit 1
      content/.personal/accomplishments/2026-h1/salary-talk.md:9:1 error personal-visibility Unexpected \`visibility: team\` in \`content/.personal/\`, expected \`private\`
        hint: make it \`private\`, or move the file to \`content/accomplishments/\` to share it
           8 | outcome: "delivered"
        >  9 | visibility: "team"
             | ^^^^^^^^^^^^^^^^^^
          10 | evidence: [{"label":"PR #1","url":"https://github.com/example/app/pull/1"}]

      ✖ 1 error and 0 warnings in 1 file (12 files checked)
      "
    `);
  });

  it('personal-tracked', () => {
    const root = makeTree(undefined, { files: { [path]: personal('private') } });
    git(root, 'init', '-q', '-b', 'main');
    // Not ignored: `git add -A` would take it.
    expect(`exit ${check(root).exitCode}\n${check(root).stdout}`).toMatchInlineSnapshot(`
      "exit 1
      content/.personal/accomplishments/2026-h1/salary-talk.md:1:1 error personal-tracked \`content/.personal/\` is not ignored by git, so \`git add -A\` would share this file
        hint: add \`content/.personal/\` to \`.gitignore\` (\`npm run new\` puts a \`.gitignore\` in the folder itself)
        > 1 | ---
            | ^^^
          2 | title: "Talked salary with my manager"

      ✖ 1 error and 0 warnings in 1 file (12 files checked)
      "
    `);
    // Committed: in CI too, where the clone holds it.
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'oops');
    expect(`exit ${check(root).exitCode}\n${check(root).stdout}`).toMatchInlineSnapshot(`
      "exit 1
      content/.personal/accomplishments/2026-h1/salary-talk.md:1:1 error personal-tracked \`content/.personal/accomplishments/2026-h1/salary-talk.md\` is tracked by git, expected nothing in \`content/.personal/\` to leave this machine
        hint: run \`git rm --cached content/.personal/accomplishments/2026-h1/salary-talk.md\`; if it was pushed, anyone who can read the repository may have read it
        > 1 | ---
            | ^^^
          2 | title: "Talked salary with my manager"

      ✖ 1 error and 0 warnings in 1 file (12 files checked)
      "
    `);
  });

  it('checks a personal item like any other, but counts it for no one', () => {
    // Four more items for ana would be over the cycle's maximum of 3, were they submitted.
    const files: Record<string, string> = { 'content/.personal/.gitignore': '*\n' };
    for (const n of [1, 2, 3, 4]) files[`content/.personal/accomplishments/2026-h1/note-${n}.md`] = personal('private');
    const root = makeTree(undefined, { files });
    git(root, 'init', '-q', '-b', 'main');
    expect(`exit ${check(root).exitCode}\n${check(root).stdout}`).toMatchInlineSnapshot(`
      "exit 0
      ✓ No problems in 15 files
      "
    `);
    files['content/.personal/accomplishments/2026-h1/note-4.md'] = personal('private').replace('goals: ["ci-speed"]', 'goals: ["ci-sped"]');
    const broken = makeTree(undefined, { files });
    expect(check(broken).stdout).toContain('note-4.md:7:9 error unknown-reference Unknown goal `ci-sped`');
  });

  it('refuses a personal item that takes the id of a shared one', () => {
    expect(output(undefined, { files: { 'content/.personal/accomplishments/2026-h1/cut-ci-time.md': personal('private') } }))
      .toMatchInlineSnapshot(`
      "exit 1
      content/.personal/accomplishments/2026-h1/cut-ci-time.md:1:1 error duplicate-id Duplicate id \`2026-h1/cut-ci-time\`, \`content/accomplishments/2026-h1/cut-ci-time.md\` already has it
        hint: rename your personal file; its name is its id, and the shared item keeps its own

      ✖ 1 error and 0 warnings in 1 file (12 files checked)
      "
    `);
  });
});

describe('site rules', () => {
  it('site-config', () => {
    expect(output(undefined, { remove: ['content/site.yaml'] })).toMatchInlineSnapshot(`
      "exit 1
      content/ error site-config Missing \`content/site.yaml\`, expected the site's settings there
        hint: write it with \`title\`, \`url\`, \`repo\` and \`audience\` (docs/content-model.md), or start the repository with \`npx throughline init\`

      ✖ 1 error and 0 warnings in 1 file (10 files checked)
      "
    `);
  });

  it('empty-audience', () => {
    const site =
      'title: Core team impact\ndescription: What the core team shipped.\nurl: https://example.github.io/impact\nrepo: https://github.com/example/impact\naudience: public\n';
    expect(output(undefined, { files: { 'content/site.yaml': site } })).toMatchInlineSnapshot(`
      "exit 0
      content/site.yaml:5:1 warning empty-audience A \`public\` site would show no goals and no people: none of them may be seen by \`public\`
        hint: set \`visibility: public\` on the goals and people to publish, or \`audience: team\`
          4 | repo: https://github.com/example/impact
        > 5 | audience: public
            | ^^^^^^^^^^^^^^^^
          6 |

      ! 0 errors and 1 warning in 1 file (11 files checked)
      "
    `);
  });
  it('empty-audience: a team site over team goals and people, and a public site with public ones, pass', () => {
    expect(output()).toMatch(/^exit 0\n✓ No problems/);
    const site =
      'title: Core team impact\ndescription: What the core team shipped.\nurl: https://example.github.io/impact\nrepo: https://github.com/example/impact\naudience: public\n';
    const root = makeTree(undefined, { files: { 'content/site.yaml': site } });
    for (const file of ['goals/ci-speed.md', 'people/ana.md']) {
      const path = join(root, 'content', file);
      writeFileSync(path, readFileSync(path, 'utf8').replace(/\n---\n?$/, '\nvisibility: public\n---\n'));
    }
    expect(check(root).stdout).not.toContain('empty-audience');
  });
  it('site-address', () => {
    const result = check(makeTree(), { pagesUrl: 'https://dana.github.io/team-impact' });
    expect(`exit ${result.exitCode}\n${result.stdout}`).toMatchInlineSnapshot(`
      "exit 1
      content/site.yaml:3:1 error site-address \`url\` is https://example.github.io/impact, but GitHub Pages publishes this repository at https://dana.github.io/team-impact
        hint: set \`url: https://dana.github.io/team-impact\` in content/site.yaml, or every link of the site will miss
          2 | description: What the core team shipped and learned.
        > 3 | url: https://example.github.io/impact
            | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
          4 | repo: https://github.com/example/impact

      ✖ 1 error and 0 warnings in 1 file (11 files checked)
      "
    `);
    // Where Pages publishes it, give or take http and a trailing slash: no problem.
    expect(check(makeTree(), { pagesUrl: 'http://example.github.io/impact/' }).exitCode).toBe(0);
  });
});
