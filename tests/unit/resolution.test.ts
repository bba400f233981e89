/**
 * The resolution steps and the round (GAME.md "A round", steps 1 and 4–7): the
 * published order of resolution, reactions, covert forces, the Front, headline and
 * crisis decisions, calm easing, war, scoring, drawing and the end of the game.
 *
 * `quiet()` is the tiny scenario with income, calm easing and draws switched off, so a
 * test sees exactly what the orders did; tests about those three use `tinyScenario()`.
 */
import { describe, expect, it } from 'vitest';
import { decide, legalChoices, submitOrders } from '../../src/game/actions.js';
import { forcesIn, stackOf } from '../../src/game/mechanics.js';
import { legalOrders } from '../../src/game/orders.js';
import { POWERS, type PowerId } from '../../src/game/powers.js';
import { agendaPoints } from '../../src/game/scoring.js';
import { logSentence } from '../../src/view/logText.js';
import { ORDER_HELP } from '../../src/view/text/en.js';
import { setupState } from '../../src/game/setup.js';
import type { GameState } from '../../src/game/types.js';
import { playerView } from '../../src/game/view.js';
import type { Scenario, ScenarioInput } from '../../src/scenario/schema.js';
import { checkInvariants } from '../helpers/invariants.js';
import { tinyScenario } from '../helpers/tinyScenario.js';
import { HOLD3, giveCard, playRound, policy, withHolds, type CardInput } from '../helpers/round.js';

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------



/** Policy cards made for these tests. */
const CARDS: CardInput[] = [
  policy('chn-cold-shoulder', 'CHN', [{ relation: ['SELF', 'USA'], delta: -1 }]),
  policy('chn-snub-japan', 'CHN', [{ relation: ['SELF', 'JPN'], delta: -1 }]),
  policy('chn-driving-seat', 'CHN', [{ cancelCards: 'PRK' }], { cost: 2 }),
  policy('rus-pass-on', 'RUS', [{ transfer: { from: 'SELF', to: 'PRK', amount: 10 } }]),
  policy('prk-missile-salvo', 'PRK', [{ track: 'capability', delta: 2 }], { cost: 1 }),
  policy('prk-bunker', 'PRK', [{ shield: 'SELF' }]),
  policy('prk-disguised', 'PRK', [{ forces: 'SELF', theatre: 'FRONT', delta: 2, covert: true }]),
  policy('usa-recall', 'USA', [{ forces: 'SELF', theatre: 'EAST_SEA', delta: -1 }]),
  policy('usa-intelligence', 'USA', [{ reveal: 'FRONT' }]),
  policy('usa-windfall', 'USA', [{ vp: 'SELF', delta: 5 }]),
  policy('jpn-concern', 'JPN', [{ shield: 'SELF' }]),
  policy('kor-veto', 'KOR', [{ cancelCards: 'CHN' }]),
];

function withCards(input: ScenarioInput): void {
  input.policies.push(...CARDS.map((c) => ({ ...c })));
}

/** The tiny scenario with the test cards, and without income, calm easing or draws. */
function quiet(edit?: (input: ScenarioInput) => void): Scenario {
  return tinyScenario((input) => {
    for (const p of POWERS) input.powers[p].income = 0;
    input.rules.calmEasing = 0;
    input.rules.drawPerRound = 0;
    withCards(input);
    edit?.(input);
  });
}

function start(sc: Scenario, seed = 'resolution', rounds?: number): GameState {
  const G = setupState(sc, rounds === undefined ? { seed } : { seed, rounds });
  expect(G.step).toEqual({ kind: 'orders' });
  return G;
}




/** Answer the open decision: `choices[p]` for the deciders named, otherwise the last option ("refuse" / "calm"). */
function answer(sc: Scenario, G: GameState, choices: Partial<Record<PowerId, string>> = {}): void {
  expect(G.step.kind).toBe('decide');
  if (G.step.kind !== 'decide') return;
  for (const p of G.step.powers) {
    const legal = legalChoices(sc, G, p);
    if (!('options' in legal)) continue;
    expect(decide(sc, G, p, choices[p] ?? legal.options[legal.options.length - 1]), `${p}'s choice`).toBeNull();
  }
}


const vpOf = (G: GameState) => Object.fromEntries(POWERS.map((p) => [p, G.powers[p].vp])) as Record<PowerId, number>;

// ---------------------------------------------------------------------------
// The published order
// ---------------------------------------------------------------------------

describe('published order (GAME.md step 4: "signals and diplomacy, then aid and sanctions, then military, then cards")', () => {
  it('diplomacy before cards: a card acts on the relation an engage already changed', () => {
    // CHN–USA at -3: engage → -2, then the card → -3. Cards first would give -3 (clamped) → -2.
    const sc = quiet();
    const G = start(sc);
    G.relations['CHN-USA'] = -3;
    giveCard(G, 'CHN', 'chn-cold-shoulder');
    playRound(sc, G, { CHN: withHolds({ kind: 'engage', target: 'USA' }, { kind: 'card', card: 'chn-cold-shoulder' }) });
    expect(G.relations['CHN-USA']).toBe(-3);
  });

  it('diplomacy before aid: an aid of 2 mends what a pressure broke the same round', () => {
    // CHN–KOR at +3: KOR's pressure → +2, then CHN's aid of 2 → +3. Aid first would give +3 (clamped) → +2.
    const sc = quiet();
    const G = start(sc);
    G.relations['CHN-KOR'] = 3;
    playRound(sc, G, {
      KOR: withHolds({ kind: 'pressure', target: 'CHN' }),
      CHN: withHolds({ kind: 'aid', target: 'KOR', amount: 2 }),
    });
    expect(G.relations['CHN-KOR']).toBe(3);
  });

  it('aid before cards: Capital received this round is there when cards resolve', () => {
    // RUS has 0; CHN aids it 3; RUS's card hands all it has to PRK.
    const sc = quiet();
    const G = start(sc);
    G.powers.RUS.capital = 0;
    giveCard(G, 'RUS', 'rus-pass-on');
    playRound(sc, G, {
      CHN: withHolds({ kind: 'aid', target: 'RUS', amount: 3 }),
      RUS: [{ kind: 'card', card: 'rus-pass-on' }, { kind: 'engage', target: 'CHN' }, { kind: 'engage', target: 'PRK' }],
    });
    expect(G.powers.RUS.capital).toBe(0);
    expect(G.powers.PRK.capital).toBe(5 + 3 * sc.rules.holdGain + 3);
    expect(G.stats.aidGiven['RUS>PRK']).toBe(3);
  });

  it('military before cards: a card removing a force finds the one deployed this round', () => {
    // USA has none in the East Sea; deploy → 1, then the card removes it → 0. Cards first would leave 1.
    const sc = quiet();
    const G = start(sc);
    giveCard(G, 'USA', 'usa-recall');
    playRound(sc, G, { USA: withHolds({ kind: 'deploy', theatre: 'EAST_SEA' }, { kind: 'card', card: 'usa-recall' }) });
    expect(forcesIn(G, 'EAST_SEA', 'USA')).toBe(0);
    expect(G.powers.USA.reserve).toBe(2 - 1);
  });

  it('aid received is spendable only from the next round (costs are paid at lock-in)', () => {
    const sc = quiet();
    const G = start(sc);
    G.powers.RUS.capital = 0;
    expect(submitOrders(sc, G, 'CHN', withHolds({ kind: 'aid', target: 'RUS', amount: 3 }))).toBeNull();
    // CHN has locked in its aid, but RUS still has nothing to spend this round.
    expect(legalOrders(sc, G, 'RUS').options.map((o) => o.order)).not.toContainEqual({ kind: 'build', what: 'force' });
    expect(submitOrders(sc, G, 'RUS', withHolds({ kind: 'build', what: 'force' }))).toEqual({
      code: 'illegalOrder',
      index: 0,
      why: { code: 'notEnoughCapital', need: 3, have: 0 },
    });
    playRound(sc, G, { RUS: [{ kind: 'engage', target: 'CHN' }, { kind: 'engage', target: 'PRK' }, { kind: 'engage', target: 'KOR' }] });
    expect(G.powers.RUS.capital).toBe(3);
    answer(sc, G);
    expect(legalOrders(sc, G, 'RUS').options.map((o) => o.order)).toContainEqual({ kind: 'build', what: 'force' });
  });
});

