/**
 * The order builder as data: which kinds of order this seat may choose now, the forms
 * of one kind with their costs, what is refused and why, and the draft so far. Every
 * answer comes from `legalOrders`; nothing here decides a rule.
 */
import { checkOrders, legalOrders, orderCost, type Refusal } from '../game/orders.js';
import type { PowerId } from '../game/powers.js';
import type { Reason } from '../game/reasons.js';
import { ORDER_KINDS, type Order, type OrderKind, type Readable } from '../game/types.js';
import type { Scenario } from '../scenario/schema.js';
import { cardTitle, theatreName } from './names.js';
import { ORDER_HELP, ORDER_NAME, POWER_NAME, reasonText } from './text/en.js';
import { ORDER_TEXT } from './text/en-game.js';

/** An order in words: "Engage Russia", "Deploy a force to Yellow Sea", "Play “Driving seat” on North Korea". */
export function orderText(sc: Scenario, order: Order): string {
  switch (order.kind) {
    case 'engage':
      return ORDER_TEXT.engage(POWER_NAME[order.target]);
    case 'pressure':
      return ORDER_TEXT.pressure(POWER_NAME[order.target]);
    case 'aid':
      return ORDER_TEXT.aid(POWER_NAME[order.target], order.amount);
    case 'deploy':
      return ORDER_TEXT.deploy(theatreName(sc, order.theatre));
    case 'withdraw':
      return ORDER_TEXT.withdraw(theatreName(sc, order.theatre));
    case 'build':
      return order.what === 'force' ? ORDER_TEXT.buildForce : ORDER_TEXT.buildCapability(sc.rules.missileTest.capability, sc.rules.missileTest.tension);
    case 'card':
      return order.target
        ? ORDER_TEXT.cardOn(cardTitle(sc, order.card), POWER_NAME[order.target])
        : ORDER_TEXT.card(cardTitle(sc, order.card));
    case 'hold':
      return ORDER_TEXT.hold(sc.rules.holdGain);
  }
}

export interface KindChoice {
  kind: OrderKind;
  name: string;
  help: string;
  available: boolean;
  /** Why no order of this kind can be chosen now (null when one can). */
  reason: string | null;
}

export interface FormChoice {
  order: Order;
  label: string;
  /** The whole order in words, for screen readers and the chosen list. */
  text: string;
  cost: number;
}

/** Forms shown together: one group per recipient of aid, one group for everything else. */
export interface FormGroup {
  label: string | null;
  options: FormChoice[];
}

/** Forms refused for one reason: "Korean DMZ, Yellow Sea — You have no forces there." */
export interface RefusedForm {
  labels: string[];
  reason: string;
}

export interface ChosenOrder {
  order: Order;
  text: string;
  cost: number;
}

export interface BuilderModel {
  limit: number;
  chosen: ChosenOrder[];
  /** Capital now, and what is left after the chosen orders. */
  capital: number;
  budget: number;
  kinds: KindChoice[];
  /** Why no order at all can be added now (every order chosen), said once instead of on every kind. */
  closed: string | null;
  /** The forms of the selected kind, or null when no kind is selected. */
  forms: { kind: OrderKind; groups: FormGroup[]; refused: RefusedForm[] } | null;
  canSubmit: boolean;
}

/** The name of what one form is about, as the builder lists it ("Russia", "Yellow Sea", "Driving seat"). */
function subjectLabel(sc: Scenario, order: Order): string {
  switch (order.kind) {
    case 'engage':
    case 'pressure':
    case 'aid':
      return POWER_NAME[order.target];
    case 'deploy':
    case 'withdraw':
      return theatreName(sc, order.theatre);
    case 'card':
      return order.target ? ORDER_TEXT.cardAt(cardTitle(sc, order.card), POWER_NAME[order.target]) : cardTitle(sc, order.card);
    default:
      return orderText(sc, order);
  }
}

function refusedLabel(sc: Scenario, refusal: Refusal): string {
  if (refusal.card) return cardTitle(sc, refusal.card);
  if (refusal.theatre) return theatreName(sc, refusal.theatre);
  if (refusal.target) return POWER_NAME[refusal.target];
  if (refusal.what) return refusal.what === 'force' ? ORDER_TEXT.buildForce : ORDER_TEXT.buildCapability(sc.rules.missileTest.capability, sc.rules.missileTest.tension);
  return ORDER_NAME[refusal.kind];
}

