/** The public match log in words: one sentence per entry, card titles from the scenario. */
import type { LogEntry } from '../game/types.js';
import type { Scenario } from '../scenario/schema.js';
import { cardTitle, optionLabel, theatreName } from './names.js';
import { POWER_NAME, TRACK_NAME } from './text/en.js';
import { LOG_TEXT, RELATION_TEXT, signed } from './text/en-game.js';

/** The text of the outcome a log entry names: the first outcome of that card keyed on that option. */
function outcomeText(sc: Scenario, cardId: string, option: string): string {
  const decision = sc.headlines.find((c) => c.id === cardId)?.decision ?? sc.crises.find((c) => c.id === cardId)?.decision;
  const outcome = decision?.outcomes.find((o) => ('allChose' in o.when ? o.when.allChose : o.when.anyChose) === option);
  return outcome?.text ?? optionLabel(sc, cardId, option);
}

export function logSentence(sc: Scenario, entry: LogEntry): string {
  const p = entry.power ? POWER_NAME[entry.power] : '';
  const t = entry.target ? POWER_NAME[entry.target] : '';
  const card = entry.card ? cardTitle(sc, entry.card) : '';
  const theatre = entry.theatre ? theatreName(sc, entry.theatre) : '';
  const value = entry.value ?? 0;
  switch (entry.code) {
    case 'start':
      return LOG_TEXT.start;
    case 'headline':
      return LOG_TEXT.headline(card);
    case 'chose':
      return LOG_TEXT.chose(p, optionLabel(sc, entry.card ?? '', entry.option ?? ''), card);
    case 'outcome':
      return LOG_TEXT.outcome(card, outcomeText(sc, entry.card ?? '', entry.option ?? ''));
    case 'reveal':
      return LOG_TEXT.reveal;
    case 'summit':
      return LOG_TEXT.summit(p, t);
    case 'relation':
      return LOG_TEXT.relation(p, t, value);
    case 'shieldHeld':
      return LOG_TEXT.shieldHeld(p, t);
    case 'track':
      return LOG_TEXT.track(entry.track ? TRACK_NAME[entry.track] : '', value, entry.power ? p : null);
    case 'crisisProvoked':
      return LOG_TEXT.crisisProvoked(p);
    case 'crisisSlip':
      return LOG_TEXT.crisisSlip(p, value);
    case 'capabilityStalled':
      return LOG_TEXT.capabilityStalled(p, value);
    case 'war':
      return LOG_TEXT.war(entry.power ? p : null);
    case 'aid':
      return LOG_TEXT.aid(p, t, value);
    case 'sanction':
      return LOG_TEXT.sanction(p, t);
    case 'build':
      return LOG_TEXT.build(p);
    case 'deploy':
      return LOG_TEXT.deploy(p, theatre);
    case 'withdraw':
      return LOG_TEXT.withdraw(p, theatre);
    case 'card':
      return entry.target ? LOG_TEXT.cardOn(p, card, t) : LOG_TEXT.card(p, card);
    case 'cardCancelled':
      return LOG_TEXT.cardCancelled(p, card);
    case 'cancelCards':
      return LOG_TEXT.cancelCards(p, t);
    case 'shield':
      return LOG_TEXT.shield(p);
    case 'capital':
      return LOG_TEXT.capital(p, value);
    case 'income':
      return LOG_TEXT.income(p, value);
    case 'capitalLapsed':
      return LOG_TEXT.capitalLapsed(p, value);
    case 'vp':
      return LOG_TEXT.vp(p, value);
    case 'forces':
      return LOG_TEXT.forces(p, value, theatre);
    case 'covertArrival':
      return LOG_TEXT.covertArrival(theatre);
    case 'reserve':
      return LOG_TEXT.reserve(p, value);
    case 'revealed':
      return LOG_TEXT.revealed(p, value, theatre);
    case 'crisis':
      return LOG_TEXT.crisis(card);
    case 'scored':
      return LOG_TEXT.scored(p, value);
    case 'gameOver':
      return LOG_TEXT.gameOver;
    case 'paused':
      return LOG_TEXT.paused;
    case 'resumed':
      return LOG_TEXT.resumed;
    case 'timerSet':
      return LOG_TEXT.timerSet(value);
    case 'timerExtended':
      return LOG_TEXT.timerExtended(value);
    case 'advanced':
      return LOG_TEXT.advanced;
    case 'headlineQueued':
      return LOG_TEXT.headlineQueued;
    case 'injected':
      return LOG_TEXT.injected(entry.text ?? '');
    case 'adjudicated':
      return entry.track
        ? LOG_TEXT.adjudicated(TRACK_NAME[entry.track], entry.track === 'front' ? signed(value) : String(value), entry.text ?? '')
        : LOG_TEXT.adjudicated(RELATION_TEXT.pair(p, t), signed(value), entry.text ?? '');
    case 'ended':
      return LOG_TEXT.ended;
    default:
      // A code added to the rules before its sentence: still shown, never dropped.
      return LOG_TEXT.unknown(entry.code);
  }
}

export interface LogLine {
  round: number;
  text: string;
}

export function logLines(sc: Scenario, log: readonly LogEntry[]): LogLine[] {
  return log.map((entry) => ({ round: entry.round, text: logSentence(sc, entry) }));
}
