/**
 * Effects and conditions: the small language scenario files use for what cards,
 * decisions and outcomes do, and for what objectives and agendas test.
 */
import type { Condition, Effect, Scenario } from '../scenario/schema.js';
import {
  addForces,
  changeCapital,
  changeRelation,
  changeTrack,
  forcesIn,
  log,
  relation,
  removeForces,
  revealForces,
  transferCapital,
} from './mechanics.js';
import type { PowerId } from './powers.js';
import type { Table } from './types.js';

/** Who SELF and TARGET are, and whose act this is (for Tension's culprit). */
export interface EffectContext {
  self?: PowerId;
  target?: PowerId;
}

type PowerRef = PowerId | 'SELF' | 'TARGET';

function who(ref: PowerRef, ctx: EffectContext): PowerId {
  const power = ref === 'SELF' ? ctx.self : ref === 'TARGET' ? ctx.target : ref;
  // The validator refuses SELF/TARGET where there is none; reaching this is a bug in the rules.
  if (!power) throw new Error(`effect names ${ref} where there is no such power`);
  return power;
}

/** Effects that must act before anything else in a round's resolution. */
export function isReaction(effect: Effect): boolean {
  return 'cancelCards' in effect || 'shield' in effect;
}

/**
 * The highest Capability North Korea's own acts (its tests, its cards) can reach now:
 * from `helpFrom` on the programme needs Russian help (rules.capabilityMilestones, C10).
 */
export function capabilityCeiling(sc: Scenario, table: Table): number {
  const m = sc.rules.capabilityMilestones;
  const top = sc.rules.trackRange.capability[1];
  return m && !holds(table, m.help, { self: 'PRK' }) ? Math.min(top, m.helpFrom) : top;
}

/** Raise Capability by North Korea's own act, no further than the programme can go without help. */
export function raiseOwnCapability(G: Table, sc: Scenario, delta: number): void {
  const ceiling = capabilityCeiling(sc, G);
  const allowed = Math.min(delta, Math.max(0, ceiling - G.tracks.capability));
  if (allowed < delta) log(G, { code: 'capabilityStalled', power: 'PRK', value: ceiling });
  const before = G.tracks.capability;
  changeTrack(G, sc, 'capability', allowed, 'PRK');
  if (G.tracks.capability > before) G.roundFx.provoked ??= 'PRK';
}

export function applyEffect(G: Table, sc: Scenario, effect: Effect, ctx: EffectContext): void {
  const source = ctx.self ?? null;
  if ('track' in effect) {
    if (effect.track === 'capability' && effect.delta > 0 && source === 'PRK') return raiseOwnCapability(G, sc, effect.delta);
    return changeTrack(G, sc, effect.track, effect.delta, source);
  }
  if ('relation' in effect) return changeRelation(G, who(effect.relation[0], ctx), who(effect.relation[1], ctx), effect.delta);
  if ('capital' in effect) {
    const power = who(effect.capital, ctx);
    changeCapital(G, power, effect.delta);
    return log(G, { code: 'capital', power, value: effect.delta });
  }
  if ('transfer' in effect) {
    transferCapital(G, who(effect.transfer.from, ctx), who(effect.transfer.to, ctx), effect.transfer.amount);
    return;
  }
  if ('income' in effect) {
    const power = who(effect.income, ctx);
    G.powers[power].income = Math.max(0, G.powers[power].income + effect.delta);
    return log(G, { code: 'income', power, value: effect.delta });
  }
  if ('vp' in effect) {
    const power = who(effect.vp, ctx);
    G.powers[power].vp += effect.delta;
    return log(G, { code: 'vp', power, value: effect.delta });
  }
  if ('forces' in effect) {
    const power = who(effect.forces, ctx);
    const covert = effect.covert === true;
    const changed =
      effect.delta > 0
        ? addForces(G, effect.theatre, power, effect.delta, covert, false)
        : -removeForces(G, effect.theatre, power, -effect.delta, false);
    // A covert arrival is logged without its owner or size: that is the point of it.
    if (covert && changed > 0) return log(G, { code: 'covertArrival', theatre: effect.theatre });
    return log(G, { code: 'forces', power, theatre: effect.theatre, value: changed });
  }
  if ('reserve' in effect) {
    const power = who(effect.reserve, ctx);
    G.powers[power].reserve = Math.max(0, G.powers[power].reserve + effect.delta);
    return log(G, { code: 'reserve', power, value: effect.delta });
  }
  if ('reveal' in effect) return revealForces(G, effect.reveal);
  if ('cancelCards' in effect) {
    const power = who(effect.cancelCards, ctx);
    if (!G.roundFx.cancelled.includes(power)) G.roundFx.cancelled.push(power);
    return log(G, { code: 'cancelCards', power: source ?? power, target: power });
  }
  if ('shield' in effect) {
    const power = who(effect.shield, ctx);
    if (!G.roundFx.shielded.includes(power)) G.roundFx.shielded.push(power);
    return log(G, { code: 'shield', power });
  }
  if ('setFlag' in effect) {
    if (!G.flags.includes(effect.setFlag)) G.flags.push(effect.setFlag);
    return;
  }
  G.flags = G.flags.filter((flag) => flag !== effect.clearFlag);
}

export function applyEffects(G: Table, sc: Scenario, effects: readonly Effect[], ctx: EffectContext): void {
  for (const effect of effects) {
    if (G.war) return;
    applyEffect(G, sc, effect, ctx);
  }
}

const within = (value: number, c: { min?: number | undefined; max?: number | undefined }) =>
  (c.min === undefined || value >= c.min) && (c.max === undefined || value <= c.max);

/** Does the condition hold in this state (or in this seat's view of it)? */
export function holds(G: Table, cond: Condition, ctx: EffectContext): boolean {
  if ('all' in cond) return cond.all.every((c) => holds(G, c, ctx));
  if ('any' in cond) return cond.any.some((c) => holds(G, c, ctx));
  if ('not' in cond) return !holds(G, cond.not, ctx);
  if ('track' in cond) return within(G.tracks[cond.track], cond);
  if ('relation' in cond) return within(relation(G, who(cond.relation[0], ctx), who(cond.relation[1], ctx)), cond);
  if ('relationAtLeast' in cond) {
    const [a, b] = cond.relationAtLeast;
    const [c, d] = cond.than;
    return relation(G, who(a, ctx), who(b, ctx)) >= relation(G, who(c, ctx), who(d, ctx));
  }
  if ('forces' in cond) {
    const power = who(cond.forces, ctx);
    const total = cond.theatres.reduce((sum, t) => sum + forcesIn(G, t, power), 0);
    const needed = Math.max(cond.min ?? 0, cond.perTrack ? Math.ceil(G.tracks[cond.perTrack.track] / cond.perTrack.divisor) : 0);
    return total >= needed;
  }
  if ('rose' in cond) return G.tracks[cond.rose] > G.roundStart[cond.rose];
  if ('flag' in cond) return G.flags.includes(cond.flag);
  if ('aidGiven' in cond) {
    const key = `${who(cond.aidGiven.from, ctx)}>${who(cond.aidGiven.to, ctx)}`;
    return (G.stats.aidGiven[key] ?? 0) >= cond.min;
  }
  if ('roundsAtFront' in cond) return (G.stats.roundsAtFront[who(cond.roundsAtFront, ctx)] ?? 0) >= cond.min;
  return within(G.powers[who(cond.capital, ctx)].capital, cond);
}
