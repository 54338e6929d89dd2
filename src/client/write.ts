import { localIsoDate } from '../core/text/iso-date.ts';
import { catalogContent, type WriteCatalog } from '../core/write/catalog.ts';
import { checkDraft, newDraft, type DraftResult, type FieldProblem } from '../core/write/check-draft.ts';
import { readDraft, tagList, type Draft, type ImpactRow } from '../core/write/draft.ts';
import { repoUrls } from '../lib/urls.ts';
import { AccomplishmentsDocumentSchema, CyclesDocumentSchema, GoalsDocumentSchema, PeopleDocumentSchema } from '../schema/data-export.ts';
import type { WriteConfig } from './write-config.ts';

/**
 * The write page: a form over a `Draft`, checked as it is typed with the check's own schema and
 * rules (src/core/write/), kept in the browser's storage, and proposed on GitHub's new-file page.
 * Everything it offers comes from the build's data exports, so it shows what the pages show.
 */

// Browsers and GitHub accept addresses far longer, but past this some proxies and servers refuse
// them; a longer file goes by the clipboard instead.
const MAX_URL = 8000;
const TAGS_SUGGESTED = 12;

const form = document.querySelector<HTMLFormElement>('[data-write-form]');
if (form) void start(form);

async function start(form: HTMLFormElement): Promise<void> {
  const config = JSON.parse(form.dataset['config'] ?? '{}') as WriteConfig;
  const status = form.querySelector<HTMLElement>('[data-status]')!;
  let catalog: WriteCatalog;
  let items: Promise<WriteCatalog['items']>;
  try {
    ({ catalog, items } = await loadCatalog(config));
  } catch {
    const note = document.querySelector('[data-write-without-js] p');
    if (note) note.textContent = 'The form could not load this site’s data; reload the page, or write the file yourself as below.';
    return;
  }
  document.querySelector('[data-write-without-js]')?.setAttribute('hidden', '');
  form.hidden = false;

  let known = catalogContent(catalog);
  const today = localIsoDate(new Date());
  const storageKey = `throughline-draft:${location.pathname}`;
  const linkedGoal = new URLSearchParams(location.search).get('goal') ?? undefined;
  const stored = readDraft(storage.read(storageKey));
  let draft = stored ?? newDraft(catalog, today, linkedGoal);
  if (stored && linkedGoal !== undefined && !draft.goals.some((g) => g.goal === linkedGoal)) {
    draft.goals.push({ goal: linkedGoal, key_result: '' });
    draft.isUnplanned = false;
  }
  // The goal is in the draft now; a reload must not add it again after the person removed it.
  if (linkedGoal !== undefined) history.replaceState(null, '', location.pathname);

  // Problems show on fields the person has left, and everywhere once they try to propose.
  const touched = new Set<string>();
  let showAll = stored !== undefined;
  if (linkedGoal !== undefined) touched.add('goals');
  let result: DraftResult = checkDraft(draft, known, { sections: config.sections, today });
  let pending: number | undefined;
  // Set once the draft is proposed: a check still pending must not store it again.
  let leaving = false;

  fillOptions(form, catalog);
  fill(form, draft);
  drawDynamic(form, draft, catalog);
  update();
  // Earlier items are the largest export, and only a few answers need them: the form is used
  // meanwhile, and proposing waits for them.
  const itemsLoaded = items.then(
    (list) => {
      catalog.items = list;
      known = catalogContent(catalog);
      fillItemOptions(form, catalog);
      update();
    },
    () => {
      status.textContent =
        'This site’s earlier items could not be loaded: the pull request’s check will look at earlier work and file names.';
    },
  );

  function update(): void {
    result = checkDraft(draft, known, { sections: config.sections, today });
    showProblems(form, draft, result.problems, (field) => showAll || touched.has(field) || touched.has(field.split('.')[0]!));
    if (!form.querySelector<HTMLElement>('[data-summary]')!.hidden) summarize(form, draft, result.problems, status, false);
    const preview = form.querySelector<HTMLElement>('[data-preview]')!;
    preview.textContent = result.markdown ?? 'The file appears here once the answers above are complete.';
    form.querySelector<HTMLElement>('[data-path]')!.textContent = result.path ?? 'content/accomplishments/<cycle>/<file name>.md';
    const propose = form.querySelector<HTMLButtonElement>('[data-propose]')!;
    propose.hidden = config.propose === undefined || draft.visibility === 'private';
    form.querySelector<HTMLElement>('[data-unplanned]')!.hidden = !draft.isUnplanned;
    for (const flag of form.querySelectorAll<HTMLElement>('[data-required-for="learning"]')) flag.hidden = draft.outcome !== 'learning';
    if (leaving) return;
    if (!storage.write(storageKey, JSON.stringify(draft)))
      status.textContent = 'This browser does not keep drafts: copy the file before you leave.';
  }

  const later = () => {
    window.clearTimeout(pending);
    pending = window.setTimeout(update, 120);
  };

  form.addEventListener('input', (event) => {
    const target = event.target as HTMLElement;
    draft = readForm(form, draft);
    if (target.dataset['structure'] !== undefined) {
      syncDynamic(form, draft, catalog);
      // Redrawn rows may fill in what follows from the answer (a key result's unit).
      draft = readForm(form, draft);
      update();
    } else later();
  });
  // A field's problems appear when the person leaves it. Leaving it with a click on another field
  // below would move that field as the problem appears, and the click would miss: so with a
  // pointer down, they appear once the click is done.
  let pointerDown = false;
  let afterPointer = false;
  const pointerUp = () => {
    pointerDown = false;
    if (!afterPointer) return;
    afterPointer = false;
    window.setTimeout(update, 0);
  };
  document.addEventListener('pointerdown', () => (pointerDown = true), true);
  document.addEventListener('pointerup', pointerUp, true);
  document.addEventListener('pointercancel', pointerUp, true);
  form.addEventListener('focusout', (event) => {
    const key = (event.target as HTMLElement).dataset['key'];
    if (key === undefined) return;
    touched.add(key);
    window.clearTimeout(pending);
    if (pointerDown) afterPointer = true;
    else update();
  });
  form.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[type="button"]');
    if (!button) return;
    const add = button.dataset['add'] as Rows | undefined;
    const remove = button.dataset['remove'] as Rows | undefined;
    if (add) {
      draft = readForm(form, draft);
      addRow(draft, add);
      drawRows(form, draft, catalog);
      form.querySelector<HTMLElement>(`[data-rows="${add}"] .write-row:last-child :is(input, select)`)?.focus();
      update();
    } else if (remove) {
      draft = readForm(form, draft);
      rowsOf(draft, remove).splice(Number(button.dataset['index']), 1);
      drawRows(form, draft, catalog);
      form.querySelector<HTMLButtonElement>(`[data-add="${remove}"]`)?.focus();
      update();
    } else if (button.dataset['tag'] !== undefined) {
      const tags = tagList(draft.tags);
      if (!tags.includes(button.dataset['tag'])) draft.tags = [...tags, button.dataset['tag']].join(', ');
      form.querySelector<HTMLInputElement>('#f-tags')!.value = draft.tags;
      update();
    } else if (button.dataset['copy'] !== undefined) {
      if (result.markdown === undefined) {
        summarize(form, draft, result.problems, status);
        return;
      }
      void copy(result.markdown).then((done) => {
        status.textContent = done
          ? 'Copied the file to the clipboard.'
          : 'The browser refused the clipboard: select the file below and copy it.';
      });
    } else if (button.dataset['download'] !== undefined) {
      if (result.markdown === undefined || result.path === undefined) {
        summarize(form, draft, result.problems, status);
        return;
      }
      download(result.path.split('/').at(-1)!, result.markdown);
      status.textContent = `Downloaded ${result.path.split('/').at(-1)!}: save it as ${result.path}.`;
    } else if (button.dataset['discard'] !== undefined) {
      if (!window.confirm('Discard this draft? What you wrote is deleted from this browser.')) return;
      storage.remove(storageKey);
      draft = newDraft(catalog, today);
      touched.clear();
      showAll = false;
      fill(form, draft);
      drawDynamic(form, draft, catalog);
      update();
      status.textContent = 'Draft discarded.';
    }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void itemsLoaded.then(propose);
  });

  function propose(): void {
    draft = readForm(form, draft);
    showAll = true;
    update();
    if (result.problems.some((p) => p.severity === 'error') || result.markdown === undefined || result.path === undefined) {
      summarize(form, draft, result.problems, status);
      return;
    }
    if (!config.propose) return;
    const urls = repoUrls(config.propose.repo, config.propose.branch);
    const full = urls.propose(result.path, result.markdown);
    const go = (address: string) => {
      leaving = true;
      window.clearTimeout(pending);
      storage.remove(storageKey);
      location.assign(address);
    };
    if (full.length <= MAX_URL) {
      go(full);
      return;
    }
    void copy(result.markdown).then((done) => {
      if (!done) {
        status.textContent =
          'The file is too long for a link and the browser refused the clipboard: use Download .md, then upload it on GitHub.';
        return;
      }
      status.textContent = 'The file is too long for a link, so it is on your clipboard: paste it into GitHub’s editor.';
      window.setTimeout(() => {
        go(urls.propose(result.path!));
      }, 1500);
    });
  }
}

