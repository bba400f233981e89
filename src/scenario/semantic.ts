/**
 * Checks that need the whole scenario at once: cross-references (theatres, cards,
 * flags, options), duplicates, and numbers that only make sense together.
 *
 * Runs on a scenario that already passed the schema, so every value has its type;
 * returns issues by path and `load.ts` turns paths into lines and columns.
 */
import { PAIRS, POWERS, isPowerId, pairKey } from '../game/powers.js';
import type { PowerId } from '../game/powers.js';
import { TRACKS } from '../game/types.js';
import type { Condition, Decision, Effect, Scenario } from './schema.js';

export type IssuePath = readonly (string | number)[];

export interface ScenarioIssue {
  path: IssuePath;
  message: string;
  /** Point at the key itself rather than its value: the key is what is wrong (an unknown pair, a duplicate). */
  atKey?: boolean;
  /** Where the other half of a duplicate is, so the message can say where to look. */
  firstAt?: IssuePath;
}

export interface CheckOptions {
  /**
   * A copy an exercise stored when it was created, read back after a restart: checks on
   * what players read only (flag labels) were not made then, so they are not made now,
   * and its match goes on. Every check the rules rely on still runs.
   */
  stored?: boolean;
}

export function checkScenario(scenario: Scenario, options: CheckOptions = {}): ScenarioIssue[] {
  return [
    ...checkRelations(scenario),
    ...checkBlocs(scenario),
    ...checkIds(scenario),
    ...checkTimeline(scenario),
    ...checkTheatres(scenario),
    ...checkEffectsAndConditions(scenario),
    ...(options.stored ? [] : checkFlagLabels(scenario)),
    ...checkDecisions(scenario),
    ...checkNumbers(scenario),
    ...checkDecks(scenario),
  ];
}

const POWER_LIST = POWERS.join(', ');

/** Remembers where each value was first seen, and reports the later ones. */
class FirstSeen<K> {
  private readonly seen = new Map<K, IssuePath>();
  /** Returns where `key` was first seen, or records `path` as its first place and returns undefined. */
  check(key: K, path: IssuePath): IssuePath | undefined {
    const first = this.seen.get(key);
    if (first === undefined) this.seen.set(key, path);
    return first;
  }
  has(key: K): boolean {
    return this.seen.has(key);
  }
}

function checkRelations(s: Scenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const pairs = new FirstSeen<string>();
  for (const key of Object.keys(s.relations)) {
    const path = ['relations', key];
    const parts = key.split('-');
    const [a, b] = parts;
    if (parts.length !== 2 || a === undefined || b === undefined) {
      issues.push({ path, atKey: true, message: `a pair is two powers joined by "-", like "CHN-RUS", got "${key}"` });
      continue;
    }
    if (!isPowerId(a) || !isPowerId(b)) {
      const unknown = isPowerId(a) ? b : a;
      issues.push({ path, atKey: true, message: `unknown power "${unknown}" in "${key}"; expected one of ${POWER_LIST}` });
      continue;
    }
    if (a === b) {
      issues.push({ path, atKey: true, message: `a power has no relation with itself ("${key}")` });
      continue;
    }
    const firstAt = pairs.check(pairKey(a, b), path);
    if (firstAt) issues.push({ path, atKey: true, firstAt, message: `the pair ${pairKey(a, b)} is given twice` });
  }
  for (const pair of PAIRS) {
    if (!pairs.has(pair)) {
      issues.push({ path: ['relations', pair], message: `missing pair ${pair}: every one of the 15 pairs needs a value from -3 to 3` });
    }
  }
  return issues;
}

function checkBlocs(s: Scenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const placed = new FirstSeen<PowerId>();
  for (const bloc of ['north', 'south'] as const) {
    s.blocs[bloc].forEach((power, i) => {
      const path = ['blocs', bloc, i];
      const firstAt = placed.check(power, path);
      if (firstAt) issues.push({ path, firstAt, message: `${power} is already in a bloc; each power belongs to exactly one` });
    });
  }
  for (const power of POWERS) {
    if (!placed.has(power)) issues.push({ path: ['blocs'], message: `${power} is in neither bloc; each power belongs to exactly one` });
  }
  return issues;
}

