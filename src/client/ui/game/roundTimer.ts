/**
 * The round timer of an online match, above the seat's move: it ticks every second
 * between the match's changes, from the deadline the lobby reports (polled by the
 * controller) and the server's clock.
 */
import { stepKey } from '../../../game/actions.js';
import type { RoundDeadline } from '../../../server/lobby/matchInfo.js';
import type { Readable } from '../../../game/types.js';
import { roundTimerText } from '../../../view/roundTimerModel.js';
import { serverClock } from '../../net/serverClock.js';
import { el } from '../screenDom.js';

export class RoundTimer {
  readonly element = el('p', { class: 'notice round-timer', role: 'timer', 'data-testid': 'round-timer', hidden: true });
  private deadline: RoundDeadline | null = null;
  private readonly ticker: ReturnType<typeof setInterval>;

  constructor(private readonly view: () => Readable | null) {
    serverClock.keepSynced();
    this.ticker = setInterval(() => this.draw(), 1000);
  }

  set(deadline: RoundDeadline | null): void {
    this.deadline = deadline;
    this.draw();
  }

  draw(): void {
    const view = this.view();
    const text = view ? roundTimerText(this.deadline, stepKey(view), serverClock.now()) : null;
    this.element.hidden = text === null;
    if (this.element.textContent !== (text ?? '')) this.element.textContent = text ?? '';
  }

  stop(): void {
    clearInterval(this.ticker);
  }
}