/**
 * Why a kind with no legal form is closed: the first reason given for it, or "no cards"
 * for an empty hand. A card the draft already plays is not why the others cannot be
 * played, so their reason comes first; if it is all there is, every card is chosen.
 */
function kindReason(kind: OrderKind, refused: readonly Refusal[], whole: Reason | null): string {
  if (whole) return reasonText(whole);
  const ofKind = refused.filter((r) => r.kind === kind);
  const first = ofKind.find((r) => r.reason.code !== 'cardAlreadyChosen');
  if (first) return reasonText(first.reason);
  return ofKind.length ? ORDER_TEXT.everyCardChosen : reasonText({ code: 'emptyHand' });
}

function formsOf(sc: Scenario, kind: OrderKind, legal: ReturnType<typeof legalOrders>): NonNullable<BuilderModel['forms']> {
  const options = legal.options.filter((o) => o.order.kind === kind);
  const groups: FormGroup[] = [];
  if (kind === 'aid') {
    // One row per recipient with its amounts: "North Korea: 1 2 3 4".
    for (const option of options) {
      const label = subjectLabel(sc, option.order);
      let group = groups.find((g) => g.label === label);
      if (!group) groups.push((group = { label, options: [] }));
      const amount = option.order.kind === 'aid' ? option.order.amount : 0;
      group.options.push({ order: option.order, label: ORDER_TEXT.aidAmount(amount), text: orderText(sc, option.order), cost: option.cost });
    }
  } else {
    groups.push({
      label: null,
      options: options.map((o) => ({ order: o.order, label: subjectLabel(sc, o.order), text: orderText(sc, o.order), cost: o.cost })),
    });
  }
  const refused: RefusedForm[] = [];
  for (const r of legal.refused.filter((r) => r.kind === kind)) {
    const reason = reasonText(r.reason);
    const same = refused.find((f) => f.reason === reason);
    if (same) same.labels.push(refusedLabel(sc, r));
    else refused.push({ labels: [refusedLabel(sc, r)], reason });
  }
  return { kind, groups, refused };
}

export function builderModel(
  sc: Scenario,
  view: Readable,
  power: PowerId,
  chosen: readonly Order[],
  selectedKind: OrderKind | null,
): BuilderModel {
  const legal = legalOrders(sc, view, power, chosen);
  // With every order chosen, legalOrders answers with one refusal that closes every kind.
  const whole = legal.remaining === 0 ? (legal.refused[0]?.reason ?? null) : null;
  const kinds = ORDER_KINDS.map((kind) => {
    const available = legal.options.some((o) => o.order.kind === kind);
    return { kind, name: ORDER_NAME[kind], help: ORDER_HELP[kind](sc.rules), available, reason: available ? null : kindReason(kind, legal.refused, whole) };
  });
  return {
    limit: sc.rules.ordersPerRound,
    chosen: chosen.map((order) => ({ order, text: orderText(sc, order), cost: orderCost(sc, view, order) })),
    capital: view.powers[power].capital,
    budget: legal.budget,
    kinds,
    closed: whole ? reasonText(whole) : null,
    forms: selectedKind && !whole ? formsOf(sc, selectedKind, legal) : null,
    // legalOrders says when no order is left to choose: then, and only then, the set is complete.
    canSubmit: legal.remaining === 0,
  };
}

/**
 * The legal order of this kind aimed at this theatre (a map click or a theatre-list pick),
 * or why there is none; null for an id the scenario does not know.
 */
export function theatreOrder(
  sc: Scenario,
  view: Readable,
  power: PowerId,
  chosen: readonly Order[],
  kind: 'deploy' | 'withdraw',
  theatre: string,
): { order: Order } | { reason: string } | null {
  const legal = legalOrders(sc, view, power, chosen);
  const option = legal.options.find((o) => o.order.kind === kind && o.order.theatre === theatre);
  if (option) return { order: option.order };
  const refusal = legal.remaining === 0 ? legal.refused[0] : legal.refused.find((r) => r.kind === kind && r.theatre === theatre);
  return refusal ? { reason: reasonText(refusal.reason) } : null;
}

/**
 * A draft kept from before (the page was reloaded during the step), as the rules read
 * it now: the orders if they may all still be chosen together, else none.
 */
export function keptDraft(sc: Scenario, view: Readable, power: PowerId, kept: unknown): Order[] {
  const checked = checkOrders(sc, view, power, kept, true);
  return checked.ok ? checked.orders : [];
}
