/**
 * The shape of a scenario file. This is the contract between designers (who write
 * `scenarios/*.yaml`) and the rules (which read the parsed, frozen `Scenario`).
 *
 * Structural checks live here; checks that need the whole file at once (unknown ids,
 * duplicates, a round without a headline) live in `semantic.ts`.
 */
import { z } from 'zod';
import { RELATION_RANGE } from '../game/mechanics.js';
import { POWERS } from '../game/powers.js';
import { TRACKS } from '../game/types.js';

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'ids use lower-case letters, digits and dashes, like "kim-visits-vostochny"');
const text = z.string().trim().min(1, 'must not be empty');
export const power = z.enum(POWERS);
/** Where an effect names a power, SELF is the power that played or chose it, TARGET the power it was aimed at. */
const powerRef = z.union([power, z.literal('SELF'), z.literal('TARGET')]);
export const track = z.enum(TRACKS);
const theatreId = z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'theatre ids are upper-case, like "DMZ" or "YELLOW_SEA"');
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const delta = z.number().int().min(-10).max(10);
/** Any value a track may be given a range over; the scenario's own range is rules.trackRange. */
const trackValue = z.number().int().min(-20).max(20);
const relationValue = z.number().int().min(RELATION_RANGE[0]).max(RELATION_RANGE[1]);

// ---------------------------------------------------------------------------
// Effects: what a card, a decision or an outcome does. One key per effect.
// ---------------------------------------------------------------------------

export const effectSchema = z.union([
  z.strictObject({ track, delta }).describe('Move a track by delta (clamped to its range).'),
  z
    .strictObject({ relation: z.tuple([powerRef, powerRef]), delta })
    .describe('Change the relation between two powers by delta (clamped to -3..+3).'),
  z.strictObject({ capital: powerRef, delta }).describe('Give or take Capital (never below 0).'),
  z
    .strictObject({ transfer: z.strictObject({ from: powerRef, to: powerRef, amount: z.number().int().min(1).max(10) }) })
    .describe('Move Capital from one power to another (as much as the giver has); counts as aid received.'),
  z.strictObject({ income: powerRef, delta }).describe('Change a power\'s income for the rest of the game.'),
  z.strictObject({ vp: powerRef, delta }).describe('Award or remove victory points.'),
  z
    .strictObject({ forces: powerRef, theatre: theatreId, delta, covert: z.boolean().optional() })
    .describe('Add new forces to a theatre (delta > 0, covert if asked) or remove them (delta < 0).'),
  z.strictObject({ reserve: powerRef, delta }).describe('Add or remove forces in a power\'s reserve.'),
  z
    .strictObject({ reveal: z.union([theatreId, z.literal('ALL')]) })
    .describe('Reveal every covert force in a theatre, or everywhere.'),
  z.strictObject({ cancelCards: powerRef }).describe('Cancel the policy cards that power plays this round (resolved before other cards).'),
  z
    .strictObject({ shield: powerRef })
    .describe('For the rest of this round, no relation of that power can fall (resolved before other cards).'),
  z.strictObject({ setFlag: id }).describe('Raise a named flag (a treaty in force, a summit held) that conditions can test.'),
  z.strictObject({ clearFlag: id }).describe('Lower a named flag.'),
]);
export type Effect = z.infer<typeof effectSchema>;
const effects = z.array(effectSchema);

// ---------------------------------------------------------------------------
// Conditions: what objectives, agendas and card requirements test.
// ---------------------------------------------------------------------------

const bounds = { min: z.number().int().optional(), max: z.number().int().optional() };

export type Condition =
  | { track: (typeof TRACKS)[number]; min?: number; max?: number }
  | { relation: [PowerRefT, PowerRefT]; min?: number; max?: number }
  | { relationAtLeast: [PowerRefT, PowerRefT]; than: [PowerRefT, PowerRefT] }
  | { forces: PowerRefT; theatres: string[]; min?: number; perTrack?: { track: (typeof TRACKS)[number]; divisor: number } }
  | { rose: (typeof TRACKS)[number] }
  | { flag: string }
  | { aidGiven: { from: PowerRefT; to: PowerRefT }; min: number }
  | { roundsAtFront: PowerRefT; min: number }
  | { capital: PowerRefT; min?: number; max?: number }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };
type PowerRefT = z.infer<typeof powerRef>;

