/**
 * The rules of a classroom exercise: Control's commands (each logged and kept in the
 * round's record), shared drafts and who may see them, the draft submitted when time
 * is up, replays with Control's commands, and the seventh seat inside boardgame.io.
 */
import { Client } from 'boardgame.io/client';
import { Local } from 'boardgame.io/multiplayer';
import { describe, expect, it } from 'vitest';
import { awaiting, saveDraft, submitDraft, submitOrders } from '../../src/game/actions.js';
import { control } from '../../src/game/control.js';
import { createTrianglesGame, type GameHost } from '../../src/game/game.js';
import { CONTROL_SEAT, POWERS } from '../../src/game/powers.js';
import { setupState } from '../../src/game/setup.js';
import type { ControlCommand, ControlView, GameState, SeatView } from '../../src/game/types.js';
import { controlView, playerView } from '../../src/game/view.js';
import { checkInvariants } from '../helpers/invariants.js';
import { leakedParts } from '../helpers/hiddenParts.js';
import { randomPolicies } from '../helpers/play.js';
import { HOLD3, playRound, withHolds } from '../helpers/round.js';
import { tinyScenario } from '../helpers/tinyScenario.js';

const sc = tinyScenario();
const T0 = 1_750_000_000_000;

function fresh(seed = 'classroom'): GameState {
  return setupState(sc, { seed });
}

/** The last Control record of the current round. */
const lastRecord = (G: GameState) => G.history.at(-1)!.control?.at(-1);

/** A headline of the tiny scenario that is neither shown nor planned. */
const unplannedHeadline = (G: GameState) =>
  sc.headlines.map((h) => h.id).find((id) => !G.secret.headlines.includes(id) && !G.history.some((r) => r.headline === id))!;

describe('Control: the clock', () => {
  it('pauses, resumes, sets and extends a timer, each logged and recorded', () => {
    const G = fresh();
    expect(G.clock).toBeUndefined();
    expect(control(sc, G, { kind: 'setTimer', seconds: 300, at: T0 })).toBeNull();
    expect(G.clock).toEqual({ paused: false, deadline: T0 + 300_000, left: null });
    expect(control(sc, G, { kind: 'pause', at: T0 + 100_000 })).toBeNull();
    expect(G.clock).toEqual({ paused: true, deadline: null, left: 200_000 });
    expect(control(sc, G, { kind: 'extend', seconds: 60 })).toBeNull();
    expect(G.clock!.left).toBe(260_000);
    expect(control(sc, G, { kind: 'resume', at: T0 + 500_000 })).toBeNull();
    expect(G.clock).toEqual({ paused: false, deadline: T0 + 760_000, left: null });
    expect(G.log.slice(-4).map((e) => e.code)).toEqual(['timerSet', 'paused', 'timerExtended', 'resumed']);
    expect(G.history[0]!.control!.map((r) => r.kind)).toEqual(['setTimer', 'pause', 'extend', 'resume']);
  });

  it('refuses what makes no sense now, naming why', () => {
    const G = fresh();
    expect(control(sc, G, { kind: 'resume', at: T0 })).toEqual({ code: 'notPaused' });
    expect(control(sc, G, { kind: 'extend', seconds: 30 })).toEqual({ code: 'noTimer' });
    expect(control(sc, G, { kind: 'pause', at: T0 })).toBeNull();
    expect(control(sc, G, { kind: 'pause', at: T0 })).toEqual({ code: 'alreadyPaused' });
    expect(control(sc, G, { kind: 'setTimer', seconds: 4000, at: T0 })).toEqual({ code: 'outOfRange', field: 'seconds', min: 0, max: 3600 });
    expect(control(sc, G, { kind: 'setTimer', seconds: 1.5, at: T0 })).toEqual({ code: 'malformedCommand', field: 'seconds' });
    expect(control(sc, G, { kind: 'setTimer', seconds: 60, at: -1 })).toEqual({ code: 'malformedCommand', field: 'at' });
    expect(control(sc, G, { kind: 'pause', at: T0, colour: 'red' })).toEqual({ code: 'malformedCommand', field: 'colour' });
    expect(control(sc, G, { kind: 'teleport' })).toEqual({ code: 'malformedCommand', field: 'kind' });
    expect(control(sc, G, 'pause')).toEqual({ code: 'malformedCommand', field: 'command' });
  });

  it('a timer set while paused waits whole for the resume, and stops when the step is over', () => {
    const G = fresh();
    control(sc, G, { kind: 'pause', at: T0 });
    control(sc, G, { kind: 'setTimer', seconds: 120, at: T0 + 5 });
    expect(G.clock).toEqual({ paused: true, deadline: null, left: 120_000 });
    control(sc, G, { kind: 'resume', at: T0 + 60_000 });
    expect(G.clock!.deadline).toBe(T0 + 180_000);
    playRound(sc, G);
    expect(G.clock).toEqual({ paused: false, deadline: null, left: null });
  });
});

