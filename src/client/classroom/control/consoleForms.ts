/**
 * The console's two written commands: an inject (title, text and effects chosen from
 * the menu cards use) and an adjudication (a track or a relation, a value, a reason).
 * Each is checked by the rules before it is sent (the console's `send`), and the form
 * says why in place when it is refused; it is cleared once sent.
 */
import { checkInjectEffects } from '../../../game/injects.js';
import { PAIRS, POWERS, type PairKey, type PowerId } from '../../../game/powers.js';
import type { Reason } from '../../../game/reasons.js';
import { TRACKS, type TrackId } from '../../../game/types.js';
import type { Effect, Scenario } from '../../../scenario/schema.js';
import { effectText } from '../../../view/effectText.js';
import { buildEffect, EFFECT_KINDS, EFFECT_MENU, flagChoices, injectKinds, typedWhole, type EffectField, type EffectKind, type FieldValues } from '../../../view/injectMenu.js';
import { theatreName } from '../../../view/names.js';
import { CONSOLE, EFFECT_MENU_TEXT } from '../../../view/text/en-control.js';
import { POWER_NAME, TRACK_NAME, reasonText } from '../../../view/text/en.js';
import { RELATION_TEXT } from '../../../view/text/en-game.js';
import { formError } from '../../ui/lobby/lobbyDom.js';
import { el } from '../../ui/screenDom.js';

/** Sends a command: why it was refused, or null once it is sent. */
export type Send = (command: Record<string, unknown>) => Reason | null;

function field(id: string, label: string, control: HTMLElement): HTMLElement {
  return el('div', { class: 'field' }, el('label', { for: id }, label), control);
}

/** An effect's fields as form controls; `read` collects their values. */
function effectFields(sc: Scenario, kind: EffectKind): { element: HTMLElement; read(): FieldValues } {
  const controls = EFFECT_MENU[kind].map((f) => ({ f, control: fieldControl(sc, f) }));
  return {
    element: el(
      'div',
      { class: 'effect-fields' },
      ...controls.map(({ f, control }) =>
        f.type === 'covert' ? el('label', { class: 'check', for: control.id }, control, ` ${EFFECT_MENU_TEXT.fields[f.name]}`) : field(control.id, EFFECT_MENU_TEXT.fields[f.name]!, control),
      ),
    ),
    read: () => Object.fromEntries(controls.map(({ f, control }) => [f.name, control instanceof HTMLInputElement && control.type === 'checkbox' ? control.checked : (control as HTMLInputElement).value])),
  };
}

function fieldControl(sc: Scenario, f: EffectField): HTMLInputElement | HTMLSelectElement {
  const id = `effect-${f.name}`;
  const options = (pairs: Array<[string, string]>) => el('select', { id, class: 'select', 'data-testid': `effect-${f.name}` }, ...pairs.map(([value, label]) => el('option', { value }, label)));
  switch (f.type) {
    case 'track':
      return options(TRACKS.map((t) => [t, TRACK_NAME[t]]));
    case 'power':
      // "With" and "To" start on another power than the first field, the usual case.
      return options((f.name === 'other' || f.name === 'to' ? [...POWERS.slice(1), POWERS[0]] : POWERS).map((p) => [p, POWER_NAME[p]]));
    case 'theatre':
      return options(sc.theatres.map((t) => [t.id, theatreName(sc, t.id)]));
    case 'theatreOrAll':
      return options([['ALL', EFFECT_MENU_TEXT.fields.everywhere!], ...sc.theatres.map((t): [string, string] => [t.id, theatreName(sc, t.id)])]);
    case 'covert':
      return el('input', { id, type: 'checkbox', 'data-testid': `effect-${f.name}` });
    case 'flag':
      return options(flagChoices(sc));
    default:
      // delta, amount
      return el('input', { id, type: 'number', class: 'text-input number-input', step: '1', value: '1', 'data-testid': `effect-${f.name}` });
  }
}