export const conditionSchema: z.ZodType<Condition, Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ track, ...bounds }),
    z.strictObject({ relation: z.tuple([powerRef, powerRef]), ...bounds }),
    z
      .strictObject({ relationAtLeast: z.tuple([powerRef, powerRef]), than: z.tuple([powerRef, powerRef]) })
      .describe('The first pair\'s relation is at least the second pair\'s.'),
    z
      .strictObject({
        forces: powerRef,
        theatres: z.array(theatreId).min(1),
        min: z.number().int().optional(),
        perTrack: z.strictObject({ track, divisor: z.number().int().min(1) }).optional(),
      })
      .describe('The power has at least min forces in these theatres, and at least track/divisor (rounded up) if perTrack is set.'),
    z.strictObject({ rose: track }).describe('The track is higher than it was at the start of this round.'),
    z.strictObject({ flag: id }),
    z
      .strictObject({ aidGiven: z.strictObject({ from: powerRef, to: powerRef }), min: z.number().int().min(1) })
      .describe('Capital given by one power to another over the whole game.'),
    z
      .strictObject({ roundsAtFront: powerRef, min: z.number().int().min(1) })
      .describe('Rounds that ended with this power\'s forces at the Ukraine Front.'),
    z.strictObject({ capital: powerRef, ...bounds }),
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
    z.strictObject({ not: conditionSchema }),
  ]),
);

// ---------------------------------------------------------------------------
// Cards
// ---------------------------------------------------------------------------

const sources = z
  .array(z.string().regex(/^[EC]\d{1,2}$|^B\d{1,2}$/, 'sources are EVENTS.md ids such as "E4" or "C13", or "B1".."B13" for background facts'))
  .min(1);

const saying = z.strictObject({ who: text, said: text });

const option = z.strictObject({
  id,
  label: text,
  /** Applied once for each power that chose this option (SELF is that power). */
  effects: effects.default([]),
});

const outcome = z.strictObject({
  /** Applies when every decider chose this option (all) or at least one did (any). */
  when: z.union([z.strictObject({ allChose: id }), z.strictObject({ anyChose: id })]),
  text,
  effects: effects.default([]),
});

export const decisionSchema = z.strictObject({
  powers: z.array(power).min(1),
  prompt: text,
  options: z.array(option).min(2),
  outcomes: z.array(outcome).default([]),
});
export type Decision = z.infer<typeof decisionSchema>;

export const headlineCardSchema = z
  .strictObject({
    id,
    title: text,
    date: z.string().regex(MONTH, 'dates are written YYYY-MM, like "2024-06"'),
    hypothetical: z.boolean().default(false),
    sources,
    facts: text,
    sayings: z.array(saying).default([]),
    effects: effects.default([]),
    decision: decisionSchema.optional(),
    /**
     * The option of the decision the real actors took (every one of them), when history
     * gives one: the analysis measures how often players take it (MODEL.md, M6).
     */
    historical: id.optional(),
    question: text,
    /** Shown in the debrief: what happened in the real world after this point. */
    history: text,
  })
  .describe('A headline: revealed at the start of a round, public, in timeline order.');
export type HeadlineCard = z.infer<typeof headlineCardSchema>;

export const policyCardSchema = z.strictObject({
  id,
  power,
  title: text,
  sources,
  text,
  cost: z.number().int().min(0).max(10),
  /** A card aimed at another power; TARGET in its effects is that power. */
  target: z.array(power).min(1).optional(),
  requires: conditionSchema.optional(),
  effects: effects.min(1),
});
export type PolicyCard = z.infer<typeof policyCardSchema>;

export const crisisCardSchema = z.strictObject({
  id,
  title: text,
  /** Imagined, not history: shown with the same badge as a hypothetical headline. */
  hypothetical: z.boolean().default(false),
  sources,
  facts: text,
  /** Drawn only while this holds: the crisis draw passes over it otherwise (a secret pledge makes no sense once the treaty is public). */
  requires: conditionSchema.optional(),
  decision: decisionSchema,
  question: text,
  /** Shown in the debrief: the closest real event, for a hypothetical crisis. Optional so files written before it still load. */
  history: text.optional(),
});
export type CrisisCard = z.infer<typeof crisisCardSchema>;

// ---------------------------------------------------------------------------
// Objectives and agendas
// ---------------------------------------------------------------------------

export const objectiveSchema = z.union([
  z.strictObject({ id, label: text, points: z.number().int(), when: conditionSchema }),
  z
    .strictObject({
      id,
      label: text,
      /** Points for every `per` Capital this power received from others this round, at most `max` points a round. */
      perAidReceived: z.strictObject({ per: z.number().int().min(1), points: z.number().int(), max: z.number().int().min(0).optional() }),
    })
    .describe('North Korea\'s "money" objective.'),
]);
export type Objective = z.infer<typeof objectiveSchema>;

export const agendaSchema = z.strictObject({
  id,
  power,
  title: text,
  sources,
  text,
  points: z.number().int().min(1),
  when: conditionSchema,
});
export type Agenda = z.infer<typeof agendaSchema>;