describe('Control: advance', () => {
  it('locks in every due seat\'s draft as it stands, holds filling the rest', () => {
    const G = fresh();
    expect(submitOrders(sc, G, 'USA', withHolds({ kind: 'engage', target: 'JPN' }))).toBeNull();
    expect(saveDraft(sc, G, 'CHN', [{ kind: 'engage', target: 'RUS' }])).toBeNull();
    expect(control(sc, G, { kind: 'advance' })).toBeNull();
    const round1 = G.history[0]!;
    expect(round1.control).toEqual([{ kind: 'advance', step: 'orders', powers: ['CHN', 'RUS', 'PRK', 'JPN', 'KOR'] }]);
    expect(round1.orders.CHN).toEqual(withHolds({ kind: 'engage', target: 'RUS' }));
    expect(round1.orders.RUS).toEqual(HOLD3);
    expect(G.round).toBe(2);
    expect(G.log.some((e) => e.code === 'advanced' && e.round === 1)).toBe(true);
  });

  it('takes each undecided power\'s last option in a decision', () => {
    const G = fresh();
    playRound(sc, G);
    expect(G.step).toMatchObject({ kind: 'decide', card: 'treaty', powers: ['RUS', 'PRK'] });
    control(sc, G, { kind: 'advance' });
    expect(G.history[1]!.choices).toEqual({ RUS: 'refuse', PRK: 'refuse' });
    expect(lastRecord(G)).toEqual({ kind: 'advance', step: 'decide', powers: ['RUS', 'PRK'] });
    expect(G.step.kind).toBe('orders');
  });
});

