/**
 * The reveal as steps (src/view/revealSteps.ts): in the rules' order of resolution,
 * every entry of the round's log in the step that wrote it, every power's orders in
 * the steps they act in, and the changes adding up to the round's.
 *
 * Which step wrote an entry is read from the rules themselves: the test wraps the log's
 * `push` and names the resolving function on the call stack (resolveDiplomacy,
 * resolveCards…), so the reveal's reading of the log is checked against what the rules
 * did, over many whole games of random play.
 */
import { describe, expect, it } from 'vitest';
import { decide, submitOrders } from '../../src/game/actions.js';
import { POWERS } from '../../src/game/powers.js';
import { setupState } from '../../src/game/setup.js';
import type { GameState, LogEntry } from '../../src/game/types.js';
import { playerView } from '../../src/game/view.js';
import { playToEnd } from '../../src/bots/play.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { lastRevealedRound, REVEAL_STEP_IDS, revealStory, type RevealStepId, type RevealStory } from '../../src/view/revealSteps.js';
import { RationaleBook } from '../../src/client/bots/rationaleBook.js';
import { randomPolicies } from '../helpers/play.js';
import { giveCard, playRound, policy, withHolds } from '../helpers/round.js';
import { realScenario } from '../helpers/scenarios.js';
import { tinyScenario } from '../helpers/tinyScenario.js';

/** The rules' function that wrote an entry, as the reveal's step it belongs to. */
const WRITERS: [string, RevealStepId][] = [
  ['resolveReactions', 'reactions'],
  ['resolveDiplomacy', 'diplomacy'],
  ['resolveAidAndSanctions', 'aid'],
  ['resolveMilitary', 'military'],
  ['resolveCards', 'cards'],
  ['resolvePosture', 'posture'],
  ['drawCrisis', 'crisis'],
  ['endRound', 'roundEnd'],
  // A crisis decided: its choices and outcomes (endRound, nearer on the stack, wins for the end of the round).
  ['revealDecision', 'crisis'],
];

/** Tags every log entry with the step of the rules that wrote it. */
function watchWriters(G: GameState): WeakMap<LogEntry, RevealStepId | 'other'> {
  const writer = new WeakMap<LogEntry, RevealStepId | 'other'>();
  const push = G.log.push.bind(G.log);
  G.log.push = (...entries: LogEntry[]) => {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 60;
    const frames = new Error().stack!.split('\n');
    Error.stackTraceLimit = limit;
    const step = frames.map((f) => WRITERS.find(([fn]) => f.includes(`at ${fn} `))?.[1]).find((s) => s !== undefined);
    for (const entry of entries) writer.set(entry, step ?? 'other');
    return push(...entries);
  };
  return writer;
}

/** Checks one round's story against the rules' own account of it. */
function checkStory(G: GameState, story: RevealStory, writer: WeakMap<LogEntry, RevealStepId | 'other'>): void {
  const roundLog = G.log.filter((e) => e.round === story.round);
  const afterReveal = roundLog.slice(roundLog.findIndex((e) => e.code === 'reveal') + 1);

  // Steps in the rules' order, the orders first and the sum last.
  const ids = story.steps.map((s) => s.id);
  expect(ids[0]).toBe('orders');
  expect(ids.at(-1)).toBe('summary');
  const ranks = ids.map((id) => REVEAL_STEP_IDS.indexOf(id));
  expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  expect(new Set(ids).size).toBe(ids.length);

  // Every entry after the reveal in exactly one step, in the log's order, and in the step that wrote it.
  const told = story.steps.flatMap((s) => s.entries);
  expect(told).toEqual(afterReveal.filter((e) => e.code !== 'gameOver'));
  for (const step of story.steps) {
    for (const entry of step.entries) {
      const wrote = writer.get(entry);
      expect({ round: story.round, entry, step: wrote }).toEqual({ round: story.round, entry, step: step.id });
    }
  }

  // All six powers' orders at the start, each order again in a step of the resolution unless war cut it short.
  const record = G.history.find((r) => r.round === story.round)!;
  const first = story.steps[0]!;
  expect(first.orders.length).toBe(POWERS.reduce((n, p) => n + (record.orders[p]?.length ?? 0), 0));
  expect(story.powers.map((p) => p.power)).toEqual([...POWERS]);
  if (!story.war) {
    const resolving = story.steps.slice(1);
    for (const order of first.orders) expect(resolving.some((s) => s.orders.some((o) => o.power === order.power && o.text === order.text))).toBe(true);
  }

  // The changes chain from the board at the reveal to the board after the last step.
  let board = story.before;
  for (const step of story.steps.slice(0, -1)) {
    const tracks = { ...board.tracks };
    for (const change of step.tracks) {
      expect(tracks[change.track]).toBe(change.from);
      tracks[change.track] = change.to;
    }
    const relations = { ...board.relations };
    for (const change of step.relations) {
      expect(relations[change.pair]).toBe(change.from);
      relations[change.pair] = change.to;
    }
    expect({ tracks, relations }).toEqual(step.after);
    board = step.after;
  }
  const sum = story.steps.at(-1)!;
  expect(sum.after).toEqual(board);
  // Once the round is over (scored, or cut short by war), its record keeps the closing board: the reveal must end there.
  const closed = G.round > story.round || G.step.kind === 'over';
  if (closed) expect(sum.after).toEqual({ tracks: record.tracks, relations: record.relations });
}

