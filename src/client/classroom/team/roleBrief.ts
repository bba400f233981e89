/**
 * A team's role brief on paper and on screen: shown in the waiting room, and over the
 * game in a dialog. "Print" prints the brief alone (team.css has the print styles);
 * the secret agenda is in it only when the brief was drawn from the seat's own view.
 */
import type { BriefModel } from '../../../view/briefModel.js';
import { POWER_STYLE } from '../../../view/palette.js';
import { TEAM_BRIEF } from '../../../view/text/en-team.js';
import { showModal } from '../../ui/rulesPage.js';
import { el, powerSwatch } from '../../ui/screenDom.js';

export function roleBrief(model: BriefModel, headingLevel: 'h1' | 'h2', ...actions: HTMLElement[]): HTMLElement {
  const print = el('button', { type: 'button', class: 'button', 'data-testid': 'print-brief' }, TEAM_BRIEF.print);
  print.addEventListener('click', () => window.print());
  const sub = headingLevel === 'h1' ? 'h2' : 'h3';
  return el(
    'article',
    { class: 'panel role-brief', 'data-testid': 'role-brief', 'data-power': model.power, 'aria-labelledby': 'brief-title' },
    el(
      'header',
      { class: 'brief-header' },
      el(headingLevel, { id: 'brief-title', class: 'brief-title' }, powerSwatch(POWER_STYLE[model.power], 26), ` ${model.title}`),
      el('p', { class: 'hint' }, model.scenario),
      el('div', { class: 'brief-actions' }, print, ...actions),
    ),
    el('section', {}, el(sub, {}, TEAM_BRIEF.interestsTitle), el('p', { class: 'brief-interests' }, model.interests), el('p', {}, model.bloc)),
    model.people.length > 0
      ? el(
          'section',
          { 'data-testid': 'brief-people' },
          el(sub, {}, TEAM_BRIEF.peopleTitle),
          el('ul', { class: 'brief-people' }, ...model.people.map((p) => el('li', {}, el('strong', {}, p.name), ` — ${p.role}`))),
        )
      : null,
    el(
      'section',
      {},
      el(sub, {}, TEAM_BRIEF.objectivesTitle),
      el('ul', { class: 'brief-objectives' }, ...model.objectives.map((o) => el('li', {}, o.label, el('span', { class: 'brief-points' }, ` — ${o.points}`)))),
    ),
    el(
      'section',
      { class: 'brief-start' },
      el('div', {}, el(sub, {}, TEAM_BRIEF.startTitle), el('ul', {}, ...model.start.map((line) => el('li', {}, line)))),
      el('div', {}, el(sub, {}, TEAM_BRIEF.relationsTitle), el('ul', {}, ...model.relations.map((r) => el('li', {}, r.text)))),
    ),
    el(
      'section',
      { class: 'brief-agenda', 'data-testid': 'brief-agenda' },
      el(sub, {}, TEAM_BRIEF.agendaTitle),
      model.agenda
        ? el('div', {}, el('p', {}, el('strong', {}, model.agenda.title), ` — ${model.agenda.text}`), el('p', { class: 'hint' }, model.agenda.points))
        : el('p', { class: 'hint' }, TEAM_BRIEF.agendaPending),
    ),
  );
}

/** The brief over the game: a modal dialog on <body>, so the game screen's redraws leave it be; Escape closes it. */
export function openBriefDialog(doc: Document, model: BriefModel): void {
  if (doc.querySelector('dialog.brief-dialog')) return;
  const close = el('button', { type: 'button', class: 'button', 'data-testid': 'close-brief' }, TEAM_BRIEF.close);
  showModal(el('dialog', { class: 'rules-dialog brief-dialog', 'aria-labelledby': 'brief-title' }, roleBrief(model, 'h1', close)), close);
}
