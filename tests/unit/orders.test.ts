/**
 * Each order kind on small hand-built states (GAME.md "A round", step 3 "Orders"):
 * what it costs, what it does once every seat has locked in, and why it is refused.
 *
 * Most tests use `quiet()`: the tiny scenario with income, calm easing and card draws
 * switched off, so Capital, Tension and hands after the round are exactly what the
 * orders made them. Seats with nothing to do hold (+holdGain Capital per hold).
 */
import { describe, expect, it } from 'vitest';
import { submitOrders, decide, legalChoices } from '../../src/game/actions.js';
import { forcesIn, stackOf } from '../../src/game/mechanics.js';
import { legalOrders, type LegalOrders, type Refusal } from '../../src/game/orders.js';
import type { Reason } from '../../src/game/reasons.js';
import { POWERS } from '../../src/game/powers.js';
import { setupState } from '../../src/game/setup.js';
import type { GameState, Order, OrderKind } from '../../src/game/types.js';
import { playerView } from '../../src/game/view.js';
import type { Scenario, ScenarioInput } from '../../src/scenario/schema.js';
import { checkInvariants } from '../helpers/invariants.js';
import { tinyScenario } from '../helpers/tinyScenario.js';
import { HOLD3, giveCard, playRound, policy, withHolds } from '../helpers/round.js';

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------



/** China's test cards: a targeted card, a card with a requirement, a card too dear to play. */
const OUTREACH = 'chn-outreach';
const GATED = 'chn-gated';
const COSTLY = 'chn-costly';

/** The tiny scenario without income, calm easing or draws, plus China's test cards. */
function quiet(edit?: (input: ScenarioInput) => void): Scenario {
  return tinyScenario((input) => {
    for (const p of POWERS) input.powers[p].income = 0;
    input.rules.calmEasing = 0;
    input.rules.drawPerRound = 0;
    input.policies.push(
      policy(OUTREACH, 'CHN', [{ relation: ['SELF', 'TARGET'], delta: 1 }, { capital: 'TARGET', delta: 2 }], {
        cost: 2,
        target: ['USA', 'JPN', 'KOR'],
      }),
      policy(GATED, 'CHN', [{ track: 'polarisation', delta: -1 }], { requires: { relation: ['CHN', 'USA'], min: 1 } }),
      policy(COSTLY, 'CHN', [{ vp: 'SELF', delta: 1 }], { cost: 6 }),
    );
    edit?.(input);
  });
}

function start(sc: Scenario, seed = 'orders'): GameState {
  const G = setupState(sc, { seed });
  expect(G.step).toEqual({ kind: 'orders' });
  return G;
}




/** Answer open decisions with each decider's last option (the tiny scenario's "refuse" / "calm"). */
function settle(sc: Scenario, G: GameState): void {
  while (G.step.kind === 'decide') {
    for (const p of G.step.powers) {
      const legal = legalChoices(sc, G, p);
      if ('options' in legal) expect(decide(sc, G, p, legal.options[legal.options.length - 1])).toBeNull();
    }
  }
}


const illegal = (index: number, why: unknown) => ({ code: 'illegalOrder', index, why });

/** legalOrders lists a refusal of this kind for this reason (and about this card/theatre/target/what, if given). */
function expectRefused(legal: LegalOrders, kind: OrderKind, reason: Reason, about: Partial<Refusal> = {}): void {
  expect(legal.refused).toContainEqual(expect.objectContaining({ kind, reason, ...about }));
}

// ---------------------------------------------------------------------------
// Engage
// ---------------------------------------------------------------------------

describe('engage (GAME.md: "Engage a power: relation +1 ... summit +2 ... across the blocs lowers Polarisation")', () => {
  it('raises the relation by 1 and, across the blocs, lowers Polarisation by crossEngage', () => {
    const sc = quiet();
    const G = start(sc);
    playRound(sc, G, { CHN: withHolds({ kind: 'engage', target: 'KOR' }) });
    expect(G.relations['CHN-KOR']).toBe(0 + 1);
    expect(G.tracks.polarisation).toBe(5 + sc.rules.polarisation.crossEngage);
    checkInvariants(sc, G);
  });

  it('lowers Polarisation once per cross-bloc engage order', () => {
    const sc = quiet();
    const G = start(sc);
    playRound(sc, G, {
      CHN: withHolds({ kind: 'engage', target: 'KOR' }),
      USA: withHolds({ kind: 'engage', target: 'RUS' }),
    });
    expect(G.relations['CHN-KOR']).toBe(1);
    expect(G.relations['RUS-USA']).toBe(-3 + 1);
    expect(G.tracks.polarisation).toBe(5 + 2 * sc.rules.polarisation.crossEngage);
  });

  it('engaging within a bloc does not move Polarisation', () => {
    const sc = quiet();
    const G = start(sc);
    playRound(sc, G, { CHN: withHolds({ kind: 'engage', target: 'PRK' }) });
    expect(G.relations['CHN-PRK']).toBe(1 + 1);
    expect(G.tracks.polarisation).toBe(5);
  });

  it('a mutual engage is a summit: +2 once, not +1 per side plus +2 (cross-bloc: each order still eases Polarisation)', () => {
    const sc = quiet();
    const G = start(sc);
    playRound(sc, G, {
      CHN: withHolds({ kind: 'engage', target: 'KOR' }),
      KOR: withHolds({ kind: 'engage', target: 'CHN' }),
    });
    expect(G.relations['CHN-KOR']).toBe(0 + 2);
    expect(G.tracks.polarisation).toBe(5 + 2 * sc.rules.polarisation.crossEngage);
    expect(G.log.filter((e) => e.code === 'summit')).toHaveLength(1);
  });

  it('a summit within a bloc changes Polarisation by blocSummit (once)', () => {
    const sc = quiet();
    const G = start(sc);
    playRound(sc, G, {
      CHN: withHolds({ kind: 'engage', target: 'PRK' }),
      PRK: withHolds({ kind: 'engage', target: 'CHN' }),
    });
    expect(G.relations['CHN-PRK']).toBe(1 + 2);
    expect(G.tracks.polarisation).toBe(5 + sc.rules.polarisation.blocSummit);
  });

  it('a relation never rises above +3', () => {
    const sc = quiet();
    const G = start(sc);
    playRound(sc, G, {
      USA: withHolds({ kind: 'engage', target: 'JPN' }),
      JPN: withHolds({ kind: 'engage', target: 'USA' }),
    });
    expect(G.relations['USA-JPN']).toBe(3);
  });
});

