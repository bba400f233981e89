/**
 * The classroom pages' view models: the debrief in words and charts (from the server's
 * debrief of a real played game), the comparison of parallel groups, the projector's
 * timer and board, and the control token kept in the browser.
 */
import { describe, expect, it } from 'vitest';
import { readControlToken, writeControlToken } from '../../src/client/classroom/controlToken.js';
import { playToEnd } from '../../src/bots/play.js';
import { catalog } from '../../src/game/catalog.js';
import { control } from '../../src/game/control.js';
import { POWERS, pairKey, type PowerId } from '../../src/game/powers.js';
import { setupState } from '../../src/game/setup.js';
import { TRACKS, type GameState } from '../../src/game/types.js';
import { playerView } from '../../src/game/view.js';
import { buildDebrief, type Debrief } from '../../src/server/exercise/debrief.js';
import type { Exercise } from '../../src/server/exercise/members.js';
import { compareModel, notComparable } from '../../src/view/compareModel.js';
import { headlineModel } from '../../src/view/cardModel.js';
import { debriefModel } from '../../src/view/debriefModel.js';
import { orderText } from '../../src/view/orderModel.js';
import { clockModel, projectorClock, projectorModel } from '../../src/view/projectorModel.js';
import { POWER_NAME, TRACK_NAME } from '../../src/view/text/en.js';
import { randomPolicies } from '../helpers/play.js';
import { realScenario } from '../helpers/scenarios.js';

const sc = realScenario();
const REASON = 'The class ruled that the talks broke down';

/** An exercise's record as the debrief reads it: a team of two on CHN, the rest bots. */
function exerciseRecord(parallelKey?: string): Exercise {
  const member = (id: string) => ({ id, name: id, tokenHash: 'x', captain: id === 'a' });
  return {
    triangles: { exercise: { teamSize: 3, orderSeconds: null, teams: ['CHN'], botLevel: 'easy', members: { CHN: [member('a'), member('b')] }, ...(parallelKey ? { parallelKey } : {}) } },
  } as unknown as Exercise;
}

/** A short game played by random bots, Control ruling on a relation in round 1; and its state as round 2 began. */
function playedGame(seed: string): { end: GameState; midway: GameState } {
  const G = setupState(sc, { seed, rounds: 3 });
  expect(control(sc, G, { kind: 'adjudicate', relation: ['RUS', 'USA'], value: 2, reason: REASON })).toBeNull();
  let midway: GameState | null = null;
  playToEnd(sc, G, randomPolicies(seed), { afterAction: (state) => void (state.round === 2 && !midway && (midway = structuredClone(state))) });
  return { end: G, midway: midway! };
}

const game = playedGame('debrief-view');
const chat = [
  { channel: 'public', from: 'CHN', author: 'Ana', text: 'hello', at: 1, seq: 1 },
  { channel: 'public', from: 'CHN', author: 'Ben', text: 'again', at: 2, seq: 2 },
];
const debrief = buildDebrief('ABC123', game.end, exerciseRecord('parallel'), chat, sc);

