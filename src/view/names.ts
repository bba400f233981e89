/** Names a person reads for things the rules know by id: theatres, flags and cards of any deck. */
import { catalog } from '../game/catalog.js';
import type { Scenario } from '../scenario/schema.js';

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

/** The date a round stands for: each round is a quarter of a year from the scenario's start. */
export function roundDate(sc: Scenario, round: number): string {
  const [year, month] = sc.startDate.split('-').map(Number) as [number, number];
  const index = year * 12 + (month - 1) + Math.max(0, round - 1) * 3;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