export function injectForm(sc: Scenario, send: Send): HTMLFormElement {
  const title = el('input', { id: 'inject-title', type: 'text', class: 'text-input', maxlength: '120', autocomplete: 'off', 'data-testid': 'inject-title' });
  const text = el('textarea', { id: 'inject-text', class: 'text-input', rows: '3', maxlength: '2000', 'data-testid': 'inject-text' });
  const effects: Effect[] = [];
  const list = el('ul', { class: 'effect-list', 'data-testid': 'inject-effects' });
  const kind = el(
    'select',
    { id: 'effect-kind', class: 'select', 'data-testid': 'effect-kind' },
    ...injectKinds(sc).map((k) => el('option', { value: k }, EFFECT_MENU_TEXT.kinds[k])),
  );
  const fieldsBox = el('div', {});
  let fields = effectFields(sc, 'track');
  fieldsBox.append(fields.element);
  kind.addEventListener('change', () => {
    fields = effectFields(sc, EFFECT_KINDS.find((k) => k === kind.value) ?? 'track');
    fieldsBox.replaceChildren(fields.element);
  });
  const effectError = formError('effect-error');
  const error = formError('inject-error');

  const drawList = () => {
    list.replaceChildren(
      ...(effects.length
        ? effects.map((effect, index) => {
            const words = effectText(sc, effect, { self: 'chooser' });
            const remove = el('button', { type: 'button', class: 'button small', 'aria-label': CONSOLE.removeEffect(words) }, CONSOLE.remove);
            remove.addEventListener('click', () => {
              effects.splice(index, 1);
              drawList();
              add.focus();
            });
            return el('li', {}, el('span', {}, words), remove);
          })
        : [el('li', { class: 'hint' }, CONSOLE.effectsNone)]),
    );
  };
  const add = el('button', { type: 'button', class: 'button', 'data-testid': 'add-effect' }, CONSOLE.addEffect);
  add.addEventListener('click', () => {
    const raw = buildEffect(EFFECT_KINDS.find((k) => k === kind.value) ?? 'track', fields.read());
    // The rules read it as they will read the whole inject: on the menu, naming real powers and theatres.
    const checked = checkInjectEffects(sc, [raw]);
    if (!checked.ok) return effectError.show(reasonText(checked.reason));
    effectError.show(null);
    effects.push(checked.effects[0]!);
    drawList();
  });
  drawList();

  const form = el(
    'form',
    { class: 'inject-form', novalidate: true, 'aria-labelledby': 'written-title', 'data-testid': 'inject-form' },
    el('h3', { id: 'written-title' }, CONSOLE.writtenTitle),
    el('p', { class: 'hint' }, CONSOLE.writtenHint),
    field('inject-title', CONSOLE.injectTitleLabel, title),
    field('inject-text', CONSOLE.injectTextLabel, text),
    el(
      'fieldset',
      { class: 'field effects' },
      el('legend', {}, CONSOLE.effectsLegend),
      list,
      field('effect-kind', CONSOLE.effectKind, kind),
      fieldsBox,
      el('div', { class: 'actions' }, add),
      effectError.element,
    ),
    error.element,
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'button primary', 'data-testid': 'send-inject' }, CONSOLE.sendInject)),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const refused = send({ kind: 'inject', title: title.value, text: text.value, effects: [...effects] });
    error.show(refused ? reasonText(refused) : null);
    if (refused) return;
    title.value = '';
    text.value = '';
    effects.length = 0;
    drawList();
  });
  return form;
}

/** The things Control may set: the four tracks, then the fifteen relations. */
function subjects(): Array<{ value: string; label: string; of: { track: TrackId } | { relation: [PowerId, PowerId] } }> {
  return [
    ...TRACKS.map((track) => ({ value: track, label: CONSOLE.trackSubject(TRACK_NAME[track]), of: { track } })),
    ...PAIRS.map((key: PairKey) => {
      const [a, b] = key.split('-') as [PowerId, PowerId];
      return { value: key, label: CONSOLE.relationSubject(RELATION_TEXT.pair(POWER_NAME[a], POWER_NAME[b])), of: { relation: [a, b] as [PowerId, PowerId] } };
    }),
  ];
}

export function adjudicateForm(send: Send): HTMLFormElement {
  const choices = subjects();
  const subject = el('select', { id: 'adjudicate-subject', class: 'select', 'data-testid': 'adjudicate-subject' }, ...choices.map((c) => el('option', { value: c.value }, c.label)));
  const value = el('input', { id: 'adjudicate-value', type: 'number', class: 'text-input number-input', step: '1', 'data-testid': 'adjudicate-value' });
  const reason = el('textarea', { id: 'adjudicate-reason', class: 'text-input', rows: '2', maxlength: '500', 'data-testid': 'adjudicate-reason' });
  const error = formError('adjudicate-error');
  const form = el(
    'form',
    { class: 'adjudicate-form', novalidate: true, 'aria-label': CONSOLE.adjudicateTitle, 'data-testid': 'adjudicate-form' },
    el('p', { class: 'hint' }, CONSOLE.adjudicateHint),
    field('adjudicate-subject', CONSOLE.subjectLabel, subject),
    field('adjudicate-value', CONSOLE.valueLabel, value),
    field('adjudicate-reason', CONSOLE.reasonLabel, reason),
    error.element,
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'button primary', 'data-testid': 'send-adjudicate' }, CONSOLE.sendAdjudicate)),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = choices.find((c) => c.value === subject.value) ?? choices[0]!;
    const refused = send({ kind: 'adjudicate', ...chosen.of, value: typedWhole(value.value), reason: reason.value });
    error.show(refused ? reasonText(refused) : null);
    if (refused) return;
    value.value = '';
    reason.value = '';
  });
  return form;
}
