/** Names a person reads for things the rules know by id: theatres, flags and cards of any deck. */
import { catalog } from '../game/catalog.js';
import type { Scenario } from '../scenario/schema.js';
import { monthName } from './text/en-screens.js';

/** A theatre's name; a disputed sea shows both names ("Sea of Japan / East Sea"). */
export function theatreName(sc: Scenario, id: string): string {
  const theatre = catalog(sc).theatre(id);
  if (!theatre) return id;
  return theatre.altName ? `${theatre.name} / ${theatre.altName}` : theatre.name;
}

/**
 * A flag's label from the scenario's `flags` ("the Russia–North Korea treaty"). Every
 * flag a card names has one (semantic.ts); only a custom scenario stored before labels
 * existed can lack it, and then its id is read as words.
 */
export function flagName(sc: Scenario, id: string): string {
  return Object.hasOwn(sc.flags, id) ? sc.flags[id]! : id.replace(/-/g, ' ');
}

/** The title of a headline, crisis or policy card (the log names cards of every deck by id). */
export function cardTitle(sc: Scenario, id: string): string {
  const card = sc.headlines.find((c) => c.id === id) ?? sc.crises.find((c) => c.id === id) ?? sc.policies.find((c) => c.id === id);
  return card?.title ?? id;
}

/** The label of one option of a headline's or crisis's decision. */
export function optionLabel(sc: Scenario, cardId: string, optionId: string): string {
  const decision = sc.headlines.find((c) => c.id === cardId)?.decision ?? sc.crises.find((c) => c.id === cardId)?.decision;
  return decision?.options.find((o) => o.id === optionId)?.label ?? optionId;
}

/**
 * The month a round stands for, in words ("January 2024"): the date of the headline it
 * opened with. The top bar, the headline card, the end screen and the debrief all read
 * it here, so they cannot disagree. Before any headline, the scenario's start.
 */
export function roundDate(sc: Scenario, headline: string | null): string {
  const card = headline === null ? undefined : sc.headlines.find((c) => c.id === headline);
  return monthName(card?.date ?? sc.startDate);
}
