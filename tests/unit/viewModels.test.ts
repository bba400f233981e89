/**
 * The game screen's view models (src/view): what a seat is told in words, built from
 * its own view only. The panels render exactly these, so these tests are what a
 * person at the seat would read.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { playToEnd } from '../../src/bots/play.js';
import { decide, submitOrders } from '../../src/game/actions.js';
import { POWERS, type PowerId } from '../../src/game/powers.js';
import { setupState } from '../../src/game/setup.js';
import type { GameState, LogEntry, Order } from '../../src/game/types.js';
import { playerView } from '../../src/game/view.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { theatreModels, relationGroups } from '../../src/view/boardModel.js';
import { crisisModel, handModel, headlineModel } from '../../src/view/cardModel.js';
import { effectsText } from '../../src/view/effectText.js';
import { logSentence } from '../../src/view/logText.js';
import { cardTitle, roundDate } from '../../src/view/names.js';
import { builderModel, orderText, theatreOrder } from '../../src/view/orderModel.js';
import { revealModel } from '../../src/view/revealModel.js';
import { agendaModel, objectiveModels, seatStatus } from '../../src/view/seatModel.js';
import { trackModels } from '../../src/view/trackModel.js';
import { CHAT } from '../../src/view/text/en-chat.js';
import { HANDOVER_TEXT, possessive } from '../../src/view/text/en-game.js';
import { monthName } from '../../src/view/text/en-screens.js';
import { playRandomGame, randomPolicies } from '../helpers/play.js';
import { realScenario } from '../helpers/scenarios.js';
import { tinyScenario } from '../helpers/tinyScenario.js';

const HOLD: Order[] = [{ kind: 'hold' }, { kind: 'hold' }, { kind: 'hold' }];

function lockAll(sc: Scenario, G: GameState, orders: Partial<Record<PowerId, Order[]>> = {}): void {
  for (const power of POWERS) expect(submitOrders(sc, G, power, orders[power] ?? HOLD)).toBeNull();
}

describe('the prompt and who the round waits for', () => {
  const sc = realScenario();

  it('asks the deciders to decide and tells the others who is deciding', () => {
    const G = setupState(sc, { seed: 'prompts' });
    expect(G.step).toMatchObject({ kind: 'decide', powers: ['RUS', 'PRK'] });
    const russia = seatStatus(sc, playerView(G, 'RUS'), 'RUS');
    expect(russia.phase).toBe('decide');
    expect(russia.prompt).toBe(`Decide: ${sc.headlines[0]!.decision!.prompt}`);
    const china = seatStatus(sc, playerView(G, 'CHN'), 'CHN');
    expect(china.phase).toBe('othersDeciding');
    expect(china.prompt).toBe('Russia and North Korea are deciding');
    expect(china.waitingFor).toBe('Waiting for Russia and North Korea…');
    expect(china.roundLine).toBe('Round 1 of 8 — September 2023');

    expect(decide(sc, G, 'RUS', 'open-channel')).toBeNull();
    const decided = seatStatus(sc, playerView(G, 'RUS'), 'RUS');
    expect(decided.phase).toBe('decided');
    expect(decided.waitingFor).toBe('Waiting for North Korea…');
  });

  it('asks for orders in words, then says who is still choosing', () => {
    const G = setupState(sc, { seed: 'prompts' });
    decide(sc, G, 'RUS', 'photo-op');
    decide(sc, G, 'PRK', 'photo-op');
    expect(seatStatus(sc, playerView(G, 'CHN'), 'CHN').prompt).toBe('Choose three orders for China');
    for (const power of ['CHN', 'RUS', 'USA', 'JPN'] as const) submitOrders(sc, G, power, HOLD);
    const china = seatStatus(sc, playerView(G, 'CHN'), 'CHN');
    expect(china.phase).toBe('ordersLocked');
    expect(china.prompt).toBe('Orders locked in');
    expect(china.waitingFor).toBe('Waiting for North Korea and South Korea…');
  });

  it('says a move made offline is not sent yet, until the view shows it arrived', () => {
    const G = setupState(sc, { seed: 'prompts' });
    const russia = seatStatus(sc, playerView(G, 'RUS'), 'RUS', { type: 'decide', option: 'open-channel' });
    expect(russia).toMatchObject({ phase: 'decisionQueued', prompt: 'Choice made, not sent yet: offline' });
    decide(sc, G, 'RUS', 'photo-op');
    decide(sc, G, 'PRK', 'photo-op');
    const queued = { type: 'orders', orders: HOLD } as const;
    expect(seatStatus(sc, playerView(G, 'CHN'), 'CHN', queued)).toMatchObject({ phase: 'ordersQueued', prompt: 'Orders locked in, not sent yet: offline' });
    // Queued orders play no card, and the hand does not invite the person to change them.
    expect(handModel(sc, playerView(G, 'CHN'), 'CHN', HOLD, true).note).toBe('Cards are played as orders in the orders step.');
    // Once the server has them, the view says so, whatever this device still holds.
    submitOrders(sc, G, 'CHN', HOLD);
    expect(seatStatus(sc, playerView(G, 'CHN'), 'CHN', queued).phase).toBe('ordersLocked');
  });

  it('dates a round by its headline: the top bar and the headline card say the same month, every round', () => {
    const G = setupState(sc, { seed: 'dates' });
    const seen: string[] = [];
    const check = (state: GameState) => {
      const headline = headlineModel(sc, state.headline!, 'CHN');
      expect(headline.date).toBe(monthName(sc.headlines.find((h) => h.id === state.headline)!.date));
      expect(seatStatus(sc, playerView(state, 'CHN'), 'CHN').roundLine).toBe(`Round ${state.round} of ${state.rounds} — ${headline.date}`);
      expect(roundDate(sc, state.headline)).toBe(headline.date);
      if (seen.at(-1) !== headline.date) seen.push(headline.date!);
    };
    check(G);
    playToEnd(sc, G, randomPolicies('dates'), { afterAction: (state) => check(state) });
    // Round 2 opens on a January 2024 headline (the top bar once said December 2023 over it).
    expect(seen.slice(0, 2)).toEqual(['September 2023', 'January 2024']);
  });

  it('has headline dates that never run backwards from one round to the next (the timeline and its pools)', () => {
    const dates = (round: number) =>
      sc.timeline
        .filter((entry) => entry.round === round)
        .flatMap((entry) => ('card' in entry ? [entry.card] : entry.pool))
        .map((id) => sc.headlines.find((h) => h.id === id)!.date);
    for (let round = 1; round < sc.rounds; round++) {
      const latest = dates(round).sort().at(-1)!;
      const earliest = dates(round + 1).sort()[0]!;
      expect(earliest >= latest, `round ${round + 1} (${earliest}) after round ${round} (${latest})`).toBe(true);
    }
  });
});

describe('objectives and the secret agenda', () => {
  it('says which of the seat\'s objectives are met right now, with a mark and words', () => {
    const sc = realScenario();
    const G = setupState(sc, { seed: 'objectives' });
    const byId = Object.fromEntries(objectiveModels(sc, playerView(G, 'CHN'), 'CHN').map((o) => [o.id, o]));
    // Polarisation starts at 5 (needs 4 or below); Tension 4 (5 or below); CHN–PRK 2 ≥ RUS–PRK 1.
    expect(byId['chn-low-polarisation']).toMatchObject({ met: false, points: 0, stateText: '✗ not met now' });
    expect(byId['chn-low-tension']).toMatchObject({ met: true, points: 1, stateText: '✓ met now' });
    expect(byId['chn-buffer-influence']).toMatchObject({ met: true });
  });

  it('shows the seat its own agenda from the scenario, and no one else\'s', () => {
    const sc = realScenario();
    const G = setupState(sc, { seed: 'agenda' });
    const own = sc.agendas.find((a) => a.id === G.seats.JPN.agenda)!;
    expect(agendaModel(sc, playerView(G, 'JPN'), 'JPN')).toMatchObject({ title: own.title, text: own.text });
    expect(agendaModel(sc, playerView(G, 'CHN'), 'JPN')).toBeNull();
  });
});

describe('the order builder', () => {
  it('offers every kind with its help, and greys out a kind with the reason', () => {
    const sc = tinyScenario();
    const G = setupState(sc, { seed: 'builder' });
    const model = builderModel(sc, playerView(G, 'CHN'), 'CHN', [], null);
    const withdraw = model.kinds.find((k) => k.kind === 'withdraw')!;
    expect(withdraw).toMatchObject({ available: false, reason: 'You have no forces there.' });
    const engage = model.kinds.find((k) => k.kind === 'engage')!;
    expect(engage.available).toBe(true);
    expect(engage.help).toMatch(/Relation \+1/);
    // Numbers the scenario sets are read from it, so a teacher's own rules are described as they play.
    const aid = model.kinds.find((k) => k.kind === 'aid')!;
    expect(aid.help).toContain(`${sc.rules.aidRelationThreshold} or more also improves the relation`);
    expect(aid.help).toContain(`Every ${sc.rules.ukraineAidPerFront} Capital sent to Ukraine`);
    expect(model.kinds.find((k) => k.kind === 'hold')!.help).toBe(`Save: +${sc.rules.holdGain} Capital.`);
    expect(model.forms).toBeNull();
    expect(model.canSubmit).toBe(false);
  });

  it("describes engagement, pressure and a missile test with the scenario's own numbers", () => {
    const sc = tinyScenario((input) => {
      input.rules.relationSteps = { engage: 2, summit: 3, pressure: -2, aid: 1 };
      input.rules.sanction = 2;
      input.rules.missileTest = { capability: 2, tension: 1 };
    });
    const model = builderModel(sc, playerView(setupState(sc, { seed: 'builder' }), 'PRK'), 'PRK', [], null);
    const help = (kind: string) => model.kinds.find((k) => k.kind === kind)!.help;
    expect(help('engage')).toContain('Relation +2 (a summit, +3, if they engage you too)');
    expect(help('pressure')).toContain('Relation -2 and they lose 2 Capital');
    expect(help('build')).toContain('(Capability +2, Tension +1)');
  });

  it('lists the forms of one kind with costs, and the refused ones with reasons', () => {
    const sc = tinyScenario();
    const G = setupState(sc, { seed: 'builder' });
    const deploy = builderModel(sc, playerView(G, 'CHN'), 'CHN', [], 'deploy').forms!;
    expect(deploy.groups[0]!.options.map((o) => [o.label, o.cost])).toEqual([
      ['Korean DMZ', 1],
      ['Sea of Japan / East Sea', 1],
    ]);
    expect(deploy.refused).toEqual([{ labels: ['Ukraine Front'], reason: 'Only Russia and North Korea fight at the Ukraine Front.' }]);
    const withdraw = builderModel(sc, playerView(G, 'CHN'), 'CHN', [], 'withdraw').forms!;
    expect(withdraw.refused).toEqual([{ labels: ['Korean DMZ', 'Sea of Japan / East Sea', 'Ukraine Front'], reason: 'You have no forces there.' }]);
    const build = builderModel(sc, playerView(G, 'CHN'), 'CHN', [], 'build').forms!;
    expect(build.refused).toEqual([{ labels: ['Test a missile (Capability +1, Tension +1)'], reason: 'Only North Korea can test missiles.' }]);
  });

  it('groups aid by recipient with one button per amount the budget allows', () => {
    const sc = tinyScenario();
    const G = setupState(sc, { seed: 'builder' });
    const chosen: Order[] = [{ kind: 'pressure', target: 'USA' }];
    const aid = builderModel(sc, playerView(G, 'CHN'), 'CHN', chosen, 'aid').forms!;
    const korea = aid.groups.find((g) => g.label === 'North Korea')!;
    // 5 Capital, 1 already spent on pressure.
    expect(korea.options.map((o) => o.label)).toEqual(['1', '2', '3', '4']);
    expect(korea.options[1]!.text).toBe('Aid North Korea with 2 Capital');
  });

  it('closes every kind once all orders are chosen, and only then allows submitting', () => {
    const sc = tinyScenario();
    const G = setupState(sc, { seed: 'builder' });
    const model = builderModel(sc, playerView(G, 'CHN'), 'CHN', HOLD, 'engage');
    expect(model.canSubmit).toBe(true);
    expect(model.forms).toBeNull();
    expect(model.kinds.every((k) => !k.available && k.reason === 'All 3 orders are chosen. Remove one to change your mind.')).toBe(true);
    expect(model.closed).toBe('All 3 orders are chosen. Remove one to change your mind.');
    expect(model.chosen.map((c) => c.text)).toEqual(['Hold (+1 Capital)', 'Hold (+1 Capital)', 'Hold (+1 Capital)']);
    expect(model.budget).toBe(5);
  });

  it('says why no other card can be played when one card is chosen, not that it is missing from the hand', () => {
    // Cards of 4 Capital out of 5: once one is chosen, the others cannot be paid for.
    const sc = tinyScenario((input) => {
      for (const card of input.policies) card.cost = 4;
    });
    const G = setupState(sc, { seed: 'builder' });
    const view = playerView(G, 'CHN');
    // The hand's first card, whose refusal the rules list first.
    const [first, ...others] = G.seats.CHN.hand.map((id) => ({ id, title: cardTitle(sc, id) }));
    const chosen: Order[] = [{ kind: 'card', card: first!.id }];
    const card = builderModel(sc, view, 'CHN', chosen, null).kinds.find((k) => k.kind === 'card')!;
    expect(card).toMatchObject({ available: false, reason: 'Needs 4 Capital; 1 left.' });
    expect(builderModel(sc, view, 'CHN', chosen, 'card').forms!.refused).toEqual([
      { labels: [first!.title], reason: 'Already one of your orders this round.' },
      { labels: others.map((c) => c.title), reason: 'Needs 4 Capital; 1 left.' },
    ]);
  });

  it('says so when every card in the hand is already among the orders', () => {
    const sc = tinyScenario((input) => {
      input.rules.startingHand = 2;
    });
    const G = setupState(sc, { seed: 'builder' });
    const chosen: Order[] = G.seats.CHN.hand.map((card) => ({ kind: 'card', card }));
    const card = builderModel(sc, playerView(G, 'CHN'), 'CHN', chosen, null).kinds.find((k) => k.kind === 'card')!;
    expect(card).toMatchObject({ available: false, reason: 'Every card in your hand is already one of your orders.' });
  });

  it('answers a theatre picked on the map with the order, or with why not', () => {
    const sc = tinyScenario();
    const G = setupState(sc, { seed: 'builder' });
    const view = playerView(G, 'CHN');
    expect(theatreOrder(sc, view, 'CHN', [], 'deploy', 'DMZ')).toEqual({ order: { kind: 'deploy', theatre: 'DMZ' } });
    expect(theatreOrder(sc, view, 'CHN', [], 'deploy', 'FRONT')).toEqual({ reason: 'Only Russia and North Korea fight at the Ukraine Front.' });
    expect(theatreOrder(sc, view, 'CHN', [], 'withdraw', 'NOWHERE')).toBeNull();
  });

  it('says orders in words', () => {
    const sc = realScenario();
    expect(orderText(sc, { kind: 'engage', target: 'RUS' })).toBe('Engage Russia');
    expect(orderText(sc, { kind: 'aid', target: 'UKR', amount: 3 })).toBe('Aid Ukraine with 3 Capital');
    expect(orderText(sc, { kind: 'deploy', theatre: 'EAST_SEA' })).toBe('Deploy a force to Sea of Japan / East Sea');
    expect(orderText(sc, { kind: 'card', card: 'chn-driving-seat' })).toBe('Play “Driving seat”');
  });
});

describe('the hand', () => {
  it('marks each card playable or not, with the reason from the rules', () => {
    const sc = tinyScenario((input) => {
      input.policies.find((c) => c.id === 'chn-filler-1')!.cost = 9;
    });
    const G = setupState(sc, { seed: 'hand' });
    const hand = handModel(sc, playerView(G, 'CHN'), 'CHN', [{ kind: 'card', card: 'chn-filler-2' }]);
    expect(hand.note).toBeNull();
    const byId = Object.fromEntries(hand.cards.map((c) => [c.id, c]));
    expect(byId['chn-filler-1']).toMatchObject({ state: 'unplayable', status: 'Needs 9 Capital; 5 left.', costText: 'Cost 9' });
    expect(byId['chn-filler-2']).toMatchObject({ state: 'chosen', status: 'Chosen as order 1' });
    expect(byId['chn-filler-3']).toMatchObject({ state: 'playable', status: 'Playable now' });
  });

  it('just lists the cards outside the orders step', () => {
    const sc = tinyScenario();
    const G = setupState(sc, { seed: 'hand' });
    lockAll(sc, G);
    expect(G.step.kind).toBe('decide');
    const hand = handModel(sc, playerView(G, 'CHN'), 'CHN', []);
    expect(hand.note).toBe('Cards are played as orders in the orders step.');
    expect(hand.cards.every((c) => c.state === 'idle' && c.status === null)).toBe(true);
  });

  it('says once that no card can be added when every order is chosen', () => {
    const sc = tinyScenario();
    const G = setupState(sc, { seed: 'hand' });
    const hand = handModel(sc, playerView(G, 'CHN'), 'CHN', HOLD);
    expect(hand.note).toBe('All 3 orders are chosen. Remove one to change your mind.');
    expect(hand.cards.every((c) => c.state === 'idle')).toBe(true);
  });
});

describe('cards and board in words', () => {
  it('reads a headline with its decision, options and outcomes', () => {
    const sc = tinyScenario();
    const card = headlineModel(sc, 'treaty', 'RUS');
    expect(card.decision!.decidedBy).toBe('Russia and North Korea decide, secretly and at the same time.');
    expect(card.decision!.options[0]).toEqual({ id: 'sign', label: 'Sign', effects: ['+1 VP for you'] });
    expect(card.decision!.outcomes[0]!.when).toBe('If all choose “Sign”');
    expect(card.decision!.outcomes[0]!.effects).toEqual(['Now in force: the Russia–North Korea treaty', 'Russia–North Korea relation +1']);
    expect(headlineModel(sc, 'quiet-2', 'CHN').hypothetical).toBe(true);
  });

  it('shows a flag by its label from the scenario, never by its id', () => {
    const sc = realScenario();
    const raised = sc.headlines.flatMap((h) => (h.decision?.outcomes ?? []).map((o, i) => ({ card: h.id, i, flags: o.effects.flatMap((e) => ('setFlag' in e ? [e.setFlag] : [])) })));
    const withFlags = raised.filter((r) => r.flags.length > 0);
    expect(withFlags.map((r) => r.card)).toEqual(['kim-at-vostochny', 'mutual-assistance-treaty']);
    for (const { card, i, flags } of withFlags) {
      const shown = headlineModel(sc, card, 'CHN').decision!.outcomes[i]!.effects;
      for (const flag of flags) {
        expect(shown).toContain(`Now in force: ${sc.flags[flag]}`);
        expect(shown.join(' ')).not.toContain(flag);
        expect(shown.join(' ')).not.toContain(flag.replace(/-/g, ' '));
      }
    }
    expect(headlineModel(sc, 'mutual-assistance-treaty', 'CHN').decision!.outcomes[0]!.effects[0]).toBe('Now in force: the Russia–North Korea mutual-assistance treaty');
    const lowered = tinyScenario((input) => {
      input.headlines[3]!.decision!.outcomes![0]!.effects = [{ clearFlag: 'treaty' }];
    });
    expect(headlineModel(lowered, 'treaty', 'RUS').decision!.outcomes[0]!.effects).toEqual(['No longer in force: the Russia–North Korea treaty']);
  });

  it('marks a hypothetical crisis card as hypothetical', () => {
    const sc = realScenario();
    for (const crisis of sc.crises) expect(crisisModel(sc, crisis.id, 'CHN').hypothetical, crisis.id).toBe(true);
    const plain = tinyScenario();
    expect(crisisModel(plain, 'collision', 'CHN').hypothetical).toBe(false);
  });

  it('reads a crisis card with who decides, and others\' choices from the chooser\'s side', () => {
    const sc = realScenario();
    const crisis = crisisModel(sc, 'collision-at-sea', 'JPN');
    expect(crisis).toMatchObject({ deck: 'crisis', title: 'Collision at sea', date: null });
    expect(crisis.decision!.decidedBy).toBe('China and United States decide, secretly and at the same time.');
    expect(crisis.decision!.options[0]!.effects).toEqual(['Tension +1', '+1 VP for the chooser', 'China–United States relation -1']);
    const headline = headlineModel(sc, 'kim-at-vostochny', 'CHN');
    expect(headline.decision!.options[1]!.effects).toEqual(['The chooser’s relation with China +1']);
    expect(headlineModel(sc, 'kim-at-vostochny', 'RUS').decision!.options[1]!.effects).toEqual(['Your relation with China +1']);
  });

  it('shows others\' hidden forces only as unknown units, and a seat its own', () => {
    const sc = tinyScenario();
    const G = setupState(sc, { seed: 'covert' });
    G.forces.DMZ!.PRK = { open: 1, covert: 2 };
    const seenByUsa = theatreModels(sc, playerView(G, 'USA')).find((t) => t.id === 'DMZ')!;
    expect(seenByUsa.summary).toBe('North Korea 1, United States 1, South Korea 1, 2 unknown units');
    const seenByPrk = theatreModels(sc, playerView(G, 'PRK')).find((t) => t.id === 'DMZ')!;
    expect(seenByPrk.summary).toBe('North Korea 3 (2 hidden), United States 1, South Korea 1');
  });

  it('groups the fifteen relations into the two triangles and the pairs across', () => {
    const sc = tinyScenario();
    const groups = relationGroups(sc, playerView(setupState(sc, { seed: 'rel' }), 'CHN'));
    expect(groups.map((g) => [g.label, g.rows.length])).toEqual([
      ['Northern triangle', 3],
      ['Southern triangle', 3],
      ['Across the blocs', 9],
    ]);
    expect(groups[0]!.rows[0]).toMatchObject({ label: 'China – Russia', valueText: '+2', word: 'allied' });
  });
});

describe('the log in words', () => {
  const sc = realScenario();
  const say = (entry: Omit<LogEntry, 'round'>) => logSentence(sc, { round: 1, ...entry });

  it('names cards by their titles and powers by their names', () => {
    expect(say({ code: 'headline', card: 'kim-at-vostochny' })).toBe('Headline: Kim at the cosmodrome.');
    expect(say({ code: 'chose', power: 'RUS', card: 'kim-at-vostochny', option: 'open-channel' })).toBe(
      'Russia chose “Open the channel” (Kim at the cosmodrome).',
    );
    expect(say({ code: 'outcome', card: 'kim-at-vostochny', option: 'open-channel' })).toBe(
      'Kim at the cosmodrome: Shells go east-to-west, roubles and advice go the other way.',
    );
    expect(say({ code: 'card', power: 'CHN', card: 'chn-driving-seat' })).toBe('China plays “Driving seat”.');
  });

  it('says what changed and by whom', () => {
    expect(say({ code: 'track', track: 'tension', value: 1, power: 'PRK' })).toBe('Tension rises by 1 (North Korea).');
    expect(say({ code: 'track', track: 'polarisation', value: -1 })).toBe('Polarisation falls by 1.');
    expect(say({ code: 'relation', power: 'CHN', target: 'RUS', value: 2 })).toBe('China–Russia relations improve by 2.');
    expect(say({ code: 'aid', power: 'USA', target: 'UKR', value: 3 })).toBe('United States sends 3 Capital to Ukraine.');
    expect(say({ code: 'deploy', power: 'JPN', theatre: 'EAST_SEA' })).toBe('Japan deploys a force to Sea of Japan / East Sea.');
    expect(say({ code: 'covertArrival', theatre: 'UKRAINE_FRONT' })).toBe('Unknown units arrive at Ukraine Front.');
    expect(say({ code: 'war', power: 'PRK' })).toBe('War breaks out on the Korean peninsula; North Korea pushed the region over the edge.');
  });

  it('writes a sentence for every entry of whole games, for every log code the rules use', () => {
    for (const seed of ['log-1', 'log-2', 'log-3', 'log-4']) {
      const G = playRandomGame(sc, seed);
      for (const entry of G.log) expect(logSentence(sc, entry), JSON.stringify(entry)).not.toMatch(/^\(|undefined|\s\./);
    }
  });
});

describe('the reveal of the last round', () => {
  it('is empty until the first orders are revealed', () => {
    const sc = tinyScenario();
    expect(revealModel(sc, playerView(setupState(sc, { seed: 'reveal' }), 'CHN'))).toBeNull();
  });

  it('tells what every power ordered and what changed over the round', () => {
    const sc = tinyScenario();
    const G = setupState(sc, { seed: 'reveal' });
    lockAll(sc, G, { CHN: [{ kind: 'engage', target: 'RUS' }, { kind: 'pressure', target: 'USA' }, { kind: 'hold' }] });
    const model = revealModel(sc, playerView(G, 'JPN'))!;
    expect(model.heading).toBe('What happened in round 1');
    const china = model.powers.find((o) => o.power === 'CHN')!;
    expect(china.orders).toEqual(['Engage Russia', 'Pressure United States', 'Hold (+1 Capital)']);
    expect(model.powers.find((o) => o.power === 'USA')!.orders).toEqual(['Hold (+1 Capital)', 'Hold (+1 Capital)', 'Hold (+1 Capital)']);
    expect(model.events).toContain('China–Russia relations improve by 1.');
    expect(model.events).toContain('China–United States relations worsen by 1.');
    // Pressure across the blocs: Polarisation 5 → 6; nothing raised Tension, so it eased 4 → 3.
    expect(model.tracks).toEqual(['Tension 4 → 3', 'Polarisation 5 → 6']);
    // The tiny scenario's one objective: Tension at 5 or below, 1 point.
    expect(china.scored).toBe('+1 VP: Tension at 5 or below');
  });

  it('includes the decisions of the round', () => {
    const sc = tinyScenario();
    const G = setupState(sc, { seed: 'reveal' });
    lockAll(sc, G);
    decide(sc, G, 'RUS', 'sign');
    decide(sc, G, 'PRK', 'refuse');
    lockAll(sc, G);
    const model = revealModel(sc, playerView(G, 'CHN'))!;
    expect(model.round).toBe(2);
    expect(model.choices).toEqual([{ card: 'Treaty', lines: ['Russia: “Sign”', 'North Korea: “Refuse”'] }]);
  });
});

describe('the tracks', () => {
  it('carry their value, range and the value after every finished round', () => {
    const sc = tinyScenario();
    const G = setupState(sc, { seed: 'tracks' });
    lockAll(sc, G);
    const tension = trackModels(sc, playerView(G, 'CHN')).find((t) => t.id === 'tension')!;
    expect([tension.valueText, tension.rangeText]).toEqual(['3', '(range 0 to 10)']);
    expect(tension.series.map((p) => [p.label, p.value])).toEqual([
      ['start', 4],
      ['round 1', 3],
      ['now', 3],
    ]);
    expect(tension.seriesText).toBe('Tension over the game: start 4, round 1 3, now 3');
    expect(trackModels(sc, playerView(G, 'CHN')).find((t) => t.id === 'front')!.rangeText).toBe('(range -5 to +5)');
  });

  it("word Tension's thresholds from the scenario's rules, crises from events included", () => {
    const sc = realScenario();
    const help = trackModels(sc, playerView(setupState(sc, { seed: 'tracks' }), 'CHN')).find((t) => t.id === 'tension')!.help;
    expect(help).toContain(`A crisis at ${sc.rules.crisisAt} (from ${sc.rules.crisisEvents!.from}, a provocation may spark one), war at ${sc.rules.warAt}.`);
    const other = { ...sc, rules: { ...sc.rules, crisisAt: 7, warAt: 9, crisisEvents: undefined } };
    expect(trackModels(other, playerView(setupState(sc, { seed: 'tracks' }), 'CHN')).find((t) => t.id === 'tension')!.help).toContain('A crisis at 7, war at 9.');
  });
});

describe('words built from names', () => {
  const sc = realScenario();
  const say = (entry: Omit<LogEntry, 'round'>) => logSentence(sc, { round: 1, ...entry });

  it('makes a name possessive with an apostrophe alone when it ends in s', () => {
    expect(possessive('China')).toBe('China’s');
    expect(possessive('United States')).toBe('United States’');
    expect(effectsText(sc, [{ shield: 'USA' }], { self: 'chooser' })).toEqual(['None of United States’ relations can fall this round']);
    expect(effectsText(sc, [{ cancelCards: 'USA' }], { self: 'chooser' })).toEqual(['Cancel United States’ cards this round']);
    expect(say({ code: 'income', power: 'USA', value: 1 })).toBe('United States’ income rises by 1.');
    expect(say({ code: 'cancelCards', power: 'CHN', target: 'USA' })).toBe('China cancels United States’ cards this round.');
    expect(say({ code: 'cardCancelled', power: 'USA', card: 'chn-driving-seat' })).toBe('United States’ card “Driving seat” is cancelled.');
    expect(HANDOVER_TEXT.body('United States')).toMatch(/^The next turn is United States’\. /);
    expect(CHAT.controlTeamHint('United States')).toMatch(/^United States’ team talks here/);
  });

  it('says "secretly and at the same time" only when more than one power decides', () => {
    const china = headlineModel(sc, 'empty-seat-at-the-armistice', 'CHN').decision!;
    expect(china.powers).toEqual(['CHN']);
    expect(china.decidedBy).toBe('China decides.');
    expect(headlineModel(sc, 'kim-at-vostochny', 'CHN').decision!.decidedBy).toBe('Russia and North Korea decide, secretly and at the same time.');
  });

  it('never points players to "the article": the scenario and the rules they read were never told of one', () => {
    expect(JSON.stringify(sc)).not.toMatch(/\barticles?\b(?! \d)/i);
    expect(readFileSync('docs/RULES.md', 'utf8')).not.toMatch(/\barticles?\b/i);
  });
});
