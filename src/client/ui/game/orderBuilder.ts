/**
 * The order builder. It offers only what `legalOrders` allows (through the builder
 * model): the kinds of order, each with its help or the reason it is closed; the forms
 * of the open kind with their costs; the orders chosen so far with remove buttons;
 * and the submit button, enabled at exactly the number of orders the round asks for.
 */
import type { Order, OrderKind } from '../../../game/types.js';
import type { BuilderModel, FormGroup, KindChoice } from '../../../view/orderModel.js';
import { ORDER_TEXT } from '../../../view/text/en-game.js';
import { el } from '../screenDom.js';
import { button } from './dom.js';

export interface BuilderActions {
  onKind(kind: OrderKind | null): void;
  onAdd(order: Order): void;
  onRemove(index: number): void;
  onSubmit(): void;
  /** The theatre a deploy or withdraw option is about, while it has focus or the pointer (for the map). */
  onPoint(theatre: string | null): void;
}

/** The key a chosen order is found by again after a redraw. */
export const orderKey = (order: Order) => JSON.stringify(order);

function chosenList(model: BuilderModel, act: BuilderActions): HTMLElement {
  const slots: HTMLElement[] = [];
  for (let i = 0; i < model.limit; i++) {
    const chosen = model.chosen[i];
    const slot = el('span', { class: 'slot-number' }, ORDER_TEXT.slot(i + 1, model.limit));
    if (!chosen) {
      slots.push(el('li', { class: 'chosen empty' }, slot, el('span', { class: 'muted' }, '—')));
      continue;
    }
    slots.push(
      el(
        'li',
        { class: 'chosen', 'data-testid': 'chosen-order', 'data-order': orderKey(chosen.order) },
        slot,
        el('span', { class: 'chosen-text' }, chosen.text),
        el('span', { class: 'cost' }, ORDER_TEXT.cost(chosen.cost)),
        button(
          { focus: `remove:${i}`, onClick: () => act.onRemove(i), className: 'small', attrs: { 'aria-label': ORDER_TEXT.removeLabel(chosen.text) } },
          ORDER_TEXT.remove,
        ),
      ),
    );
  }
  return el('ol', { class: 'chosen-orders', 'aria-label': ORDER_TEXT.chosenHeading }, ...slots);
}

function optionButton(option: FormGroup['options'][number], act: BuilderActions): HTMLButtonElement {
  const node = button(
    {
      focus: `option:${orderKey(option.order)}`,
      testid: 'option',
      className: 'order-option',
      onClick: () => act.onAdd(option.order),
      attrs: { 'data-order': orderKey(option.order), 'aria-label': `${option.text}, ${ORDER_TEXT.cost(option.cost)}` },
    },
    el('span', { class: 'option-label' }, option.label),
    // An aid button's label is its amount, which is its cost.
    option.order.kind === 'aid' ? null : el('span', { class: 'cost' }, ORDER_TEXT.cost(option.cost)),
  );
  const order = option.order;
  if (order.kind === 'deploy' || order.kind === 'withdraw') {
    // Pointing at a theatre option lights that theatre up on the map.
    const point = () => act.onPoint(order.theatre);
    const leave = () => act.onPoint(null);
    node.addEventListener('focus', point);
    node.addEventListener('mouseenter', point);
    node.addEventListener('blur', leave);
    node.addEventListener('mouseleave', leave);
  }
  return node;
}

function forms(model: NonNullable<BuilderModel['forms']>, kindName: string, act: BuilderActions): HTMLElement {
  const pickOnMap = model.kind === 'deploy' || model.kind === 'withdraw';
  return el(
    'div',
    { class: 'order-forms', id: `forms-${model.kind}` },
    el('p', { class: 'forms-title' }, ORDER_TEXT.chooseForm(kindName)),
    model.kind === 'aid' ? el('p', { class: 'hint' }, ORDER_TEXT.aidHint) : null,
    ...model.groups
      .filter((g) => g.options.length)
      .map((g) =>
        el(
          'div',
          { class: g.label ? 'form-group labelled' : 'form-group', role: 'group', 'aria-label': g.label ?? kindName },
          g.label ? el('span', { class: 'form-group-label' }, g.label) : null,
          el('div', { class: 'form-options' }, ...g.options.map((o) => optionButton(o, act))),
        ),
      ),
    pickOnMap && model.groups.some((g) => g.options.length) ? el('p', { class: 'hint' }, ORDER_TEXT.pickOnMap) : null,
    model.refused.length
      ? el(
          'div',
          { class: 'refused-forms' },
          el('p', { class: 'refused-title' }, ORDER_TEXT.refusedHeading),
          el('ul', {}, ...model.refused.map((r) => el('li', {}, el('span', { class: 'refused-label' }, r.labels.join(', ')), ` — ${r.reason}`))),
        )
      : null,
  );
}

