/**
 * Scores: every power's points and public resources, then this seat's objectives (met
 * or not right now, with a mark and words) and its secret agenda, marked secret.
 */
import type { AgendaModel, ObjectiveModel, ScoreRow } from '../../../view/seatModel.js';
import { POWER_STYLE } from '../../../view/palette.js';
import { CARD_TEXT, PANEL, SCORE_TEXT } from '../../../view/text/en-game.js';
import { el, powerSwatch } from '../screenDom.js';
import { panel } from './dom.js';

function scoreTable(rows: readonly ScoreRow[]): HTMLElement {
  const num = (n: number) => el('td', { class: 'num' }, String(n));
  return el(
    'table',
    { class: 'score-table' },
    el('caption', { class: 'visually-hidden' }, SCORE_TEXT.caption),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', { scope: 'col' }, SCORE_TEXT.power),
        ...[SCORE_TEXT.vp, SCORE_TEXT.capital, SCORE_TEXT.reserve, SCORE_TEXT.cards].map((h) => el('th', { scope: 'col', class: 'num' }, h)),
      ),
    ),
    el(
      'tbody',
      {},
      ...rows.map((r) =>
        el(
          'tr',
          { class: r.isYou ? 'you' : '', 'data-power': r.power },
          el('th', { scope: 'row' }, powerSwatch(POWER_STYLE[r.power], 14), ` ${r.name}`, r.isYou ? ` ${SCORE_TEXT.you}` : ''),
          num(r.vp),
          num(r.capital),
          num(r.reserve),
          num(r.cards),
        ),
      ),
    ),
  );
}

function objectiveList(objectives: readonly ObjectiveModel[]): HTMLElement {
  return el(
    'ul',
    { class: 'objective-list' },
    ...objectives.map((o) =>
      el(
        'li',
        { class: o.met ? 'met' : 'not-met', 'data-objective': o.id },
        el('span', { class: 'objective-state' }, o.stateText),
        el('span', { class: 'objective-label' }, o.label),
        o.met ? el('span', { class: 'objective-points' }, SCORE_TEXT.points(o.points)) : null,
      ),
    ),
  );
}

function agendaBox(agenda: AgendaModel): HTMLElement {
  return el(
    'div',
    { class: 'agenda', 'data-testid': 'agenda' },
    el('h3', {}, PANEL.agenda, ' ', el('span', { class: 'badge badge-secret' }, CARD_TEXT.secret)),
    el('p', { class: 'agenda-title' }, agenda.title),
    el('p', {}, agenda.text),
    el('p', { class: 'muted' }, agenda.pointsText),
    el('p', { class: agenda.onTrack ? 'objective-state met' : 'objective-state not-met' }, agenda.stateText),
  );
}

/** `objectives` null: a spectator, who has none of their own, sees the scores alone. */
export function objectivesPanel(scores: readonly ScoreRow[], objectives: readonly ObjectiveModel[] | null, agenda: AgendaModel | null): HTMLElement {
  return panel(
    'scores',
    PANEL.scores,
    { 'data-testid': 'objectives', class: 'objectives-panel' },
    scoreTable(scores),
    objectives ? el('h3', {}, PANEL.objectives) : null,
    objectives ? el('p', { class: 'muted' }, SCORE_TEXT.scoredEachRound) : null,
    objectives ? objectiveList(objectives) : null,
    agenda ? agendaBox(agenda) : null,
  );
}