describe('Control: injects', () => {
  it('puts a headline on top, secret until it comes up next round', () => {
    const G = fresh();
    const card = unplannedHeadline(G);
    const planned = [...G.secret.headlines];
    expect(control(sc, G, { kind: 'inject', card })).toBeNull();
    expect(lastRecord(G)).toEqual({ kind: 'queueHeadline' });
    expect(G.log.at(-1)).toEqual({ round: 1, code: 'headlineQueued' });
    for (const viewer of [...POWERS, null]) expect(leakedParts(sc, G, viewer, 'inject')).toEqual([]);
    playRound(sc, G);
    expect(G.headline).toBe(card);
    expect(G.history[1]).toMatchObject({ headline: card, injected: true });
    // The planned headlines each come a round later.
    expect(G.secret.headlines).toEqual(planned);
  });

  it('pulls a planned headline forward rather than showing it twice, and refuses what cannot come', () => {
    const G = fresh();
    const later = G.secret.headlines.at(-1)!;
    expect(control(sc, G, { kind: 'inject', card: later })).toBeNull();
    expect(G.secret.headlines).not.toContain(later);
    expect(control(sc, G, { kind: 'inject', card: later })).toEqual({ code: 'headlineUsed' });
    expect(control(sc, G, { kind: 'inject', card: G.headline })).toEqual({ code: 'headlineUsed' });
    expect(control(sc, G, { kind: 'inject', card: 'no-such-card' })).toEqual({ code: 'unknownHeadline' });
    expect(control(sc, G, { kind: 'inject', card: unplannedHeadline(G) })).toBeNull();
    // Tiny has three rounds: two are still to come, and both now have a card on top.
    expect(control(sc, G, { kind: 'inject', card: G.secret.headlines[0]! })).toEqual({ code: 'noRoundLeft' });
  });

  it('applies a written inject\'s effects at once, from the cards\' menu', () => {
    const G = fresh();
    const before = { tension: G.tracks.tension, relation: G.relations['CHN-USA'], capital: G.powers.KOR.capital };
    const inject = {
      kind: 'inject',
      title: 'Kyiv strikes North Korean units in Kursk',
      text: 'Reports of casualties among North Korean soldiers.',
      effects: [{ track: 'tension', delta: 2 }, { relation: ['CHN', 'USA'], delta: -1 }, { capital: 'KOR', delta: 3 }],
    };
    expect(control(sc, G, inject)).toBeNull();
    expect(G.tracks.tension).toBe(before.tension + 2);
    expect(G.relations['CHN-USA']).toBe(before.relation - 1);
    expect(G.powers.KOR.capital).toBe(before.capital + 3);
    expect(lastRecord(G)).toEqual(inject);
    expect(G.log.find((e) => e.code === 'injected')).toEqual({ round: 1, code: 'injected', text: inject.title });
  });

  it('refuses a written inject whose effects are not on the menu or name no power', () => {
    const G = fresh();
    const before = structuredClone(G);
    const written = (effects: unknown[], more: object = {}) => ({ kind: 'inject', title: 'News', text: 'Something.', effects, ...more });
    expect(control(sc, G, written([{ track: 'tension', delta: 99 }]))).toEqual({ code: 'badEffect', index: 0, why: 'malformed' });
    expect(control(sc, G, written([{ track: 'tension', delta: 1 }, { vp: 'SELF', delta: 1 }]))).toEqual({ code: 'badEffect', index: 1, why: 'namesSelfOrTarget' });
    expect(control(sc, G, written([{ relation: ['CHN', 'TARGET'], delta: 1 }]))).toEqual({ code: 'badEffect', index: 0, why: 'namesSelfOrTarget' });
    expect(control(sc, G, written([{ forces: 'USA', theatre: 'MOON', delta: 1 }]))).toEqual({ code: 'badEffect', index: 0, why: 'unknownTheatre' });
    expect(control(sc, G, written(Array(11).fill({ setFlag: 'x' })))).toEqual({ code: 'outOfRange', field: 'effects', min: 0, max: 10 });
    expect(control(sc, G, written([], { title: '   ' }))).toEqual({ code: 'badText', field: 'title', max: 120 });
    expect(control(sc, G, written([], { text: 5 }))).toEqual({ code: 'badText', field: 'text', max: 2000 });
    expect(G).toEqual(before);
  });

  it('an inject that takes Tension to the war threshold is war, and the match ends scored', () => {
    const G = fresh();
    control(sc, G, { kind: 'inject', title: 'Shots fired', text: 'At the DMZ.', effects: [{ track: 'tension', delta: 10 }] });
    expect(G.war).toEqual({ round: 1, culprit: null });
    expect(G.step.kind).toBe('over');
    expect(G.result).not.toBeNull();
  });
});

