/**
 * Who plays each seat in an analysis: a bot level, random legal play, or the seat that
 * only holds. `--level` sets every seat, `--seat POWER=WHO` (repeatable) one of them.
 */
import { botPolicy } from '../../bots/botPolicy.js';
import type { Bot } from '../../bots/bot.js';
import { holdPolicy } from '../../bots/hold.js';
import { BOT_LEVELS, createBot, isBotLevel, type BotLevel } from '../../bots/levels.js';
import type { Policy } from '../../bots/policy.js';
import { randomPolicy } from '../../bots/random.js';
import { isPowerId, POWERS, type PowerId } from '../../game/powers.js';

export type SeatPlayer = BotLevel | 'random' | 'hold';
export const SEAT_PLAYERS: readonly SeatPlayer[] = [...BOT_LEVELS, 'random', 'hold'];
export type Seats = Record<PowerId, SeatPlayer>;

export const PLAYER_NAME: Record<SeatPlayer, string> = { easy: 'Easy', normal: 'Normal', hard: 'Hard', random: 'Random', hold: 'Hold' };

const isSeatPlayer = (value: string): value is SeatPlayer => (SEAT_PLAYERS as readonly string[]).includes(value);

/** The seats from `--level` and the `--seat` flags, or the first thing wrong with them. */
export function parseSeats(level: string, seatFlags: readonly string[]): { seats: Seats } | { error: string } {
  if (!isBotLevel(level)) return { error: `--level must be one of ${BOT_LEVELS.join(', ')}, got "${level}"` };
  const seats = Object.fromEntries(POWERS.map((p) => [p, level])) as Seats;
  for (const flag of seatFlags) {
    const [power, who] = flag.split('=', 2);
    if (!isPowerId(power) || who === undefined || !isSeatPlayer(who)) {
      return { error: `--seat takes POWER=WHO with POWER one of ${POWERS.join(', ')} and WHO one of ${SEAT_PLAYERS.join(', ')}, got "${flag}"` };
    }
    seats[power] = who;
  }
  return { seats };
}

/** "Normal in every seat", or "Normal; KOR Hold, USA Hard". */
export function describeSeats(seats: Seats): string {
  const counts = new Map<SeatPlayer, number>();
  for (const p of POWERS) counts.set(seats[p], (counts.get(seats[p]) ?? 0) + 1);
  const most = [...counts].sort((a, b) => b[1] - a[1] || SEAT_PLAYERS.indexOf(a[0]) - SEAT_PLAYERS.indexOf(b[0]))[0]![0];
  const others = POWERS.filter((p) => seats[p] !== most).map((p) => `${p} ${PLAYER_NAME[seats[p]]}`);
  return others.length === 0 ? `${PLAYER_NAME[most]} in every seat` : `${PLAYER_NAME[most]}; ${others.join(', ')}`;
}

/** The seat's policy; `wrap` sees every bot (to time its decisions). */
export function seatPolicy(player: SeatPlayer, seed: string, wrap: (bot: Bot) => Bot = (bot) => bot): Policy {
  if (player === 'hold') return holdPolicy();
  if (player === 'random') return randomPolicy(seed);
  return botPolicy(wrap(createBot(player, seed)));
}