function kindItem(kind: KindChoice, model: BuilderModel, selected: OrderKind | null, act: BuilderActions): HTMLElement {
  const open = selected === kind.kind && model.forms !== null;
  const kindButton = button(
    {
      focus: `kind:${kind.kind}`,
      testid: 'order-kind',
      className: `order-kind ${kind.available ? '' : 'refused'}`,
      disabled: !kind.available,
      onClick: () => act.onKind(open ? null : kind.kind),
      attrs: { 'data-kind': kind.kind, 'aria-expanded': kind.available ? String(open) : undefined, 'aria-controls': open ? `forms-${kind.kind}` : undefined },
    },
    el('span', { class: 'kind-name' }, kind.name),
    el('span', { class: 'kind-help' }, kind.help),
    kind.reason ? el('span', { class: 'kind-reason' }, kind.reason) : null,
  );
  return el('li', { class: open ? 'open' : '' }, kindButton, open && model.forms ? forms(model.forms, kind.name, act) : null);
}

/**
 * `lockedByOther`: for a team member who may not lock in, the sentence naming who does (the submit button's place).
 * `offline`: the connection is down; orders locked in now wait on this device (RemoteMatch's outbox), and the button says so.
 */
export function orderBuilder(
  model: BuilderModel,
  selected: OrderKind | null,
  message: string | null,
  act: BuilderActions,
  lockedByOther: string | null = null,
  offline = false,
): HTMLElement {
  return el(
    'div',
    { class: 'order-builder' },
    el('p', { class: 'builder-capital' }, ORDER_TEXT.capital(model.capital, model.budget)),
    el('h3', { class: 'builder-heading' }, ORDER_TEXT.chosenHeading, ' ', el('span', { class: 'counter' }, ORDER_TEXT.counter(model.chosen.length, model.limit))),
    chosenList(model, act),
    model.closed
      ? el('p', { class: 'builder-closed' }, model.closed)
      : el('div', {}, el('h3', { class: 'builder-heading' }, ORDER_TEXT.chooseKind), el('ul', { class: 'order-kinds' }, ...model.kinds.map((k) => kindItem(k, model, selected, act)))),
    el('p', { class: 'builder-message', role: 'status' }, message ?? ''),
    lockedByOther
      ? el('p', { class: 'submit-row locked-by-other', 'data-testid': 'locked-by-other' }, lockedByOther)
      : el(
          'div',
          { class: 'submit-row' },
          offline ? el('p', { class: 'offline-note', 'data-testid': 'offline-note' }, ORDER_TEXT.offlineHint) : null,
          button(
            {
              focus: 'submit',
              testid: 'submit-orders',
              className: 'primary',
              disabled: !model.canSubmit,
              onClick: () => act.onSubmit(),
              attrs: { 'data-offline': offline ? 'true' : undefined },
            },
            offline ? ORDER_TEXT.submitOffline : ORDER_TEXT.submit,
          ),
          model.canSubmit ? null : el('p', { class: 'hint' }, ORDER_TEXT.submitHelp(model.limit)),
        ),
  );
}

/** Locked in while offline: the orders wait on this device until the connection is back. */
export function queuedOrders(orders: readonly string[]): HTMLElement {
  return el(
    'div',
    { class: 'order-builder locked queued', 'data-testid': 'queued-move' },
    el('p', { class: 'locked-line offline-note' }, ORDER_TEXT.queued),
    el('p', {}, ORDER_TEXT.lockedList),
    el('ol', { class: 'locked-orders' }, ...orders.map((o) => el('li', {}, o))),
  );
}

/** After locking in: the orders given, and who the round still waits for. */
export function lockedOrders(orders: readonly string[], waiting: readonly string[]): HTMLElement {
  return el(
    'div',
    { class: 'order-builder locked' },
    el('p', { class: 'locked-line' }, ORDER_TEXT.locked(waiting)),
    el('p', {}, ORDER_TEXT.lockedList),
    el('ol', { class: 'locked-orders' }, ...orders.map((o) => el('li', {}, o))),
  );
}
