/**
 * Control's seat ("6") on a classroom exercise's match: the all-seeing view and
 * Control's commands. Each command is checked against Control's own view first
 * (checkControl), so the console can say why before sending; the master checks again.
 */
import { checkControl } from '../../game/control.js';
import type { GameHost } from '../../game/game.js';
import { CONTROL_SEAT, POWERS } from '../../game/powers.js';
import type { Reason } from '../../game/reasons.js';
import type { ControlView } from '../../game/types.js';
import type { Scenario } from '../../scenario/schema.js';
import { SeatSocket } from './seatSocket.js';

export class ControlMatch extends SeatSocket<ControlView> {
  constructor(
    readonly scenario: Scenario,
    host: GameHost,
    code: string,
    controlToken: string,
    server: string,
  ) {
    // Control's is the seventh seat, after the six powers.
    super(host, code, { playerID: CONTROL_SEAT, credentials: controlToken }, POWERS.length + 1, server);
  }

  /** Send a command: why it was refused here, or null once it is sent. */
  send(command: unknown): Reason | null {
    const checked = checkControl(this.scenario, this.view(), command);
    if (!checked.ok) return checked.reason;
    this.move('control', command);
    return null;
  }
}
