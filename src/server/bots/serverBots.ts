/**
 * The server's bots: after every stored move, each seat the server's bots play now
 * (bot seats, and people's seats while they are away or overdue on the round timer)
 * is asked for its action through that seat's own view, exactly what a person in the
 * seat would see, and the action goes through the master like any client's move.
 */
import { botActionFor } from '../../bots/levels.js';
import { awaiting } from '../../game/actions.js';
import { seatOfPower, type PowerId } from '../../game/powers.js';
import type { GameState } from '../../game/types.js';
import { playerView } from '../../game/view.js';
import type { Scenario } from '../../scenario/schema.js';
import { botSeats, lobbyOf, type MatchMetadata } from '../lobby/matchInfo.js';
import type { MatchStore } from '../storage/types.js';

export type SubmitMove = (matchID: string, playerID: string, move: { type: 'submitOrders' | 'decide'; args: unknown[] }, stateID: number) => Promise<void>;

export class ServerBots {
  private readonly pending = new Set<string>();
  private readonly timers = new Map<string, { step: string; timer: NodeJS.Timeout }>();
  /** Seats whose orders for one step are overdue: key `${matchID}/${stepKey}`. */
  private readonly overdue = new Map<string, PowerId[]>();
  private closed = false;

  constructor(
    private readonly store: MatchStore,
    private readonly scenarios: ReadonlyMap<string, Scenario>,
    private readonly submit: SubmitMove,
    private readonly onError: (matchID: string, error: Error) => void,
  ) {}

  /** Something changed in this match: let its bots look again (coalesced per match). */
  poke(matchID: string): void {
    if (this.closed || this.pending.has(matchID)) return;
    this.pending.add(matchID);
    setImmediate(() => {
      this.pending.delete(matchID);
      this.play(matchID).catch((error: Error) => this.onError(matchID, error));
    });
  }

  /** After a restart: every unfinished match gets its bots back. */
  async resumeAll(gameName: string): Promise<number> {
    const ids = await this.store.listMatches({ gameName, where: { isGameover: false } });
    ids.forEach((id) => this.poke(id));
    return ids.length;
  }

  close(): void {
    this.closed = true;
    this.timers.forEach(({ timer }) => clearTimeout(timer));
    this.timers.clear();
  }

  private async play(matchID: string): Promise<void> {
    const { state, metadata } = await this.store.fetch(matchID, { state: true, metadata: true });
    const info = lobbyOf(metadata);
    if (!state || !info?.started || state.ctx.gameover !== undefined) return this.clearTimer(matchID);
    const G = state.G as GameState;
    const scenario = this.scenarios.get(info.scenario);
    if (!scenario) throw new Error(`this server does not have scenario "${info.scenario}"`);
    const step = stepKey(G);
    this.armTimer(matchID, step, info.settings.roundSeconds, G);
    const due = awaiting(G);
    const played = new Set([...botSeats(metadata as MatchMetadata), ...(this.overdue.get(`${matchID}/${step}`) ?? [])]);
    for (const power of due.filter((p) => played.has(p))) {
      const { action } = botActionFor(info.seats[power].level, scenario, playerView(G, power), power, info.botSeed);
      const move = action.type === 'orders' ? { type: 'submitOrders' as const, args: [action.orders] } : { type: 'decide' as const, args: [action.option] };
      await this.submit(matchID, seatOfPower(power), move, state._stateID);
    }
  }

  /** The optional round timer: when a step has waited too long, bots fill the seats still due. */
  private armTimer(matchID: string, step: string, seconds: number | null, G: GameState): void {
    const current = this.timers.get(matchID);
    if (current?.step === step) return;
    this.clearTimer(matchID);
    if (seconds === null || G.step.kind === 'over') return;
    const timer = setTimeout(() => {
      this.overdue.set(`${matchID}/${step}`, awaiting(G));
      this.poke(matchID);
    }, seconds * 1000);
    timer.unref();
    this.timers.set(matchID, { step, timer });
  }

  private clearTimer(matchID: string): void {
    const current = this.timers.get(matchID);
    if (!current) return;
    clearTimeout(current.timer);
    this.overdue.delete(`${matchID}/${current.step}`);
    this.timers.delete(matchID);
  }
}

/** One key per step that waits for orders or decisions (a round can hold several decisions). */
function stepKey(G: GameState): string {
  return `${G.round}/${G.step.kind}/${G.step.kind === 'decide' ? G.step.card : ''}`;
}