describe('Control: adjudicate', () => {
  it('sets a track or a relation with the reason, keeping the value it replaced', () => {
    const G = fresh();
    const polarisation = G.tracks.polarisation;
    expect(control(sc, G, { kind: 'adjudicate', track: 'polarisation', value: 8, reason: 'A bloc summit the rules do not cover.' })).toBeNull();
    expect(G.tracks.polarisation).toBe(8);
    expect(lastRecord(G)).toEqual({ kind: 'adjudicate', track: 'polarisation', value: 8, reason: 'A bloc summit the rules do not cover.', from: polarisation });
    const relation = G.relations['RUS-USA'];
    // A shield stops the rules' changes to a relation, not Control's.
    G.roundFx.shielded.push('USA');
    expect(control(sc, G, { kind: 'adjudicate', relation: ['USA', 'RUS'], value: -1, reason: 'Back-channel talks.' })).toBeNull();
    expect(G.relations['RUS-USA']).toBe(-1);
    expect(lastRecord(G)).toEqual({ kind: 'adjudicate', relation: ['USA', 'RUS'], value: -1, reason: 'Back-channel talks.', from: relation });
    expect(G.log.filter((e) => e.code === 'adjudicated').at(-1)).toEqual({
      round: 1,
      code: 'adjudicated',
      power: 'USA',
      target: 'RUS',
      value: -1,
      text: 'Back-channel talks.',
    });
  });

  it('refuses without a reason, out of range or with a pair that is not one', () => {
    const G = fresh();
    const before = structuredClone(G);
    expect(control(sc, G, { kind: 'adjudicate', track: 'tension', value: 3 })).toEqual({ code: 'badText', field: 'reason', max: 500 });
    expect(control(sc, G, { kind: 'adjudicate', track: 'tension', value: 3, reason: ' ' })).toEqual({ code: 'badText', field: 'reason', max: 500 });
    expect(control(sc, G, { kind: 'adjudicate', track: 'front', value: 6, reason: 'r' })).toEqual({ code: 'outOfRange', field: 'value', min: -5, max: 5 });
    expect(control(sc, G, { kind: 'adjudicate', track: 'mood', value: 1, reason: 'r' })).toEqual({ code: 'malformedCommand', field: 'track' });
    expect(control(sc, G, { kind: 'adjudicate', relation: ['CHN', 'CHN'], value: 1, reason: 'r' })).toEqual({ code: 'malformedCommand', field: 'relation' });
    expect(control(sc, G, { kind: 'adjudicate', relation: ['CHN', 'UKR'], value: 1, reason: 'r' })).toEqual({ code: 'malformedCommand', field: 'relation' });
    expect(control(sc, G, { kind: 'adjudicate', relation: ['CHN', 'USA'], value: 4, reason: 'r' })).toEqual({ code: 'outOfRange', field: 'value', min: -3, max: 3 });
    expect(G).toEqual(before);
  });
});

describe('Control: end', () => {
  it('ends the exercise now, scored as at game end; orders not revealed are taken back', () => {
    const G = fresh();
    const hand = [...G.seats.CHN.hand];
    expect(submitOrders(sc, G, 'CHN', withHolds({ kind: 'card', card: hand[0]! }))).toBeNull();
    control(sc, G, { kind: 'adjudicate', track: 'capability', value: 7, reason: 'A test the rules missed.' });
    expect(control(sc, G, { kind: 'end' })).toBeNull();
    expect(G.step.kind).toBe('over');
    expect(G.result!.ranking).toHaveLength(6);
    expect(G.seats.CHN.hand.sort()).toEqual(hand.sort());
    expect(G.seats.CHN.orders).toBeNull();
    // The round it cut short closes with where it ended.
    expect(G.history[0]!.tracks.capability).toBe(7);
    expect(G.history[0]!.control!.map((r) => r.kind)).toEqual(['adjudicate', 'end']);
    expect(G.log.slice(-2).map((e) => e.code)).toEqual(['ended', 'gameOver']);
    checkInvariants(sc, G);
    expect(control(sc, G, { kind: 'pause', at: T0 })).toEqual({ code: 'gameOver' });
  });
});

/** No seat's view (nor a spectator's) changes with a hidden part of the master, and each carries only its own seat's draft. */
function checkSeatViews(G: GameState): void {
  for (const viewer of [...POWERS, null]) {
    const view = playerView(G, viewer);
    const json = JSON.stringify(view);
    const where = `${viewer ?? 'spectator'} in round ${G.round}`;
    expect(leakedParts(sc, G, viewer, 'drafts'), where).toEqual([]);
    const own = viewer ? G.seats[viewer].draft : undefined;
    expect(json.split('"draft"').length - 1, where).toBe(own ? 1 : 0);
    if (own) expect(view.seats[viewer!]!.draft, where).toEqual(own);
  }
}