function checkIds(s: Scenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  // Cards and agendas share one namespace: the log, saved games and the debrief name them by id alone.
  const cardIds = new FirstSeen<string>();
  for (const deck of ['headlines', 'policies', 'crises', 'agendas'] as const) {
    s[deck].forEach((card, i) => {
      const path = [deck, i, 'id'];
      const firstAt = cardIds.check(card.id, path);
      if (firstAt) issues.push({ path, firstAt, message: `duplicate id "${card.id}"` });
    });
  }
  for (const power of POWERS) {
    const objectiveIds = new FirstSeen<string>();
    s.powers[power].objectives.forEach((objective, i) => {
      const path = ['powers', power, 'objectives', i, 'id'];
      const firstAt = objectiveIds.check(objective.id, path);
      if (firstAt) issues.push({ path, firstAt, message: `duplicate objective id "${objective.id}"` });
    });
  }
  return issues;
}

function checkTimeline(s: Scenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const headlineIds = new Set(s.headlines.map((h) => h.id));
  const rounds = new FirstSeen<number>();
  const used = new FirstSeen<string>();
  s.timeline.forEach((entry, i) => {
    const roundPath = ['timeline', i, 'round'];
    if (entry.round > s.rounds) {
      issues.push({ path: roundPath, message: `round ${entry.round} is after the last round (rounds: ${s.rounds})` });
    } else {
      const firstAt = rounds.check(entry.round, roundPath);
      if (firstAt) issues.push({ path: roundPath, firstAt, message: `round ${entry.round} already has a timeline entry` });
    }
    const named: [IssuePath, string][] =
      'card' in entry ? [[['timeline', i, 'card'], entry.card]] : entry.pool.map((card, j) => [['timeline', i, 'pool', j], card]);
    for (const [path, card] of named) {
      if (!headlineIds.has(card)) {
        issues.push({ path, message: `no headline has the id "${card}"` });
        continue;
      }
      const firstAt = used.check(card, path);
      if (firstAt) issues.push({ path, firstAt, message: `headline "${card}" is already in the timeline` });
    }
  });
  for (let round = 1; round <= s.rounds; round++) {
    if (!rounds.has(round)) issues.push({ path: ['timeline'], message: `round ${round} has no headline` });
  }
  return issues;
}

function checkTheatres(s: Scenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const ids = new FirstSeen<string>();
  s.theatres.forEach((theatre, i) => {
    const path = ['theatres', i, 'id'];
    const firstAt = ids.check(theatre.id, path);
    if (firstAt) issues.push({ path, firstAt, message: `duplicate theatre id "${theatre.id}"` });
  });
  if (!s.theatres.some((t) => t.id === s.rules.frontTheatre)) {
    issues.push({ path: ['rules', 'frontTheatre'], message: unknownTheatre(s, s.rules.frontTheatre) });
  }
  for (const [theatreId, byPower] of Object.entries(s.forces)) {
    const theatre = s.theatres.find((t) => t.id === theatreId);
    if (!theatre) {
      issues.push({ path: ['forces', theatreId], atKey: true, message: unknownTheatre(s, theatreId) });
      continue;
    }
    for (const [power, count] of Object.entries(byPower)) {
      if (theatre.onlyFor && count > 0 && !(theatre.onlyFor as string[]).includes(power)) {
        issues.push({
          path: ['forces', theatreId, power],
          atKey: true,
          message: `only ${theatre.onlyFor.join(', ')} may have forces in ${theatreId}`,
        });
      }
    }
  }
  s.theatres.forEach((theatre, i) => {
    theatre.garrison.forEach((power, j) => {
      if ((s.forces[theatre.id]?.[power] ?? 0) < 1) {
        issues.push({
          path: ['theatres', i, 'garrison', j],
          message: `${power} must always keep a force in ${theatre.id}, but starts with none there (set forces.${theatre.id}.${power})`,
        });
      }
    });
  });
  return issues;
}

function unknownTheatre(s: Scenario, id: string): string {
  return `unknown theatre "${id}"; the theatres are ${s.theatres.map((t) => t.id).join(', ')}`;
}

