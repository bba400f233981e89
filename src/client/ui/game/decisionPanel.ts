/**
 * A headline's or crisis's decision for this seat: the prompt and each option as a
 * button with what it does. Once chosen, the choice and who is still deciding; for
 * seats not asked, who is deciding what.
 */
import type { DecisionModel } from '../../../view/cardModel.js';
import { DECISION_TEXT } from '../../../view/text/en-game.js';
import { el } from '../screenDom.js';
import { button, sentences } from './dom.js';

/**
 * `chosenByOther`: for a team member who may not choose, the sentence naming who does; the options are shown to talk over, not to press.
 * `offline`: the connection is down; a choice made now waits on this device (RemoteMatch's outbox), and each option says so.
 */
export function decisionChoices(
  decision: DecisionModel,
  message: string | null,
  onChoose: (option: string) => void,
  chosenByOther: string | null = null,
  offline = false,
): HTMLElement {
  const canChoose = chosenByOther === null;
  return el(
    'div',
    { class: 'decision' },
    el('p', { class: 'decision-prompt' }, decision.prompt),
    chosenByOther ? el('p', { class: 'locked-by-other', 'data-testid': 'locked-by-other' }, chosenByOther) : null,
    offline && canChoose ? el('p', { class: 'offline-note', 'data-testid': 'offline-note' }, DECISION_TEXT.offline) : null,
    el(
      'ul',
      { class: 'decision-options' },
      ...decision.options.map((o) =>
        el(
          'li',
          {},
          button(
            {
              focus: `decide:${o.id}`,
              testid: 'decision-option',
              className: 'decision-option',
              disabled: !canChoose,
              onClick: () => onChoose(o.id),
              attrs: { 'data-option': o.id, 'data-offline': offline ? 'true' : undefined },
            },
            el('span', { class: 'option-label' }, o.label),
            o.effects.length ? el('span', { class: 'option-effects' }, o.effects.join(' · ')) : null,
            offline && canChoose ? el('span', { class: 'option-offline' }, DECISION_TEXT.offlineOption) : null,
          ),
        ),
      ),
    ),
    decision.outcomes.length
      ? el('ul', { class: 'decision-outcomes' }, ...decision.outcomes.map((o) => el('li', {}, el('strong', {}, `${o.when}: `), o.text, sentences(o.effects, 'effects'))))
      : null,
    el('p', { class: 'builder-message', role: 'status' }, message ?? ''),
  );
}

/** Chosen while offline: the choice waits on this device until the connection is back. */
export function decisionQueued(label: string): HTMLElement {
  return el('div', { class: 'decision done queued', 'data-testid': 'queued-move' }, el('p', { class: 'offline-note' }, DECISION_TEXT.queued(label)));
}

export function decisionMade(label: string, waitingFor: string | null): HTMLElement {
  return el('div', { class: 'decision done' }, el('p', {}, DECISION_TEXT.yourChoice(label)), waitingFor ? el('p', { class: 'muted' }, waitingFor) : null);
}

export function othersDeciding(names: readonly string[], prompt: string): HTMLElement {
  return el('div', { class: 'decision others' }, el('p', {}, DECISION_TEXT.othersDeciding(names, prompt)), el('p', { class: 'muted' }, DECISION_TEXT.ordersNext));
}