// ---------------------------------------------------------------------------
// The scenario's numbers
// ---------------------------------------------------------------------------

describe("the numbers orders use are the scenario's (rules: relationSteps, sanction, missileTest, postureTension, frontDrift, maxAid, trackRange)", () => {
  /** Numbers unlike the defaults, so a number fixed in the code would show. */
  const unusual = () =>
    quiet((input) => {
      input.rules.relationSteps = { engage: 2, summit: 3, pressure: -2, aid: 2 };
      input.rules.sanction = 2;
      input.rules.missileTest = { capability: 2, tension: 0 };
      input.rules.postureTension = 2;
      input.rules.frontDrift = 2;
      input.rules.maxAid = 3;
      input.rules.trackRange = { tension: [0, 10], polarisation: [0, 10], front: [-5, 5], capability: [0, 5] };
    });

  it('relations move by relationSteps and a sanction takes `sanction` Capital', () => {
    const sc = unusual();
    const G = start(sc);
    for (const pair of ['CHN-JPN', 'RUS-PRK', 'USA-KOR', 'JPN-KOR'] as const) G.relations[pair] = 0;
    playRound(sc, G, {
      CHN: withHolds({ kind: 'engage', target: 'JPN' }),
      RUS: withHolds({ kind: 'engage', target: 'PRK' }),
      PRK: withHolds({ kind: 'engage', target: 'RUS' }),
      USA: withHolds({ kind: 'pressure', target: 'KOR' }),
      JPN: withHolds({ kind: 'aid', target: 'KOR', amount: 2 }),
    });
    expect(G.relations['CHN-JPN']).toBe(2);
    expect(G.relations['RUS-PRK']).toBe(3);
    expect(G.relations['USA-KOR']).toBe(-2);
    expect(G.relations['JPN-KOR']).toBe(2);
    // KOR: 5, three holds, JPN's 2, less the sanction's 2.
    expect(G.powers.KOR.capital).toBe(5 + 3 * sc.rules.holdGain + 2 - 2);
  });

  it('a missile test moves Capability and Tension by missileTest, within the Capability range, and is refused at its top', () => {
    const sc = unusual();
    const G = start(sc);
    playRound(sc, G, { PRK: withHolds({ kind: 'build', what: 'capability' }, { kind: 'build', what: 'capability' }) });
    expect(G.tracks.capability).toBe(5);
    expect(G.tracks.tension).toBe(4);
    expect(legalOrders(sc, G, 'PRK').refused).toContainEqual({ kind: 'build', what: 'capability', reason: { code: 'capabilityMaxed' } });
  });

  it('a deployment beside a hostile power adds postureTension, and the Front drifts by frontDrift', () => {
    const sc = unusual();
    const G = start(sc);
    playRound(sc, G, { JPN: withHolds({ kind: 'deploy', theatre: 'DMZ' }), RUS: withHolds({ kind: 'deploy', theatre: 'FRONT' }) });
    expect(G.tracks.tension).toBe(4 + 2);
    expect(G.tracks.front).toBe(0 + 2);
  });

  it('one aid order gives at most maxAid', () => {
    const sc = unusual();
    const G = start(sc);
    const amounts = legalOrders(sc, G, 'CHN').options.flatMap(({ order }) => (order.kind === 'aid' && order.target === 'JPN' ? [order.amount] : []));
    expect(amounts).toEqual([1, 2, 3]);
    expect(submitOrders(sc, G, 'CHN', withHolds({ kind: 'aid', target: 'JPN', amount: 4 }))).toMatchObject({ code: 'illegalOrder', why: { code: 'badAmount', max: 3 } });
  });
});

// ---------------------------------------------------------------------------
// Reactions
// ---------------------------------------------------------------------------