// ---------------------------------------------------------------------------
// Effects and conditions: theatres, SELF/TARGET and flags they name
// ---------------------------------------------------------------------------

/** Whether SELF and TARGET mean anything where an effect or condition stands, and why not when they don't. */
interface Context {
  self: boolean;
  target: boolean;
  /** Completes "SELF names … ; there is none in ___". */
  where: string;
}

interface Site<T> {
  item: T;
  path: IssuePath;
  context: Context;
}

function effectSites(s: Scenario): Site<Effect>[] {
  const sites: Site<Effect>[] = [];
  const add = (effects: readonly Effect[], path: IssuePath, context: Context) =>
    effects.forEach((item, i) => sites.push({ item, path: [...path, i], context }));
  const decision = (d: Decision | undefined, path: IssuePath) => {
    d?.options.forEach((option, i) =>
      add(option.effects, [...path, 'options', i, 'effects'], { self: true, target: false, where: 'a decision option' }),
    );
    d?.outcomes.forEach((outcome, i) =>
      add(outcome.effects, [...path, 'outcomes', i, 'effects'], {
        self: false,
        target: false,
        where: 'an outcome, which applies to the decision as a whole',
      }),
    );
  };
  s.headlines.forEach((card, i) => {
    add(card.effects, ['headlines', i, 'effects'], { self: false, target: false, where: "a headline's own effects" });
    decision(card.decision, ['headlines', i, 'decision']);
  });
  s.crises.forEach((card, i) => decision(card.decision, ['crises', i, 'decision']));
  s.policies.forEach((card, i) =>
    add(card.effects, ['policies', i, 'effects'], { self: true, target: card.target !== undefined, where: 'this card' }),
  );
  return sites;
}

function conditionSites(s: Scenario): Site<Condition>[] {
  const sites: Site<Condition>[] = [];
  const add = (item: Condition, path: IssuePath, context: Context) => {
    sites.push({ item, path, context });
    if ('all' in item) item.all.forEach((c, i) => add(c, [...path, 'all', i], context));
    if ('any' in item) item.any.forEach((c, i) => add(c, [...path, 'any', i], context));
    if ('not' in item) add(item.not, [...path, 'not'], context);
  };
  // An objective or agenda belongs to one power, which is its SELF.
  const owned: Context = { self: true, target: false, where: 'an objective or agenda' };
  for (const power of POWERS) {
    s.powers[power].objectives.forEach((objective, i) => {
      if ('when' in objective) add(objective.when, ['powers', power, 'objectives', i, 'when'], owned);
    });
  }
  s.agendas.forEach((agenda, i) => add(agenda.when, ['agendas', i, 'when'], owned));
  s.policies.forEach((card, i) => {
    if (card.requires) {
      add(card.requires, ['policies', i, 'requires'], { self: true, target: card.target !== undefined, where: 'this card' });
    }
  });
  // The programme's help is read with North Korea, whose programme it is, as SELF.
  const help = s.rules.capabilityMilestones?.help;
  if (help) add(help, ['rules', 'capabilityMilestones', 'help'], { self: true, target: false, where: "the programme's help" });
  // A crisis belongs to no power: its condition is read of the table as a whole.
  s.crises.forEach((card, i) => {
    if (card.requires) add(card.requires, ['crises', i, 'requires'], { self: false, target: false, where: "a crisis card's requirement, which no power plays" });
  });
  return sites;
}

type Named = [IssuePath, string];

function powersNamedByEffect(e: Effect): Named[] {
  if ('relation' in e) return [[['relation', 0], e.relation[0]], [['relation', 1], e.relation[1]]];
  if ('transfer' in e) return [[['transfer', 'from'], e.transfer.from], [['transfer', 'to'], e.transfer.to]];
  if ('capital' in e) return [[['capital'], e.capital]];
  if ('income' in e) return [[['income'], e.income]];
  if ('vp' in e) return [[['vp'], e.vp]];
  if ('forces' in e) return [[['forces'], e.forces]];
  if ('reserve' in e) return [[['reserve'], e.reserve]];
  if ('cancelCards' in e) return [[['cancelCards'], e.cancelCards]];
  if ('shield' in e) return [[['shield'], e.shield]];
  return [];
}

