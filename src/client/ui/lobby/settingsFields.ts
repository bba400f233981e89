/**
 * The host's match settings as form controls, in the create form and the waiting
 * room: chat on or off, the grace period before a bot stands in for a player whose
 * connection is lost, and an optional round timer. Limits are the lobby API's.
 */
import type { MatchSettings } from '../../net/lobbyApi.js';
import { SETTING_LIMITS, SUGGESTED_ROUND_SECONDS } from '../../../view/settingsLimits.js';
import { LOBBY } from '../../../view/text/en-lobby.js';
import { el } from '../screenDom.js';

export interface SettingsFields {
  element: HTMLFieldSetElement;
  /** The settings as entered, or what is wrong with them (the offending control is marked and focused). */
  read(): MatchSettings | { problem: string };
  set(settings: MatchSettings): void;
}

/** `prefix` keeps ids apart; `onInput` hears every change the person makes. */
export function settingsFields(prefix: string, initial: MatchSettings, onInput: () => void = () => undefined): SettingsFields {
  const id = (name: string) => `${prefix}-${name}`;
  const { graceSeconds: grace, roundSeconds: round } = SETTING_LIMITS;
  const chat = el('input', { type: 'checkbox', id: id('chat'), 'data-testid': 'setting-chat' });
  const number = (name: string, limits: { min: number; max: number }, hint: string) =>
    el('input', {
      type: 'number',
      id: id(name),
      class: 'text-input number-input',
      'data-testid': `setting-${name}`,
      min: String(limits.min),
      max: String(limits.max),
      step: '1',
      inputmode: 'numeric',
      'aria-describedby': id(hint),
    });
  const graceInput = number('grace', grace, 'grace-hint');
  const timer = el('input', { type: 'checkbox', id: id('timer'), 'data-testid': 'setting-timer', 'aria-controls': id('round-seconds') });
  const roundInput = number('round-seconds', round, 'round-hint');

  const element = el(
    'fieldset',
    { class: 'field settings-fields', 'data-testid': 'settings-fields' },
    el('legend', {}, LOBBY.settingsLegend),
    el('div', { class: 'field' }, el('label', { class: 'check', for: id('chat') }, chat, ` ${LOBBY.chatLabel}`)),
    el(
      'div',
      { class: 'field' },
      el('label', { for: id('grace') }, LOBBY.graceLabel),
      el('span', { class: 'unit-row' }, graceInput, ` ${LOBBY.seconds}`),
      el('p', { id: id('grace-hint'), class: 'hint' }, LOBBY.graceHint(grace.min, grace.max)),
    ),
    el(
      'div',
      { class: 'field' },
      el('label', { class: 'check', for: id('timer') }, timer, ` ${LOBBY.timerLabel}`),
      el('label', { for: id('round-seconds'), class: 'sub-label' }, LOBBY.roundSecondsLabel),
      el('span', { class: 'unit-row' }, roundInput, ` ${LOBBY.seconds}`),
      el('p', { id: id('round-hint'), class: 'hint' }, LOBBY.roundHint(round.min, round.max)),
    ),
  );
  const syncTimer = () => (roundInput.disabled = !timer.checked);
  timer.addEventListener('change', syncTimer);
  element.addEventListener('input', onInput);
  element.addEventListener('change', onInput);

  /** A whole number within limits, or null after marking the control. */
  const whole = (input: HTMLInputElement, limits: { min: number; max: number }): number | null => {
    const value = Number(input.value);
    const ok = input.value.trim() !== '' && Number.isInteger(value) && value >= limits.min && value <= limits.max;
    if (ok) input.removeAttribute('aria-invalid');
    else input.setAttribute('aria-invalid', 'true');
    return ok ? value : null;
  };

  const fields: SettingsFields = {
    element,
    read() {
      const graceSeconds = whole(graceInput, grace);
      if (graceSeconds === null) {
        graceInput.focus();
        return { problem: LOBBY.graceInvalid(grace.min, grace.max) };
      }
      if (!timer.checked) return { chat: chat.checked, graceSeconds, roundSeconds: null };
      const roundSeconds = whole(roundInput, round);
      if (roundSeconds === null) {
        roundInput.focus();
        return { problem: LOBBY.roundInvalid(round.min, round.max) };
      }
      return { chat: chat.checked, graceSeconds, roundSeconds };
    },
    set(settings) {
      chat.checked = settings.chat;
      graceInput.value = String(settings.graceSeconds);
      timer.checked = settings.roundSeconds !== null;
      // Off keeps the last number typed, so turning the timer on again offers it.
      if (settings.roundSeconds !== null) roundInput.value = String(settings.roundSeconds);
      else if (!roundInput.value) roundInput.value = String(SUGGESTED_ROUND_SECONDS);
      syncTimer();
    },
  };
  fields.set(initial);
  return fields;
}
