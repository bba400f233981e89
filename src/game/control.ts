/**
 * Control's commands: what the teacher running a classroom exercise may do to the match
 * (pause, timers, advance, inject, adjudicate, end). They are moves of the match like
 * any seat's, so a stored match replays them and the debrief can show them: each one
 * is written to the public log and to the round's record as it is accepted.
 *
 * `checkControl` reads only what Control's view holds, so Control's console can say
 * why a command would be refused before sending it; `control` checks and applies.
 */
import type { Scenario } from '../scenario/schema.js';
import { awaiting, decide, legalChoices, submitDraft } from './actions.js';
import { MAX_TIMER_SECONDS, extendRefused, extendTimer, pauseClock, pauseRefused, resumeClock, resumeRefused, setTimer } from './clock.js';
import { applyInject, checkInjectEffects, headlineInjectRefused, queueHeadline } from './injects.js';
import { RELATION_RANGE, changeTrack, log } from './mechanics.js';
import { isPowerId, pairKey, type PowerId } from './powers.js';
import type { Reason } from './reasons.js';
import { finishGame } from './scoring.js';
import { TRACKS, type ControlCommand, type ControlRecord, type GameState, type LogEntry, type Overseen, type TrackId } from './types.js';

const MAX_TITLE = 120;
const MAX_INJECT_TEXT = 2000;
const MAX_REASON = 500;

type Checked = { ok: true; command: ControlCommand } | { ok: false; reason: Reason };

const refuse = (reason: Reason): Checked => ({ ok: false, reason });
const malformed = (field: string): Checked => refuse({ code: 'malformedCommand', field });

/** Text Control wrote, trimmed; or why it is refused. */
function written(value: unknown, field: string, max: number): string | Reason {
  const text = typeof value === 'string' ? value.trim() : '';
  return text.length >= 1 && text.length <= max ? text : { code: 'badText', field, max };
}

const isTime = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

function seconds(value: unknown, min: number): number | Reason {
  if (!Number.isInteger(value)) return { code: 'malformedCommand', field: 'seconds' };
  const n = value as number;
  return n >= min && n <= MAX_TIMER_SECONDS ? n : { code: 'outOfRange', field: 'seconds', min, max: MAX_TIMER_SECONDS };
}

/** The fields each form of command may have besides `kind`, or null for an unknown kind. */
function fieldsOf(o: Record<string, unknown>): readonly string[] | null {
  switch (o.kind) {
    case 'pause':
    case 'resume':
      return ['at'];
    case 'setTimer':
      return ['seconds', 'at'];
    case 'extend':
      return ['seconds'];
    case 'advance':
    case 'end':
      return [];
    case 'inject':
      return 'card' in o ? ['card'] : ['title', 'text', 'effects'];
    case 'adjudicate':
      return ['track' in o ? 'track' : 'relation', 'value', 'reason'];
    default:
      return null;
  }
}

/** The shape of a command from outside: known fields of the right types, or the field at fault. */
function parseCommand(sc: Scenario, raw: unknown): Checked {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return malformed('command');
  const o = raw as Record<string, unknown>;
  const fields = fieldsOf(o);
  if (!fields) return malformed('kind');
  const extra = Object.keys(o).find((key) => key !== 'kind' && !fields.includes(key));
  if (extra) return malformed(extra);
  switch (o.kind) {
    case 'pause':
    case 'resume':
      return isTime(o.at) ? { ok: true, command: { kind: o.kind, at: o.at } } : malformed('at');
    case 'setTimer': {
      const s = seconds(o.seconds, 0);
      if (typeof s !== 'number') return refuse(s);
      return isTime(o.at) ? { ok: true, command: { kind: 'setTimer', seconds: s, at: o.at } } : malformed('at');
    }
    case 'extend': {
      const s = seconds(o.seconds, 1);
      return typeof s === 'number' ? { ok: true, command: { kind: 'extend', seconds: s } } : refuse(s);
    }
    case 'advance':
    case 'end':
      return { ok: true, command: { kind: o.kind } };
    case 'inject':
      return parseInject(sc, o);
    default:
      // 'adjudicate': fieldsOf let no other kind through.
      return parseAdjudication(sc, o);
  }
}

function parseInject(sc: Scenario, o: Record<string, unknown>): Checked {
  if ('card' in o) {
    return typeof o.card === 'string' && o.card.length <= 64 ? { ok: true, command: { kind: 'inject', card: o.card } } : malformed('card');
  }
  const title = written(o.title, 'title', MAX_TITLE);
  if (typeof title !== 'string') return refuse(title);
  const text = written(o.text, 'text', MAX_INJECT_TEXT);
  if (typeof text !== 'string') return refuse(text);
  const effects = checkInjectEffects(sc, o.effects);
  return effects.ok ? { ok: true, command: { kind: 'inject', title, text, effects: effects.effects } } : refuse(effects.reason);
}