function powersNamedByCondition(c: Condition): Named[] {
  if ('relation' in c) return [[['relation', 0], c.relation[0]], [['relation', 1], c.relation[1]]];
  if ('relationAtLeast' in c) {
    return [
      [['relationAtLeast', 0], c.relationAtLeast[0]],
      [['relationAtLeast', 1], c.relationAtLeast[1]],
      [['than', 0], c.than[0]],
      [['than', 1], c.than[1]],
    ];
  }
  if ('forces' in c) return [[['forces'], c.forces]];
  if ('aidGiven' in c) return [[['aidGiven', 'from'], c.aidGiven.from], [['aidGiven', 'to'], c.aidGiven.to]];
  if ('roundsAtFront' in c) return [[['roundsAtFront'], c.roundsAtFront]];
  if ('capital' in c) return [[['capital'], c.capital]];
  return [];
}

function theatresNamedByEffect(e: Effect): Named[] {
  if ('forces' in e) return [[['theatre'], e.theatre]];
  if ('reveal' in e && e.reveal !== 'ALL') return [[['reveal'], e.reveal]];
  return [];
}

function theatresNamedByCondition(c: Condition): Named[] {
  return 'forces' in c ? c.theatres.map((t, i): Named => [['theatres', i], t]) : [];
}

function checkPowerRef(value: string, path: IssuePath, context: Context): ScenarioIssue[] {
  if (value === 'SELF' && !context.self) {
    return [
      {
        path,
        message: `SELF names the power that played a card or chose an option; there is none in ${context.where}, so name the power instead`,
      },
    ];
  }
  if (value === 'TARGET' && !context.target) {
    return [{ path, message: 'TARGET names the power a policy card is aimed at; only a policy card with a "target" list has one' }];
  }
  return [];
}

function checkEffectsAndConditions(s: Scenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const theatreIds = new Set(s.theatres.map((t) => t.id));
  const flagsSet = new Set<string>();
  const check = (path: IssuePath, context: Context, powers: Named[], theatres: Named[]) => {
    for (const [rel, value] of powers) issues.push(...checkPowerRef(value, [...path, ...rel], context));
    for (const [rel, id] of theatres) {
      if (!theatreIds.has(id)) issues.push({ path: [...path, ...rel], message: unknownTheatre(s, id) });
    }
  };
  for (const { item, path, context } of effectSites(s)) {
    check(path, context, powersNamedByEffect(item), theatresNamedByEffect(item));
    if ('setFlag' in item) flagsSet.add(item.setFlag);
  }
  for (const { item, path, context } of conditionSites(s)) {
    check(path, context, powersNamedByCondition(item), theatresNamedByCondition(item));
    if ('flag' in item && !flagsSet.has(item.flag)) {
      issues.push({ path: [...path, 'flag'], message: `flag "${item.flag}" is tested here but no setFlag effect ever raises it` });
    }
  }
  s.policies.forEach((card, i) => {
    card.target?.forEach((power, j) => {
      if (power === card.power) {
        issues.push({ path: ['policies', i, 'target', j], message: `a card of ${power} cannot be aimed at ${power} itself` });
      }
    });
  });
  return issues;
}

/** Every flag a card raises, lowers or tests has a label under `flags`: players read the label, never the id. */
function checkFlagLabels(s: Scenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const unlabelled = (flag: string, path: IssuePath) => {
    if (!Object.hasOwn(s.flags, flag)) {
      issues.push({ path, message: `flag "${flag}" has no label; add one under flags, like "${flag}: <what players read>", so the screen never shows its id` });
    }
  };
  for (const { item, path } of effectSites(s)) {
    if ('setFlag' in item) unlabelled(item.setFlag, [...path, 'setFlag']);
    if ('clearFlag' in item) unlabelled(item.clearFlag, [...path, 'clearFlag']);
  }
  for (const { item, path } of conditionSites(s)) {
    if ('flag' in item) unlabelled(item.flag, [...path, 'flag']);
  }
  return issues;
}