describe('reactions (GAME.md Cards: China "Driving seat" cancels a North Korean card; "Not aware": no relation loss this round)', () => {
  it('a cancelCards card stops the cancelled power\'s cards this round; they still cost and go to the discard', () => {
    const sc = quiet();
    const G = start(sc);
    giveCard(G, 'CHN', 'chn-driving-seat');
    giveCard(G, 'PRK', 'prk-missile-salvo');
    playRound(sc, G, {
      CHN: withHolds({ kind: 'card', card: 'chn-driving-seat' }),
      PRK: withHolds({ kind: 'card', card: 'prk-missile-salvo' }),
    });
    expect(G.tracks.capability).toBe(4);
    expect(G.powers.PRK.discard).toEqual(['prk-missile-salvo']);
    expect(G.seats.PRK.hand).not.toContain('prk-missile-salvo');
    expect(G.powers.PRK.capital).toBe(5 - 1 + 2 * sc.rules.holdGain);
    expect(G.powers.CHN.capital).toBe(5 - 2 + 2 * sc.rules.holdGain);
    expect(G.log).toContainEqual(expect.objectContaining({ code: 'cardCancelled', power: 'PRK', card: 'prk-missile-salvo' }));
    checkInvariants(sc, G);
  });

  it('a cancelled power\'s cards do act in a round nobody cancels them', () => {
    const sc = quiet();
    const G = start(sc);
    giveCard(G, 'PRK', 'prk-missile-salvo');
    playRound(sc, G, { PRK: withHolds({ kind: 'card', card: 'prk-missile-salvo' }) });
    expect(G.tracks.capability).toBe(4 + 2);
  });

  it('a cancellation works whatever the seat order: KOR (seated last) cancels CHN (seated first)', () => {
    const sc = quiet();
    const G = start(sc);
    G.relations['CHN-USA'] = 0;
    giveCard(G, 'CHN', 'chn-cold-shoulder');
    giveCard(G, 'KOR', 'kor-veto');
    playRound(sc, G, {
      CHN: withHolds({ kind: 'card', card: 'chn-cold-shoulder' }),
      KOR: withHolds({ kind: 'card', card: 'kor-veto' }),
    });
    expect(G.relations['CHN-USA']).toBe(0);
  });

  it('a shield stops every relation fall of that power for the whole round: pressure orders and cards alike', () => {
    const sc = quiet();
    const G = start(sc);
    giveCard(G, 'JPN', 'jpn-concern');
    giveCard(G, 'CHN', 'chn-snub-japan');
    playRound(sc, G, {
      JPN: withHolds({ kind: 'card', card: 'jpn-concern' }),
      CHN: [{ kind: 'pressure', target: 'JPN' }, { kind: 'card', card: 'chn-snub-japan' }, { kind: 'pressure', target: 'KOR' }],
      RUS: withHolds({ kind: 'pressure', target: 'JPN' }),
      KOR: withHolds({ kind: 'engage', target: 'JPN' }),
    });
    expect(G.relations['CHN-JPN']).toBe(-1);
    expect(G.relations['RUS-JPN']).toBe(-2);
    // Rises still happen, and powers without a shield still lose relations.
    expect(G.relations['JPN-KOR']).toBe(1 + 1);
    expect(G.relations['CHN-KOR']).toBe(0 - 1);
  });

  it('the shield lasts only the round it is played', () => {
    const sc = quiet();
    const G = start(sc);
    giveCard(G, 'JPN', 'jpn-concern');
    playRound(sc, G, { JPN: withHolds({ kind: 'card', card: 'jpn-concern' }) });
    answer(sc, G);
    playRound(sc, G, { CHN: withHolds({ kind: 'pressure', target: 'JPN' }) });
    expect(G.relations['CHN-JPN']).toBe(-1 - 1);
  });

  it('a cancelled power\'s shield does not rise', () => {
    const sc = quiet();
    const G = start(sc);
    giveCard(G, 'CHN', 'chn-driving-seat');
    giveCard(G, 'PRK', 'prk-bunker');
    playRound(sc, G, {
      CHN: withHolds({ kind: 'card', card: 'chn-driving-seat' }),
      PRK: withHolds({ kind: 'card', card: 'prk-bunker' }),
      RUS: withHolds({ kind: 'pressure', target: 'PRK' }),
    });
    expect(G.relations['RUS-PRK']).toBe(1 - 1);
  });

  it('an uncancelled shield of the same card does hold (control for the test above)', () => {
    const sc = quiet();
    const G = start(sc);
    giveCard(G, 'PRK', 'prk-bunker');
    playRound(sc, G, {
      PRK: withHolds({ kind: 'card', card: 'prk-bunker' }),
      RUS: withHolds({ kind: 'pressure', target: 'PRK' }),
    });
    expect(G.relations['RUS-PRK']).toBe(1);
  });
});

// ---------------------------------------------------------------------------
// Covert forces
// ---------------------------------------------------------------------------

describe('covert forces (GAME.md: "Disguised deployment ... others see unknown units until an intelligence card reveals them")', () => {
  it('a covert deployment is seen by its owner, by others only as unknown forces, and a reveal turns it open', () => {
    const sc = quiet();
    const G = start(sc);
    giveCard(G, 'PRK', 'prk-disguised');
    giveCard(G, 'USA', 'usa-intelligence');
    playRound(sc, G, { PRK: withHolds({ kind: 'card', card: 'prk-disguised' }) });
    expect(stackOf(G, 'FRONT', 'PRK')).toEqual({ open: 0, covert: 2 });

    const own = playerView(G, 'PRK');
    expect(own.forces.FRONT!.PRK).toEqual({ open: 0, covert: 2 });
    expect(own.unknownForces.FRONT).toBe(0);
    for (const viewer of ['CHN', 'RUS', 'USA', 'JPN', 'KOR', null] as const) {
      const view = playerView(G, viewer);
      expect(view.forces.FRONT!.PRK, `${viewer}'s view`).toBeUndefined();
      expect(view.forces.FRONT!.RUS, `${viewer}'s view`).toEqual({ open: 2, covert: 0 });
      expect(view.unknownForces.FRONT, `${viewer}'s view`).toBe(2);
      // The arrival is logged without its owner.
      expect(view.log.some((e) => e.code === 'covertArrival' && e.power !== undefined)).toBe(false);
    }

    answer(sc, G);
    playRound(sc, G, { USA: withHolds({ kind: 'card', card: 'usa-intelligence' }) });
    expect(stackOf(G, 'FRONT', 'PRK')).toEqual({ open: 2, covert: 0 });
    const usa = playerView(G, 'USA');
    expect(usa.forces.FRONT!.PRK).toEqual({ open: 2, covert: 0 });
    expect(usa.unknownForces.FRONT).toBe(0);
  });
});

// ---------------------------------------------------------------------------
// The Front
// ---------------------------------------------------------------------------

describe('the Front (GAME.md Posture: "Forces at the Ukraine Front move the Front track")', () => {
  it('moves +1 when the forces at the front exceed frontResistance', () => {
    const sc = quiet();
    const G = start(sc);
    expect(sc.rules.frontResistance).toBe(2);
    playRound(sc, G, { RUS: withHolds({ kind: 'deploy', theatre: 'FRONT' }) });
    expect(forcesIn(G, 'FRONT', 'RUS')).toBe(3);
    expect(G.tracks.front).toBe(0 + 1);
  });

  it('moves -1 when they are fewer', () => {
    const sc = quiet();
    const G = start(sc);
    playRound(sc, G, { RUS: withHolds({ kind: 'withdraw', theatre: 'FRONT' }) });
    expect(forcesIn(G, 'FRONT', 'RUS')).toBe(1);
    expect(G.tracks.front).toBe(0 - 1);
  });

  it('stays put when they are equal', () => {
    const sc = quiet();
    const G = start(sc);
    playRound(sc, G);
    expect(forcesIn(G, 'FRONT', 'RUS')).toBe(2);
    expect(G.tracks.front).toBe(0);
  });

  it('covert forces count too (RUS 2 + PRK 2 covert > 2)', () => {
    const sc = quiet();
    const G = start(sc);
    G.forces.FRONT!.PRK = { open: 0, covert: 2 };
    playRound(sc, G);
    expect(G.tracks.front).toBe(0 + 1);
  });
});