// ---------------------------------------------------------------------------
// The tunable numbers of the rules. Every number GAME.md marks (tune) lives here,
// and every number the rules' code would otherwise fix (src/game reads no other).
// Those added after the first scenarios default to the values the code had, so a
// file written before them still loads and plays as it did.
// ---------------------------------------------------------------------------

/** A track's lowest and highest value: every change to it is clamped to them. */
const trackRange = z
  .tuple([trackValue, trackValue])
  .refine(([lo, hi]) => lo < hi, 'a range is [lowest, highest], the lowest below the highest');

export const rulesSchema = z.strictObject({
  ordersPerRound: z.number().int().min(1).max(5),
  handLimit: z.number().int().min(1).max(10),
  startingHand: z.number().int().min(0).max(10),
  drawPerRound: z.number().int().min(0).max(5),
  costs: z.strictObject({
    pressure: z.number().int().min(0),
    deploy: z.number().int().min(0),
    buildForce: z.number().int().min(0),
    buildCapability: z.number().int().min(0),
  }),
  holdGain: z.number().int().min(0),
  /** Aid of at least this much also improves the relation by 1. */
  aidRelationThreshold: z.number().int().min(1),
  /** Each this much Capital sent to Ukraine pushes the Front back by 1. */
  ukraineAidPerFront: z.number().int().min(1),
  /** The off-map theatre whose forces move the Front track. */
  frontTheatre: theatreId,
  /** The Front moves toward Russia by 1 in a round where Russian and North Korean forces there exceed this, and away when fewer. */
  frontResistance: z.number().int().min(0),
  polarisation: z.strictObject({
    crossEngage: delta,
    crossPressure: delta,
    blocSummit: delta,
  }),
  /** Relation at or below which a power's forces make a deployment beside them alarming. */
  hostileRelation: relationValue,
  /** Tension at which a crisis is drawn, and at which war breaks out: within the Tension range (semantic.ts). */
  crisisAt: trackValue.min(1),
  warAt: trackValue.min(1),
  calmEasing: z.number().int().min(0),
  war: z.strictObject({
    /** Points each power loses when war breaks out. */
    penalty: z.record(power, z.number().int().min(0)),
    /** Extra points lost by the power that pushed Tension to war. */
    culpritPenalty: z.number().int().min(0),
  }),
  /** Each track's range, [lowest, highest]. */
  trackRange: z
    .strictObject({ tension: trackRange, polarisation: trackRange, front: trackRange, capability: trackRange })
    .default({ tension: [0, 10], polarisation: [0, 10], front: [-5, 5], capability: [0, 10] }),
  /**
   * How far an order moves the relation between the two powers: an engagement; a summit
   * (both engage each other: this in all, instead of one engagement each); pressure; aid
   * of at least aidRelationThreshold.
   */
  relationSteps: z
    .strictObject({ engage: delta, summit: delta, pressure: delta, aid: delta })
    .default({ engage: 1, summit: 2, pressure: -1, aid: 1 }),
  /** Capital a pressured power loses (a sanction). */
  sanction: z.number().int().min(0).default(1),
  /** The most Capital one aid order may give. */
  maxAid: z.number().int().min(1).max(50).default(10),
  /** North Korea's capability build (a missile test): how far it moves Capability and Tension. */
  missileTest: z.strictObject({ capability: delta, tension: delta }).default({ capability: 1, tension: 1 }),
  /** Tension added by a deployment beside a hostile power, and taken off by a withdrawal from beside one. */
  postureTension: z.number().int().min(0).default(1),
  /** How far the Front moves in a round when the forces there are more (or fewer) than frontResistance. */
  frontDrift: z.number().int().min(0).default(1),
  /**
   * Agendas' points are written for the scenario's full length; true scales them to the
   * rounds the match plays (points × rounds ÷ the scenario's rounds, rounded, at least 1),
   * so a shorter game is not decided by one lump scored at the end.
   */
  agendaScale: z.boolean().default(false),
  /**
   * At the round's close, Capital above this many rounds of the power's income lapses:
   * saved Capital has to be spent. Absent: Capital carries over whole.
   */
  capitalCarry: z.number().int().min(0).optional(),
  /**
   * A tie on points goes to the power with more Capital left ('capital'), or to the one
   * that met more objectives over the game, each objective once per round ('objectives');
   * a tie on that too shares the place.
   */
  tieBreak: z.enum(['capital', 'objectives']).default('capital'),
  /**
   * North Korea's programme as milestones (C10): a capability build costs `costs.buildCapability`
   * plus 1 for every `costRiseEvery` points of Capability already reached (0: the cost never
   * rises), and from Capability `helpFrom` on it needs the condition `help` (read with North
   * Korea as SELF): Russian help. Left out, builds cost the same all the way and need nothing.
   */
  capabilityMilestones: z
    .strictObject({
      costRiseEvery: z.number().int().min(0),
      helpFrom: trackValue,
      help: conditionSchema,
    })
    .optional(),
  /**
   * Crises from events (MODEL.md direction 5). A round with a provocation (a missile test
   * that raised Capability, a deployment beside a hostile power) may draw a crisis card
   * (with chance `chance`) from Tension `from` on, not only at crisisAt. In a crisis, when a decider chose the option
   * `slip.option`, the standoff may slip out of control: with chance `slip.chance` Tension
   * rises by `slip.tension` more, that power's act. Left out, crises come only at crisisAt and never slip.
   */
  crisisEvents: z
    .strictObject({
      from: trackValue,
      /** The chance (0–1) that a provocation from Tension `from` sparks a crisis: no provocation is provably safe, none certain to spark one. */
      chance: z.number().min(0).max(1),
      slip: z.strictObject({ option: id, chance: z.number().min(0).max(1), tension: z.number().int().min(1) }),
    })
    .optional(),
});
export type Rules = z.infer<typeof rulesSchema>;