function checkDecisions(s: Scenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const decisions: [Decision, IssuePath][] = [
    ...s.headlines.flatMap((card, i): [Decision, IssuePath][] => (card.decision ? [[card.decision, ['headlines', i, 'decision']]] : [])),
    ...s.crises.map((card, i): [Decision, IssuePath] => [card.decision, ['crises', i, 'decision']]),
  ];
  s.headlines.forEach((card, i) => {
    if (card.historical === undefined) return;
    const path = ['headlines', i, 'historical'];
    if (!card.decision) issues.push({ path, message: `"${card.id}" asks no decision, so it has no historical option` });
    else if (!card.decision.options.some((o) => o.id === card.historical)) {
      issues.push({ path, message: `no option of this decision has the id "${card.historical}"; its options are ${card.decision.options.map((o) => o.id).join(', ')}` });
    }
  });
  for (const [decision, path] of decisions) {
    const optionIds = new FirstSeen<string>();
    decision.options.forEach((option, i) => {
      const optionPath = [...path, 'options', i, 'id'];
      const firstAt = optionIds.check(option.id, optionPath);
      if (firstAt) issues.push({ path: optionPath, firstAt, message: `duplicate option id "${option.id}"` });
    });
    const known = decision.options.map((o) => o.id);
    decision.outcomes.forEach((outcome, i) => {
      const [key, option] = 'allChose' in outcome.when ? ['allChose', outcome.when.allChose] : ['anyChose', outcome.when.anyChose];
      if (!known.includes(option)) {
        issues.push({
          path: [...path, 'outcomes', i, 'when', key],
          message: `no option of this decision has the id "${option}"; its options are ${known.join(', ')}`,
        });
      }
    });
  }
  return issues;
}

function checkNumbers(s: Scenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const { rules } = s;
  if (s.shortRounds !== undefined && s.shortRounds > s.rounds) {
    issues.push({
      path: ['shortRounds'],
      message: `the short form (${s.shortRounds} rounds) cannot be longer than the game (rounds: ${s.rounds})`,
    });
  }
  for (const track of TRACKS) {
    const [lo, hi] = rules.trackRange[track];
    const start = s.tracks[track];
    if (start < lo || start > hi) {
      issues.push({ path: ['tracks', track], message: `starting ${track} (${start}) is outside rules.trackRange.${track} (${lo} to ${hi})` });
    }
  }
  const [, tensionMax] = rules.trackRange.tension;
  if (rules.warAt > tensionMax) {
    issues.push({
      path: ['rules', 'warAt'],
      message: `warAt (${rules.warAt}) is above the highest Tension (rules.trackRange.tension: ${tensionMax}), so war could never break out`,
    });
  }
  if (rules.crisisAt >= rules.warAt) {
    issues.push({
      path: ['rules', 'crisisAt'],
      message: `crisisAt (${rules.crisisAt}) must be below warAt (${rules.warAt}), or war comes before any crisis`,
    });
  }
  if (s.tracks.tension >= rules.warAt) {
    issues.push({
      path: ['tracks', 'tension'],
      message: `starting tension (${s.tracks.tension}) must be below rules.warAt (${rules.warAt}), or the game starts at war`,
    });
  }
  const slip = rules.crisisEvents?.slip;
  if (slip && !s.crises.some((card) => card.decision.options.some((o) => o.id === slip.option))) {
    issues.push({
      path: ['rules', 'crisisEvents', 'slip', 'option'],
      message: `no crisis card has an option "${slip.option}", so a crisis could never slip`,
    });
  }
  if (rules.startingHand > rules.handLimit) {
    issues.push({
      path: ['rules', 'startingHand'],
      message: `startingHand (${rules.startingHand}) cannot be more than handLimit (${rules.handLimit})`,
    });
  }
  return issues;
}

function checkDecks(s: Scenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const { handLimit } = s.rules;
  for (const power of POWERS) {
    const cards = s.policies.filter((card) => card.power === power).length;
    if (cards < handLimit) {
      issues.push({
        path: ['policies'],
        message: `${power} has ${cards} policy card${cards === 1 ? '' : 's'}, fewer than rules.handLimit (${handLimit})`,
      });
    }
    if (!s.agendas.some((agenda) => agenda.power === power)) {
      issues.push({ path: ['agendas'], message: `${power} has no secret agenda; each power needs at least one` });
    }
  }
  return issues;
}