// ---------------------------------------------------------------------------
// Headline decisions
// ---------------------------------------------------------------------------

describe('headline decision (GAME.md step 1: the treaty "takes effect only if both sign"; "made simultaneously and secretly, then revealed")', () => {
  function atTreaty(): { sc: Scenario; G: GameState } {
    const sc = quiet();
    const G = start(sc);
    playRound(sc, G);
    expect(G.round).toBe(2);
    expect(G.step).toEqual({ kind: 'decide', deck: 'headline', card: 'treaty', powers: ['RUS', 'PRK'] });
    return { sc, G };
  }

  it('both sign: each signer gets its option\'s effect once, and the allChose outcome applies', () => {
    const { sc, G } = atTreaty();
    const before = vpOf(G);
    answer(sc, G, { RUS: 'sign', PRK: 'sign' });
    expect(G.powers.RUS.vp).toBe(before.RUS + 1);
    expect(G.powers.PRK.vp).toBe(before.PRK + 1);
    expect(G.powers.CHN.vp).toBe(before.CHN);
    expect(G.flags).toContain('treaty');
    expect(G.relations['RUS-PRK']).toBe(1 + 1);
    expect(G.step).toEqual({ kind: 'orders' });
  });

  it('one signs: only the signer\'s own effect applies; the treaty does not', () => {
    const { sc, G } = atTreaty();
    const before = vpOf(G);
    answer(sc, G, { RUS: 'sign', PRK: 'refuse' });
    expect(G.powers.RUS.vp).toBe(before.RUS + 1);
    expect(G.powers.PRK.vp).toBe(before.PRK);
    expect(G.flags).not.toContain('treaty');
    expect(G.relations['RUS-PRK']).toBe(1);
  });

  it('choices stay hidden from other seats until both have chosen, then are revealed and recorded', () => {
    const { sc, G } = atTreaty();
    expect(decide(sc, G, 'RUS', 'sign')).toBeNull();
    expect(G.step.kind).toBe('decide');
    // Everyone may see that RUS has chosen, not what.
    for (const viewer of ['CHN', 'PRK', 'USA', 'JPN', 'KOR', null] as const) {
      const view = playerView(G, viewer);
      expect(view.ready).toEqual(['RUS']);
      expect(view.seats.RUS, `${viewer}'s view`).toBeUndefined();
      expect(JSON.stringify(view), `${viewer}'s view`).not.toContain('"sign"');
    }
    expect(playerView(G, 'RUS').seats.RUS!.choice).toBe('sign');
    expect(G.history[1]!.choices).toEqual({});
    // A decider cannot change its mind, and non-deciders have nothing to choose.
    expect(decide(sc, G, 'RUS', 'refuse')).toEqual({ code: 'alreadySubmitted' });
    expect(decide(sc, G, 'CHN', 'sign')).toEqual({ code: 'notDeciding' });
    expect(decide(sc, G, 'PRK', 'maybe')).toEqual({ code: 'noSuchOption', option: 'maybe' });

    expect(decide(sc, G, 'PRK', 'refuse')).toBeNull();
    expect(G.history[1]!.choices).toEqual({ RUS: 'sign', PRK: 'refuse' });
    expect(G.seats.RUS.choice).toBeNull();
    expect(G.seats.PRK.choice).toBeNull();
    expect(G.log).toContainEqual(expect.objectContaining({ code: 'chose', power: 'RUS', option: 'sign' }));
    expect(G.log).toContainEqual(expect.objectContaining({ code: 'chose', power: 'PRK', option: 'refuse' }));
  });
});

// ---------------------------------------------------------------------------
// Crisis
// ---------------------------------------------------------------------------

describe('crisis (GAME.md step 6: "At Tension 8 or more a crisis card is drawn ... the powers involved choose")', () => {
  it('at crisisAt after resolution a crisis card is drawn for its powers; all choosing calm lowers Tension per the card', () => {
    const sc = quiet();
    const G = start(sc);
    G.tracks.tension = sc.rules.crisisAt;
    const played = G.seats.KOR.hand[0]!;
    playRound(sc, G, { KOR: withHolds({ kind: 'card', card: played }) });
    expect(G.round).toBe(1);
    // The round is revealed even though it waits for the crisis: KOR's card shows as played.
    expect(G.powers.KOR.handCount).toBe(3);
    expect(G.powers.KOR.discard).toEqual([played]);
    expect(G.step).toEqual({ kind: 'decide', deck: 'crisis', card: 'collision', powers: ['CHN', 'USA'] });
    expect(G.crisis).toBe('collision');
    expect(G.history[0]!.crisis).toBe('collision');
    expect(legalChoices(sc, G, 'RUS')).toEqual({ reason: { code: 'notDeciding' } });
    answer(sc, G, { CHN: 'calm', USA: 'calm' });
    expect(G.history[0]!.crisisChoices).toEqual({ CHN: 'calm', USA: 'calm' });
    // The card's outcome: Tension -2 (calm easing is off in this scenario).
    expect(G.history[0]!.tracks.tension).toBe(8 - 2);
    expect(G.round).toBe(2);
  });

  it('if not all choose calm, the outcome does not apply (escalate: +1)', () => {
    const sc = quiet();
    const G = start(sc);
    G.tracks.tension = 8;
    playRound(sc, G);
    answer(sc, G, { CHN: 'escalate', USA: 'calm' });
    expect(G.history[0]!.tracks.tension).toBe(8 + 1);
    expect(G.war).toBeNull();
  });

  it('below crisisAt no crisis is drawn', () => {
    const sc = quiet();
    const G = start(sc);
    G.tracks.tension = sc.rules.crisisAt - 1;
    playRound(sc, G);
    expect(G.history[0]!.crisis).toBeNull();
    expect(G.round).toBe(2);
    expect(G.step).toMatchObject({ kind: 'decide', deck: 'headline', card: 'treaty' });
  });

  /** The tiny scenario with a second crisis, 'pledge', drawn only while the treaty flag is down. */
  const withPledge = () =>
    quiet((input) => {
      input.crises.push({ ...input.crises[0]!, id: 'pledge', title: 'A secret pledge', requires: { not: { flag: 'treaty' } } });
    });

  it("a crisis whose requires is unmet is passed over and keeps its place in the deck", () => {
    const sc = withPledge();
    const G = start(sc);
    G.flags.push('treaty');
    G.secret.crises = ['pledge', 'collision'];
    G.tracks.tension = sc.rules.crisisAt;
    playRound(sc, G);
    expect(G.crisis).toBe('collision');
    expect(G.secret.crises).toEqual(['pledge']);
    expect(G.history[0]!.crisisReshuffled).toBeUndefined();
    expect(G.log.filter((e) => e.code === 'crisis').map((e) => e.card)).toEqual(['collision']);
    checkInvariants(sc, G);
  });

  it('with no card left that may be drawn, the whole deck is shuffled back, and the record says so', () => {
    const sc = withPledge();
    const G = start(sc);
    G.flags.push('treaty');
    G.secret.crises = ['pledge'];
    G.tracks.tension = sc.rules.crisisAt;
    playRound(sc, G);
    expect(G.crisis).toBe('collision');
    expect(G.secret.crises).toEqual(['pledge']);
    expect(G.history[0]!.crisisReshuffled).toBe(true);
    checkInvariants(sc, G);
  });

  it('while the requirement holds the card is drawn as any other', () => {
    const sc = withPledge();
    const G = start(sc);
    G.secret.crises = ['pledge', 'collision'];
    G.tracks.tension = sc.rules.crisisAt;
    playRound(sc, G);
    expect(G.crisis).toBe('pledge');
  });

  it('the check reads Tension after the round\'s orders: a missile test from 7 draws a crisis', () => {
    const sc = quiet();
    const G = start(sc);
    G.tracks.tension = 7;
    playRound(sc, G, { PRK: withHolds({ kind: 'build', what: 'capability' }) });
    expect(G.step).toMatchObject({ kind: 'decide', deck: 'crisis' });
  });
});