describe('the debrief in words', () => {
  const model = debriefModel(sc, debrief);

  it('tells every round: its headline, every power\'s orders in words, and Control\'s ruling with its reason', () => {
    expect(model.rounds.map((r) => r.round)).toEqual(game.end.history.map((r) => r.round));
    game.end.history.forEach((record, i) => {
      const round = model.rounds[i]!;
      expect(round.headline.title).toBe(catalog(sc).headline(record.headline).title);
      // Dated as the game screen dated it: by the round's headline.
      expect(round.heading).toBe(`Round ${record.round} · ${headlineModel(sc, record.headline, null).date}`);
      expect(round.headline.history).toBe(catalog(sc).headline(record.headline).history);
      expect(round.powers.map((p) => p.power)).toEqual([...POWERS]);
      for (const p of round.powers) expect(p.orders).toEqual((record.orders[p.power] ?? []).map((o) => orderText(sc, o)));
      expect(round.events.length).toBe(game.end.log.filter((e) => e.round === record.round).length);
    });
    const before = sc.relations['RUS-USA'] ?? sc.relations['USA-RUS'] ?? 0;
    expect(model.rounds[0]!.adjudications).toEqual([`${POWER_NAME.RUS} – ${POWER_NAME.USA} ${before > 0 ? '+' : ''}${before} → +2: ${REASON}`]);
    expect(model.rounds[1]!.adjudications).toEqual([]);
  });

  it('gives a round\'s crisis its note: the closest real event to an imagined crisis', () => {
    const G = structuredClone(game.end);
    G.history[0]!.crisis = 'dmz-incident';
    const round = debriefModel(sc, buildDebrief('ABC123', G, exerciseRecord(), [], sc)).rounds[0]!;
    expect(round.crisis).toEqual({
      title: 'Shots across the DMZ',
      question: catalog(sc).crisis('dmz-incident').question,
      history: catalog(sc).crisis('dmz-incident').history,
    });
    expect(round.crisis!.history).toMatch(/^Hypothetical\. The closest real event: in June 2024/);
  });

  it('lists what changed over each round against the round before', () => {
    const [first, second] = game.end.history;
    const moved = TRACKS.filter((t) => second!.tracks[t] !== first!.tracks[t]);
    for (const t of moved) expect(model.rounds[1]!.changes).toContain(`${TRACK_NAME[t]} ${first!.tracks[t]} → ${second!.tracks[t]}`);
    const relationLines = model.rounds[1]!.changes.filter((line) => line.includes(' – '));
    const pairsMoved = POWERS.flatMap((a, i) => POWERS.slice(i + 1).filter((b) => second!.relations[pairKey(a, b)] !== first!.relations[pairKey(a, b)]));
    expect(relationLines).toHaveLength(pairsMoved.length);
  });

  it('charts the tracks and all fifteen relations from the start through every round', () => {
    expect(model.charts.labels).toHaveLength(game.end.history.length + 1);
    const tension = model.charts.tracks[0]!;
    expect(tension.values).toEqual([sc.tracks.tension, ...game.end.history.map((r) => r.tracks.tension)]);
    expect(model.charts.relations.map((g) => g.series.length)).toEqual([3, 3, 9]);
    const pairs = model.charts.relations.flatMap((g) => g.series.map((s) => pairKey(...(s.pair as [PowerId, PowerId]))));
    expect(new Set(pairs).size).toBe(15);
  });

  it('reveals the ranking with each agenda, and counts each team\'s part', () => {
    expect(model.partial).toBeNull();
    expect(model.outcome!.rows.map((r) => r.power)).toEqual(game.end.result!.ranking.map((r) => r.power));
    for (const row of model.outcome!.rows) expect(row.agendaTitle).toBe(catalog(sc).agenda(game.end.result!.agendas[row.power].agenda).title);
    expect(model.participation.find((p) => p.power === 'CHN')).toMatchObject({ members: '2', messages: 2, orders: game.end.history.length });
    expect(model.participation.find((p) => p.power === 'RUS')!.members).not.toMatch(/\d/);
    expect(model.questions.length).toBeGreaterThanOrEqual(game.end.history.length);
  });

  it('says how much a debrief of a running exercise shows, and reveals no outcome yet', () => {
    const partial = debriefModel(sc, buildDebrief('ABC123', game.midway, exerciseRecord('parallel'), [], sc));
    expect(partial.partial).toContain(`1 of its ${game.end.rounds} rounds is finished`);
    expect(partial.outcome).toBeNull();
    expect(partial.rounds).toHaveLength(1);
  });
});

