/**
 * The debrief as CSV for a spreadsheet: one row per (round, power). What belongs to the
 * whole round (headline, injects, adjudications, tracks) repeats on each of its six rows
 * and what belongs to the whole game (final score, agenda, participation) on each of a
 * power's rows, so any row can be filtered or pivoted on its own.
 */
import { POWERS, pairKey, type PowerId } from '../../game/powers.js';
import { TRACKS, type Order } from '../../game/types.js';
import type { Debrief, DebriefRound } from './debrief.js';

const HEADERS = [
  'round',
  'power',
  'headline',
  'headline_injected',
  'crisis',
  'headline_choice',
  'crisis_choice',
  'orders',
  'objectives_scored',
  'vp_end_of_round',
  ...TRACKS,
  ...POWERS.map((p) => `relation_${p}`),
  'injects',
  'adjudications',
  'final_place',
  'final_vp',
  'agenda',
  'agenda_met',
  'team_members',
  'orders_submitted',
  'chat_messages',
] as const;

export function debriefCsv(debrief: Debrief): string {
  const rows = debrief.timeline.flatMap((round) => POWERS.map((power) => row(debrief, round, power)));
  return [HEADERS, ...rows].map((cells) => cells.map(cell).join(',')).join('\r\n') + '\r\n';
}

function row(debrief: Debrief, round: DebriefRound, power: PowerId): Array<string | number | boolean> {
  const ranked = debrief.result?.ranking.find((r) => r.power === power);
  const agenda = debrief.result?.agendas[power];
  const taking = debrief.participation.find((p) => p.power === power)!;
  return [
    round.round,
    power,
    round.headline.title ?? round.headline.id,
    round.injected,
    round.crisis ? (round.crisis.title ?? round.crisis.id) : '',
    round.decisions.headline[power] ?? '',
    round.decisions.crisis[power] ?? '',
    (round.orders[power] ?? []).map(orderCode).join('; '),
    (round.scored[power] ?? []).join('; '),
    round.vp[power],
    ...TRACKS.map((t) => round.tracks[t]),
    // The relation with itself is left empty so the six columns line up for every power.
    ...POWERS.map((other) => (other === power ? '' : round.relations[pairKey(power, other)])),
    round.injects.map((i) => `${i.title}: ${i.text}`).join(' | '),
    round.adjudications.map((a) => `${a.what} ${a.from}->${a.to}: ${a.reason}`).join(' | '),
    ranked?.place ?? '',
    ranked?.vp ?? '',
    agenda ? (agenda.title ?? agenda.agenda) : '',
    agenda ? agenda.met : '',
    taking.members,
    taking.ordersSubmitted,
    taking.chatMessages,
  ];
}

/** An order in a short form that needs no scenario to read: `aid:UKR:2`, `card:sanctions:PRK`. */
function orderCode(order: Order): string {
  switch (order.kind) {
    case 'engage':
    case 'pressure':
      return `${order.kind}:${order.target}`;
    case 'aid':
      return `aid:${order.target}:${order.amount}`;
    case 'deploy':
    case 'withdraw':
      return `${order.kind}:${order.theatre}`;
    case 'build':
      return `build:${order.what}`;
    case 'card':
      return order.target ? `card:${order.card}:${order.target}` : `card:${order.card}`;
    case 'hold':
      return 'hold';
  }
}

/** RFC 4180 quoting; a cell a spreadsheet would run as a formula (Control's written text) is quoted with a leading '. */
function cell(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