// ---------------------------------------------------------------------------
// North Korea's programme as milestones (rules.capabilityMilestones)
// ---------------------------------------------------------------------------

describe('capability milestones (MODEL.md direction 6: rising cost, Russian help past the middle)', () => {
  /** Tests cost 1 more every 3 Capability; from 6 on North Korea's own acts need the treaty. RUS gets a know-how card. */
  const milestones = () =>
    quiet((input) => {
      input.rules.capabilityMilestones = { costRiseEvery: 3, helpFrom: 6, help: { flag: 'treaty' } };
      input.policies.push(policy('rus-know-how', 'RUS', [{ track: 'capability', delta: 2 }]));
    });

  it('a test costs its base plus 1 for every 3 Capability reached', () => {
    const sc = milestones();
    const G = start(sc);
    G.tracks.capability = 5;
    G.powers.PRK.capital = 10;
    expect(legalOrders(sc, G, 'PRK').options.find((o) => o.order.kind === 'build' && o.order.what === 'capability')?.cost).toBe(sc.rules.costs.buildCapability + 1);
    playRound(sc, G, { PRK: withHolds({ kind: 'build', what: 'capability' }) });
    expect(G.powers.PRK.capital).toBe(10 - (sc.rules.costs.buildCapability + 1) + 2 * sc.rules.holdGain);
    expect(G.tracks.capability).toBe(6);
  });

  it('from helpFrom on, a test is refused without help (capabilityNeedsHelp), and allowed with it', () => {
    const sc = milestones();
    const G = start(sc);
    G.tracks.capability = 6;
    G.powers.PRK.capital = 10;
    expect(submitOrders(sc, G, 'PRK', withHolds({ kind: 'build', what: 'capability' }))).toEqual({
      code: 'illegalOrder',
      index: 0,
      why: { code: 'capabilityNeedsHelp', at: 6 },
    });
    G.flags.push('treaty');
    playRound(sc, G, { PRK: withHolds({ kind: 'build', what: 'capability' }) });
    expect(G.tracks.capability).toBe(7);
  });

  it("North Korea's own card stops at the milestone without help, and the log says why; Russia's know-how goes past it", () => {
    const sc = milestones();
    const G = start(sc);
    G.tracks.capability = 5;
    G.powers.PRK.capital = 10;
    giveCard(G, 'PRK', 'prk-missile-salvo');
    playRound(sc, G, { PRK: withHolds({ kind: 'card', card: 'prk-missile-salvo' }) });
    expect(G.tracks.capability).toBe(6);
    const stalled = G.log.find((e) => e.code === 'capabilityStalled')!;
    expect(stalled).toMatchObject({ power: 'PRK', value: 6 });
    expect(logSentence(sc, stalled)).toBe("North Korea's programme stalls at Capability 6: it needs Russian help to go further.");
    answer(sc, G);
    expect(G.flags).not.toContain('treaty');
    giveCard(G, 'RUS', 'rus-know-how');
    playRound(sc, G, { RUS: withHolds({ kind: 'card', card: 'rus-know-how' }) });
    expect(G.tracks.capability).toBe(8);
  });
});

// ---------------------------------------------------------------------------
// Crises from events (rules.crisisEvents)
// ---------------------------------------------------------------------------

describe('crises from events (MODEL.md direction 5: a test or a deployment beside hostile forces sparks one; a standoff may slip)', () => {
  const events = (chance: number) =>
    quiet((input) => {
      input.rules.crisisEvents = { from: 5, chance: 1, slip: { option: 'escalate', chance, tension: 2 } };
    });

  it('a missile test from Tension `from` sparks a crisis below crisisAt, and the log says whose provocation', () => {
    const sc = events(0);
    const G = start(sc);
    G.tracks.tension = 4;
    G.powers.PRK.capital = 10;
    playRound(sc, G, { PRK: withHolds({ kind: 'build', what: 'capability' }) });
    expect(G.tracks.tension).toBe(5);
    expect(G.step).toMatchObject({ kind: 'decide', deck: 'crisis', card: 'collision' });
    const provoked = G.log.find((e) => e.code === 'crisisProvoked')!;
    expect(provoked.power).toBe('PRK');
    expect(logSentence(sc, provoked)).toBe("North Korea's provocation sparks a crisis.");
  });

  it('a deployment beside a hostile power provokes too; below `from`, or with no provocation, no crisis', () => {
    const sc = events(0);
    const G = start(sc);
    G.tracks.tension = 4;
    playRound(sc, G, { JPN: withHolds({ kind: 'deploy', theatre: 'DMZ' }) });
    expect(G.log.find((e) => e.code === 'crisisProvoked')?.power).toBe('JPN');
    const calm = start(sc);
    calm.tracks.tension = 3;
    playRound(sc, calm, { JPN: withHolds({ kind: 'deploy', theatre: 'DMZ' }) });
    expect(calm.history[0]!.crisis).toBeNull();
    const quietRound = start(sc);
    quietRound.tracks.tension = 6;
    playRound(sc, quietRound);
    expect(quietRound.history[0]!.crisis).toBeNull();
  });

  it('a standoff in which a power stood firm slips by slip.tension, that power\'s act, drawn from the rules\' own generator', () => {
    const sc = events(1);
    const G = start(sc);
    G.tracks.tension = sc.rules.crisisAt - 3;
    G.powers.PRK.capital = 10;
    playRound(sc, G, { PRK: withHolds({ kind: 'build', what: 'capability' }) });
    const rngBefore = [...G.secret.rng];
    answer(sc, G, { CHN: 'calm', USA: 'escalate' });
    expect(G.secret.rng).not.toEqual(rngBefore);
    const slipped = G.log.find((e) => e.code === 'crisisSlip')!;
    expect(slipped).toMatchObject({ power: 'USA', value: 2 });
    expect(logSentence(sc, slipped)).toBe('The standoff slips out of control: United States stood firm, and Tension rises by 2 more.');
    // 6 after the test, +1 for USA's escalation, +2 for the slip.
    expect(G.history[0]!.tracks.tension).toBe(6 + 1 + 2);
  });

  it('a slip that reaches warAt is war, and the power that stood firm is the culprit', () => {
    const sc = events(1);
    const G = start(sc);
    G.tracks.tension = sc.rules.crisisAt;
    playRound(sc, G);
    answer(sc, G, { CHN: 'escalate', USA: 'calm' });
    expect(G.war).toEqual({ round: 1, culprit: 'CHN' });
    expect(G.powers.CHN.vp).toBe(G.result!.agendas.CHN.points - sc.rules.war.penalty.CHN - sc.rules.war.culpritPenalty);
  });

  it('when everyone backs down nothing slips, and the generator is not touched', () => {
    const sc = events(1);
    const G = start(sc);
    G.tracks.tension = sc.rules.crisisAt;
    playRound(sc, G);
    const rngBefore = [...G.secret.rng];
    answer(sc, G, { CHN: 'calm', USA: 'calm' });
    expect(G.log.some((e) => e.code === 'crisisSlip')).toBe(false);
    expect(G.secret.rng).toEqual(rngBefore);
  });
});

