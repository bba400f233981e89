/**
 * The form that creates an online match: the scenario, who plays each seat (people
 * or a bot of a chosen level), whether the match is listed publicly, and the host's
 * settings (chat, grace period, round timer).
 */
import { BOT_LEVELS, isBotLevel } from '../../../bots/levels.js';
import { POWERS, type PowerId } from '../../../game/powers.js';
import { POWER_STYLE } from '../../../view/palette.js';
import { POWER_NAME } from '../../../view/text/en.js';
import { LOBBY } from '../../../view/text/en-lobby.js';
import type { CreateMatch, ScenarioSummary } from '../../net/lobbyApi.js';
import { el, powerSwatch } from '../screenDom.js';
import { NEW_MATCH_SETTINGS } from '../../../view/settingsLimits.js';
import { formError } from './lobbyDom.js';
import { settingsFields } from './settingsFields.js';

type SeatRequest = NonNullable<CreateMatch['seats']>[PowerId];

/** A seat's choice as one select value: 'open', or a bot level. */
const OPEN = 'open';

export function createForm(scenarios: ScenarioSummary[], onCreate: (request: CreateMatch) => Promise<void>): HTMLFormElement {
  const scenario = el(
    'select',
    { id: 'create-scenario', name: 'scenario', class: 'select', 'data-testid': 'create-scenario' },
    ...scenarios.map((sc) => el('option', { value: sc.id }, sc.title)),
  );
  const seatSelects = POWERS.map((power) => {
    const id = `seat-${power}`;
    const select = el(
      'select',
      { id, name: id, class: 'select', 'data-testid': 'seat-kind', 'data-power': power, 'aria-label': LOBBY.seatLabel(POWER_NAME[power]) },
      el('option', { value: OPEN, selected: true }, LOBBY.seatOpen),
      ...BOT_LEVELS.map((level) => el('option', { value: level }, LOBBY.seatBot(LOBBY.botLevel[level]))),
    );
    const row = el('div', { class: 'seat-choice' }, el('label', { for: id, class: 'seat-choice-label' }, powerSwatch(POWER_STYLE[power], 18), ` ${POWER_NAME[power]}`), select);
    return { power, select, row };
  });
  const publicBox = el('input', { type: 'checkbox', id: 'create-public', name: 'public', 'data-testid': 'create-public' });
  const settings = settingsFields('create', NEW_MATCH_SETTINGS);
  const submit = el('button', { type: 'submit', class: 'button primary big', 'data-testid': 'create-match' }, LOBBY.create);
  const error = formError('create-error');

  const form = el(
    'form',
    { class: 'panel lobby-form', 'data-testid': 'create-form', novalidate: true, 'aria-labelledby': 'create-title' },
    el('h2', { id: 'create-title' }, LOBBY.createTitle),
    el('div', { class: 'field' }, el('label', { for: 'create-scenario' }, LOBBY.scenarioLabel), scenario),
    el(
      'fieldset',
      { class: 'field', 'aria-describedby': 'seats-hint' },
      el('legend', {}, LOBBY.seatsLegend),
      el('p', { id: 'seats-hint', class: 'hint' }, LOBBY.seatsHint),
      el('div', { class: 'seat-choices' }, ...seatSelects.map((s) => s.row)),
    ),
    el('div', { class: 'field' }, el('label', { class: 'check', for: 'create-public' }, publicBox, ` ${LOBBY.publicLabel}`)),
    settings.element,
    error.element,
    el('div', { class: 'actions' }, submit),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const seats: Partial<Record<PowerId, SeatRequest>> = {};
    for (const { power, select } of seatSelects) {
      seats[power] = isBotLevel(select.value) ? { kind: 'bot', level: select.value } : { kind: 'open', level: 'normal' };
    }
    const chosen = settings.read();
    if ('problem' in chosen) return error.show(chosen.problem);
    submit.disabled = true;
    submit.textContent = LOBBY.creating;
    error.show(null);
    onCreate({ scenario: scenario.value, public: publicBox.checked, seats, settings: chosen }).catch((problem: Error) => {
      submit.disabled = false;
      submit.textContent = LOBBY.create;
      error.show(problem.message);
      submit.focus();
    });
  });
  return form;
}
