/**
 * Look-ups into a scenario by id, built once per scenario object and cached, so the
 * rules never scan card lists on the hot path of a simulation.
 */
import type { Agenda, CrisisCard, HeadlineCard, PolicyCard, Scenario, Theatre } from '../scenario/schema.js';
import type { PowerId } from './powers.js';

export interface Catalog {
  headline(id: string): HeadlineCard;
  policy(id: string): PolicyCard;
  crisis(id: string): CrisisCard;
  agenda(id: string): Agenda;
  theatre(id: string): Theatre | undefined;
  isPolicy(id: string): boolean;
  bloc(power: PowerId): 'north' | 'south';
}

const cache = new WeakMap<Scenario, Catalog>();

function byId<T extends { id: string }>(items: readonly T[], kind: string): (id: string) => T {
  const map = new Map(items.map((item) => [item.id, item]));
  return (id) => {
    const item = map.get(id);
    // A validated scenario never gets here; this guards against a state saved under another scenario.
    if (!item) throw new Error(`unknown ${kind} "${id}" in this scenario`);
    return item;
  };
}

export function catalog(scenario: Scenario): Catalog {
  let found = cache.get(scenario);
  if (found) return found;
  const theatres = new Map(scenario.theatres.map((t) => [t.id, t]));
  const policyIds = new Set(scenario.policies.map((c) => c.id));
  found = {
    headline: byId(scenario.headlines, 'headline card'),
    policy: byId(scenario.policies, 'policy card'),
    crisis: byId(scenario.crises, 'crisis card'),
    agenda: byId(scenario.agendas, 'agenda'),
    theatre: (id) => theatres.get(id),
    isPolicy: (id) => policyIds.has(id),
    bloc: (power) => (scenario.blocs.north.includes(power) ? 'north' : 'south'),
  };
  cache.set(scenario, found);
  return found;
}