describe('drafts', () => {
  it('are checked like orders but may be short; an empty one clears', () => {
    const G = fresh();
    expect(saveDraft(sc, G, 'CHN', [{ kind: 'engage', target: 'RUS' }])).toBeNull();
    expect(G.seats.CHN.draft).toEqual([{ kind: 'engage', target: 'RUS' }]);
    expect(saveDraft(sc, G, 'CHN', [...HOLD3, { kind: 'hold' }])).toEqual({ code: 'wrongOrderCount', limit: 3, given: 4 });
    expect(saveDraft(sc, G, 'CHN', [{ kind: 'pressure', target: 'CHN' }])).toEqual({ code: 'illegalOrder', index: 0, why: { code: 'selfTarget' } });
    expect(saveDraft(sc, G, 'CHN', [{ kind: 'fly' }])).toEqual({ code: 'malformedOrder', index: 0 });
    expect(G.seats.CHN.draft).toEqual([{ kind: 'engage', target: 'RUS' }]);
    expect(saveDraft(sc, G, 'CHN', [])).toBeNull();
    expect(G.seats.CHN).not.toHaveProperty('draft');
  });

  it('are refused when the seat may not give orders, and clear when orders are locked in', () => {
    const G = fresh();
    saveDraft(sc, G, 'CHN', [{ kind: 'engage', target: 'RUS' }]);
    expect(submitOrders(sc, G, 'CHN', HOLD3)).toBeNull();
    expect(G.seats.CHN).not.toHaveProperty('draft');
    expect(saveDraft(sc, G, 'CHN', [{ kind: 'hold' }])).toEqual({ code: 'alreadySubmitted' });
    playRound(sc, G);
    expect(G.step.kind).toBe('decide');
    expect(saveDraft(sc, G, 'RUS', [{ kind: 'hold' }])).toEqual({ code: 'notYourTurn' });
  });

  it('submitDraft fills with holds, and turns an order made illegal since into a hold', () => {
    const G = fresh();
    saveDraft(sc, G, 'CHN', [{ kind: 'aid', target: 'RUS', amount: 5 }, { kind: 'engage', target: 'USA' }]);
    saveDraft(sc, G, 'JPN', [{ kind: 'engage', target: 'KOR' }]);
    control(sc, G, { kind: 'inject', title: 'Markets fall', text: 'Beijing is short of cash.', effects: [{ capital: 'CHN', delta: -5 }] });
    expect(submitDraft(sc, G, 'CHN')).toBeNull();
    expect(G.seats.CHN.orders).toEqual(withHolds({ kind: 'engage', target: 'USA' }));
    expect(submitDraft(sc, G, 'JPN')).toBeNull();
    expect(G.seats.JPN.orders).toEqual(withHolds({ kind: 'engage', target: 'KOR' }));
    expect(submitDraft(sc, G, 'KOR')).toBeNull();
    expect(G.seats.KOR.orders).toEqual(HOLD3);
    expect(submitDraft(sc, G, 'KOR')).toEqual({ code: 'alreadySubmitted' });
  });

  it('are seen by their own seat and by Control only', () => {
    const G = fresh();
    saveDraft(sc, G, 'CHN', [{ kind: 'card', card: G.seats.CHN.hand[0]! }]);
    saveDraft(sc, G, 'USA', [{ kind: 'engage', target: 'JPN' }]);
    checkSeatViews(G);
    const overseen = controlView(G);
    expect(overseen.seats.CHN.draft).toEqual(G.seats.CHN.draft);
    expect(overseen.seats.USA.draft).toEqual(G.seats.USA.draft);
  });
});