// ---------------------------------------------------------------------------
// Calm easing
// ---------------------------------------------------------------------------

describe('calm easing (GAME.md: "Tension eases by 1 at the end of a round in which nothing raised it")', () => {
  it('a round in which nothing raised Tension eases it by calmEasing', () => {
    const sc = tinyScenario();
    const G = start(sc);
    playRound(sc, G);
    expect(G.tracks.tension).toBe(4 - sc.rules.calmEasing);
  });

  it('a round in which something raised Tension does not ease it', () => {
    const sc = tinyScenario();
    const G = start(sc);
    playRound(sc, G, { PRK: withHolds({ kind: 'build', what: 'capability' }) });
    expect(G.tracks.tension).toBe(4 + 1);
  });

  it('raised then lowered in the same round: still no easing', () => {
    const sc = tinyScenario();
    const G = start(sc);
    playRound(sc, G, {
      PRK: withHolds({ kind: 'build', what: 'capability' }),
      USA: withHolds({ kind: 'withdraw', theatre: 'DMZ' }),
    });
    expect(G.tracks.tension).toBe(4 + 1 - 1);
  });
});

// ---------------------------------------------------------------------------
// War
// ---------------------------------------------------------------------------

describe('war (GAME.md: "At Tension 10 war breaks out: the game ends at once, every power loses points, and whoever pushed Tension over the edge loses most")', () => {
  it('a missile test from 9 starts the war: the game ends at once with no winner, later steps skipped, PRK the culprit', () => {
    const sc = quiet();
    const G = start(sc);
    G.tracks.tension = sc.rules.warAt - 1;
    // JPN leads before the war: with war there is still no winner.
    G.powers.JPN.vp = 20;
    giveCard(G, 'USA', 'usa-windfall');
    playRound(sc, G, {
      PRK: withHolds({ kind: 'build', what: 'capability' }),
      // Cards come after military: this one must never act.
      USA: withHolds({ kind: 'card', card: 'usa-windfall' }),
    });
    expect(G.tracks.tension).toBe(sc.rules.warAt);
    expect(G.step).toEqual({ kind: 'over' });
    expect(G.round).toBe(1);
    expect(G.war).toEqual({ round: 1, culprit: 'PRK' });
    expect(G.result).not.toBeNull();
    expect(G.result!.winner).toBeNull();
    expect(G.result!.war).toEqual({ round: 1, culprit: 'PRK' });
    // No objectives scored this round (scoring comes after), the card's +5 never landed.
    expect(G.history[0]!.scored).toEqual({});
    expect(G.powers.USA.discard).toEqual(['usa-windfall']);
    for (const p of POWERS) {
      const agenda = G.result!.agendas[p].points;
      const culprit = p === 'PRK' ? sc.rules.war.culpritPenalty : 0;
      const lead = p === 'JPN' ? 20 : 0;
      expect(G.powers[p].vp, p).toBe(lead + agenda - sc.rules.war.penalty[p] - culprit);
    }
    expect(G.result!.ranking[0]!.power).toBe('JPN');
    expect(G.result!.ranking.find((r) => r.power === 'PRK')!.vp).toBe(G.powers.PRK.vp);
  });

  it('a deployment beside a hostile power from 9 is war, and the deployer is the culprit', () => {
    const sc = quiet();
    const G = start(sc);
    G.tracks.tension = 9;
    playRound(sc, G, { JPN: withHolds({ kind: 'deploy', theatre: 'DMZ' }) });
    expect(G.step.kind).toBe('over');
    expect(G.war).toEqual({ round: 1, culprit: 'JPN' });
  });

  it('in a crisis, the culprit is the chooser whose escalation reached warAt, not the first to escalate', () => {
    const sc = quiet();
    const G = start(sc);
    G.tracks.tension = 8;
    playRound(sc, G);
    // CHN's escalation takes Tension to 9, USA's to 10.
    answer(sc, G, { CHN: 'escalate', USA: 'escalate' });
    expect(G.step.kind).toBe('over');
    expect(G.war).toEqual({ round: 1, culprit: 'USA' });
    expect(G.powers.USA.vp).toBe(G.result!.agendas.USA.points - sc.rules.war.penalty.USA - sc.rules.war.culpritPenalty);
    expect(G.powers.CHN.vp).toBe(G.result!.agendas.CHN.points - sc.rules.war.penalty.CHN);
  });
});

// ---------------------------------------------------------------------------
// Scoring
// ---------------------------------------------------------------------------

