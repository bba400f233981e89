/**
 * Control's injects: a headline card of the scenario put on top to be the next round's
 * headline, or a written event whose effects come from the same menu cards use and
 * apply at once. Checks read only what Control sees, so its console can say why before
 * sending; the apply functions run on the master.
 */
import { effectSchema, type Effect, type Scenario } from '../scenario/schema.js';
import { catalog } from './catalog.js';
import { applyEffects } from './effects.js';
import type { Reason } from './reasons.js';
import { finishGame } from './scoring.js';
import type { GameState, Overseen } from './types.js';

/** Enough for a dozen things happening at once; more is a new scenario, not an inject. */
export const MAX_INJECT_EFFECTS = 10;
/** As long as an order's card or theatre name (orders.ts): a flag a scenario tests is far shorter. */
export const MAX_FLAG_NAME = 64;

/** Why this headline may not go on top now, or null if it may. */
export function headlineInjectRefused(sc: Scenario, view: Overseen, card: string): Reason | null {
  if (!sc.headlines.some((h) => h.id === card)) return { code: 'unknownHeadline' };
  const queued = view.secret.injects ?? [];
  if (queued.includes(card) || view.history.some((r) => r.headline === card)) return { code: 'headlineUsed' };
  if (queued.length >= view.rounds - view.round) return { code: 'noRoundLeft' };
  return null;
}

/** Put a headline on top. A card planned for a later round comes now instead, so no headline shows twice. */
export function queueHeadline(G: GameState, card: string): void {
  G.secret.headlines = G.secret.headlines.filter((id) => id !== card);
  (G.secret.injects ??= []).push(card);
}

/** The powers an effect names (SELF and TARGET included). */
function powerRefs(effect: Effect): unknown[] {
  if ('relation' in effect) return [...effect.relation];
  if ('transfer' in effect) return [effect.transfer.from, effect.transfer.to];
  const keys = ['capital', 'income', 'vp', 'forces', 'reserve', 'cancelCards', 'shield'] as const;
  return keys.filter((key) => key in effect).map((key) => (effect as Record<string, unknown>)[key]);
}

function theatreRef(effect: Effect): string | null {
  if ('forces' in effect) return effect.theatre;
  if ('reveal' in effect && effect.reveal !== 'ALL') return effect.reveal;
  return null;
}

/**
 * Read a written inject's effects: each must be on the cards' menu, name powers outright
 * (an inject has no SELF who played it and no TARGET it was aimed at) and name theatres
 * this scenario has.
 */
export function checkInjectEffects(sc: Scenario, raw: unknown): { ok: true; effects: Effect[] } | { ok: false; reason: Reason } {
  if (!Array.isArray(raw)) return { ok: false, reason: { code: 'malformedCommand', field: 'effects' } };
  if (raw.length > MAX_INJECT_EFFECTS) return { ok: false, reason: { code: 'outOfRange', field: 'effects', min: 0, max: MAX_INJECT_EFFECTS } };
  const effects: Effect[] = [];
  for (const [index, item] of raw.entries()) {
    const parsed = effectSchema.safeParse(item);
    if (!parsed.success) return { ok: false, reason: { code: 'badEffect', index, why: 'malformed' } };
    const effect = parsed.data;
    const flag = 'setFlag' in effect ? effect.setFlag : 'clearFlag' in effect ? effect.clearFlag : '';
    if (flag.length > MAX_FLAG_NAME) return { ok: false, reason: { code: 'badEffect', index, why: 'malformed' } };
    if (powerRefs(effect).some((ref) => ref === 'SELF' || ref === 'TARGET')) {
      return { ok: false, reason: { code: 'badEffect', index, why: 'namesSelfOrTarget' } };
    }
    const theatre = theatreRef(effect);
    if (theatre !== null && !catalog(sc).theatre(theatre)) return { ok: false, reason: { code: 'badEffect', index, why: 'unknownTheatre' } };
    effects.push(effect);
  }
  return { ok: true, effects };
}

/** Apply a written inject's effects now, as a headline's own effects would; war ends the match here too. */
export function applyInject(G: GameState, sc: Scenario, effects: readonly Effect[]): void {
  applyEffects(G, sc, effects, {});
  if (G.war) finishGame(G, sc);
}