// ---------------------------------------------------------------------------
// The whole file
// ---------------------------------------------------------------------------

const perPower = <T extends z.ZodType>(value: T) =>
  z.strictObject(Object.fromEntries(POWERS.map((p) => [p, value])) as Record<(typeof POWERS)[number], T>);

export const theatreSchema = z.strictObject({
  id: theatreId,
  name: text,
  /** Other names a theatre is known by; disputed seas show both. */
  altName: text.optional(),
  /** Only these powers may deploy here (the Ukraine Front: RUS and PRK). */
  onlyFor: z.array(power).optional(),
  /** Off the map: drawn as a box (the Ukraine Front). */
  offMap: z.boolean().default(false),
  /** Powers that must keep at least one force here (both Koreas at the DMZ). */
  garrison: z.array(power).default([]),
  /** The theatre counts as home waters for these powers (Japan's deterrence objective). */
  homeOf: z.array(power).default([]),
  /** Where it is drawn: [longitude, latitude] of its label, the polygon comes from assets. */
  anchor: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).optional(),
});
export type Theatre = z.infer<typeof theatreSchema>;

export const scenarioSchema = z.strictObject({
  format: z.literal(1).describe('The scenario format version.'),
  id,
  title: text,
  summary: text,
  rounds: z.number().int().min(1).max(20),
  /** The classroom short form. */
  shortRounds: z.number().int().min(1).max(20).optional(),
  /** The month the scenario opens. Each round is dated by its headline's `date`. */
  startDate: z.string().regex(MONTH, 'dates are written YYYY-MM, like "2023-09"'),
  blocs: z.strictObject({ north: z.array(power).min(1), south: z.array(power).min(1) }),
  powers: perPower(
    z.strictObject({
      capital: z.number().int().min(0).max(50),
      income: z.number().int().min(0).max(20),
      reserve: z.number().int().min(0).max(20),
      interests: text,
      /** Key people for the power's role brief: who decides, speaks or advises for it in the source's events. */
      people: z.array(z.strictObject({ name: text, role: text })).max(8).optional(),
      objectives: z.array(objectiveSchema).min(1),
    }),
  ),
  /** Every one of the 15 pairs, written "CHN-RUS" in either order. */
  relations: z.record(z.string(), relationValue),
  /** Where each track starts: within rules.trackRange (checked in semantic.ts). */
  tracks: z.strictObject({ tension: trackValue, polarisation: trackValue, front: trackValue, capability: trackValue }),
  theatres: z.array(theatreSchema).min(1),
  /** Forces standing at the start: theatre → power → count. */
  forces: z.record(theatreId, z.partialRecord(power, z.number().int().min(0).max(20))),
  rules: rulesSchema,
  /** Which headline is revealed in which round: one card, or one drawn at random from a pool. */
  timeline: z.array(
    z.union([
      z.strictObject({ round: z.number().int().min(1), card: id }),
      z.strictObject({ round: z.number().int().min(1), pool: z.array(id).min(2) }),
    ]),
  ),
  headlines: z.array(headlineCardSchema).min(1),
  policies: z.array(policyCardSchema),
  crises: z.array(crisisCardSchema).min(1),
  agendas: z.array(agendaSchema),
  /**
   * What each flag means, as players read it ("Now in force: <label>"): every flag a
   * card raises, lowers or tests needs one (semantic.ts), so an id never reaches the screen.
   */
  flags: z.record(id, text).default({}),
});
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Scenario = z.infer<typeof scenarioSchema>;
