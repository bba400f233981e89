/**
 * A match played in this browser: boardgame.io's local master with one client per
 * seat. Human seats are driven by the UI, bot seats by the bot runner; each sees only
 * its own seat's filtered view, exactly as over the network.
 */
import { Client } from 'boardgame.io/client';
import { Local } from 'boardgame.io/multiplayer';
import { awaiting } from '../../game/actions.js';
import { createTrianglesGame, type GameHost } from '../../game/game.js';
import { POWERS, seatOfPower, type PowerId } from '../../game/powers.js';
import type { Reason } from '../../game/reasons.js';
import type { Action, SeatView } from '../../game/types.js';
import type { Scenario } from '../../scenario/schema.js';
import type { BotLevel } from '../../bots/levels.js';
import { precheck, type Match } from './match.js';
import { NextTask } from '../taskQueue.js';

export interface MatchSetup {
  scenario: string;
  seed: string;
  rounds?: number;
  /** Seats played by people on this device (one for solo, several for hot-seat). */
  humans: PowerId[];
  /** How the other seats play. */
  botLevel: BotLevel;
}

export interface RecordedAction {
  power: PowerId;
  action: Action;
}

type SeatClient = ReturnType<typeof Client>;

export class LocalMatch implements Match {
  readonly scenario: Scenario;
  readonly humans: readonly PowerId[];
  /** Every accepted action in order: with the setup, enough to rebuild the match exactly. */
  readonly actions: RecordedAction[] = [];
  private readonly clients = new Map<PowerId, SeatClient>();
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly setup: MatchSetup,
    host: GameHost,
  ) {
    const scenario = host.scenarios.get(setup.scenario);
    if (!scenario) throw new Error(`unknown scenario "${setup.scenario}"`);
    this.scenario = scenario;
    this.humans = setup.humans;
    // The setup is fixed here (seed included), so the same setup and actions replay the same game.
    // boardgame.io's local master passes no setup data, so the match's own is bound in here.
    const base = createTrianglesGame(host);
    const setupData = { scenario: setup.scenario, seed: setup.seed, ...(setup.rounds ? { rounds: setup.rounds } : {}) };
    const game = { ...base, setup: (api: Parameters<NonNullable<typeof base.setup>>[0]) => base.setup!(api, setupData) };
    const multiplayer = Local();
    for (const power of POWERS) {
      const client = Client({ game, multiplayer, playerID: seatOfPower(power), matchID: 'local', numPlayers: 6, debug: false } as never);
      client.subscribe(() => this.announcement.schedule());
      client.start();
      this.clients.set(power, client);
    }
  }

  /** What this seat may see now. */
  view(power: PowerId): SeatView {
    return this.clients.get(power)!.getState()!.G as unknown as SeatView;
  }

  /** Seats the match waits for now, read from the most recently updated seat (clients hear of a move one by one). */
  awaiting(): PowerId[] {
    let latest = this.clients.get(POWERS[0])!.getState()!;
    for (const client of this.clients.values()) {
      const state = client.getState()!;
      if (state._stateID > latest._stateID) latest = state;
    }
    return awaiting(latest.G as unknown as SeatView);
  }

  /**
   * A move reaches the six seat clients one after another, all in the task that made
   * it; listeners hear of it once, after all of them, in a task of their own. The
   * master's work (a whole round's resolution at the last submit) and the screen's
   * redraw then fit in a frame each instead of one long task that drops frames.
   */
  private readonly announcement = new NextTask(() => this.listeners.forEach((listener) => listener()));

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Act for a seat. The action is checked against the seat's own view first so the
   * person gets the reason; the master checks it again and has the last word.
   */
  act(power: PowerId, action: Action): Reason | null {
    const checked = precheck(this.scenario, this.view(power), power, action);
    if ('reason' in checked) return checked.reason;
    const client = this.clients.get(power)!;
    // Recorded before it is sent: the local master applies it at once, and listeners may save then.
    this.actions.push({ power, action: checked.action });
    if (checked.action.type === 'orders') client.moves.submitOrders!(checked.action.orders);
    else client.moves.decide!(checked.action.option);
    return null;
  }

  /** Played in this browser: never offline, nothing waits to be sent. */
  readonly connected = true;

  queued(): Action | null {
    return null;
  }

  stop(): void {
    for (const client of this.clients.values()) client.stop();
    this.listeners.clear();
    this.announcement.close();
  }
}