function parseAdjudication(sc: Scenario, o: Record<string, unknown>): Checked {
  let subject: { track: TrackId } | { relation: [PowerId, PowerId] };
  let range: readonly [number, number];
  if ('track' in o) {
    if (!(TRACKS as readonly unknown[]).includes(o.track)) return malformed('track');
    subject = { track: o.track as TrackId };
    range = sc.rules.trackRange[o.track as TrackId];
  } else {
    const pair = o.relation;
    if (!Array.isArray(pair) || pair.length !== 2 || !isPowerId(pair[0]) || !isPowerId(pair[1]) || pair[0] === pair[1]) return malformed('relation');
    subject = { relation: [pair[0], pair[1]] };
    range = RELATION_RANGE;
  }
  if (!Number.isInteger(o.value)) return malformed('value');
  const value = o.value as number;
  if (value < range[0] || value > range[1]) return refuse({ code: 'outOfRange', field: 'value', min: range[0], max: range[1] });
  const reason = written(o.reason, 'reason', MAX_REASON);
  return typeof reason === 'string' ? { ok: true, command: { kind: 'adjudicate', ...subject, value, reason } } : refuse(reason);
}

/** Why the match, as it stands, cannot take this command now. */
function stateRefusal(sc: Scenario, view: Overseen, command: ControlCommand): Reason | null {
  if (view.step.kind === 'over') return { code: 'gameOver' };
  switch (command.kind) {
    case 'pause':
      return pauseRefused(view.clock);
    case 'resume':
      return resumeRefused(view.clock);
    case 'extend':
      return extendRefused(view.clock);
    case 'inject':
      return 'card' in command ? headlineInjectRefused(sc, view, command.card) : null;
    default:
      return null;
  }
}

/** Check a command from outside against the match as Control sees it. */
export function checkControl(sc: Scenario, view: Overseen, raw: unknown): Checked {
  const parsed = parseCommand(sc, raw);
  if (!parsed.ok) return parsed;
  const refused = stateRefusal(sc, view, parsed.command);
  return refused ? refuse(refused) : parsed;
}

/** Keep the command in the round's record and the public log, before it changes anything. */
function note(G: GameState, record: ControlRecord, entry: Omit<LogEntry, 'round'>): void {
  (G.history[G.history.length - 1]!.control ??= []).push(record);
  log(G, entry);
}

/** Carry out a command of Control. Returns null on success, or the reason nothing changed. */
export function control(sc: Scenario, G: GameState, raw: unknown): Reason | null {
  const checked = checkControl(sc, G, raw);
  if (!checked.ok) return checked.reason;
  apply(sc, G, checked.command);
  return null;
}

function apply(sc: Scenario, G: GameState, command: ControlCommand): void {
  switch (command.kind) {
    case 'pause':
      note(G, command, { code: 'paused' });
      return pauseClock(G, command.at);
    case 'resume':
      note(G, command, { code: 'resumed' });
      return resumeClock(G, command.at);
    case 'setTimer':
      note(G, command, { code: 'timerSet', value: command.seconds });
      return setTimer(G, command.seconds, command.at);
    case 'extend':
      note(G, command, { code: 'timerExtended', value: command.seconds });
      return extendTimer(G, command.seconds);
    case 'advance':
      return advance(sc, G);
    case 'inject':
      if ('card' in command) {
        // The card stays secret until it comes up: the record and the log say only that one was put on top.
        note(G, { kind: 'queueHeadline' }, { code: 'headlineQueued' });
        return queueHeadline(G, command.card);
      }
      note(G, command, { code: 'injected', text: command.title });
      return applyInject(G, sc, command.effects);
    case 'adjudicate':
      return adjudicate(sc, G, command);
    case 'end':
      note(G, command, { code: 'ended' });
      return finishGame(G, sc, true);
  }
}

/**
 * Move the match on past the seats still due: each undecided power takes its decision's
 * last option (scenarios list the cautious one last: "de-escalate" in every crisis), and
 * each seat still giving orders locks in its draft as it stands.
 */
function advance(sc: Scenario, G: GameState): void {
  const step = G.step;
  const due = awaiting(G);
  note(G, { kind: 'advance', step: step.kind === 'decide' ? 'decide' : 'orders', powers: due }, { code: 'advanced' });
  for (const power of due) {
    if (step.kind === 'decide') {
      const choices = legalChoices(sc, G, power);
      if ('options' in choices) decide(sc, G, power, choices.options[choices.options.length - 1]);
    } else {
      submitDraft(sc, G, power);
    }
  }
}

function adjudicate(sc: Scenario, G: GameState, command: Extract<ControlCommand, { kind: 'adjudicate' }>): void {
  if ('track' in command) {
    note(G, { ...command, from: G.tracks[command.track] }, { code: 'adjudicated', track: command.track, value: command.value, text: command.reason });
    // Through changeTrack, so Tension set to the war threshold is war, as from any other cause (with no culprit).
    changeTrack(G, sc, command.track, command.value - G.tracks[command.track], null);
    if (G.war) finishGame(G, sc);
    return;
  }
  const [a, b] = command.relation;
  const key = pairKey(a, b);
  note(G, { ...command, from: G.relations[key] }, { code: 'adjudicated', power: a, target: b, value: command.value, text: command.reason });
  // Set outright: a shield stops the rules' changes to a relation, not Control's.
  G.relations[key] = command.value;
}
