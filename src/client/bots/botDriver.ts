/**
 * Plays the bot seats of a local match: whenever the match waits for a bot seat, its
 * view goes to the worker and the answer comes back as that seat's action. Each bot's
 * rationale for its orders is kept here, in the page, and given out only for a round
 * whose orders the match has revealed: it names an order, which is secret until then.
 */
import { awaiting, stepKey } from '../../game/actions.js';
import type { PowerId } from '../../game/powers.js';
import type { Rationales } from '../../view/revealSteps.js';
import type { LocalMatch } from '../net/localMatch.js';
import { createSeed } from '../seed.js';
import { NextTask } from '../taskQueue.js';
import type { BotReply, BotRequest } from './protocol.js';
import { RationaleBook } from './rationaleBook.js';

export class BotDriver {
  private readonly worker = new Worker(new URL('./botWorker.ts', import.meta.url), { type: 'module' });
  private readonly pending = new Map<number, { power: PowerId; key: string }>();
  /** Seats with a question out, keyed by the state they were asked about, so each is asked once. */
  private readonly asked = new Set<string>();
  private nextId = 1;
  private readonly rationales = new RationaleBook();
  /** The bots' own randomness: never derived from the match seed, which would let a bot rebuild the decks. */
  private readonly botSeed = createSeed();
  private readonly unsubscribe: () => void;
  /** The views go to the worker in a task of their own, not in the one that redraws the screen. */
  private readonly polling = new NextTask(() => this.poll());

  constructor(
    private readonly match: LocalMatch,
    private readonly bots: PowerId[],
    private readonly onError: (message: string) => void,
  ) {
    this.worker.onmessage = (event: MessageEvent<BotReply>) => this.answer(event.data);
    this.worker.onerror = (event) => this.onError(event.message || 'the bot worker failed to start');
    this.worker.postMessage({ kind: 'scenario', scenario: match.scenario } satisfies BotRequest);
    this.unsubscribe = match.onChange(() => this.polling.schedule());
    this.poll();
  }

  /** Identifies the question a seat is being asked: its step in its own view. */
  private questionKey(power: PowerId): string | null {
    const view = this.match.view(power);
    if (!awaiting(view).includes(power)) return null;
    return `${power}/${stepKey(view)}/${view.log.length}`;
  }

  private poll(): void {
    for (const power of this.bots) {
      const key = this.questionKey(power);
      if (!key || this.asked.has(key)) continue;
      this.asked.add(key);
      const id = this.nextId++;
      this.pending.set(id, { power, key });
      const view = this.match.view(power);
      const request: BotRequest = { kind: 'decide', id, power, level: this.match.setup.botLevel, seed: `${this.botSeed}/${key}`, view };
      this.worker.postMessage(request);
    }
  }

  private answer(reply: BotReply): void {
    const asked = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    // An answer to a question the match has moved past is dropped, never played late.
    if (!asked || this.questionKey(asked.power) !== asked.key) return;
    if ('error' in reply) return this.onError(`${asked.power} bot: ${reply.error}`);
    const round = this.match.view(asked.power).round;
    const refused = this.match.act(asked.power, reply.action);
    if (refused) return this.onError(`${asked.power} bot chose an illegal action: ${JSON.stringify(refused)}`);
    if (reply.action.type === 'orders') this.rationales.note(round, asked.power, reply.rationale);
  }

  /** The bots' rationales for a round's orders, once the match has revealed them; none before. */
  revealedRationales(round: number): Rationales {
    return this.rationales.revealed(round, this.match.view(this.bots[0] ?? 'CHN'));
  }

  stop(): void {
    this.unsubscribe();
    this.polling.close();
    this.worker.terminate();
  }
}
