/**
 * bench:abuse's normal match: six seats taken through the lobby and played over raw
 * sockets by Normal bots (from each seat's own view), each waiting 0 to twice `thinkMs`
 * before it moves, as people at a table would; when a match ends the next one is
 * played, until stopped. The next MATCHES_AHEAD matches are set up ahead (created,
 * joined, started, their six sockets connected and synced, their bots holding back),
 * so play goes on from one match to the next without a lobby request or a new
 * connection, which the attacks would slow too.
 *
 * Each move is timed from the moment its seat sends it to the moment that seat's socket
 * has the update carrying it, and filed under the phase (quiet, attack, after) in which
 * it was sent. A move still unanswered at the end is kept as never answered, so a server
 * that drops players' moves does not look fast.
 */
import { performance } from 'node:perf_hooks';
import type { Socket } from 'socket.io-client';
import { botActionFor } from '../bots/levels.js';
import { awaiting, stepKey } from '../game/actions.js';
import { POWERS, type PowerId } from '../game/powers.js';
import { nextFloat, seedRng } from '../game/rng.js';
import type { SeatView } from '../game/types.js';
import type { Scenario } from '../scenario/schema.js';
import { post, seatSocket, sendMove, type SeenState } from './benchHarness.js';

export type Phase = 'quiet' | 'attack' | 'after';

interface Seat {
  power: PowerId;
  playerID: string;
  credentials: string;
}

/** A match set up and connected; its seats move once it is `activate`d. */
interface Table {
  activate(): void;
  /** Resolves when the game is over or a socket is lost. */
  over: Promise<void>;
}

const MATCHES_AHEAD = 2;

export class NormalPlay {
  /** Milliseconds from a move sent to its seat's update, by the phase it was sent in. */
  readonly latencies: Record<Phase, number[]> = { quiet: [], attack: [], after: [] };
  /** Moves sent and not answered, by the phase they were sent in (counted when stopped). */
  readonly unanswered: Record<Phase, number> = { quiet: 0, attack: 0, after: 0 };
  readonly errors: string[] = [];
  phase: Phase = 'quiet';
  /** Matches played (begun) so far. */
  matches = 0;
  private stopped = false;
  private readonly sockets = new Set<Socket>();
  /** `${matchID}/${playerID}` → the seat's move in flight. */
  private readonly pending = new Map<string, { sentAt: number; phase: Phase }>();
  private readonly rng;
  private endMatch: () => void = () => undefined;
  /** Resolves when stopped: whatever is still being set up is dropped then. */
  private readonly halted: Promise<null>;
  private halt: () => void = () => undefined;
  private onMove: () => void = () => undefined;

  constructor(
    private readonly base: string,
    private readonly scenario: Scenario,
    private readonly seed: string,
    private readonly thinkMs: number,
  ) {
    this.rng = seedRng(`${seed}-think`);
    this.halted = new Promise((resolve) => (this.halt = () => resolve(null)));
  }

  /** Plays match after match until `stop()`; rejects if a match cannot be set up. */
  async run(): Promise<void> {
    const ahead: Array<Promise<Table>> = [];
    let opened = 0;
    const openNext = () => {
      const table = this.openTable(opened++);
      table.catch(() => undefined);
      ahead.push(table);
    };
    for (let i = 0; i < MATCHES_AHEAD; i++) openNext();
    while (!this.stopped) {
      const table = await Promise.race([ahead.shift()!, this.halted]);
      if (!table) return;
      openNext();
      this.matches += 1;
      const over = new Promise<void>((resolve) => (this.endMatch = resolve));
      table.activate();
      await Promise.race([table.over, over]);
    }
  }

  /** Resolves once `count` quiet moves have been answered. */
  quietMoves(count: number): Promise<void> {
    return new Promise((resolve) => {
      this.onMove = () => {
        if (this.latencies.quiet.length >= count) resolve();
      };
    });
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.halt();
    this.endMatch();
    this.sockets.forEach((socket) => socket.close());
    for (const { phase } of this.pending.values()) this.unanswered[phase] += 1;
    this.pending.clear();
  }

  private async openTable(index: number): Promise<Table> {
    const { matchID, hostToken } = await post(`${this.base}/api/matches`, { seed: `${this.seed}-normal-${index}` });
    const seats: Seat[] = [];
    for (const power of POWERS) {
      const { playerID, credentials } = await post(`${this.base}/api/matches/${matchID}/join`, { power, name: `player ${power}` });
      seats.push({ power, playerID, credentials });
    }
    await post(`${this.base}/api/matches/${matchID}/start`, { hostToken });
    let active = false;
    let finished: () => void;
    const over = new Promise<void>((resolve) => (finished = resolve));
    // The match is over once every seat has seen it end: the last mover's own update may come after another seat's.
    let seatsOver = 0;
    const played = seats.map((seat) => this.playSeat(matchID, seat, () => active, () => ++seatsOver === seats.length && finished(), () => finished()));
    // A socket closed while it connects tells nobody: stopping must not wait for it.
    await Promise.race([Promise.all(played.map((p) => p.synced)), this.halted]);
    return {
      activate: () => {
        active = true;
        played.forEach((p) => p.wake());
      },
      over: over.then(() => played.forEach((p) => (p.socket.close(), this.sockets.delete(p.socket)))),
    };
  }

  /** One seat; it moves only while `active()`, calls `over` once when it sees the game end, and `lost` if its socket is. */
  private playSeat(matchID: string, seat: Seat, active: () => boolean, over: () => void, lost: () => void) {
    const key = `${matchID}/${seat.playerID}`;
    let actedFor = '';
    let seenOver = false;
    let latest: SeenState<SeatView> | null = null;
    const act = () => {
      const state = latest;
      if (!state || this.stopped || !active()) return;
      const view = state.G;
      if (state.ctx.gameover !== undefined) {
        if (!seenOver) over();
        seenOver = true;
        return;
      }
      const step = stepKey(view);
      if (actedFor === step || !awaiting(view).includes(seat.power)) return;
      actedFor = step;
      const { action } = botActionFor('normal', this.scenario, view, seat.power, `${this.seed}-${matchID}-${seat.power}`);
      const [type, args] = action.type === 'orders' ? ['submitOrders', [action.orders]] : ['decide', [action.option]];
      setTimeout(() => {
        if (this.stopped || socket.disconnected) return;
        this.pending.set(key, { sentAt: performance.now(), phase: this.phase });
        sendMove(socket, matchID, seat.playerID, seat.credentials, state._stateID, type, args);
      }, nextFloat(this.rng) * 2 * this.thinkMs);
    };
    const { socket, synced } = seatSocket<SeatView>(this.base, matchID, seat.playerID, seat.credentials, POWERS.length, `normal ${seat.power}`, {
      onState: (state, update) => {
        const mine = update?.log?.some((e) => e.action?.type === 'MAKE_MOVE' && e.action.payload?.playerID === seat.playerID);
        const sent = mine ? this.pending.get(key) : undefined;
        if (sent) {
          this.pending.delete(key);
          this.latencies[sent.phase].push(performance.now() - sent.sentAt);
          this.onMove();
        }
        latest = state;
        act();
      },
      onError: (message) => {
        if (this.stopped) return;
        this.errors.push(message);
        if (socket.disconnected) lost();
      },
    });
    this.sockets.add(socket);
    return { socket, synced, wake: act };
  }
}