describe('the reveal in steps over whole games', () => {
  for (const [name, scenario, games] of [
    ['tiny', tinyScenario, 12],
    ['2024-northern-triangle', realScenario, 24],
  ] as const) {
    it(`tells every round of ${games} random games of ${name} in the step the rules resolved it`, () => {
      const sc: Scenario = scenario();
      const seen = new Set<RevealStepId>();
      let wars = 0;
      for (let g = 0; g < games; g++) {
        const G = setupState(sc, { seed: `reveal-steps/${g}` });
        const writer = watchWriters(G);
        const check = () => {
          const view = playerView(G, POWERS[g % POWERS.length]!);
          const round = lastRevealedRound(view);
          if (round === 0) return;
          const story = revealStory(sc, view, {}, round)!;
          checkStory(G, story, writer);
          for (const step of story.steps) seen.add(step.id);
          if (story.war) wars++;
        };
        playToEnd(sc, G, randomPolicies(`reveal-steps/${g}`), { afterAction: (state) => state.ready.length === 0 && check() });
        // Every round again from the finished game's log.
        for (const record of G.history) {
          if (Object.keys(record.orders).length) checkStory(G, revealStory(sc, playerView(G, 'JPN'), {}, record.round)!, writer);
        }
      }
      // The games reached every kind of step (the test would prove little otherwise).
      if (name === '2024-northern-triangle') {
        expect([...seen].sort()).toEqual([...REVEAL_STEP_IDS].sort());
        expect(wars).toBeGreaterThan(0);
      }
    });
  }
});

