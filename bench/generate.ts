import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Generated {
  files: number;
  items: number;
}

const TOPICS = ['CI', 'deploys', 'alerting', 'checkout', 'payments', 'search', 'onboarding', 'billing', 'caching', 'the mobile app'];
const OUTCOMES = ['delivered', 'delivered', 'delivered', 'partial', 'missed', 'learning'] as const;
const VISIBILITY = ['public', 'team', 'team', 'private'] as const;

/**
 * A realistic tree of `items` accomplishments: two cycles, four items per person per cycle,
 * a goal tree with key results, bodies of ~200 words with headings and links. Every file is
 * valid, so the benchmark times a full check, body rules included, with nothing cut short.
 */
export function generateContent(root: string, items: number): Generated {
  const content = join(root, 'content');
  const write = (path: string, text: string) => {
    mkdirSync(join(content, path, '..'), { recursive: true });
    writeFileSync(join(content, path), text);
  };
  const cycles = ['2026-h1', '2026-h2'];
  const perPerson = 4;
  const people = Math.ceil(items / cycles.length / perPerson);
  const teams = Math.max(1, Math.ceil(people / 8));
  const goalsPerCycle = Math.max(2, Math.ceil(items / 100));
  let files = 0;
  write(
    'site.yaml',
    'title: Benchmark\ndescription: Generated content.\nurl: https://example.com\nrepo: https://github.com/example/impact\naudience: team\n',
  );
  files++;
  for (let t = 0; t < teams; t++) {
    write(`teams/team-${t}.md`, `---\nname: Team ${t}\nlead: person-${t * 8}\n---\nTeam ${t} builds things.\n`);
    files++;
  }
  for (let p = 0; p < people; p++) {
    const manager = p % 8 === 0 ? '' : `manager: person-${p - (p % 8)}\n`;
    write(
      `people/person-${p}.md`,
      `---\nname: Person ${p}\nrole: Software Engineer\nteam: team-${Math.floor(p / 8)}\ngithub: person-${p}\n${manager}---\nWorks on ${TOPICS[p % TOPICS.length]!}.\n`,
    );
    files++;
  }
  cycles.forEach((cycle, c) => {
    const [start, end, due] = c === 0 ? ['2026-01-01', '2026-06-30', '2026-07-10'] : ['2026-07-01', '2026-12-31', '2027-01-15'];
    write(
      `cycles/${cycle}.md`,
      `---\nname: ${cycle.toUpperCase()}\nstart: ${start}\nend: ${end}\ndue: ${due}\nsubmissions:\n  min: 3\n  max: 5\n---\n`,
    );
    files++;
    for (let g = 0; g < goalsPerCycle; g++) {
      const parent = g === 0 ? '' : `parent: goal-${c}-${Math.floor((g - 1) / 4)}\n`;
      write(
        `goals/goal-${c}-${g}.md`,
        `---\ntitle: Improve ${TOPICS[g % TOPICS.length]!} (${cycle} goal ${g})\nowner: person-${g % people}\nteam: team-${g % teams}\ncycle: ${cycle}\n${parent}status: on-track\nkey_results:\n  - id: kr-${c}-${g}\n    title: Median time for ${TOPICS[g % TOPICS.length]!}\n    unit: min\n    baseline: 100000\n    target: 0\n    current: 0\n---\nWhy goal ${g} matters.\n`,
      );
      files++;
    }
  });
  for (let i = 0; i < items; i++) {
    const c = i % cycles.length;
    const cycle = cycles[c]!;
    const person = Math.floor(i / cycles.length) % people;
    const coauthor = (person + 1) % people;
    // Every even person's first item per cycle has the next person as co-author: 4 or 5 items each.
    const authors =
      Math.floor(i / cycles.length) < people && person % 2 === 0 && coauthor !== 0
        ? `[person-${person}, person-${coauthor}]`
        : `[person-${person}]`;
    const g = i % goalsPerCycle;
    const topic = TOPICS[i % TOPICS.length]!;
    const month = String((c === 0 ? 1 : 7) + (i % 4)).padStart(2, '0');
    const day = String(1 + (i % 28)).padStart(2, '0');
    const outcome = OUTCOMES[i % OUTCOMES.length]!;
    const unplanned = i % 9 === 0;
    const goals = unplanned
      ? 'unplanned: An incident on a weekend needed a fix before Monday.\n'
      : `goals:\n  - goal: goal-${c}-${g}\n    key_result: kr-${c}-${g}\n    contribution: Removed the slowest step of ${topic}.\n`;
    const impact = unplanned
      ? ''
      : `impact:\n  - metric: Median time for ${topic}\n    key_result: kr-${c}-${g}\n    before: 40\n    after: 38\n    unit: min\n`;
    write(
      `accomplishments/${cycle}/item-${i}.md`,
      `---
title: Made ${topic} faster for everyone (item ${i})
summary: Removed the slowest step of ${topic} and measured the effect for two weeks.
authors: ${authors}
cycle: ${cycle}
date: 2026-${month}-${day}
${goals}outcome: ${outcome}
${impact}evidence:
  - label: "PR #${4000 + i}"
    url: https://github.com/example/app/pull/${4000 + i}
  - label: Dashboard
    url: https://grafana.example.com/d/${topic.replace(/ /g, '-')}
tags: [${topic.replace(/ /g, '-').toLowerCase()}, speed]
visibility: ${VISIBILITY[i % VISIBILITY.length]!}
---
## Context

Engineers told us that ${topic} was the slowest part of their day. The median took forty minutes,
and the slowest tenth took over an hour. Nobody owned the problem, so it kept getting worse.

## What we did

- Profiled every step and found that one step did the same work twice.
- Removed the duplicate work behind a feature flag and rolled it out over a week.
- Wrote a [runbook](https://docs.example.com/runbooks/${i}) so on-call can roll it back.

## Impact

The median dropped from 40 to 38 minutes across **${1000 + i}** runs, see the
[dashboard](https://grafana.example.com/d/${i}). Questions go to <mailto:team@example.com>.

## What we learned

Measure first: the step we suspected was not the slow one. We now profile before we plan.
`,
    );
    files++;
  }
  return { files, items };
}