describe('parallel groups', () => {
  const other = (parallelKey: string | undefined, scenario = debrief.scenario.id): Debrief => ({
    ...buildDebrief('XYZ789', playedGame('other-play').end, exerciseRecord(parallelKey), [], sc),
    scenario: { id: scenario, title: null },
  });

  it('compares only exercises of one scenario and one chosen seed', () => {
    expect(notComparable(debrief, other('parallel'))).toBeNull();
    expect(notComparable(debrief, other('another'))).toContain('XYZ789');
    expect(notComparable(debrief, other(undefined))).toMatch(/same seed/);
    expect(notComparable(debrief, other('parallel', 'some-other-scenario'))).toContain('XYZ789');
    // Two uploads of one custom file carry different suffixes: still one scenario.
    const upload = (d: Debrief, suffix: string): Debrief => ({ ...d, scenario: { id: `class-variant@${suffix}`, title: null } });
    expect(notComparable(upload(debrief, '1a'), upload(other('parallel'), '2b'))).toBeNull();
  });

  it('puts each exercise\'s final tracks, points and ranking in a column', () => {
    const second = other('parallel');
    const model = compareModel(sc, [debrief, second]);
    expect(model.columns.map((c) => c.code)).toEqual(['ABC123', 'XYZ789']);
    for (const [column, d] of [[model.columns[0]!, debrief], [model.columns[1]!, second]] as const) {
      expect(Number(column.tracks.tension)).toBe(d.timeline.at(-1)!.tracks.tension);
      for (const r of d.result!.ranking) expect(column.vp[r.power]).toBe(r.vp);
      expect(column.ranking[0]).toContain(POWER_NAME[d.result!.ranking[0]!.power]);
    }
  });
});

describe('the projector', () => {
  const T = 1_750_000_000_000;

  it('shows the timer running, paused, up or absent', () => {
    expect(clockModel({ paused: false, deadline: T + 222_000, left: null }, T)).toMatchObject({ state: 'running', text: '3:42' });
    expect(clockModel({ paused: false, deadline: T + 222_000, left: null }, T).spoken).toMatch(/3 minutes 42 seconds/);
    expect(clockModel({ paused: false, deadline: T + 500, left: null }, T)).toMatchObject({ state: 'running', text: '0:01' });
    expect(clockModel({ paused: true, deadline: null, left: 65_000 }, T)).toMatchObject({ state: 'paused', text: '1:05' });
    expect(clockModel({ paused: false, deadline: T - 10, left: null }, T).state).toBe('up');
    expect(clockModel({ paused: true, deadline: null, left: null }, T).state).toBe('paused');
    expect(clockModel(undefined, T).state).toBe('none');
  });

  it('shows the board from the public view: the headline in play, then the ranking at the end', () => {
    const midway = projectorModel(sc, playerView(game.midway, null));
    expect(midway.headline!.title).toBe(catalog(sc).headline(game.midway.headline!).title);
    expect(midway.ranking).toBeNull();
    expect(midway.reveal!.round).toBe(1);
    const end = projectorModel(sc, playerView(game.end, null));
    expect(end.ranking!.map((r) => r.power)).toEqual(game.end.result!.ranking.map((r) => r.power));
    expect(end.headline!.title).toBe(catalog(sc).headline(game.end.history.at(-1)!.headline).title);
    // A timer left running when the game ended is not shown.
    const ended = { ...playerView(game.end, null), clock: { paused: false, deadline: 5000, left: null } };
    expect(projectorClock(ended, 0).state).toBe('none');
    expect(projectorClock({ ...ended, step: { kind: 'orders' as const } }, 0).state).toBe('running');
  });
});

describe('the control token in the browser', () => {
  const memory = (): Storage => {
    const items = new Map<string, string>();
    return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) } as Storage;
  };

  it('keeps one token per exercise under the key the Control page uses', () => {
    const storage = memory();
    writeControlToken(storage, 'ABC123', 'secret-a');
    expect(storage.getItem('triangles.control.ABC123')).toBe('secret-a');
    expect(readControlToken(storage, 'ABC123')).toBe('secret-a');
    expect(readControlToken(storage, 'XYZ789')).toBeNull();
  });

  it('reads no token from storage the browser refuses', () => {
    const refusing = { getItem: () => { throw new Error('denied'); } } as unknown as Storage;
    expect(readControlToken(refusing, 'ABC123')).toBeNull();
  });
});