// ---------------------------------------------------------------------------
// Pressure
// ---------------------------------------------------------------------------

describe('pressure (GAME.md: "Pressure a power: relation -1 and it loses 1 Capital (sanctions)")', () => {
  it('lowers the relation by 1, costs the presser costs.pressure and takes 1 Capital from the target', () => {
    const sc = quiet();
    const G = start(sc);
    const { pressure } = sc.rules.costs;
    const hold = sc.rules.holdGain;
    playRound(sc, G, { CHN: withHolds({ kind: 'pressure', target: 'KOR' }) });
    expect(G.relations['CHN-KOR']).toBe(0 - 1);
    expect(G.powers.CHN.capital).toBe(5 - pressure + 2 * hold);
    expect(G.powers.KOR.capital).toBe(5 + 3 * hold - 1);
  });

  it('across the blocs raises Polarisation by crossPressure; within a bloc it does not', () => {
    const sc = quiet();
    const G = start(sc);
    playRound(sc, G, { CHN: withHolds({ kind: 'pressure', target: 'KOR' }) });
    expect(G.tracks.polarisation).toBe(5 + sc.rules.polarisation.crossPressure);

    const H = start(sc);
    playRound(sc, H, { CHN: withHolds({ kind: 'pressure', target: 'RUS' }) });
    expect(H.relations['CHN-RUS']).toBe(2 - 1);
    expect(H.tracks.polarisation).toBe(5);
  });

  it('never takes Capital below 0', () => {
    const sc = quiet();
    const G = start(sc);
    G.powers.KOR.capital = 0;
    playRound(sc, G, {
      CHN: withHolds({ kind: 'pressure', target: 'KOR' }),
      // Free orders, so KOR gains nothing this round.
      KOR: [
        { kind: 'engage', target: 'USA' },
        { kind: 'engage', target: 'JPN' },
        { kind: 'engage', target: 'RUS' },
      ],
    });
    expect(G.powers.KOR.capital).toBe(0);
    checkInvariants(sc, G);
  });

  it('a sanction on a power at 0 Capital gives the same result whichever seat presses (GAME.md: the result never depends on who acts first)', () => {
    // The pressed power holds three times: +3 and -1 land in the same step, so it ends on 2
    // whether it sits before or after the presser in seat order.
    const sc = quiet();
    const expected = 0 + 3 * sc.rules.holdGain - 1;

    const A = start(sc);
    A.powers.CHN.capital = 0;
    playRound(sc, A, { KOR: withHolds({ kind: 'pressure', target: 'CHN' }) });
    expect(A.powers.CHN.capital, 'CHN pressed by KOR (presser seated after)').toBe(expected);

    const B = start(sc);
    B.powers.KOR.capital = 0;
    playRound(sc, B, { CHN: withHolds({ kind: 'pressure', target: 'KOR' }) });
    expect(B.powers.KOR.capital, 'KOR pressed by CHN (presser seated before)').toBe(expected);
  });
});

// ---------------------------------------------------------------------------
// Aid
// ---------------------------------------------------------------------------