describe('scoring (GAME.md step 7 and "What each power wants"; secret agendas scored at the end; "The winner has the most points")', () => {
  it('objectives are scored every round into vp and recorded in history[].scored', () => {
    // The tiny objective: Tension <= 5, +1. Calm easing takes 4 to 3.
    const sc = tinyScenario();
    const G = start(sc);
    playRound(sc, G);
    for (const p of POWERS) {
      expect(G.powers[p].vp).toBe(1);
      expect(G.history[0]!.scored[p]).toEqual(['calm']);
      expect(G.history[0]!.vp[p]).toBe(1);
    }
  });

  it('an objective not met scores nothing and is not recorded', () => {
    const sc = tinyScenario();
    const G = start(sc);
    G.tracks.tension = 7;
    playRound(sc, G);
    expect(G.tracks.tension).toBe(6);
    expect(vpOf(G)).toEqual({ CHN: 0, RUS: 0, PRK: 0, USA: 0, JPN: 0, KOR: 0 });
    expect(G.history[0]!.scored).toEqual({});
  });

  it('perAidReceived: North Korea scores per `per` Capital received from all others this round', () => {
    const sc = tinyScenario((input) => {
      input.powers.PRK.objectives.push({ id: 'money', label: 'Money', perAidReceived: { per: 2, points: 1 } });
    });
    const G = start(sc);
    // 3 + 2 = 5 received → floor(5/2) = 2 points, plus the calm objective.
    playRound(sc, G, {
      RUS: withHolds({ kind: 'aid', target: 'PRK', amount: 3 }),
      CHN: withHolds({ kind: 'aid', target: 'PRK', amount: 2 }),
    });
    expect(G.powers.PRK.vp).toBe(1 + 2);
    expect(G.history[0]!.scored.PRK).toEqual(['calm', 'money']);
    // Next round, nothing received: the money objective scores nothing.
    answer(sc, G);
    playRound(sc, G);
    expect(G.powers.PRK.vp).toBe(3 + 1);
    expect(G.history[1]!.scored.PRK).toEqual(['calm']);
  });

  it('agendas are scored at the end only, and revealed in G.result.agendas', () => {
    const sc = quiet();
    const G = start(sc, 'resolution', 1);
    // Every tiny agenda: "Capital >= 1 at the end", 2 points. KOR ends with none.
    G.powers.KOR.capital = 0;
    playRound(sc, G, { KOR: [{ kind: 'engage', target: 'USA' }, { kind: 'engage', target: 'JPN' }, { kind: 'engage', target: 'CHN' }] });
    expect(G.step.kind).toBe('over');
    for (const p of POWERS) {
      const met = p !== 'KOR';
      expect(G.result!.agendas[p]).toEqual({ agenda: `${p.toLowerCase()}-agenda`, met, points: met ? 2 : 0 });
      // 1 for the calm objective (Tension 4 ≤ 5) plus the agenda.
      expect(G.powers[p].vp, p).toBe(1 + (met ? 2 : 0));
    }
    // Round records hold only the objectives, not the agendas.
    expect(G.history[0]!.vp.CHN).toBe(1);
  });

  it('agendaScale: a shorter match scores each agenda for the rounds it plays (points × rounds ÷ the scenario\'s, rounded, at least 1)', () => {
    const scaled = (scale: boolean) =>
      quiet((input) => {
        input.rules.agendaScale = scale;
        for (const agenda of input.agendas) agenda.points = 6;
      });
    // The tiny scenario has 3 rounds: a 1-round match scores 6 × 1 ÷ 3 = 2.
    for (const [scale, points] of [[true, 2], [false, 6]] as const) {
      const sc = scaled(scale);
      const G = start(sc, 'resolution', 1);
      playRound(sc, G);
      expect(G.result!.agendas.CHN).toEqual({ agenda: 'chn-agenda', met: true, points });
      expect(G.powers.CHN.vp).toBe(1 + points);
    }
    // At the scenario's full length the points are the written ones.
    const sc = scaled(true);
    expect(agendaPoints(sc, sc.agendas[0]!, 3)).toBe(6);
    expect(agendaPoints(sc, { ...sc.agendas[0]!, points: 1 }, 1)).toBe(1);
  });

  it('perAidReceived max: the money objective scores at most `max` points a round', () => {
    const sc = tinyScenario((input) => {
      input.powers.PRK.objectives.push({ id: 'money', label: 'Money', perAidReceived: { per: 2, points: 1, max: 2 } });
    });
    const G = start(sc);
    G.powers.RUS.capital = 6;
    // 6 received → 3 points by the rate, 2 by the cap; plus the calm objective.
    playRound(sc, G, { RUS: withHolds({ kind: 'aid', target: 'PRK', amount: 6 }) });
    expect(G.powers.PRK.vp).toBe(1 + 2);
    expect(G.log.filter((e) => e.code === 'scored' && e.power === 'PRK').map((e) => e.value)).toEqual([3]);
  });

  it('tieBreak objectives: a tie on points goes to the power that met more objectives over the game, not to Capital', () => {
    const tied = (tieBreak: 'capital' | 'objectives') => {
      const sc = quiet((input) => {
        input.rules.tieBreak = tieBreak;
      });
      const G = start(sc, 'resolution', 1);
      // JPN and KOR level on points at the end (1 calm + 2 agenda + 2 given); KOR richer in Capital, JPN with an earlier objective on record.
      G.powers.JPN.vp = 2;
      G.powers.KOR.vp = 2;
      G.powers.KOR.capital = 9;
      G.history.unshift({ ...G.history[0]!, round: 0, scored: { JPN: ['calm'] } });
      playRound(sc, G);
      return G.result!;
    };
    expect(tied('capital').ranking.slice(0, 2).map((r) => [r.power, r.vp, r.place])).toEqual([
      ['KOR', 5, 1],
      ['JPN', 5, 2],
    ]);
    expect(tied('capital').winner).toBe('KOR');
    const byObjectives = tied('objectives');
    expect(byObjectives.ranking.slice(0, 2).map((r) => [r.power, r.vp, r.place])).toEqual([
      ['JPN', 5, 1],
      ['KOR', 5, 2],
    ]);
    expect(byObjectives.winner).toBe('JPN');
  });

  it('ranking: full ties share a place and there is no winner', () => {
    const sc = quiet();
    const G = start(sc, 'resolution', 1);
    playRound(sc, G);
    expect(G.result!.ranking.map((r) => r.place)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(G.result!.ranking.map((r) => r.power)).toEqual([...POWERS]);
    expect(G.result!.winner).toBeNull();
  });

  it('ranking: a unique top scorer wins; the others tied behind share second place', () => {
    const sc = quiet();
    const G = start(sc, 'resolution', 1);
    G.powers.JPN.vp = 4;
    playRound(sc, G);
    expect(G.result!.winner).toBe('JPN');
    expect(G.result!.ranking[0]).toEqual({ power: 'JPN', vp: 4 + 1 + 2, place: 1 });
    expect(G.result!.ranking.slice(1).map((r) => r.place)).toEqual([2, 2, 2, 2, 2]);
  });

  it('ranking: places skip after a tie (1, 2, 2, 4, ...)', () => {
    const sc = quiet();
    const G = start(sc, 'resolution', 1);
    G.powers.CHN.vp = 3;
    G.powers.RUS.vp = 2;
    G.powers.USA.vp = 2;
    playRound(sc, G);
    expect(G.result!.ranking.map((r) => [r.power, r.place])).toEqual([
      ['CHN', 1],
      ['RUS', 2],
      ['USA', 2],
      ['PRK', 4],
      ['JPN', 4],
      ['KOR', 4],
    ]);
  });
});

// ---------------------------------------------------------------------------
// Drawing and income
// ---------------------------------------------------------------------------

describe('draw and income (GAME.md step 7: "Draw policy cards (hand limit 4)"; income each round)', () => {
  it('each power draws drawPerRound from the top of its deck, up to handLimit', () => {
    const sc = tinyScenario((input) => {
      input.rules.startingHand = 1;
      input.rules.drawPerRound = 2;
      input.rules.handLimit = 4;
    });
    const G = start(sc);
    const tops = Object.fromEntries(POWERS.map((p) => [p, G.secret.decks[p].slice(0, 3)])) as Record<PowerId, string[]>;
    const hands = Object.fromEntries(POWERS.map((p) => [p, [...G.seats[p].hand]])) as Record<PowerId, string[]>;
    playRound(sc, G);
    for (const p of POWERS) {
      expect(G.seats[p].hand, p).toEqual([...hands[p], ...tops[p].slice(0, 2)]);
      expect(G.powers[p].handCount).toBe(3);
    }
    answer(sc, G);
    playRound(sc, G);
    for (const p of POWERS) {
      // Only one more fits under the limit of 4.
      expect(G.seats[p].hand, p).toEqual([...hands[p], ...tops[p]]);
      expect(G.powers[p].handCount).toBe(4);
    }
    checkInvariants(sc, G);
  });

  it('when the deck runs out, the discard pile is reshuffled into it', () => {
    // The tiny decks are dealt out entirely at the start (4 cards, hand of 4).
    const sc = tinyScenario();
    const G = start(sc);
    expect(G.secret.decks.CHN).toEqual([]);
    const [a, b] = G.seats.CHN.hand as [string, string];
    playRound(sc, G, { CHN: withHolds({ kind: 'card', card: a }, { kind: 'card', card: b }) });
    // Two played, one drawn back (drawPerRound 1): the other waits in the new deck; the discard is empty.
    expect(G.powers.CHN.discard).toEqual([]);
    expect(G.seats.CHN.hand).toHaveLength(3);
    expect(G.secret.decks.CHN).toHaveLength(1);
    expect([...G.seats.CHN.hand.slice(2), ...G.secret.decks.CHN].sort()).toEqual([a, b].sort());
    checkInvariants(sc, G);
  });

  it('capitalCarry: at the close, Capital above that many rounds of income lapses, with a log line; then income comes', () => {
    const sc = tinyScenario((input) => {
      input.rules.capitalCarry = 2;
      input.rules.holdGain = 0;
    });
    const G = start(sc);
    // Income 2 in the tiny scenario: at most 4 carried. CHN has 9, RUS exactly 4, PRK 3.
    G.powers.CHN.capital = 9;
    G.powers.RUS.capital = 4;
    G.powers.PRK.capital = 3;
    playRound(sc, G);
    expect(G.powers.CHN.capital).toBe(4 + 2);
    expect(G.powers.RUS.capital).toBe(4 + 2);
    expect(G.powers.PRK.capital).toBe(3 + 2);
    const lapsed = G.log.filter((e) => e.code === 'capitalLapsed');
    expect(lapsed.map((e) => [e.power, e.value])).toEqual([
      ['CHN', 5],
      ['USA', 1],
      ['JPN', 1],
      ['KOR', 1],
    ]);
    expect(logSentence(sc, lapsed[0]!)).toBe('China could not carry 5 unspent Capital into the next round: it lapses.');
    // Scored after the lapse, before income: the round's record keeps the scores.
    expect(G.history[0]!.scored.CHN).toEqual(['calm']);
    checkInvariants(sc, G);
  });

  it('holdGain 0: a hold gives nothing, and the order says so', () => {
    const sc = tinyScenario((input) => {
      input.rules.holdGain = 0;
    });
    const G = start(sc);
    playRound(sc, G);
    expect(G.powers.CHN.capital).toBe(5 + 2);
    expect(ORDER_HELP.hold(sc.rules)).toBe('Do nothing with this order.');
    expect(ORDER_HELP.hold({ ...sc.rules, capitalCarry: 2 })).toBe('Do nothing with this order. Capital above 2 rounds of your income lapses at the end of each round.');
  });

  it('income is added to Capital at the end of each round', () => {
    const sc = tinyScenario();
    const G = start(sc);
    G.powers.CHN.income = 6;
    playRound(sc, G);
    expect(G.powers.CHN.capital).toBe(5 + 3 * sc.rules.holdGain + 6);
    expect(G.powers.RUS.capital).toBe(5 + 3 * sc.rules.holdGain + 2);
  });
});

// ---------------------------------------------------------------------------
// The end
// ---------------------------------------------------------------------------

describe('end of the game (GAME.md: "A game lasts 8 rounds ... a classroom short form is 6")', () => {
  it('ends after the scenario\'s `rounds` rounds with G.result set', () => {
    const sc = tinyScenario();
    const G = start(sc);
    expect(G.rounds).toBe(sc.rounds);
    for (let round = 1; round <= sc.rounds; round++) {
      expect(G.round).toBe(round);
      expect(G.result).toBeNull();
      if (G.step.kind === 'decide') answer(sc, G);
      playRound(sc, G);
    }
    expect(G.step).toEqual({ kind: 'over' });
    expect(G.round).toBe(sc.rounds);
    expect(G.history).toHaveLength(sc.rounds);
    expect(G.result).not.toBeNull();
    expect(G.result!.ranking).toHaveLength(6);
    expect(submitOrders(sc, G, 'CHN', HOLD3)).toEqual({ code: 'gameOver' });
  });

  it('the classroom `rounds` option of setupState ends the game sooner (never later than the scenario)', () => {
    const sc = tinyScenario();
    const G = start(sc, 'short', 2);
    expect(G.rounds).toBe(2);
    playRound(sc, G);
    answer(sc, G);
    playRound(sc, G);
    expect(G.step).toEqual({ kind: 'over' });
    expect(G.history).toHaveLength(2);
    expect(G.result).not.toBeNull();

    expect(setupState(sc, { seed: 'long', rounds: 99 }).rounds).toBe(sc.rounds);
  });
});