describe('one round told', () => {
  it('draws each power’s orders on the map and says what each step changed', () => {
    const sc = tinyScenario();
    const G = setupState(sc, { seed: 'told' });
    playRound(sc, G, {
      CHN: [{ kind: 'engage', target: 'RUS' }, { kind: 'pressure', target: 'USA' }, { kind: 'hold' }],
      RUS: [{ kind: 'engage', target: 'CHN' }, { kind: 'hold' }, { kind: 'hold' }],
      USA: [{ kind: 'aid', target: 'JPN', amount: 2 }, { kind: 'deploy', theatre: 'EAST_SEA' }, { kind: 'hold' }],
    });
    const story = revealStory(sc, playerView(G, 'KOR'), { RUS: 'Russia engages China to keep Beijing close.' })!;
    expect(story.round).toBe(1);
    expect(story.heading).toBe('Round 1: the reveal');
    expect(story.steps.map((s) => s.id)).toEqual(['orders', 'diplomacy', 'aid', 'military', 'roundEnd', 'summary']);

    const [orders, diplomacy, aid, military, roundEnd, sum] = story.steps;
    expect(orders!.orders.filter((o) => o.power === 'CHN').map((o) => o.text)).toEqual(['Engage Russia', 'Pressure United States', 'Hold (+1 Capital)']);
    expect(story.powers.find((p) => p.power === 'RUS')!.rationale).toBe('Russia engages China to keep Beijing close.');
    expect(story.powers.find((p) => p.power === 'CHN')!.rationale).toBeNull();

    // Engaging each other is a summit: both arrows, marked so; pressure across the blocs moves Polarisation.
    expect(diplomacy!.marks.filter((m) => m.kind === 'engage')).toEqual([
      { kind: 'engage', power: 'CHN', from: { power: 'CHN' }, to: { power: 'RUS' }, label: 'summit', mutual: true },
      { kind: 'engage', power: 'RUS', from: { power: 'RUS' }, to: { power: 'CHN' }, label: 'summit', mutual: true },
    ]);
    expect(diplomacy!.relations.map((r) => r.text)).toEqual(['China–Russia +2 → +3', 'China–United States -1 → -2']);
    // A summit inside a bloc and a pressure across the blocs: Polarisation +1 each.
    expect(diplomacy!.tracks.map((t) => t.text)).toEqual(['Polarisation 5 → 7']);

    // The sanction is the pressure's second half; the aid of 2 also improves the relation.
    expect(aid!.marks.find((m) => m.kind === 'sanction')).toMatchObject({ power: 'CHN', to: { power: 'USA' }, label: 'sanction' });
    expect(aid!.marks.find((m) => m.kind === 'aid')).toMatchObject({ power: 'USA', to: { power: 'JPN' }, label: 'aid 2' });
    // Holds pay out without a log entry; the reveal says so first, as the rules pay them.
    expect(aid!.lines.slice(0, 2)).toEqual(['China holds: +1 Capital.', 'Russia holds: +1 Capital.']);
    expect(aid!.lines.slice(-2)).toEqual(['United States sends 2 Capital to Japan.', 'China sanctions United States: United States loses Capital.']);
    expect(aid!.relations).toEqual([]); // United States–Japan is already at +3
    expect(military!.marks).toEqual([{ kind: 'deploy', power: 'USA', from: { power: 'USA' }, to: { theatre: 'EAST_SEA' }, label: 'deploys' }]);

    // Nothing raised Tension: it eases, and the objectives are scored.
    expect(roundEnd!.tracks.map((t) => t.text)).toEqual(['Tension 4 → 3']);
    expect(sum!.tracks.map((t) => t.text)).toEqual(['Tension 4 → 3', 'Polarisation 5 → 7']);
    expect(story.powers.find((p) => p.power === 'CHN')!.scored).toBe('+1 VP: Tension at 5 or below');
    expect(story.last).toBe(false);
  });

  it('stops at a crisis still being decided, and tells its choices once they are made', () => {
    const sc = tinyScenario((input) => {
      input.tracks.tension = 7;
    });
    const G = setupState(sc, { seed: 'crisis' });
    playRound(sc, G, { PRK: [{ kind: 'build', what: 'capability' }, { kind: 'hold' }, { kind: 'hold' }] });
    expect(G.step).toMatchObject({ kind: 'decide', deck: 'crisis' });
    const pending = revealStory(sc, playerView(G, 'CHN'))!;
    expect(pending.crisisPending).toBe(true);
    expect(pending.steps.map((s) => s.id)).toEqual(['orders', 'aid', 'military', 'crisis', 'summary']);
    expect(pending.steps.find((s) => s.id === 'crisis')!.lines).toEqual(['Crisis: Collision at sea.']);

    expect(decide(sc, G, 'CHN', 'calm')).toBeNull();
    expect(decide(sc, G, 'USA', 'calm')).toBeNull();
    const told = revealStory(sc, playerView(G, 'CHN'), {}, 1)!;
    expect(told.crisisPending).toBe(false);
    // The missile test raised Tension, so it does not ease, and at 6 nobody's objective scores: no end-of-round step.
    expect(told.steps.map((s) => s.id)).toEqual(['orders', 'aid', 'military', 'crisis', 'summary']);
    const crisis = told.steps.find((s) => s.id === 'crisis')!;
    expect(crisis.lines.slice(0, 3)).toEqual(['Crisis: Collision at sea.', 'China chose “Calm down” (Collision at sea).', 'United States chose “Calm down” (Collision at sea).']);
    expect(crisis.tracks.map((t) => t.text)).toEqual(['Tension 8 → 6']);
  });

  it('is the last round’s before the results, and none before any orders are revealed', () => {
    const sc = tinyScenario();
    const G = setupState(sc, { seed: 'last' });
    expect(revealStory(sc, playerView(G, 'CHN'))).toBeNull();
    for (let round = 1; round <= sc.rounds; round++) {
      if (G.step.kind === 'decide') for (const p of G.step.powers) decide(sc, G, p, 'refuse');
      playRound(sc, G);
    }
    expect(G.step.kind).toBe('over');
    const story = revealStory(sc, playerView(G, 'CHN'))!;
    expect(story.round).toBe(sc.rounds);
    expect(story.last).toBe(true);
    expect(story.steps.at(-2)!.id).toBe('roundEnd');
  });

  // Random play seldom reaches these: two steps writing the same kind of entry one after the other.
  it('gives the Front to the posture when aid to Ukraine did not move it', () => {
    const sc = tinyScenario((input) => {
      input.forces.FRONT = { RUS: 3 };
    });
    const G = setupState(sc, { seed: 'front' });
    // One Capital to Ukraine is less than a step of the Front; three forces there push it toward Russia.
    playRound(sc, G, { USA: withHolds({ kind: 'aid', target: 'UKR', amount: 1 }) });
    const story = revealStory(sc, playerView(G, 'CHN'))!;
    expect(story.steps.find((s) => s.id === 'aid')!.tracks).toEqual([]);
    expect(story.steps.find((s) => s.id === 'aid')!.marks.find((m) => m.kind === 'aid')).toMatchObject({ to: { theatre: 'FRONT' }, label: 'aid 1' });
    expect(story.steps.find((s) => s.id === 'posture')!.tracks.map((t) => t.text)).toEqual(['Ukraine Front 0 → +1']);
  });

  it('gives a Tension entry to the posture when a card’s change to Tension wrote none', () => {
    const sc = tinyScenario((input) => {
      input.tracks.tension = 0;
      input.policies.push(policy('jpn-calm-words', 'JPN', [{ track: 'tension', delta: -1 }]));
    });
    const G = setupState(sc, { seed: 'posture' });
    giveCard(G, 'JPN', 'jpn-calm-words');
    // Tension at 0 cannot fall; Japan's force moved next to North Korea's (hostile) raises it.
    playRound(sc, G, { JPN: withHolds({ kind: 'card', card: 'jpn-calm-words' }, { kind: 'deploy', theatre: 'DMZ' }) });
    const story = revealStory(sc, playerView(G, 'CHN'))!;
    expect(story.steps.find((s) => s.id === 'cards')!.tracks).toEqual([]);
    const posture = story.steps.find((s) => s.id === 'posture')!;
    expect(posture.tracks.map((t) => t.text)).toEqual(['Tension 0 → 1']);
    expect(posture.marks).toEqual([{ kind: 'deploy', power: 'JPN', from: { power: 'JPN' }, to: { theatre: 'DMZ' }, label: 'deploys' }]);
  });
});

describe('the bots\' reasons', () => {
  it('are given only once the round\'s orders are revealed, and only for that round', () => {
    const sc = tinyScenario();
    const G = setupState(sc, { seed: 'reasons' });
    const book = new RationaleBook();
    for (const power of POWERS.slice(0, 5)) book.note(1, power, `${power} holds for the money.`);
    // Five have locked in, the sixth has not: nothing is revealed, so nothing is said.
    for (const power of POWERS.slice(0, 5)) expect(submitOrders(sc, G, power, withHolds())).toBeNull();
    expect(book.revealed(1, playerView(G, 'KOR'))).toEqual({});
    expect(submitOrders(sc, G, 'KOR', withHolds())).toBeNull();
    expect(book.revealed(1, playerView(G, 'KOR'))).toEqual({ CHN: 'CHN holds for the money.', RUS: 'RUS holds for the money.', PRK: 'PRK holds for the money.', USA: 'USA holds for the money.', JPN: 'JPN holds for the money.' });
    // Round 2's are its own, and wait for round 2's reveal.
    book.note(2, 'CHN', 'China engages Russia.');
    expect(book.revealed(2, playerView(G, 'KOR'))).toEqual({});
  });
});