describe('aid (GAME.md: "Aid a power: give it Capital; 2 or more also gives relation +1"; aid to Ukraine pushes the Front back)', () => {
  it('Capital is committed by the giver at lock-in and reaches the receiver only at resolution', () => {
    const sc = quiet();
    const G = start(sc);
    const hold = sc.rules.holdGain;
    const chnOrders = withHolds({ kind: 'aid', target: 'KOR', amount: 3 });
    expect(submitOrders(sc, G, 'CHN', chnOrders)).toBeNull();
    // Committed: CHN's own budget counts the aid; nothing has moved yet.
    expect(legalOrders(sc, G, 'CHN', chnOrders).budget).toBe(5 - 3);
    expect(G.powers.KOR.capital).toBe(5);
    expect(legalOrders(sc, G, 'KOR').budget).toBe(5);
    playRound(sc, G);
    expect(G.powers.CHN.capital).toBe(5 - 3 + 2 * hold);
    expect(G.powers.KOR.capital).toBe(5 + 3 * hold + 3);
    checkInvariants(sc, G);
  });

  it('aid of at least aidRelationThreshold also raises the relation by 1', () => {
    const sc = quiet();
    const G = start(sc);
    playRound(sc, G, { CHN: withHolds({ kind: 'aid', target: 'KOR', amount: sc.rules.aidRelationThreshold }) });
    expect(G.relations['CHN-KOR']).toBe(0 + 1);
  });

  it('aid below aidRelationThreshold moves Capital but not the relation', () => {
    const sc = quiet();
    const G = start(sc);
    const amount = sc.rules.aidRelationThreshold - 1;
    playRound(sc, G, { CHN: withHolds({ kind: 'aid', target: 'KOR', amount }) });
    expect(G.relations['CHN-KOR']).toBe(0);
    expect(G.powers.KOR.capital).toBe(5 + 3 * sc.rules.holdGain + amount);
  });

  it('aid to Ukraine pushes the Front back by floor(total of all Ukraine aid / ukraineAidPerFront)', () => {
    const sc = quiet();
    const G = start(sc);
    // 3 + 1 = 4 → 2 steps (counted per order it would be 1 + 0).
    playRound(sc, G, {
      CHN: withHolds({ kind: 'aid', target: 'UKR', amount: 3 }),
      USA: withHolds({ kind: 'aid', target: 'UKR', amount: 1 }),
    });
    expect(G.tracks.front).toBe(0 - Math.floor(4 / sc.rules.ukraineAidPerFront));
    expect(G.powers.CHN.capital).toBe(5 - 3 + 2 * sc.rules.holdGain);
  });

  it('aid to Ukraine below ukraineAidPerFront leaves the Front where it is', () => {
    const sc = quiet();
    const G = start(sc);
    playRound(sc, G, { JPN: withHolds({ kind: 'aid', target: 'UKR', amount: sc.rules.ukraineAidPerFront - 1 }) });
    expect(G.tracks.front).toBe(0);
  });

  it('Russia and North Korea are refused aid to Ukraine (cannotAidUkraine)', () => {
    const sc = quiet();
    const G = start(sc);
    for (const p of ['RUS', 'PRK'] as const) {
      const legal = legalOrders(sc, G, p);
      expect(legal.options.some((o) => o.order.kind === 'aid' && o.order.target === 'UKR')).toBe(false);
      expectRefused(legal, 'aid', { code: 'cannotAidUkraine' }, { target: 'UKR' });
      expect(submitOrders(sc, G, p, withHolds({ kind: 'aid', target: 'UKR', amount: 1 }))).toEqual(
        illegal(0, { code: 'cannotAidUkraine' }),
      );
    }
    // Others may.
    expect(legalOrders(sc, G, 'CHN').options.some((o) => o.order.kind === 'aid' && o.order.target === 'UKR')).toBe(true);
  });

  it('stats.aidGiven accumulates per giver>receiver over the game', () => {
    const sc = quiet();
    const G = start(sc);
    playRound(sc, G, { RUS: withHolds({ kind: 'aid', target: 'PRK', amount: 2 }) });
    expect(G.stats.aidGiven['RUS>PRK']).toBe(2);
    settle(sc, G);
    playRound(sc, G, { RUS: withHolds({ kind: 'aid', target: 'PRK', amount: 3 }) });
    expect(G.stats.aidGiven['RUS>PRK']).toBe(5);
    expect(G.stats.aidGiven['PRK>RUS']).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------
// Deploy
// ---------------------------------------------------------------------------

describe('deploy (GAME.md: "Deploy a force to a theatre"; Posture: a deployment beside a power at -2 or worse adds 1 Tension)', () => {
  it('moves one force from the reserve to the theatre and costs costs.deploy', () => {
    const sc = quiet();
    const G = start(sc);
    playRound(sc, G, { JPN: withHolds({ kind: 'deploy', theatre: 'EAST_SEA' }) });
    expect(G.powers.JPN.reserve).toBe(2 - 1);
    expect(stackOf(G, 'EAST_SEA', 'JPN')).toEqual({ open: 2, covert: 0 });
    expect(G.powers.JPN.capital).toBe(5 - sc.rules.costs.deploy + 2 * sc.rules.holdGain);
    // Nobody hostile there: no Tension.
    expect(G.tracks.tension).toBe(4);
  });

  it('is refused with noReserve when the reserve is empty, and counts deploys already chosen', () => {
    const sc = quiet();
    const G = start(sc);
    G.powers.USA.reserve = 0;
    expect(submitOrders(sc, G, 'USA', withHolds({ kind: 'deploy', theatre: 'DMZ' }))).toEqual(illegal(0, { code: 'noReserve' }));
    G.powers.USA.reserve = 1;
    expect(
      submitOrders(sc, G, 'USA', [{ kind: 'deploy', theatre: 'DMZ' }, { kind: 'deploy', theatre: 'EAST_SEA' }, { kind: 'hold' }]),
    ).toEqual(illegal(1, { code: 'noReserve' }));
    expectRefused(legalOrders(sc, G, 'USA', [{ kind: 'deploy', theatre: 'DMZ' }]), 'deploy', { code: 'noReserve' });
  });

  it('the Ukraine Front is closed (theatreClosed) to powers not in its onlyFor', () => {
    const sc = quiet();
    const G = start(sc);
    for (const p of ['CHN', 'USA', 'JPN', 'KOR'] as const) {
      expectRefused(legalOrders(sc, G, p), 'deploy', { code: 'theatreClosed' }, { theatre: 'FRONT' });
      expect(submitOrders(sc, G, p, withHolds({ kind: 'deploy', theatre: 'FRONT' }))).toEqual(illegal(0, { code: 'theatreClosed' }));
    }
    for (const p of ['RUS', 'PRK'] as const) {
      expect(legalOrders(sc, G, p).options.map((o) => o.order)).toContainEqual({ kind: 'deploy', theatre: 'FRONT' });
    }
  });

  it('into a theatre holding forces of a power at relation <= hostileRelation adds 1 Tension', () => {
    const sc = quiet();
    const G = start(sc);
    // USA–PRK is -3 and PRK mans the DMZ.
    playRound(sc, G, { USA: withHolds({ kind: 'deploy', theatre: 'DMZ' }) });
    expect(stackOf(G, 'DMZ', 'USA').open).toBe(2);
    expect(G.tracks.tension).toBe(4 + 1);
  });

  it('hostility is relation <= hostileRelation: at -1 no Tension, at -2 Tension +1', () => {
    const sc = quiet();
    expect(sc.rules.hostileRelation).toBe(-2);
    // CHN–USA is -1 in the tiny scenario, USA has a force at the DMZ; CHN's other neighbours there are friendly.
    const G = start(sc);
    playRound(sc, G, { CHN: withHolds({ kind: 'deploy', theatre: 'DMZ' }) });
    expect(G.tracks.tension).toBe(4);

    const H = start(sc);
    H.relations['CHN-USA'] = -2;
    playRound(sc, H, { CHN: withHolds({ kind: 'deploy', theatre: 'DMZ' }) });
    expect(H.tracks.tension).toBe(4 + 1);
  });

  it('into a theatre with no hostile forces adds no Tension even if a hostile power is elsewhere', () => {
    const sc = quiet();
    const G = start(sc);
    // KOR–PRK is -3, but PRK is not in the East Sea.
    playRound(sc, G, { KOR: withHolds({ kind: 'deploy', theatre: 'EAST_SEA' }) });
    expect(forcesIn(G, 'EAST_SEA', 'KOR')).toBe(1);
    expect(G.tracks.tension).toBe(4);
  });
});

// ---------------------------------------------------------------------------
// Withdraw
// ---------------------------------------------------------------------------

describe('withdraw (GAME.md: "Withdraw one from it"; "both Koreas always man the DMZ"; a withdrawal from a hostile theatre eases Tension)', () => {
  it('moves one force from the theatre back to the reserve, free of charge', () => {
    const sc = quiet();
    const G = start(sc);
    playRound(sc, G, { JPN: withHolds({ kind: 'withdraw', theatre: 'EAST_SEA' }) });
    expect(forcesIn(G, 'EAST_SEA', 'JPN')).toBe(0);
    expect(G.powers.JPN.reserve).toBe(2 + 1);
    expect(G.powers.JPN.capital).toBe(5 + 2 * sc.rules.holdGain);
    // No hostile power in the East Sea: Tension unchanged.
    expect(G.tracks.tension).toBe(4);
  });

  it('from a theatre holding hostile forces lowers Tension by 1', () => {
    const sc = quiet();
    const G = start(sc);
    playRound(sc, G, { USA: withHolds({ kind: 'withdraw', theatre: 'DMZ' }) });
    expect(forcesIn(G, 'DMZ', 'USA')).toBe(0);
    expect(G.powers.USA.reserve).toBe(3);
    expect(G.tracks.tension).toBe(4 - 1);
  });

  it('North and South Korea cannot withdraw their last force from the DMZ (garrison)', () => {
    const sc = quiet();
    const G = start(sc);
    for (const p of ['PRK', 'KOR'] as const) {
      expectRefused(legalOrders(sc, G, p), 'withdraw', { code: 'garrison' });
      expect(submitOrders(sc, G, p, withHolds({ kind: 'withdraw', theatre: 'DMZ' }))).toEqual(illegal(0, { code: 'garrison' }));
    }
  });

  it('a Korea with two at the DMZ may withdraw one, not both', () => {
    const sc = quiet();
    const G = start(sc);
    G.forces.DMZ!.PRK = { open: 2, covert: 0 };
    expect(
      submitOrders(sc, G, 'PRK', [{ kind: 'withdraw', theatre: 'DMZ' }, { kind: 'withdraw', theatre: 'DMZ' }, { kind: 'hold' }]),
    ).toEqual(illegal(1, { code: 'garrison' }));
    playRound(sc, G, { PRK: withHolds({ kind: 'withdraw', theatre: 'DMZ' }) });
    expect(forcesIn(G, 'DMZ', 'PRK')).toBe(1);
    expect(G.powers.PRK.reserve).toBe(3);
  });

  it('with nothing to withdraw is refused (noForcesThere)', () => {
    const sc = quiet();
    const G = start(sc);
    // China has no forces anywhere.
    expectRefused(legalOrders(sc, G, 'CHN'), 'withdraw', { code: 'noForcesThere' });
    expect(submitOrders(sc, G, 'CHN', withHolds({ kind: 'withdraw', theatre: 'DMZ' }))).toEqual(illegal(0, { code: 'noForcesThere' }));
    // The US has one at the DMZ: a second withdrawal from it finds nothing there.
    expect(
      submitOrders(sc, G, 'USA', [{ kind: 'withdraw', theatre: 'DMZ' }, { kind: 'withdraw', theatre: 'DMZ' }, { kind: 'hold' }]),
    ).toEqual(illegal(1, { code: 'noForcesThere' }));
  });
});

// ---------------------------------------------------------------------------
// Build
// ---------------------------------------------------------------------------

describe('build (GAME.md: "+1 force (cost 3); North Korea may instead raise Capability (cost 2, Tension +1)")', () => {
  it('build force: reserve +1 for costs.buildForce', () => {
    const sc = quiet();
    const G = start(sc);
    playRound(sc, G, { CHN: withHolds({ kind: 'build', what: 'force' }) });
    expect(G.powers.CHN.reserve).toBe(2 + 1);
    expect(G.powers.CHN.capital).toBe(5 - sc.rules.costs.buildForce + 2 * sc.rules.holdGain);
  });

  it('build capability (North Korea): Capability +1 and Tension +1 for costs.buildCapability', () => {
    const sc = quiet();
    const G = start(sc);
    playRound(sc, G, { PRK: withHolds({ kind: 'build', what: 'capability' }) });
    expect(G.tracks.capability).toBe(4 + 1);
    expect(G.tracks.tension).toBe(4 + 1);
    expect(G.powers.PRK.capital).toBe(5 - sc.rules.costs.buildCapability + 2 * sc.rules.holdGain);
  });

  it('only North Korea may build capability (onlyNorthKorea)', () => {
    const sc = quiet();
    const G = start(sc);
    for (const p of ['CHN', 'RUS', 'USA', 'JPN', 'KOR'] as const) {
      expectRefused(legalOrders(sc, G, p), 'build', { code: 'onlyNorthKorea' }, { what: 'capability' });
      expect(submitOrders(sc, G, p, withHolds({ kind: 'build', what: 'capability' }))).toEqual(illegal(0, { code: 'onlyNorthKorea' }));
    }
  });

  it('at Capability 10 North Korea is refused (capabilityMaxed)', () => {
    const sc = quiet();
    const G = start(sc);
    G.tracks.capability = 10;
    expectRefused(legalOrders(sc, G, 'PRK'), 'build', { code: 'capabilityMaxed' }, { what: 'capability' });
    expect(submitOrders(sc, G, 'PRK', withHolds({ kind: 'build', what: 'capability' }))).toEqual(illegal(0, { code: 'capabilityMaxed' }));
  });
});

// ---------------------------------------------------------------------------
// Card
// ---------------------------------------------------------------------------

describe('card (GAME.md: "Play a policy card from the hand (its own effect and cost)")', () => {
  it('pays the cost, applies the effects with TARGET as the chosen power, and ends in the discard pile', () => {
    const sc = quiet();
    const G = start(sc);
    giveCard(G, 'CHN', OUTREACH);
    checkInvariants(sc, G);
    playRound(sc, G, { CHN: withHolds({ kind: 'card', card: OUTREACH, target: 'KOR' }) });
    expect(G.powers.CHN.capital).toBe(5 - 2 + 2 * sc.rules.holdGain);
    // relation [SELF, TARGET] +1 and capital TARGET +2, with TARGET = KOR.
    expect(G.relations['CHN-KOR']).toBe(0 + 1);
    expect(G.powers.KOR.capital).toBe(5 + 3 * sc.rules.holdGain + 2);
    expect(G.relations['CHN-USA']).toBe(-1);
    expect(G.powers.USA.capital).toBe(5 + 3 * sc.rules.holdGain);
    expect(G.powers.CHN.discard).toEqual([OUTREACH]);
    expect(G.seats.CHN.hand).not.toContain(OUTREACH);
    expect(G.powers.CHN.handCount).toBe(3);
    checkInvariants(sc, G);
  });

  it('a targeted card needs one of its listed targets', () => {
    const sc = quiet();
    const G = start(sc);
    giveCard(G, 'CHN', OUTREACH);
    const targets = legalOrders(sc, G, 'CHN').options.flatMap((o) => (o.order.kind === 'card' && o.order.card === OUTREACH ? [o.order.target] : []));
    expect(targets.sort()).toEqual(['JPN', 'KOR', 'USA']);
    expect(submitOrders(sc, G, 'CHN', withHolds({ kind: 'card', card: OUTREACH }))).toMatchObject({ code: 'illegalOrder', index: 0 });
    expect(submitOrders(sc, G, 'CHN', withHolds({ kind: 'card', card: OUTREACH, target: 'RUS' }))).toMatchObject({
      code: 'illegalOrder',
      index: 0,
    });
  });

  it('a card whose `requires` is unmet is refused (cardRequirement); once met it is playable', () => {
    const sc = quiet();
    const G = start(sc);
    giveCard(G, 'CHN', GATED);
    // Requires CHN–USA >= 1; it is -1.
    expectRefused(legalOrders(sc, G, 'CHN'), 'card', { code: 'cardRequirement' }, { card: GATED });
    expect(submitOrders(sc, G, 'CHN', withHolds({ kind: 'card', card: GATED }))).toEqual(illegal(0, { code: 'cardRequirement' }));
    G.relations['CHN-USA'] = 1;
    playRound(sc, G, { CHN: withHolds({ kind: 'card', card: GATED }) });
    expect(G.tracks.polarisation).toBe(5 - 1);
  });

  it('a card not in the hand is refused (notInHand), whether it is in the deck or another power\'s', () => {
    const sc = quiet();
    const G = start(sc);
    const inDeck = G.secret.decks.CHN[0]!;
    expect(G.seats.CHN.hand).not.toContain(inDeck);
    expect(submitOrders(sc, G, 'CHN', withHolds({ kind: 'card', card: inDeck }))).toEqual(illegal(0, { code: 'notInHand' }));
    expect(submitOrders(sc, G, 'CHN', withHolds({ kind: 'card', card: 'kor-filler-1' }))).toEqual(illegal(0, { code: 'notInHand' }));
    expect(submitOrders(sc, G, 'CHN', withHolds({ kind: 'card', card: 'no-such-card' }))).toEqual(illegal(0, { code: 'notInHand' }));
  });

  it('the same card cannot be played twice in a round: it is refused as already chosen, not as missing from the hand', () => {
    const sc = quiet();
    const G = start(sc);
    const card = G.seats.CHN.hand[0]!;
    expect(submitOrders(sc, G, 'CHN', [{ kind: 'card', card }, { kind: 'card', card }, { kind: 'hold' }])).toEqual(
      illegal(1, { code: 'cardAlreadyChosen' }),
    );
    // The card is still in the hand while the draft plays it: legalOrders says which it is.
    const legal = legalOrders(sc, G, 'CHN', [{ kind: 'card', card }]);
    expectRefused(legal, 'card', { code: 'cardAlreadyChosen' }, { card });
    expect(legal.refused).not.toContainEqual(expect.objectContaining({ reason: { code: 'notInHand' } }));
  });

  it('a card dearer than the budget is refused with notEnoughCapital need/have', () => {
    const sc = quiet();
    const G = start(sc);
    giveCard(G, 'CHN', COSTLY);
    expectRefused(legalOrders(sc, G, 'CHN'), 'card', { code: 'notEnoughCapital', need: 6, have: 5 }, { card: COSTLY });
    expect(submitOrders(sc, G, 'CHN', withHolds({ kind: 'card', card: COSTLY }))).toEqual(
      illegal(0, { code: 'notEnoughCapital', need: 6, have: 5 }),
    );
  });
});

// ---------------------------------------------------------------------------
// Hold
// ---------------------------------------------------------------------------

describe('hold (GAME.md: "Hold: save, +1 Capital")', () => {
  it('each hold adds holdGain Capital', () => {
    const sc = quiet();
    const G = start(sc);
    playRound(sc, G, { CHN: [{ kind: 'engage', target: 'RUS' }, { kind: 'hold' }, { kind: 'hold' }] });
    expect(G.powers.CHN.capital).toBe(5 + 2 * sc.rules.holdGain);
    expect(G.powers.USA.capital).toBe(5 + 3 * sc.rules.holdGain);
  });

  it('is always on offer, even with no Capital', () => {
    const sc = quiet();
    const G = start(sc);
    G.powers.CHN.capital = 0;
    expect(legalOrders(sc, G, 'CHN').options.map((o) => o.order)).toContainEqual({ kind: 'hold' });
  });
});

// ---------------------------------------------------------------------------
// Refusals
// ---------------------------------------------------------------------------

describe('refusals (GAME.md: "an order that cannot be paid is refused with a reason when it is chosen, never silently dropped")', () => {
  it('legalOrders refuses what the budget cannot pay, with need and have', () => {
    const sc = quiet();
    const G = start(sc);
    G.powers.CHN.capital = 2;
    expectRefused(legalOrders(sc, G, 'CHN'), 'build', { code: 'notEnoughCapital', need: 3, have: 2 }, { what: 'force' });
    G.powers.CHN.capital = 0;
    const broke = legalOrders(sc, G, 'CHN');
    expectRefused(broke, 'pressure', { code: 'notEnoughCapital', need: 1, have: 0 });
    expectRefused(broke, 'aid', { code: 'notEnoughCapital', need: 1, have: 0 });
    expectRefused(broke, 'deploy', { code: 'notEnoughCapital', need: 1, have: 0 });
  });

  it('the budget counts the orders already chosen', () => {
    const sc = quiet();
    const G = start(sc);
    const chosen: Order[] = [{ kind: 'build', what: 'force' }];
    const legal = legalOrders(sc, G, 'CHN', chosen);
    expect(legal.budget).toBe(5 - 3);
    expect(legal.remaining).toBe(2);
    expectRefused(legal, 'build', { code: 'notEnoughCapital', need: 3, have: 2 }, { what: 'force' });
    expect(submitOrders(sc, G, 'CHN', [{ kind: 'build', what: 'force' }, { kind: 'build', what: 'force' }, { kind: 'hold' }])).toEqual(
      illegal(1, { code: 'notEnoughCapital', need: 3, have: 2 }),
    );
    // With three orders chosen, nothing is left to choose.
    const full = legalOrders(sc, G, 'CHN', HOLD3);
    expect(full.remaining).toBe(0);
    expect(full.options).toEqual([]);
    expect(full.refused).toEqual([{ kind: 'hold', reason: { code: 'allOrdersChosen', limit: 3 } }]);
  });

  it('an aid larger than the budget is refused as notEnoughCapital with need/have (not with no reason, nor another power\'s reason)', () => {
    const sc = quiet();
    const G = start(sc);
    // CHN may aid Ukraine; RUS may not — neither reason is about aiding KOR 6 with 5 Capital.
    for (const p of ['CHN', 'RUS'] as const) {
      expect(submitOrders(sc, G, p, withHolds({ kind: 'aid', target: 'KOR', amount: 6 })), p).toEqual(
        illegal(0, { code: 'notEnoughCapital', need: 6, have: 5 }),
      );
    }
  });

  it('North Korea\'s missile test it cannot pay is refused with its own price (need 2), not the force\'s', () => {
    const sc = quiet();
    const G = start(sc);
    G.powers.PRK.capital = 1;
    expectRefused(legalOrders(sc, G, 'PRK'), 'build', { code: 'notEnoughCapital', need: sc.rules.costs.buildCapability, have: 1 }, { what: 'capability' });
    expect(submitOrders(sc, G, 'PRK', withHolds({ kind: 'build', what: 'capability' }))).toEqual(
      illegal(0, { code: 'notEnoughCapital', need: sc.rules.costs.buildCapability, have: 1 }),
    );
  });

  it('a missile test by another power is refused as onlyNorthKorea even when it also cannot afford a force', () => {
    const sc = quiet();
    const G = start(sc);
    G.powers.CHN.capital = 2;
    expect(submitOrders(sc, G, 'CHN', withHolds({ kind: 'build', what: 'capability' }))).toEqual(
      illegal(0, { code: 'onlyNorthKorea' }),
    );
  });

  it('engage or pressure a power already targeted this round is not offered (legalOrders: alreadyTargeted)', () => {
    const sc = quiet();
    const G = start(sc);
    const legal = legalOrders(sc, G, 'CHN', [{ kind: 'engage', target: 'KOR' }]);
    const offered = legal.options.map((o) => o.order);
    expect(offered).not.toContainEqual({ kind: 'engage', target: 'KOR' });
    expect(offered).not.toContainEqual({ kind: 'pressure', target: 'KOR' });
    expect(offered).toContainEqual({ kind: 'pressure', target: 'USA' });
    // ...and the refusal says why, about that power.
    expectRefused(legal, 'engage', { code: 'alreadyTargeted' }, { target: 'KOR' });
    expectRefused(legal, 'pressure', { code: 'alreadyTargeted' }, { target: 'KOR' });
    // Aid to the same power is a different kind of order and stays on offer.
    expect(offered).toContainEqual({ kind: 'aid', target: 'KOR', amount: 1 });
    const aided = legalOrders(sc, G, 'CHN', [{ kind: 'aid', target: 'KOR', amount: 1 }]).options.map((o) => o.order);
    expect(aided).not.toContainEqual({ kind: 'aid', target: 'KOR', amount: 1 });
  });

  it('engage and pressure the same power, or aid it twice, is refused as alreadyTargeted', () => {
    const sc = quiet();
    const G = start(sc);
    expect(
      submitOrders(sc, G, 'CHN', [{ kind: 'engage', target: 'KOR' }, { kind: 'pressure', target: 'KOR' }, { kind: 'hold' }]),
    ).toEqual(illegal(1, { code: 'alreadyTargeted' }));
    expect(
      submitOrders(sc, G, 'CHN', [{ kind: 'engage', target: 'KOR' }, { kind: 'engage', target: 'KOR' }, { kind: 'hold' }]),
    ).toEqual(illegal(1, { code: 'alreadyTargeted' }));
    expect(
      submitOrders(sc, G, 'CHN', [
        { kind: 'aid', target: 'KOR', amount: 1 },
        { kind: 'aid', target: 'KOR', amount: 1 },
        { kind: 'hold' },
      ]),
    ).toEqual(illegal(1, { code: 'alreadyTargeted' }));
  });

  it('an order aimed at oneself is refused', () => {
    const sc = quiet();
    const G = start(sc);
    for (const order of [
      { kind: 'engage', target: 'CHN' },
      { kind: 'pressure', target: 'CHN' },
      { kind: 'aid', target: 'CHN', amount: 1 },
    ] as Order[]) {
      expect(submitOrders(sc, G, 'CHN', withHolds(order)), order.kind).toEqual(illegal(0, { code: 'selfTarget' }));
      expect(legalOrders(sc, G, 'CHN').options.map((o) => o.order)).not.toContainEqual(order);
    }
  });

  it('exactly ordersPerRound orders (wrongOrderCount)', () => {
    const sc = quiet();
    const G = start(sc);
    expect(submitOrders(sc, G, 'CHN', [{ kind: 'hold' }, { kind: 'hold' }])).toEqual({ code: 'wrongOrderCount', limit: 3, given: 2 });
    expect(submitOrders(sc, G, 'CHN', [...HOLD3, { kind: 'hold' }])).toEqual({ code: 'wrongOrderCount', limit: 3, given: 4 });
    expect(submitOrders(sc, G, 'CHN', [])).toEqual({ code: 'wrongOrderCount', limit: 3, given: 0 });
  });

  it('junk is refused as malformedOrder at its index', () => {
    const sc = quiet();
    const G = start(sc);
    const junk: unknown[] = [
      null,
      42,
      'hold',
      [],
      {},
      { kind: 'fly' },
      { kind: 'hold', extra: true },
      { kind: 'engage' },
      { kind: 'engage', target: 'XYZ' },
      { kind: 'engage', target: 'KOR', amount: 1 },
      { kind: 'pressure', target: 3 },
      { kind: 'aid', target: 'KOR', amount: '2' },
      { kind: 'aid', target: 'KOR', amount: 1.5 },
      { kind: 'aid', target: 'MARS', amount: 1 },
      { kind: 'deploy', theatre: 7 },
      { kind: 'deploy', theatre: '' },
      { kind: 'withdraw' },
      { kind: 'build', what: 'nukes' },
      { kind: 'card', card: 5 },
      { kind: 'card', card: 'chn-filler-1', target: 'UKR' },
    ];
    for (const item of junk) {
      expect(submitOrders(sc, G, 'CHN', [item, { kind: 'hold' }, { kind: 'hold' }]), JSON.stringify(item)).toEqual({
        code: 'malformedOrder',
        index: 0,
      });
      expect(submitOrders(sc, G, 'CHN', [{ kind: 'hold' }, { kind: 'hold' }, item]), JSON.stringify(item)).toEqual({
        code: 'malformedOrder',
        index: 2,
      });
    }
  });

  it('a string, an object or nothing instead of a list of orders is refused', () => {
    const sc = quiet();
    const G = start(sc);
    for (const raw of ['hold,hold,hold', { 0: { kind: 'hold' }, length: 3 }, null, undefined, 3]) {
      const reason = submitOrders(sc, G, 'CHN', raw);
      expect(reason, JSON.stringify(raw)).not.toBeNull();
      expect(['wrongOrderCount', 'malformedOrder']).toContain(reason!.code);
    }
  });

  it('negative or zero aid is refused (it would take Capital)', () => {
    const sc = quiet();
    const G = start(sc);
    for (const amount of [-3, 0]) {
      expect(submitOrders(sc, G, 'CHN', withHolds({ kind: 'aid', target: 'KOR', amount }))).toMatchObject({ code: 'illegalOrder', index: 0 });
    }
  });

  it('a refused submission leaves the state exactly as it was', () => {
    const sc = quiet();
    const G = start(sc);
    giveCard(G, 'CHN', OUTREACH);
    const before = structuredClone(G);
    const bad: unknown[] = [
      [{ kind: 'hold' }],
      'hold',
      [{ kind: 'hold' }, { kind: 'hold' }, { kind: 'bogus' }],
      // A good card order first, then an unaffordable one: nothing of the first may stick (the card stays in hand).
      [{ kind: 'card', card: OUTREACH, target: 'KOR' }, { kind: 'build', what: 'force' }, { kind: 'build', what: 'force' }],
      [{ kind: 'deploy', theatre: 'FRONT' }, { kind: 'hold' }, { kind: 'hold' }],
      [{ kind: 'withdraw', theatre: 'DMZ' }, { kind: 'hold' }, { kind: 'hold' }],
      [{ kind: 'card', card: 'kor-filler-1' }, { kind: 'hold' }, { kind: 'hold' }],
    ];
    for (const raw of bad) {
      expect(submitOrders(sc, G, 'CHN', raw), JSON.stringify(raw)).not.toBeNull();
      expect(G, JSON.stringify(raw)).toEqual(before);
    }
    // Once locked in, a second submission is refused and changes nothing either.
    expect(submitOrders(sc, G, 'CHN', HOLD3)).toBeNull();
    const locked = structuredClone(G);
    expect(submitOrders(sc, G, 'CHN', HOLD3)).toEqual({ code: 'alreadySubmitted' });
    expect(G).toEqual(locked);
  });

  it('orders are refused outside the orders step (notYourTurn) and after the end (gameOver)', () => {
    const sc = quiet();
    const G = start(sc);
    playRound(sc, G);
    // Round 2 opens with the treaty decision.
    expect(G.step.kind).toBe('decide');
    const before = structuredClone(G);
    expect(submitOrders(sc, G, 'CHN', HOLD3)).toEqual({ code: 'notYourTurn' });
    expect(G).toEqual(before);

    const H = setupState(sc, { seed: 'orders', rounds: 1 });
    playRound(sc, H);
    expect(H.step.kind).toBe('over');
    expect(submitOrders(sc, H, 'CHN', HOLD3)).toEqual({ code: 'gameOver' });
  });
});

// ---------------------------------------------------------------------------
// Locked-in orders stay secret until the reveal
// ---------------------------------------------------------------------------

describe('locking in (GAME.md: "Costs are paid in Capital when a power locks in its orders"; orders are secret until the reveal)', () => {
  it('public Capital and hand size do not move at lock-in, only at the reveal; the seat\'s own budget counts its orders once', () => {
    const sc = quiet();
    const G = start(sc);
    giveCard(G, 'CHN', OUTREACH);
    const orders: Order[] = [
      { kind: 'card', card: OUTREACH, target: 'KOR' },
      { kind: 'pressure', target: 'USA' },
      { kind: 'deploy', theatre: 'DMZ' },
    ];
    const cost = 2 + sc.rules.costs.pressure + sc.rules.costs.deploy;
    expect(submitOrders(sc, G, 'CHN', orders)).toBeNull();

    expect(G.powers.CHN.capital).toBe(5);
    expect(G.powers.CHN.handCount).toBe(4);
    for (const viewer of [...POWERS, null]) {
      const view = playerView(G, viewer);
      expect(view.powers.CHN.capital, `${viewer}'s view`).toBe(5);
      expect(view.powers.CHN.handCount, `${viewer}'s view`).toBe(4);
      expect(view.powers.CHN.discard, `${viewer}'s view`).toEqual([]);
    }
    // CHN itself: the played card has left its hand, its orders wait with it, and its
    // budget is Capital minus these orders' cost (not minus them twice).
    const own = playerView(G, 'CHN');
    expect(own.seats.CHN!.hand).not.toContain(OUTREACH);
    expect(own.seats.CHN!.orders).toEqual(orders);
    expect(legalOrders(sc, own, 'CHN', orders).budget).toBe(5 - cost);
    expect(legalOrders(sc, own, 'CHN', orders.slice(0, 1)).budget).toBe(5 - 2);
    expect(legalOrders(sc, own, 'CHN').budget).toBe(5);
    checkInvariants(sc, G);

    playRound(sc, G);
    expect(G.powers.CHN.capital).toBe(5 - cost);
    expect(G.powers.CHN.handCount).toBe(3);
    expect(G.powers.CHN.discard).toEqual([OUTREACH]);
    expect(G.history[0]!.orders.CHN).toEqual(orders);
    checkInvariants(sc, G);
  });
});
