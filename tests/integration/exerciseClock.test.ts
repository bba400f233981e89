/**
 * The server's time for the exercise clock, on a real server over loopback: `GET
 * /api/time` answers the server's clock, uncached; and a Control command whose `at` is
 * far from the server's time (a laptop's clock minutes off, or a forged one) sets the
 * deadline by the server's time instead, while one near it keeps its own moment.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awaiting } from '../../src/game/actions.js';
import { CONTROL_SEAT } from '../../src/game/powers.js';
import type { ControlView } from '../../src/game/types.js';
import type { RunningServer } from '../../src/server/server.js';
import { AT_TOLERANCE_MS } from '../../src/server/exercise/commandTime.js';
import { exerciseDevice } from '../helpers/exerciseDevice.js';
import { until } from '../helpers/until.js';
import { api, startTestServer, OPEN_LIMITS } from '../helpers/server.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe("the exercise clock runs on the server's time", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer({ limits: OPEN_LIMITS });
  });
  afterAll(() => server.close());

  it("answers its time at /api/time, never to be cached", async () => {
    const before = Date.now();
    const response = await fetch(`${server.url}/api/time`);
    const after = Date.now();
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const { now } = (await response.json()) as { now: number };
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(after);
  });

  it("replaces a Control command's time far from the server's, and keeps a near one", async () => {
    const { code, controlToken } = (await api(server.url, 'POST', '/api/exercises', { teamSize: 1, teams: ['CHN'], orderSeconds: 600, bots: 'easy' })).body as { code: string; controlToken: string };
    const ann = (await api(server.url, 'POST', `/api/exercises/${code}/join`, { name: 'Ann' })).body as { playerID: string; memberToken: string };
    // China's member is there (and never moves): the match waits on the team while Control works its clock.
    const team = exerciseDevice<ControlView>(server.url, code, ann.playerID, ann.memberToken);
    const control = exerciseDevice<ControlView>(server.url, code, CONTROL_SEAT, controlToken);
    try {
      await until('both synced', () => team.state() && control.state());
      expect((await api(server.url, 'POST', `/api/exercises/${code}/start`, { controlToken })).status).toBe(200);
      // The server's own timer, if the first step is the orders, is in before Control's commands.
      // Held up by China (the bots cannot move the match past it), so nothing but Control's commands changes the clock.
      await until('the match under way', () => {
        const G = control.state()?.G;
        return G && G.round === 1 && awaiting(G).includes('CHN') && (G.step.kind !== 'orders' || G.clock?.deadline) ? G : null;
      });

      /** Control's record of commands this round: it grows by one when the match takes a command (the bots' moves leave it). */
      const commands = () => control.state()!.G.history.at(-1)?.control?.length ?? 0;

      /** Send a clock command and wait for the match to take it. */
      const command = async (sent: Record<string, unknown>) => {
        const before = commands();
        const sentAt = Date.now();
        control.move('control', [sent]);
        const G = (await until(`${String(sent.kind)} taken`, () => (commands() > before ? control.state() : null))).G;
        return { clock: G.clock!, sentAt, tookAt: Date.now() };
      };

      // A laptop an hour fast: the two minutes count from the server's time, not from an hour on.
      const fast = await command({ kind: 'setTimer', seconds: 120, at: Date.now() + HOUR });
      expect(fast.clock.deadline).toBeGreaterThanOrEqual(fast.sentAt + 120_000);
      expect(fast.clock.deadline).toBeLessThanOrEqual(fast.tookAt + 120_000);

      // A device a little off (within the tolerance) keeps its own moment, to the millisecond.
      // A fast one: the message's way to the server only brings the server's time nearer to
      // it, so it stays within the tolerance unless the way takes almost twice the tolerance.
      const near = Date.now() + AT_TOLERANCE_MS - 1000;
      expect((await command({ kind: 'setTimer', seconds: 100, at: near })).clock.deadline).toBe(near + 100_000);

      // Paused by a clock a day behind: what is left is what the server's clock says, not a day more.
      const paused = await command({ kind: 'pause', at: Date.now() - DAY });
      expect(paused.clock.paused).toBe(true);
      expect(paused.clock.left).toBeGreaterThan(100_000 - (paused.tookAt - near) - 1);
      expect(paused.clock.left).toBeLessThanOrEqual(100_000 - (paused.sentAt - near));

      // Resumed by a clock a day ahead: the deadline is what was left from the server's now.
      const left = paused.clock.left!;
      const resumed = await command({ kind: 'resume', at: Date.now() + DAY });
      expect(resumed.clock.deadline).toBeGreaterThanOrEqual(resumed.sentAt + left);
      expect(resumed.clock.deadline).toBeLessThanOrEqual(resumed.tookAt + left);

      // Not a number: still the rules' refusal, untouched by the bound. The master takes a
      // socket's moves in order, so once the command sent after it is taken, it was handled:
      // the record gained that one command only. (The bots may move meanwhile: what must not
      // change is Control's record of commands.)
      control.move('control', [{ kind: 'pause', at: 'now' }]);
      const extended = await command({ kind: 'extend', seconds: 1 });
      expect(control.state()!.G.history.at(-1)!.control!.slice(-2).map((c) => c.kind)).toEqual(['resume', 'extend']);
      expect(extended.clock.paused).toBe(false);
    } finally {
      team.socket.close();
      control.socket.close();
    }
  });
});
