/**
 * A power's role brief in a classroom exercise, drawn from the scenario: what the power
 * wants (its interests as the scenario's analysts describe them), its key people, its side, the
 * objectives scored every round, where it starts (Capital, income, reserve and its
 * relations), and its secret agenda, which only the seat's own view holds: a brief
 * drawn without that view has none.
 */
import { catalog } from '../game/catalog.js';
import { pairKey, POWERS, type PowerId } from '../game/powers.js';
import { agendaPoints } from '../game/scoring.js';
import { startingRelations } from '../game/setup.js';
import type { Readable } from '../game/types.js';
import type { Scenario } from '../scenario/schema.js';
import { POWER_NAME } from './text/en.js';
import { CARD_TEXT, RELATION_TEXT, signed } from './text/en-game.js';
import { TEAM_BRIEF } from './text/en-team.js';

export interface BriefModel {
  power: PowerId;
  title: string;
  scenario: string;
  interests: string;
  /** Who decides, speaks or advises for the power in the source's events; empty when the scenario names none. */
  people: Array<{ name: string; role: string }>;
  bloc: string;
  objectives: Array<{ label: string; points: string }>;
  start: string[];
  relations: Array<{ power: PowerId; text: string; value: number }>;
  /** The seat's secret agenda; null when the view at hand is not the seat's own. */
  agenda: { title: string; text: string; points: string } | null;
}

export function briefModel(sc: Scenario, power: PowerId, view: Readable | null): BriefModel {
  const side = sc.powers[power];
  const cat = catalog(sc);
  const partners = sc.blocs[cat.bloc(power)].filter((p) => p !== power).map((p) => POWER_NAME[p]);
  const relations = startingRelations(sc);
  const agendaId = view?.seats[power]?.agenda;
  const agenda = agendaId ? cat.agenda(agendaId) : null;
  return {
    power,
    title: TEAM_BRIEF.title(POWER_NAME[power]),
    scenario: TEAM_BRIEF.scenario(sc.title),
    interests: side.interests,
    people: side.people ?? [],
    bloc: TEAM_BRIEF.bloc(partners),
    objectives: side.objectives.map((o) => ({
      label: o.label,
      points: 'points' in o ? TEAM_BRIEF.objectivePoints(o.points) : TEAM_BRIEF.perAidPoints(o.perAidReceived.points, o.perAidReceived.per, o.perAidReceived.max),
    })),
    start: [TEAM_BRIEF.capital(side.capital), TEAM_BRIEF.income(side.income), TEAM_BRIEF.reserve(side.reserve)],
    relations: POWERS.filter((p) => p !== power).map((other) => {
      const value = relations[pairKey(power, other)];
      return { power: other, value, text: TEAM_BRIEF.relation(POWER_NAME[other], signed(value), RELATION_TEXT.word(value)) };
    }),
    agenda: agenda ? { title: agenda.title, text: agenda.text, points: CARD_TEXT.agendaPoints(agendaPoints(sc, agenda, view?.rounds ?? sc.rounds)) } : null,
  };
}
