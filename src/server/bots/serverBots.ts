/**
 * The server's bots: after every stored move, each seat the server's bots play now
 * (bot seats, and people's seats while they are away or overdue on the round timer)
 * is asked for its action through that seat's own view, exactly what a person in the
 * seat would see, and the action goes through the master like any client's move.
 */
import type { BotLevel } from '../../bots/levels.js';
import { awaiting, stepKey } from '../../game/actions.js';
import { seatOfPower, type PowerId } from '../../game/powers.js';
import type { Action, GameState, SeatView } from '../../game/types.js';
import { playerView } from '../../game/view.js';
import type { Scenario } from '../../scenario/schema.js';
import { botSeats, lobbyOf, type LobbyInfo, type MatchMetadata, type RoundDeadline } from '../lobby/matchInfo.js';
import type { MatchStore } from '../storage/types.js';
import { realRoundClock, type RoundClock } from './roundClock.js';

export type Think = (request: { scenario: string; level: BotLevel; power: PowerId; seed: string; view: SeatView }) => Promise<Action>;

/** When the round timer of a match's step runs out (server time), or null once no timer runs: players are shown it. */
export type OnDeadline = (matchID: string, deadline: { step: string; at: number } | null) => void;

export type SubmitMove = (matchID: string, playerID: string, move: { type: 'submitOrders' | 'decide'; args: unknown[] }, stateID: number) => Promise<void>;

export class ServerBots {
  /** Matches whose bots are playing now, and whether something changed meanwhile (look again after). */
  private readonly running = new Map<string, boolean>();
  private readonly timers = new Map<string, { step: string; cancel: () => void }>();
  /** Seats whose orders for one step are overdue: key `${matchID}/${stepKey}`. */
  private readonly overdue = new Map<string, PowerId[]>();
  private closed = false;

  constructor(
    private readonly store: MatchStore,
    /** The match's scenario (an exercise's own is loaded on the way, on a process that lacks it). */
    private readonly scenarioOf: (matchID: string, info: LobbyInfo) => Scenario | undefined,
    private readonly think: Think,
    private readonly submit: SubmitMove,
    private readonly onError: (matchID: string, error: Error) => void,
    private readonly onDeadline: OnDeadline = () => undefined,
    private readonly clock: RoundClock = realRoundClock,
  ) {}

  /** Something changed in this match: let its bots look again (one look at a time per match). */
  poke(matchID: string): void {
    if (this.closed) return;
    if (this.running.has(matchID)) {
      this.running.set(matchID, true);
      return;
    }
    this.running.set(matchID, false);
    setImmediate(() => void this.loop(matchID));
  }

  private async loop(matchID: string): Promise<void> {
    do {
      this.running.set(matchID, false);
      await this.play(matchID).catch((error: Error) => this.onError(matchID, error));
    } while (this.running.get(matchID) && !this.closed);
    this.running.delete(matchID);
  }

  /** After a restart: every unfinished match gets its bots back. */
  async resumeAll(gameName: string): Promise<number> {
    const ids = await this.store.listMatches({ gameName, where: { isGameover: false } });
    ids.forEach((id) => this.poke(id));
    return ids.length;
  }

  close(): void {
    this.closed = true;
    this.timers.forEach(({ cancel }) => cancel());
    this.timers.clear();
  }

  private async play(matchID: string): Promise<void> {
    const { metadata } = await this.store.fetch(matchID, { metadata: true });
    const info = lobbyOf(metadata);
    // Every move of every match pokes: one that no bot plays and no timer watches is done
    // here, without reading (and parsing) its state.
    if (!info?.started || (info.settings.roundSeconds === null && botSeats(metadata as MatchMetadata).length === 0)) return this.stopTimer(matchID);
    const { state } = await this.store.fetch(matchID, { state: true });
    if (!state || state.ctx.gameover !== undefined) return this.stopTimer(matchID);
    const G = state.G as GameState;
    const scenario = this.scenarioOf(matchID, info);
    if (!scenario) throw new Error(`this server does not have scenario "${info.scenario}"`);
    const step = stepKey(G);
    this.armTimer(matchID, step, info.settings.roundSeconds, G, info.deadline ?? null);
    const due = awaiting(G);
    const played = new Set([...botSeats(metadata as MatchMetadata), ...(this.overdue.get(`${matchID}/${step}`) ?? [])]);
    const seats = due.filter((p) => played.has(p));
    // The seats think at once (in the bot threads), then move one by one through the master.
    const actions = await Promise.all(
      seats.map((power) => this.think({ scenario: scenario.id, level: info.seats[power].level, power, seed: info.botSeed, view: playerView(G, power) })),
    );
    for (const [i, action] of actions.entries()) {
      const move = action.type === 'orders' ? { type: 'submitOrders' as const, args: [action.orders] } : { type: 'decide' as const, args: [action.option] };
      await this.submit(matchID, seatOfPower(seats[i]!), move, state._stateID);
    }
  }

  /**
   * The optional round timer: when a step has waited too long, bots fill the seats still
   * due. A deadline already kept with the match for this step (set before a restart, or
   * by another process) stands: the step's time does not start over.
   */
  private armTimer(matchID: string, step: string, seconds: number | null, G: GameState, kept: RoundDeadline | null): void {
    const current = this.timers.get(matchID);
    if (current?.step === step) return;
    if (seconds === null || G.step.kind === 'over') return this.stopTimer(matchID);
    this.clearTimer(matchID);
    const standing = kept?.step === step ? kept : null;
    const at = standing?.at ?? this.clock.now() + seconds * 1000;
    const cancel = this.clock.alarm(Math.max(0, at - this.clock.now()), () => {
      this.overdue.set(`${matchID}/${step}`, awaiting(G));
      this.poke(matchID);
    });
    this.timers.set(matchID, { step, cancel });
    if (!standing) this.onDeadline(matchID, { step, at });
  }

  /** No timer runs for the match any more (the host turned it off, or the game ended): players stop seeing one. */
  private stopTimer(matchID: string): void {
    if (!this.timers.has(matchID)) return;
    this.clearTimer(matchID);
    this.onDeadline(matchID, null);
  }

  private clearTimer(matchID: string): void {
    const current = this.timers.get(matchID);
    if (!current) return;
    current.cancel();
    this.overdue.delete(`${matchID}/${current.step}`);
    this.timers.delete(matchID);
  }
}
