/**
 * Why a bot chose what it chose, in one phrase: of everything its lookahead weighed
 * (each objective, its agenda, its means, its safety, its doctrine's posture), the
 * one that the choice moved most in its favour.
 */
import type { PowerId } from '../game/powers.js';
import type { Order } from '../game/types.js';
import type { Scenario } from '../scenario/schema.js';
import { MOTIVE_GOAL, OBJECTIVE_GOAL, POSTURE_GOAL } from '../view/text/en-bots.js';
import type { Posture } from './doctrine.js';
import type { Sketch } from './foresee.js';
import type { PlannedOrder } from './normalOrders.js';
import { appraiseAtRoundEnd, type Motive } from './value.js';

export interface Reason {
  /** Null when nothing weighed was moved in the power's favour (a tie broken at random). */
  goal: string | null;
  /** How much the choice gained by it, to compare reasons across orders. */
  strength: number;
}

/** Gains smaller than this are rounding, not reasons. */
const GAIN_EPSILON = 1e-6;

const key = (m: Motive) => (m.kind === 'objective' ? `objective:${m.id}` : m.kind);

function worths(sc: Scenario, s: Sketch, power: PowerId): Map<string, { motive: Motive; worth: number }> {
  const out = new Map<string, { motive: Motive; worth: number }>();
  appraiseAtRoundEnd(sc, s, power, (motive, worth) => out.set(key(motive), { motive, worth }));
  return out;
}

function goalOf(sc: Scenario, power: PowerId, motive: Motive): string {
  if (motive.kind !== 'objective') return MOTIVE_GOAL[motive.kind];
  const objective = sc.powers[power].objectives.find((o) => o.id === motive.id);
  return OBJECTIVE_GOAL[motive.id] ?? MOTIVE_GOAL.objective(objective?.label ?? motive.id);
}

/** The strongest reason to prefer `chosen` over `instead`, counting the posture's bonus for the choice as one reason. */
export function strongestReason(sc: Scenario, power: PowerId, posture: Posture, instead: Sketch, chosen: Sketch, postureGain: number): Reason {
  let best: Reason = { goal: postureGain > GAIN_EPSILON ? POSTURE_GOAL[posture.id] : null, strength: postureGain };
  const before = worths(sc, instead, power);
  for (const [k, { motive, worth }] of worths(sc, chosen, power)) {
    const gain = worth - (before.get(k)?.worth ?? 0);
    if (gain > Math.max(best.strength, GAIN_EPSILON)) best = { goal: goalOf(sc, power, motive), strength: gain };
  }
  return best;
}

/** The order of a plan with the strongest reason, and that reason: it leads the plan's rationale. */
export function leadReason(sc: Scenario, power: PowerId, posture: Posture, plan: readonly PlannedOrder[]): { order: Order; reason: Reason } {
  const reasons = plan.map((p) => ({ order: p.order, reason: strongestReason(sc, power, posture, p.before, p.after, p.bonus) }));
  return reasons.reduce((a, b) => (b.reason.strength > a.reason.strength + 1e-9 ? b : a));
}
