/// <reference lib="webworker" />
/**
 * Bots think here, off the page's main thread, so the page never freezes. A bot gets
 * only its seat's view: the worker has no way to reach the master's state.
 */
import { botActionFor } from '../../bots/levels.js';
import type { Scenario } from '../../scenario/schema.js';
import type { BotReply, BotRequest } from './protocol.js';

let scenario: Scenario | null = null;

self.onmessage = (event: MessageEvent<BotRequest>) => {
  const request = event.data;
  if (request.kind === 'scenario') {
    scenario = request.scenario;
    return;
  }
  let reply: BotReply;
  try {
    if (!scenario) throw new Error('no scenario was sent before the first question');
    const { action, rationale } = botActionFor(request.level, scenario, request.view, request.power, request.seed);
    reply = { id: request.id, action, rationale };
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(reply);
};