describe('Control\'s view', () => {
  it('sees every seat\'s secrets and what is to come, but not the random state', () => {
    const G = fresh();
    submitOrders(sc, G, 'RUS', HOLD3);
    control(sc, G, { kind: 'inject', card: unplannedHeadline(G) });
    const view = controlView(G);
    expect(view.viewer).toBe('control');
    expect(view.seats).toEqual(G.seats);
    expect(view.forces).toEqual(G.forces);
    expect(view.secret).toEqual({ decks: G.secret.decks, headlines: G.secret.headlines, crises: G.secret.crises, injects: G.secret.injects });
    expect(JSON.stringify(view)).not.toContain('"rng"');
  });
});

/** Play a whole exercise from one seed with drafts and Control's commands in it, checking every seat's view on the way. */
function scriptedExercise(seed: string): GameState {
  const G = setupState(sc, { seed });
  const policies = randomPolicies(seed);
  const commands: ControlCommand[] = [
    { kind: 'setTimer', seconds: 240, at: T0 },
    { kind: 'inject', card: unplannedHeadline(G) },
    { kind: 'pause', at: T0 + 1000 },
    { kind: 'adjudicate', relation: ['JPN', 'KOR'], value: 2, reason: 'History talks.' },
    { kind: 'resume', at: T0 + 9000 },
    { kind: 'inject', title: 'Typhoon', text: 'Ports close.', effects: [{ capital: 'JPN', delta: -1 }] },
  ];
  for (let turn = 0; G.step.kind !== 'over'; turn++) {
    const command = commands[turn];
    if (command) expect(control(sc, G, command)).toBeNull();
    const [first, ...rest] = awaiting(G);
    if (G.step.kind === 'orders') {
      // Two seats draft and are advanced; the rest submit.
      for (const p of rest.slice(0, 2)) expect(saveDraft(sc, G, p, policies[p].orders(sc, playerView(G, p), p).slice(0, 1))).toBeNull();
      for (const p of [first!, ...rest.slice(2)]) expect(submitOrders(sc, G, p, policies[p].orders(sc, playerView(G, p), p))).toBeNull();
    }
    checkSeatViews(G);
    expect(control(sc, G, { kind: 'advance' })).toBeNull();
    checkInvariants(sc, G);
  }
  return G;
}

describe('replays with Control', () => {
  it('same scenario, seed and moves, Control\'s included, give a deep-equal state', () => {
    for (const seed of ['a', 'b', 'c']) {
      const G = scriptedExercise(seed);
      expect(G.history.some((r) => r.injected)).toBe(true);
      expect(scriptedExercise(seed)).toEqual(G);
    }
  });
});

// ---------------------------------------------------------------------------
// Inside boardgame.io: seven seats, Control on "6"
// ---------------------------------------------------------------------------

let seeds = 0;
const host: GameHost = { scenarios: new Map([[sc.id, sc]]), defaultScenario: sc.id, newSeed: () => `exercise-${++seeds}` };

function exercise() {
  const game = createTrianglesGame(host);
  const multiplayer = Local();
  const start = (playerID?: string) => {
    const client = Client({ game, multiplayer, matchID: 'x', numPlayers: 7, debug: false, ...(playerID ? { playerID } : {}) } as never);
    client.start();
    return client;
  };
  const seats = ['0', '1', '2', '3', '4', '5'].map((id) => start(id));
  const controller = start(CONTROL_SEAT);
  const spectator = start();
  return { seats, controller, spectator };
}

type Exercise = ReturnType<typeof exercise>;
const stateOf = (client: Exercise['controller']) => client.getState()!.G as unknown as SeatView | ControlView;

