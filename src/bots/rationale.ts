/** A bot's order as words for its rationale; the words themselves live in src/view/text/en-bots.ts. */
import { catalog } from '../game/catalog.js';
import type { Order } from '../game/types.js';
import type { Scenario } from '../scenario/schema.js';
import { theatreName } from '../view/names.js';
import { BOT_ORDER } from '../view/text/en-bots.js';

export function orderPhrase(sc: Scenario, order: Order): string {
  switch (order.kind) {
    case 'engage':
      return BOT_ORDER.engage(order.target);
    case 'pressure':
      return BOT_ORDER.pressure(order.target);
    case 'aid':
      return BOT_ORDER.aid(order.target, order.amount);
    case 'deploy':
      return BOT_ORDER.deploy(theatreName(sc, order.theatre));
    case 'withdraw':
      return BOT_ORDER.withdraw(theatreName(sc, order.theatre));
    case 'build':
      return order.what === 'force' ? BOT_ORDER.buildForce : BOT_ORDER.buildCapability;
    case 'card': {
      const title = catalog(sc).policy(order.card).title;
      return order.target ? BOT_ORDER.cardOn(title, order.target) : BOT_ORDER.card(title);
    }
    case 'hold':
      return BOT_ORDER.hold;
  }
}

/** The label a decision's option shows, from the headline or crisis card the seat is deciding on. */
export function optionLabel(sc: Scenario, deck: 'headline' | 'crisis', card: string, option: string): string {
  const decision = deck === 'headline' ? catalog(sc).headline(card).decision : catalog(sc).crisis(card).decision;
  return decision?.options.find((o) => o.id === option)?.label ?? option;
}