/** The people, cycles and goals, and the earlier items still on their way. */
async function loadCatalog(config: WriteConfig): Promise<{ catalog: WriteCatalog; items: Promise<WriteCatalog['items']> }> {
  const json = async (url: string): Promise<unknown> => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return response.json();
  };
  const items = json(config.data.items).then((document) => AccomplishmentsDocumentSchema.parse(document).items);
  // Handled where it is awaited; this keeps an early failure from being reported as unhandled.
  items.catch(() => undefined);
  const [people, cycles, goals] = await Promise.all([json(config.data.people), json(config.data.cycles), json(config.data.goals)]);
  return {
    catalog: {
      people: PeopleDocumentSchema.parse(people).people,
      cycles: CyclesDocumentSchema.parse(cycles).cycles,
      goals: GoalsDocumentSchema.parse(goals).goals,
      items: [],
    },
    items,
  };
}

/** Storage that may be switched off (private windows, policies): never an error for the person. */
const storage = {
  read(key: string): string | null {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  write(key: string, value: string): boolean {
    try {
      localStorage.setItem(key, value);
      return true;
    } catch {
      return false;
    }
  },
  remove(key: string): void {
    try {
      localStorage.removeItem(key);
    } catch {
      // Nothing was kept, so nothing is left behind.
    }
  },
};

type Rows = 'impact' | 'evidence' | 'builds_on';

function rowsOf(draft: Draft, rows: Rows): unknown[] {
  return draft[rows];
}

function addRow(draft: Draft, rows: Rows): void {
  if (rows === 'impact') draft.impact.push({ metric: '', key_result: '', before: '', after: '', unit: '', better: '' });
  else if (rows === 'evidence') draft.evidence.push({ label: '', url: '' });
  else draft.builds_on.push('');
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** The choices that do not depend on the answers: people and cycles. */
function fillOptions(form: HTMLFormElement, catalog: WriteCatalog): void {
  const author = form.querySelector<HTMLSelectElement>('#f-author')!;
  for (const person of catalog.people) author.append(el('option', { value: person.id }, person.name));
  const cycle = form.querySelector<HTMLSelectElement>('#f-cycle')!;
  for (const c of catalog.cycles) cycle.append(el('option', { value: c.id }, `${c.name} (${c.start} to ${c.end})`));
}

/** What the earlier items offer: their ids for "built on", and the tags used most. */
function fillItemOptions(form: HTMLFormElement, catalog: WriteCatalog): void {
  const items = form.querySelector<HTMLDataListElement>('#write-items')!;
  for (const item of catalog.items) items.append(el('option', { value: item.id }, item.title));
  // The tags used most, a handful to pick from; any other is typed.
  const uses = new Map<string, number>();
  for (const tag of catalog.items.flatMap((item) => item.tags)) uses.set(tag, (uses.get(tag) ?? 0) + 1);
  const tags = [...uses]
    .sort(([a, m], [b, n]) => n - m || (a < b ? -1 : 1))
    .slice(0, TAGS_SUGGESTED)
    .map(([tag]) => tag)
    .sort();
  const suggestions = form.querySelector<HTMLElement>('[data-tag-suggestions]')!;
  if (tags.length > 0)
    suggestions.append('Used before: ', ...tags.map((tag) => el('button', { type: 'button', class: 'write-tag', 'data-tag': tag }, tag)));
}

/** Puts a draft's answers into the form's fixed fields. */
function fill(form: HTMLFormElement, draft: Draft): void {
  const set = (id: string, value: string) => {
    const input = form.querySelector<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(`#${id}`);
    if (!input) return;
    // A select keeps a value it has no option for (a person the build no longer shows) as an option.
    if (input instanceof HTMLSelectElement && value !== '' && ![...input.options].some((o) => o.value === value))
      input.append(el('option', { value }, value));
    input.value = value;
  };
  set('f-author', draft.author);
  set('f-cycle', draft.cycle);
  set('f-title', draft.title);
  set('f-summary', draft.summary);
  set('f-unplanned', draft.unplanned);
  set('f-tags', draft.tags);
  set('f-date', draft.date);
  set('f-slug', draft.slug);
  form.querySelector<HTMLInputElement>('#f-isUnplanned')!.checked = draft.isUnplanned;
  for (const radio of form.querySelectorAll<HTMLInputElement>('input[name="outcome"], input[name="visibility"]'))
    radio.checked = radio.value === draft[radio.name as 'outcome' | 'visibility'];
  for (const area of form.querySelectorAll<HTMLTextAreaElement>('textarea[data-heading]'))
    area.value = draft.sections[area.dataset['heading']!] ?? '';
}

/** The parts that change with the answers: co-authors, the cycle's goals, and the rows. */
function drawDynamic(form: HTMLFormElement, draft: Draft, catalog: WriteCatalog): void {
  drawCoAuthors(form, draft, catalog);
  drawGoals(form, draft, catalog);
  drawRows(form, draft, catalog);
}

/**
 * What follows from an answer just given (the author, the cycle, a goal, a key result), changed
 * in place: a control the person is using is never replaced under them.
 */
function syncDynamic(form: HTMLFormElement, draft: Draft, catalog: WriteCatalog): void {
  drawCoAuthors(form, draft, catalog);
  drawGoals(form, draft, catalog);
  syncImpact(form, draft, catalog);
}

/** Everyone but the author, to tick as co-authors. */
function drawCoAuthors(form: HTMLFormElement, draft: Draft, catalog: WriteCatalog): void {
  const co = form.querySelector<HTMLElement>('[data-co-authors]')!;
  const others = catalog.people.filter((person) => person.id !== draft.author);
  if (co.dataset['author'] === draft.author && co.childElementCount === others.length) return;
  co.dataset['author'] = draft.author;
  co.replaceChildren(
    ...others.map((person, index) =>
      el(
        'label',
        { class: 'write-check' },
        el('input', {
          type: 'checkbox',
          name: 'coAuthor',
          value: person.id,
          id: `f-co-${index}`,
          'data-key': 'coAuthors',
          ...(draft.coAuthors.includes(person.id) ? { checked: '' } : {}),
        }),
        ` ${person.name}`,
      ),
    ),
  );
}

interface GoalChoice {
  id: string;
  title: string;
  depth: number;
  keyResults: readonly { id: string; title: string; unit: string }[];
}

/** The cycle's goals as a tree, children under their parent; a chosen goal it lacks comes first. */
function goalChoices(draft: Draft, catalog: WriteCatalog): GoalChoice[] {
  const goals = catalog.goals.filter((g) => g.cycle === draft.cycle);
  const ids = new Set(goals.map((g) => g.id));
  const out: GoalChoice[] = draft.goals
    .filter((pick) => !ids.has(pick.goal))
    .map((pick) => {
      const known = catalog.goals.find((g) => g.id === pick.goal);
      return { id: pick.goal, title: known ? `${known.title} (another cycle)` : pick.goal, depth: 0, keyResults: [] };
    });
  const visit = (parent: string | null, depth: number) => {
    for (const goal of goals.filter((g) => (g.parent !== null && ids.has(g.parent) ? g.parent : null) === parent)) {
      out.push({ id: goal.id, title: goal.title, depth, keyResults: goal.keyResults });
      visit(goal.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

/** Goal rows: drawn anew when the list changes (another cycle), else only ticked and shown. */
function drawGoals(form: HTMLFormElement, draft: Draft, catalog: WriteCatalog): void {
  const choices = goalChoices(draft, catalog);
  const box = form.querySelector<HTMLElement>('[data-goals]')!;
  const drawn = [...box.querySelectorAll<HTMLElement>('[data-goal-row]')].map((row) => row.dataset['goalRow']);
  if (drawn.length !== choices.length || choices.some((choice, i) => drawn[i] !== choice.id)) {
    box.replaceChildren(...choices.map((choice, index) => goalRow(index, choice)));
    if (choices.length === 0) box.append(el('p', { class: 'meta' }, 'This cycle has no goals this site shows.'));
  }
  const picks = new Map(draft.goals.map((pick) => [pick.goal, pick]));
  for (const row of box.querySelectorAll<HTMLElement>('[data-goal-row]')) {
    const pick = picks.get(row.dataset['goalRow']!);
    const box = row.querySelector<HTMLInputElement>('input[name="goal"]')!;
    box.checked = pick !== undefined;
    box.disabled = draft.isUnplanned;
    const kr = row.querySelector<HTMLElement>('[data-kr]');
    if (!kr) continue;
    kr.hidden = pick === undefined || draft.isUnplanned;
    const select = kr.querySelector('select')!;
    if (pick && select.value !== pick.key_result) select.value = pick.key_result;
  }
}

function goalRow(index: number, choice: GoalChoice): HTMLElement {
  const row = el('div', { class: 'write-goal', style: `--depth: ${choice.depth}`, 'data-goal-row': choice.id });
  const id = `f-goal-${index}`;
  row.append(
    el(
      'label',
      { class: 'write-check' },
      el('input', { type: 'checkbox', name: 'goal', value: choice.id, id, 'data-key': 'goals', 'data-structure': '' }),
      ` ${choice.title}`,
    ),
  );
  if (choice.keyResults.length > 0) {
    const select = el(
      'select',
      { id: `${id}-kr`, name: 'goalKeyResult', 'data-goal': choice.id, 'data-key': 'goals', 'data-structure': '' },
      el('option', { value: '' }, 'None in particular'),
      ...choice.keyResults.map((kr) => el('option', { value: kr.id }, `${kr.title} (${kr.unit})`)),
    );
    row.append(
      el(
        'div',
        { class: 'write-kr', 'data-kr': '', hidden: '' },
        el('label', { for: select.id }, 'Key result it moved', el('span', { class: 'visually-hidden' }, ` for “${choice.title}”`)),
        select,
      ),
    );
  }
  return row;
}

/** The key results an impact can name: those of the goals chosen. */
function chosenKeyResults(draft: Draft, catalog: WriteCatalog) {
  return draft.isUnplanned ? [] : draft.goals.flatMap((pick) => catalog.goals.find((g) => g.id === pick.goal)?.keyResults ?? []);
}

/** Impact, evidence and earlier-work rows, each control labelled with its row's number. */
function drawRows(form: HTMLFormElement, draft: Draft, catalog: WriteCatalog): void {
  const impact = draft.impact.map((row, i) => {
    const field = (name: keyof ImpactRow, label: string, attributes: Record<string, string> = {}) => {
      const id = `f-impact-${i}-${name}`;
      return el(
        'div',
        { class: `write-cell write-${name}` },
        el('label', { for: id }, label),
        el('input', { id, name, type: 'text', value: row[name], 'data-key': `impact.${i}.${name}`, autocomplete: 'off', ...attributes }),
      );
    };
    const krSelect = el('select', {
      id: `f-impact-${i}-key_result`,
      name: 'key_result',
      'data-key': `impact.${i}.key_result`,
      'data-structure': '',
    });
    const better = el(
      'select',
      { id: `f-impact-${i}-better`, name: 'better', 'data-key': `impact.${i}.better` },
      el('option', { value: '' }, 'Not said'),
      el('option', { value: 'higher' }, 'Higher'),
      el('option', { value: 'lower' }, 'Lower'),
    );
    better.value = row.better;
    return el(
      'div',
      { class: 'write-row', 'data-row': 'impact' },
      field('metric', `Impact ${i + 1}: what was measured`),
      el('div', { class: 'write-cell write-key_result' }, el('label', { for: krSelect.id }, 'Key result'), krSelect),
      field('before', 'Before', { inputmode: 'decimal' }),
      field('after', 'After', { inputmode: 'decimal' }),
      field('unit', 'Unit'),
      el('div', { class: 'write-cell', 'data-better': '' }, el('label', { for: better.id }, 'Better is'), better),
      removeButton('impact', i, `Remove impact ${i + 1}`),
    );
  });
  const evidence = draft.evidence.map((row, i) =>
    el(
      'div',
      { class: 'write-row', 'data-row': 'evidence' },
      ...(['label', 'url'] as const).map((name) => {
        const id = `f-evidence-${i}-${name}`;
        return el(
          'div',
          { class: `write-cell write-${name}` },
          el('label', { for: id }, name === 'label' ? `Link ${i + 1}: what it shows` : 'Address (https://…)'),
          el('input', {
            id,
            name,
            type: 'text',
            value: row[name],
            'data-key': `evidence.${i}.${name}`,
            autocomplete: 'off',
            ...(name === 'url' ? { inputmode: 'url' } : {}),
          }),
        );
      }),
      removeButton('evidence', i, `Remove link ${i + 1}`),
    ),
  );
  const buildsOn = draft.builds_on.map((value, i) => {
    const id = `f-builds_on-${i}`;
    return el(
      'div',
      { class: 'write-row', 'data-row': 'builds_on' },
      el(
        'div',
        { class: 'write-cell write-label' },
        el('label', { for: id }, `Earlier item ${i + 1} (its id, such as 2026-h1/cut-ci-time)`),
        el('input', { id, name: 'builds_on', type: 'text', value, list: 'write-items', 'data-key': `builds_on.${i}`, autocomplete: 'off' }),
      ),
      removeButton('builds_on', i, `Remove earlier item ${i + 1}`),
    );
  });
  form.querySelector('[data-rows="impact"]')!.replaceChildren(...impact);
  form.querySelector('[data-rows="evidence"]')!.replaceChildren(...evidence);
  form.querySelector('[data-rows="builds_on"]')!.replaceChildren(...buildsOn);
  syncImpact(form, draft, catalog);
}

/**
 * An impact row's key result choices follow the goals chosen; a key result chosen says the unit
 * and which way is better, so those are filled in and locked.
 */
function syncImpact(form: HTMLFormElement, draft: Draft, catalog: WriteCatalog): void {
  const keyResults = chosenKeyResults(draft, catalog);
  const rows = form.querySelectorAll<HTMLElement>('[data-rows="impact"] .write-row');
  draft.impact.forEach((row, i) => {
    const element = rows[i];
    if (!element) return;
    const select = element.querySelector<HTMLSelectElement>('select[name="key_result"]')!;
    const options: [string, string][] = [['', 'None'], ...keyResults.map((kr): [string, string] => [kr.id, kr.title])];
    // A key result no chosen goal has stays on offer while it is chosen, for the check to report.
    if (row.key_result !== '' && !keyResults.some((kr) => kr.id === row.key_result)) options.push([row.key_result, row.key_result]);
    if ([...select.options].map((o) => o.value).join('\n') !== options.map(([value]) => value).join('\n'))
      select.replaceChildren(...options.map(([value, label]) => el('option', { value }, label)));
    select.value = row.key_result;
    const kr = keyResults.find((k) => k.id === row.key_result);
    const unit = element.querySelector<HTMLInputElement>('input[name="unit"]')!;
    unit.readOnly = kr !== undefined;
    if (kr) unit.value = kr.unit;
    element.querySelector<HTMLElement>('[data-better]')!.hidden = kr !== undefined;
  });
}

function removeButton(rows: Rows, index: number, label: string): HTMLElement {
  return el(
    'button',
    { type: 'button', class: 'write-remove', 'data-remove': rows, 'data-index': String(index), 'aria-label': label },
    'Remove',
  );
}

/** The draft as the form holds it now. */
function readForm(form: HTMLFormElement, previous: Draft): Draft {
  const value = (id: string) => form.querySelector<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(`#${id}`)?.value ?? '';
  const checked = (selector: string) => [...form.querySelectorAll<HTMLInputElement>(selector)].filter((box) => box.checked);
  const radio = (name: string) => checked(`input[name="${name}"]`)[0]?.value;
  const author = value('f-author');
  const goals = checked('input[name="goal"]').map((box) => ({
    goal: box.value,
    key_result:
      form.querySelector<HTMLSelectElement>(`select[data-goal="${CSS.escape(box.value)}"]`)?.value ?? previousKr(previous, box.value),
  }));
  const rows = (kind: Rows) => [...form.querySelectorAll<HTMLElement>(`[data-rows="${kind}"] .write-row`)];
  const inRow = (row: HTMLElement, name: string) =>
    row.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`)?.value ?? '';
  const sections: Record<string, string> = {};
  for (const area of form.querySelectorAll<HTMLTextAreaElement>('textarea[data-heading]')) sections[area.dataset['heading']!] = area.value;
  return {
    author,
    coAuthors: checked('input[name="coAuthor"]')
      .map((box) => box.value)
      .filter((id) => id !== author),
    cycle: value('f-cycle'),
    title: value('f-title'),
    summary: value('f-summary'),
    isUnplanned: form.querySelector<HTMLInputElement>('#f-isUnplanned')!.checked,
    // Goals of another cycle stay chosen (and reported) until the person unticks them.
    goals,
    unplanned: value('f-unplanned'),
    outcome: (radio('outcome') as Draft['outcome'] | undefined) ?? previous.outcome,
    impact: rows('impact').map((row) => ({
      metric: inRow(row, 'metric'),
      key_result: inRow(row, 'key_result'),
      before: inRow(row, 'before'),
      after: inRow(row, 'after'),
      unit: inRow(row, 'unit'),
      better: (inRow(row, 'better') as ImpactRow['better'] | '') || '',
    })),
    evidence: rows('evidence').map((row) => ({ label: inRow(row, 'label'), url: inRow(row, 'url') })),
    tags: value('f-tags'),
    builds_on: rows('builds_on').map((row) => inRow(row, 'builds_on')),
    visibility: (radio('visibility') as Draft['visibility'] | undefined) ?? previous.visibility,
    date: value('f-date'),
    slug: value('f-slug'),
    sections,
  };
}

function previousKr(previous: Draft, goal: string): string {
  return previous.goals.find((g) => g.goal === goal)?.key_result ?? '';
}

/** The control a problem's field names, if the form has one. */
function controlFor(form: HTMLFormElement, field: string, draft: Draft): HTMLElement | null {
  const [key, index, sub] = field.split('.');
  if (key === 'goals' && index !== undefined) {
    const goal = draft.goals[Number(index)]?.goal;
    const box = [...form.querySelectorAll<HTMLInputElement>('input[name="goal"]')].find((b) => b.value === goal);
    if (box && sub === 'key_result') return form.querySelector(`#${box.id}-kr`) ?? box;
    return box ?? null;
  }
  if (key === 'goals') return form.querySelector('input[name="goal"]:not([disabled])') ?? form.querySelector('#f-isUnplanned');
  if (key === 'sections') return form.querySelector(`textarea[data-heading="${CSS.escape(field.slice('sections.'.length))}"]`);
  if (key === 'coAuthors') return form.querySelector('input[name="coAuthor"]');
  if (key === 'outcome' || key === 'visibility') return form.querySelector(`input[name="${key}"]`);
  if ((key === 'impact' || key === 'evidence') && index !== undefined)
    return form.querySelector(`#f-${key}-${index}-${sub ?? (key === 'impact' ? 'metric' : 'label')}`);
  if (key === 'impact' || key === 'evidence' || key === 'builds_on')
    return index === undefined ? form.querySelector(`[data-add="${key}"]`) : form.querySelector(`#f-builds_on-${index}`);
  return form.querySelector(`#f-${key ?? ''}`);
}

/** Each problem beside its control (`aria-describedby`, `aria-invalid`), where `shown` lets it. */
function showProblems(form: HTMLFormElement, draft: Draft, problems: readonly FieldProblem[], shown: (field: string) => boolean): void {
  for (const old of form.querySelectorAll('.field-error')) old.remove();
  for (const control of form.querySelectorAll<HTMLElement>('[aria-invalid]')) {
    control.removeAttribute('aria-invalid');
    const kept = (control.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id !== '' && !id.startsWith('e-'));
    if (kept.length > 0) control.setAttribute('aria-describedby', kept.join(' '));
    else control.removeAttribute('aria-describedby');
  }
  for (const problem of problems) {
    if (!shown(problem.field)) continue;
    const control = controlFor(form, problem.field, draft);
    if (!control) continue;
    const id = `e-${control.id || problem.field.replace(/[^\w-]/g, '-')}`;
    let note = form.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
    if (!note) {
      note = el('p', { class: `field-error ${problem.severity}`, id });
      // In a row, below the whole row: a note inside one cell would push the row's cells apart.
      (control.closest('.write-row, .write-goal, .field') ?? control.parentElement!).append(note);
    }
    note.append(el('span', {}, problemText(problem)));
    if (problem.severity === 'error') control.setAttribute('aria-invalid', 'true');
    const described = new Set((control.getAttribute('aria-describedby') ?? '').split(' ').filter((x) => x !== ''));
    described.add(id);
    control.setAttribute('aria-describedby', [...described].join(' '));
  }
}

function problemText(problem: FieldProblem): string {
  return problem.hint ? `${problem.message} (${problem.hint})` : problem.message;
}

/**
 * Every problem at the top, each a link to its field. Asked for, the focus moves there so it is
 * read out; once shown, it follows the answers, and goes when the last problem is fixed.
 */
function summarize(form: HTMLFormElement, draft: Draft, problems: readonly FieldProblem[], status: HTMLElement, asked = true): void {
  const summary = form.querySelector<HTMLElement>('[data-summary]')!;
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length === 0) {
    summary.hidden = true;
    if (asked) status.textContent = 'Fill in the answers above to get the file.';
    return;
  }
  const list = el('ul');
  for (const problem of errors) {
    const control = controlFor(form, problem.field, draft);
    const text = problemText(problem);
    list.append(el('li', {}, control?.id ? el('a', { href: `#${control.id}` }, text) : text));
  }
  summary.replaceChildren(
    el('h2', {}, errors.length === 1 ? '1 problem to fix before proposing' : `${errors.length} problems to fix before proposing`),
    list,
  );
  summary.hidden = false;
  if (asked) summary.focus();
}

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/markdown;charset=utf-8' }));
  const link = el('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
