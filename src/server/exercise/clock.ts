/**
 * The exercise's timers, run by the server as Control's hand. The rules never read a
 * clock (game/clock.ts): so when an orders step starts (in an exercise created with an
 * orders timer), this sends Control's `setTimer` with the server's time, and when any
 * deadline passes with the clock running (that one, or one Control set) it sends
 * `advance`, which locks in every team's draft as it stands. Both are
 * moves of the match, logged and replayed like Control's own.
 */
import { stepKey } from '../../game/actions.js';
import type { ControlCommand, GameState } from '../../game/types.js';
import type { MatchStore } from '../storage/types.js';
import type { KnownExercises } from './known.js';

export type SendCommand = (matchID: string, command: ControlCommand, stateID: number) => Promise<void>;

export class ExerciseClock {
  /** Per match: the orders step already given its timer (once only: Control may remove it), and the wake-up at the deadline. */
  private readonly watched = new Map<string, { timedStep: string | null; wake: NodeJS.Timeout | null }>();
  /** One look at a time per match; a poke while one waits to start adds nothing. */
  private readonly looks = new Map<string, Promise<void>>();
  private readonly waiting = new Set<string>();
  private closed = false;

  constructor(
    private readonly store: MatchStore,
    private readonly known: KnownExercises,
    private readonly send: SendCommand,
    private readonly onError: (matchID: string, error: Error) => void,
  ) {}

  /** The match changed (a stored move): look at its clock again. */
  poke(matchID: string): void {
    if (this.closed || this.waiting.has(matchID)) return;
    this.waiting.add(matchID);
    const next = (this.looks.get(matchID) ?? Promise.resolve())
      .then(() => {
        this.waiting.delete(matchID);
        return this.look(matchID);
      })
      .catch((error: Error) => this.onError(matchID, error));
    this.looks.set(matchID, next);
    void next.then(() => {
      if (this.looks.get(matchID) === next) this.looks.delete(matchID);
    });
  }

  /** After a restart: a running timer's deadline still has to be watched. */
  async resumeAll(gameName: string): Promise<void> {
    const ids = await this.store.listMatches({ gameName, where: { isGameover: false } });
    ids.forEach((id) => this.poke(id));
  }

  close(): void {
    this.closed = true;
    for (const matchID of this.watched.keys()) this.forget(matchID);
  }

  private async look(matchID: string): Promise<void> {
    const metadata = this.closed ? null : await this.known.metadata(matchID);
    if (!metadata || !metadata.triangles.started) return this.forget(matchID);
    // Without an orders timer from the form, a timer Control sets from the console is still kept to.
    const seconds = metadata.triangles.exercise.orderSeconds;
    const { state } = await this.store.fetch(matchID, { state: true });
    if (!state || state.ctx.gameover !== undefined) return this.forget(matchID);
    const G = state.G as GameState;
    const watch = this.watched.get(matchID) ?? { timedStep: null, wake: null };
    this.watched.set(matchID, watch);
    if (watch.wake) clearTimeout(watch.wake);
    watch.wake = null;

    const step = stepKey(G);
    const clock = G.clock ?? { paused: false, deadline: null, left: null };
    // After a restart the stored clock shows a timer already set for this step: keep it.
    if (seconds && G.step.kind === 'orders' && watch.timedStep !== step && clock.deadline === null && clock.left === null) {
      watch.timedStep = step;
      return this.send(matchID, { kind: 'setTimer', seconds, at: Date.now() }, state._stateID);
    }
    watch.timedStep = G.step.kind === 'orders' ? step : watch.timedStep;
    if (clock.paused || clock.deadline === null) return;
    const left = clock.deadline - Date.now();
    if (left <= 0) return this.send(matchID, { kind: 'advance' }, state._stateID);
    watch.wake = setTimeout(() => this.poke(matchID), left);
    watch.wake.unref();
  }

  private forget(matchID: string): void {
    const watch = this.watched.get(matchID);
    if (watch?.wake) clearTimeout(watch.wake);
    this.watched.delete(matchID);
  }
}
