/**
 * Worker threads for the server's bots (botThread.ts). Questions go to the threads in
 * turn; each answer comes back by its id. A thread that dies is replaced and its open
 * questions fail with a message, so one bad decision never takes the server down.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Action } from '../../game/types.js';
import type { Scenario } from '../../scenario/schema.js';
import type { ThinkRequest } from './botThread.js';

/**
 * The thread's code is TypeScript. `--import tsx` does not reach worker threads on
 * Node 20, so the thread registers tsx's loader itself before importing it.
 */
const TSX_API = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href.replace(/index\.cjs$/, 'index.mjs');
const THREAD = new URL('./botThread.ts', import.meta.url).href;
const BOOTSTRAP = `import(${JSON.stringify(TSX_API)}).then(({ register }) => { register(); return import(${JSON.stringify(THREAD)}); });`;

type Pending = { resolve: (action: Action) => void; reject: (error: Error) => void };

export class BotPool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending & { worker: Worker }>();
  /** The custom scenarios (an exercise's own) each thread has been sent; it loads the shipped ones itself. */
  private readonly sent = new WeakMap<Worker, Set<string>>();
  private nextId = 1;
  private turn = 0;
  private closed = false;

  constructor(
    private readonly scenarioDir: string,
    size: number,
  ) {
    for (let i = 0; i < size; i++) this.workers.push(this.spawn());
  }

  /** `custom` is the match's scenario when it is not a shipped one: sent to each thread once, with its first question. */
  think(request: Omit<ThinkRequest, 'id' | 'custom'>, custom?: Scenario): Promise<Action> {
    if (this.closed) return Promise.reject(new Error('the bot pool is closed'));
    const id = this.nextId++;
    const worker = this.workers[this.turn++ % this.workers.length]!;
    const sent = this.sent.get(worker) ?? new Set<string>();
    this.sent.set(worker, sent);
    const send = custom && !sent.has(custom.id) ? custom : undefined;
    if (send) sent.add(send.id);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, worker });
      worker.postMessage({ ...request, id, ...(send ? { custom: send } : {}) } satisfies ThinkRequest);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private spawn(): Worker {
    const worker = new Worker(BOOTSTRAP, { eval: true, workerData: { scenarioDir: this.scenarioDir } });
    worker.unref();
    worker.on('message', (reply: { id: number; action?: Action; error?: string }) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (reply.action) waiting.resolve(reply.action);
      else waiting.reject(new Error(reply.error ?? 'the bot gave no answer'));
    });
    worker.on('error', (error) => this.replace(worker, error));
    worker.on('exit', (code) => {
      if (!this.closed) this.replace(worker, new Error(`bot thread stopped (exit code ${code})`));
    });
    return worker;
  }

  private replace(worker: Worker, error: Error): void {
    const index = this.workers.indexOf(worker);
    if (index < 0 || this.closed) return;
    for (const [id, waiting] of this.pending) {
      if (waiting.worker !== worker) continue;
      this.pending.delete(id);
      waiting.reject(error);
    }
    this.workers[index] = this.spawn();
  }
}
