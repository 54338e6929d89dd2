import { DEFAULT_SECTIONS } from '../../schema/index.ts';
import type { TeamSetup } from './init-setup.ts';
import { renderAccomplishment, yamlString } from './scaffold.ts';

/** The example goal's id and its key result's: the example accomplishment moves both. */
export const STARTER_GOAL = 'record-our-impact';
export const STARTER_KEY_RESULT = 'items';
export const STARTER_ITEM = 'start-our-impact-report';

/** The accomplishments each person writes per cycle when the cycle does not say (the schema's default). */
const ITEMS_PER_PERSON = 3;

/** Front matter between `---` lines, then the body. */
function entity(fields: readonly string[], body: string): string {
  return `---\n${fields.join('\n')}\n---\n${body === '' ? '' : `\n${body}\n`}`;
}

/**
 * A team's first content, path → text: site settings, one team with its people, the cycle open
 * today, one goal with one key result and one accomplishment that moves it, all passing the check.
 * On a public site everything is public, so the first published site is not empty; on a team site
 * the entities keep their default (`team`).
 */
export function starterContent(setup: TeamSetup, today: string): Map<string, string> {
  const [lead] = setup.people;
  if (!lead) throw new Error('a team needs at least one person, its lead');
  const visibility = setup.audience === 'public' ? ['visibility: public'] : [];
  const files = new Map<string, string>();
  files.set(
    'content/site.yaml',
    [
      "# Site settings. Every field is documented in Throughline's docs/content-model.md.",
      `title: ${yamlString(setup.title)}`,
      `description: ${yamlString(`What the ${setup.team.name} team shipped, learned and moved, tied to the goals we set.`)}`,
      `url: ${setup.url}`,
      `repo: ${setup.repo}`,
      `audience: ${setup.audience} # who the published site is for: public (anyone) or team`,
      '',
    ].join('\n'),
  );
  files.set(
    `content/teams/${setup.team.id}.md`,
    entity(
      [`name: ${yamlString(setup.team.name)}`, `lead: ${lead.id}`, ...visibility],
      '_What the team is for, in a sentence or two: its mission, shown on the team page._',
    ),
  );
  for (const person of setup.people) {
    const isLead = person === lead;
    files.set(
      `content/people/${person.id}.md`,
      entity(
        [
          `name: ${yamlString(person.name)}`,
          `role: ${isLead ? 'Team lead' : 'Team member'}`,
          `team: ${setup.team.id}`,
          `github: ${yamlString(person.github)}`,
          ...(isLead ? [] : [`manager: ${lead.id}`]),
          ...visibility,
        ],
        '',
      ),
    );
  }
  const { cycle } = setup;
  files.set(
    `content/cycles/${cycle.id}.md`,
    entity([`name: ${yamlString(cycle.name)}`, `start: ${cycle.start}`, `end: ${cycle.end}`, `due: ${cycle.end}`], ''),
  );
  files.set(
    `content/goals/${STARTER_GOAL}.md`,
    entity(
      [
        'title: Record what we shipped and learned, as it happens',
        `owner: ${lead.id}`,
        `team: ${setup.team.id}`,
        `cycle: ${cycle.id}`,
        'status: on-track',
        'key_results:',
        `  - id: ${STARTER_KEY_RESULT}`,
        '    title: Accomplishments recorded this cycle',
        '    unit: items',
        '    baseline: 0',
        `    target: ${ITEMS_PER_PERSON * setup.people.length}`,
        '    current: 1',
        ...visibility,
      ],
      `An example goal, to show how accomplishments tie to goals: replace it with one of ${markdownText(setup.team.name)}'s own.`,
    ),
  );
  // Written by the same code as `throughline new`, so the example is what people will get, but
  // filled in as a real item is: its own text under each heading (prompts left fail the check,
  // `template-text`) and a link that shows the work (`no-evidence`).
  files.set(
    `content/accomplishments/${cycle.id}/${STARTER_ITEM}.md`,
    renderAccomplishment(
      {
        title: 'Started our impact report',
        summary: 'Set up this repository, so that every accomplishment is checked and tied to the goals it moved.',
        authors: [lead.id],
        cycle: cycle.id,
        date: today,
        goals: [{ goal: STARTER_GOAL, key_result: STARTER_KEY_RESULT }],
        outcome: 'delivered',
        visibility: setup.audience === 'public' ? 'public' : 'team',
        evidence: [{ label: 'This repository', url: setup.repo }],
        sections: {
          Context: 'We had no shared record of what the team shipped and learned, or of which goals the work moved.',
          'What we did':
            'Set up this repository: one short Markdown file per accomplishment, checked on every pull request and published as a site.',
          Impact: 'From now on every accomplishment is checked, tied to the goals it moved, and shown on the site.',
          'What we learned': 'Writing an accomplishment down when it lands takes minutes; piecing it together at review time takes hours.',
        },
      },
      DEFAULT_SECTIONS,
    ),
  );
  return files;
}

/** A name inside Markdown body text: its Markdown characters shown as written. */
function markdownText(name: string): string {
  return name.replace(/[\\`*_[\]<>#|~]/g, (c) => `\\${c}`);
}