describe('a classroom exercise in boardgame.io', () => {
  it('Control pauses, injects and adjudicates; no seat and no spectator can', () => {
    const { seats, controller, spectator } = exercise();
    const commands = [
      { kind: 'pause', at: T0 },
      { kind: 'inject', title: 'Cable cut', text: 'A cable to Jeju is cut.', effects: [{ relation: ['CHN', 'KOR'], delta: -1 }] },
      { kind: 'adjudicate', track: 'front', value: 2, reason: 'A breakthrough near Pokrovsk.' },
      { kind: 'end' },
    ];
    const before = JSON.stringify(stateOf(controller));
    for (const client of [...seats, spectator]) {
      for (const command of commands) client.moves.control!(command);
    }
    expect(JSON.stringify(stateOf(controller))).toBe(before);

    const relation = (stateOf(controller) as ControlView).relations['CHN-KOR'];
    for (const command of commands.slice(0, 3)) controller.moves.control!(command);
    const overseen = stateOf(controller) as ControlView;
    expect(overseen.viewer).toBe('control');
    expect(overseen.clock!.paused).toBe(true);
    expect(overseen.relations['CHN-KOR']).toBe(relation - 1);
    expect(overseen.tracks.front).toBe(2);
    expect(overseen.history[0]!.control!.map((r) => r.kind)).toEqual(['pause', 'inject', 'adjudicate']);
    // Every seat sees what Control did, in the log and on the board.
    const china = stateOf(seats[0]!) as SeatView;
    expect(china.clock!.paused).toBe(true);
    expect(china.tracks.front).toBe(2);
    expect(china.log.filter((e) => e.code === 'adjudicated')).toHaveLength(1);
  });

  it('drafts reach their own seat and Control, never another seat or a spectator', () => {
    const { seats, controller, spectator } = exercise();
    const chinaDraft = [{ kind: 'engage', target: 'RUS' }];
    seats[0]!.moves.draft!(chinaDraft);
    expect((stateOf(seats[0]!) as SeatView).seats.CHN!.draft).toEqual(chinaDraft);
    expect((stateOf(controller) as ControlView).seats.CHN.draft).toEqual(chinaDraft);
    for (const client of [...seats.slice(1), spectator]) {
      expect(JSON.stringify(client.getState()!.G)).not.toContain('"draft"');
      const moves = (client.log ?? []).filter((e) => e.action.type === 'MAKE_MOVE');
      for (const entry of moves) expect(entry.action.payload.args).toBeNull();
    }
    // Control cannot draft or give orders: it is not a power.
    controller.moves.draft!(chinaDraft);
    controller.moves.submitOrders!(HOLD3);
    expect((stateOf(controller) as ControlView).ready).toEqual([]);
  });

  it('a headline put on top reaches no seat\'s state or log before it comes up, and the timer advances the seats', () => {
    const { seats, controller, spectator } = exercise();
    const master = stateOf(controller) as ControlView;
    const card = sc.headlines.map((h) => h.id).find((id) => !master.secret.headlines.includes(id) && id !== master.headline)!;
    controller.moves.control!({ kind: 'inject', card });
    expect((stateOf(controller) as ControlView).secret.injects).toEqual([card]);
    for (const client of [...seats, spectator]) {
      expect(JSON.stringify(client.getState()!.G)).not.toContain(`"${card}"`);
      expect(JSON.stringify(client.log ?? [])).not.toContain(`"${card}"`);
    }
    seats[3]!.moves.draft!([{ kind: 'engage', target: 'JPN' }]);
    controller.moves.control!({ kind: 'advance' });
    const china = stateOf(seats[0]!) as SeatView;
    expect(china.round).toBe(2);
    expect(china.headline).toBe(card);
    expect(china.history[0]!.orders.USA).toEqual(withHolds({ kind: 'engage', target: 'JPN' }));
  });

  it('a six-seat match has no Control: seat "6" does not exist there', () => {
    const game = createTrianglesGame(host);
    const multiplayer = Local();
    const six = ['0', '6'].map((playerID) => {
      const client = Client({ game, multiplayer, playerID, matchID: 'six', numPlayers: 6, debug: false } as never);
      client.start();
      return client;
    });
    const before = JSON.stringify(six[0]!.getState()!.G);
    six[1]!.moves.control!({ kind: 'pause', at: T0 });
    expect(JSON.stringify(six[0]!.getState()!.G)).toBe(before);
  });
});
