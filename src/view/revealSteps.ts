/**
 * The reveal as a story in steps: from a seat's view of a round whose orders were
 * revealed (its history record and the public log), the round's resolution in the
 * rules' order (docs/RULES.md, round.ts): the orders, reactions, diplomacy, aid and
 * sanctions, forces, cards, posture, then the crisis and the end of the round, and a
 * sum. Each step names the orders acting in it, what to draw on the map, its log
 * lines, and the tracks and relations after it.
 *
 * The log does not mark where one step ends, so the entries are read in the order the
 * rules write them: each step writes only certain kinds of entry, and where two steps
 * could write the same kind (a card's Tension and a deployment's posture), the card's
 * effects are followed one by one, knowing the tracks as they stood, so every entry
 * lands in the step that wrote it. Everything here is public once the orders are
 * revealed; a bot's rationale comes from the client, never from the match.
 */
import { catalog } from '../game/catalog.js';
import { isReaction } from '../game/effects.js';
import { pairKey, POWERS, type PairKey, type PowerId } from '../game/powers.js';
import { startingRelations } from '../game/setup.js';
import { TRACKS, type LogEntry, type Order, type Readable, type RoundRecord, type TrackId, type Tracks } from '../game/types.js';
import type { Effect, Scenario } from '../scenario/schema.js';
import { logSentence } from './logText.js';
import { cardTitle } from './names.js';
import { orderText } from './orderModel.js';
import { powerRows } from './revealModel.js';
import { POWER_NAME, TRACK_NAME } from './text/en.js';
import { REVEAL_MARK, REVEAL_PLAYER, REVEAL_STEP } from './text/en-reveal.js';

export const REVEAL_STEP_IDS = ['orders', 'reactions', 'diplomacy', 'aid', 'military', 'cards', 'posture', 'crisis', 'roundEnd', 'summary'] as const;
export type RevealStepId = (typeof REVEAL_STEP_IDS)[number];

/** A place on the map: a power's capital or a theatre. */
export type MarkPlace = { power: PowerId } | { theatre: string };

export type MarkKind = 'engage' | 'pressure' | 'sanction' | 'aid' | 'deploy' | 'withdraw' | 'card' | 'build' | 'hold';

/** Something to draw for an order: an arrow from one place to another, or a badge on a place when `to` is null. */
export interface RevealMark {
  kind: MarkKind;
  power: PowerId;
  from: MarkPlace;
  to: MarkPlace | null;
  /** What the mark says on the map ("engages", "aid 3", "“Freeze the money trail”"). */
  label: string;
  /** An engagement answered by one the other way: a summit. */
  mutual?: boolean;
  /** A card that another power's card cancelled. */
  cancelled?: boolean;
}

export interface RevealOrder {
  power: PowerId;
  name: string;
  text: string;
}

export interface TrackChange {
  track: TrackId;
  text: string;
  from: number;
  to: number;
}

export interface RelationChange {
  pair: PairKey;
  text: string;
  from: number;
  to: number;
}

/** Where the board stands after a step: what the map and the track gauges show. */
export interface RevealBoard {
  tracks: Tracks;
  relations: Record<PairKey, number>;
}

export interface RevealStep {
  id: RevealStepId;
  title: string;
  rule: string;
  /** The orders acting at this step, in seat order. */
  orders: RevealOrder[];
  marks: RevealMark[];
  /** What happened, in the log's words. */
  lines: string[];
  /** The log entries this step wrote (for tests and for nothing a person reads). */
  entries: LogEntry[];
  tracks: TrackChange[];
  relations: RelationChange[];
  after: RevealBoard;
}

export interface RevealPowerOrders {
  power: PowerId;
  name: string;
  orders: string[];
  /** A bot's one line on why, given by the client that ran it; null for a person or a bot elsewhere. */
  rationale: string | null;
  /** "+3 VP: Tension at 4 or below", once the round is scored and it scored. */
  scored: string | null;
}

export interface RevealStory {
  round: number;
  heading: string;
  powers: RevealPowerOrders[];
  /** The board as the orders were revealed (after the headline and its decision). */
  before: RevealBoard;
  steps: RevealStep[];
  /** War broke out during this round's resolution. */
  war: boolean;
  /** The crisis drawn at this round is still being decided. */
  crisisPending: boolean;
  /** The game ended with this round (its results come next). */
  last: boolean;
}

/** A bot's rationale per power for one round's orders, kept by the client that ran the bots. */
export type Rationales = Partial<Record<PowerId, string>>;

/** The rounds whose orders have been revealed, oldest first. */
export function revealedRounds(view: Readable): number[] {
  return view.history.filter((r) => Object.keys(r.orders).length > 0).map((r) => r.round);
}

/** The last round whose orders have been revealed, or 0. */
export function lastRevealedRound(view: Readable): number {
  return revealedRounds(view).at(-1) ?? 0;
}

type Placed = { power: PowerId; order: Order };

/** The board as it moves through the log, with what the rules remember within a round. */
class Board {
  tracks: Tracks;
  relations: Record<PairKey, number>;
  shielded = new Set<PowerId>();
  war = false;

  constructor(start: RevealBoard) {
    this.tracks = { ...start.tracks };
    this.relations = { ...start.relations };
  }

  snapshot(): RevealBoard {
    return { tracks: { ...this.tracks }, relations: { ...this.relations } };
  }

  apply(entry: LogEntry): void {
    const { power, target } = entry;
    const value = entry.value ?? 0;
    switch (entry.code) {
      case 'track':
        if (entry.track) this.tracks[entry.track] += value;
        return;
      case 'relation':
        if (power && target && target !== 'UKR') this.relations[pairKey(power, target)] += value;
        return;
      case 'adjudicated':
        // A track set by Control is followed by the track entry that moved it; a relation is set outright.
        if (!entry.track && power && target && target !== 'UKR') this.relations[pairKey(power, target)] = value;
        return;
      case 'shield':
        if (power) this.shielded.add(power);
        return;
      case 'war':
        this.war = true;
        return;
    }
  }
}

/** Reads one round's log from the reveal on, entry by entry, keeping the board up to date. */
class Reader {
  private at = 0;

  constructor(
    readonly sc: Scenario,
    private readonly entries: readonly LogEntry[],
    readonly board: Board,
  ) {}

  peek(): LogEntry | undefined {
    return this.entries[this.at];
  }

  /** Takes the next entry if it passes the test; returns whether it did. */
  takeIf(test: (e: LogEntry) => boolean): boolean {
    const next = this.peek();
    if (!next || !test(next)) return false;
    this.at++;
    this.board.apply(next);
    this.taken.push(next);
    return true;
  }

  takeWhile(test: (e: LogEntry) => boolean): void {
    while (this.takeIf(test));
  }

  /** Everything up to (not including) entry `end`. */
  takeUntil(end: number): void {
    while (this.at < end) this.takeIf(() => true);
  }

  /** A war entry right after a change to Tension ends the resolution. */
  takeWar(): boolean {
    return this.takeIf((e) => e.code === 'war');
  }

  get position(): number {
    return this.at;
  }

  get length(): number {
    return this.entries.length;
  }

  /** The entries taken since the last call. */
  taken: LogEntry[] = [];

  flush(): LogEntry[] {
    const out = this.taken;
    this.taken = [];
    return out;
  }
}

const isTrack = (e: LogEntry, track: TrackId) => e.code === 'track' && e.track === track;
const codeIn = (...codes: string[]) => (e: LogEntry) => codes.includes(e.code);

/** The board at the start of a round: the end of the round before, or the scenario's start. */
function boardAtStart(sc: Scenario, view: Readable, index: number): RevealBoard {
  const previous = view.history[index - 1];
  if (previous) return { tracks: { ...previous.tracks }, relations: { ...previous.relations } };
  return { tracks: { ...sc.tracks }, relations: startingRelations(sc) };
}

function who(ref: string, self: PowerId, target: PowerId | undefined): PowerId | undefined {
  if (ref === 'SELF') return self;
  if (ref === 'TARGET') return target;
  return ref as PowerId;
}

/**
 * Takes the entry a change to a track writes (and war, if it came), if the change moves
 * the track as the board stands: one that would not writes nothing, and the next entry
 * of that track is then another step's.
 */
function takeTrackChange(read: Reader, track: TrackId, delta: number, source: PowerId | null): void {
  const before = read.board.tracks[track];
  const [lo, hi] = read.sc.rules.trackRange[track];
  if (read.board.war || delta === 0 || Math.min(hi, Math.max(lo, before + delta)) === before) return;
  read.takeIf((e) => isTrack(e, track) && (e.power ?? null) === source);
  read.takeWar();
}

/**
 * Takes the entries one card effect writes. Only a change to a track needs knowing the
 * board (a change that would leave the track where it is writes nothing, and the
 * posture step after the cards writes track entries too); every other effect writes
 * kinds of entry that nothing after the cards writes, so they are taken as they come.
 */
function takeEffect(read: Reader, effect: Effect, self: PowerId, target: PowerId | undefined): void {
  const board = read.board;
  if (board.war) return;
  if ('track' in effect) return takeTrackChange(read, effect.track, effect.delta, self);
  if ('relation' in effect) {
    const a = who(effect.relation[0], self, target);
    const b = who(effect.relation[1], self, target);
    read.takeIf((e) => (e.code === 'relation' || e.code === 'shieldHeld') && ((e.power === a && e.target === b) || (e.power === b && e.target === a)));
    return;
  }
  if ('transfer' in effect) {
    const from = who(effect.transfer.from, self, target);
    const to = who(effect.transfer.to, self, target);
    read.takeIf((e) => e.code === 'aid' && e.power === from && e.target === to);
    return;
  }
  if ('capital' in effect) return void read.takeIf(codeIn('capital'));
  if ('income' in effect) return void read.takeIf(codeIn('income'));
  if ('vp' in effect) return void read.takeIf(codeIn('vp'));
  if ('reserve' in effect) return void read.takeIf(codeIn('reserve'));
  if ('forces' in effect) return void read.takeIf(codeIn('forces', 'covertArrival'));
  if ('reveal' in effect) return read.takeWhile(codeIn('revealed'));
  // Flags write nothing; cancelling and shielding are reactions, resolved first.
}

/** Where the end of the round begins, read from the back: Tension easing, the scores, the end of the game. */
function roundEndStart(entries: readonly LogEntry[], from: number, ended: boolean): number {
  let at = entries.length;
  if (entries[at - 1]?.code === 'gameOver') at--;
  if (!ended) return at;
  while (at > from && entries[at - 1]!.code === 'scored') at--;
  // Capital a power may not carry lapses at the close, after Tension's easing (rules.capitalCarry).
  while (at > from && entries[at - 1]!.code === 'capitalLapsed') at--;
  // Tension eases only if nothing raised it this round; then its entry has no power and a fall.
  const easing = entries[at - 1];
  const raised = entries.slice(0, at - 1).some((e) => isTrack(e, 'tension') && (e.value ?? 0) > 0);
  if (at > from && easing && isTrack(easing, 'tension') && !easing.power && (easing.value ?? 0) < 0 && !raised) at--;
  return at;
}

function markFor(sc: Scenario, { power, order }: Placed, mutual: boolean): RevealMark {
  const home = { power };
  switch (order.kind) {
    case 'engage':
      return { kind: 'engage', power, from: home, to: { power: order.target }, label: mutual ? REVEAL_MARK.summit : REVEAL_MARK.engage, ...(mutual ? { mutual } : {}) };
    case 'pressure':
      return { kind: 'pressure', power, from: home, to: { power: order.target }, label: REVEAL_MARK.pressure };
    case 'aid':
      return {
        kind: 'aid',
        power,
        from: home,
        to: order.target === 'UKR' ? { theatre: sc.rules.frontTheatre } : { power: order.target },
        label: REVEAL_MARK.aid(order.amount),
      };
    case 'deploy':
      return { kind: 'deploy', power, from: home, to: { theatre: order.theatre }, label: REVEAL_MARK.deploy };
    case 'withdraw':
      return { kind: 'withdraw', power, from: { theatre: order.theatre }, to: home, label: REVEAL_MARK.withdraw };
    case 'build':
      return { kind: 'build', power, from: home, to: null, label: order.what === 'force' ? REVEAL_MARK.buildForce : REVEAL_MARK.buildCapability };
    case 'card': {
      const title = cardTitle(sc, order.card);
      return { kind: 'card', power, from: home, to: order.target ? { power: order.target } : null, label: REVEAL_MARK.card(title) };
    }
    case 'hold':
      return { kind: 'hold', power, from: home, to: null, label: REVEAL_MARK.hold(sc.rules.holdGain) };
  }
}

/** What the rules do at a step, with the scenario's own numbers. */
function ruleOf(sc: Scenario, id: RevealStepId): string {
  const rule = REVEAL_STEP[id].rule;
  if (id === 'aid') return REVEAL_STEP.aid.rule(sc.rules.sanction);
  if (id === 'crisis') return REVEAL_STEP.crisis.rule(sc.rules.crisisAt);
  return rule as string;
}

function trackChanges(from: Tracks, to: Tracks): TrackChange[] {
  return TRACKS.filter((t) => from[t] !== to[t]).map((track) => ({
    track,
    from: from[track],
    to: to[track],
    text: (track === 'front' ? REVEAL_PLAYER.trackChangeFront : REVEAL_PLAYER.trackChange)(TRACK_NAME[track], from[track], to[track]),
  }));
}

function relationChanges(from: Record<PairKey, number>, to: Record<PairKey, number>): RelationChange[] {
  return (Object.keys(to) as PairKey[])
    .filter((pair) => from[pair] !== to[pair])
    .map((pair) => {
      const [a, b] = pair.split('-') as [PowerId, PowerId];
      return { pair, from: from[pair], to: to[pair], text: REVEAL_PLAYER.relationChange(REVEAL_PLAYER.pair(POWER_NAME[a], POWER_NAME[b]), from[pair], to[pair]) };
    });
}

/**
 * The reveal of `round` (by default the last revealed) as this view tells it, or null
 * when that round's orders are not revealed. `rationales` are the bots' lines for it.
 */
export function revealStory(sc: Scenario, view: Readable, rationales: Rationales = {}, round = lastRevealedRound(view)): RevealStory | null {
  const index = view.history.findIndex((r) => r.round === round);
  const record: RoundRecord | undefined = view.history[index];
  if (!record || Object.keys(record.orders).length === 0) return null;
  const cat = catalog(sc);

  const roundLog = view.log.filter((e) => e.round === round);
  const revealAt = roundLog.findIndex((e) => e.code === 'reveal');
  const board = new Board(boardAtStart(sc, view, index));
  for (const entry of roundLog.slice(0, Math.max(0, revealAt))) board.apply(entry);
  const before = board.snapshot();
  const entries = roundLog.slice(revealAt + 1);
  const read = new Reader(sc, entries, board);

  // The orders in the order the rules resolve them: seat by seat, each seat's in its own order.
  const all: Placed[] = POWERS.flatMap((power) => (record.orders[power] ?? []).map((order) => ({ power, order })));
  const engages = all.filter((p) => p.order.kind === 'engage');
  const mutual = (p: Placed) => p.order.kind === 'engage' && engages.some((e) => e.power === (p.order as { target: PowerId }).target && (e.order as { target: PowerId }).target === p.power);
  const orderOf = (p: Placed): RevealOrder => ({ power: p.power, name: POWER_NAME[p.power], text: orderText(sc, p.order) });
  const ofKind = (...kinds: Order['kind'][]) => all.filter((p) => kinds.includes(p.order.kind));
  const reactionCards = all.filter((p) => p.order.kind === 'card' && cat.policy(p.order.card).effects.some(isReaction));

  const steps: RevealStep[] = [];
  let last = before;
  /**
   * Closes a step with the entries read since the last one, after `said` (what the rules do without a log entry);
   * a step with no order and no entry is left out.
   */
  const close = (id: RevealStepId, acting: Placed[], marks: RevealMark[], rule?: string, said: string[] = []): void => {
    const taken = read.flush();
    // The end of the game is the results' to tell, not a step's.
    const meaningful = taken.filter((e) => e.code !== 'gameOver');
    if (acting.length === 0 && meaningful.length === 0 && id !== 'orders') return;
    const after = board.snapshot();
    steps.push({
      id,
      title: REVEAL_STEP[id].title,
      rule: rule ?? ruleOf(sc, id),
      orders: acting.map(orderOf),
      marks,
      lines: [...said, ...meaningful.map((e) => logSentence(sc, e))],
      entries: meaningful,
      tracks: trackChanges(last.tracks, after.tracks),
      relations: relationChanges(last.relations, after.relations),
      after,
    });
    last = after;
  };

  close('orders', all, all.map((p) => markFor(sc, p, mutual(p))));

  resolve: {
    read.takeWhile(codeIn('cancelCards', 'shield'));
    close('reactions', reactionCards, reactionCards.map((p) => markFor(sc, p, false)));

    const signals = ofKind('engage', 'pressure');
    read.takeWhile((e) => codeIn('summit', 'relation', 'shieldHeld')(e) || isTrack(e, 'polarisation'));
    close('diplomacy', signals, signals.map((p) => markFor(sc, p, mutual(p))));

    const economy = ofKind('hold', 'aid', 'pressure');
    read.takeWhile(codeIn('aid', 'relation', 'sanction'));
    // Aid to Ukraine moves the Front only by whole steps; the posture step's move of it may come right after.
    const toUkraine = all.reduce((sum, p) => sum + (p.order.kind === 'aid' && p.order.target === 'UKR' ? p.order.amount : 0), 0);
    takeTrackChange(read, 'front', -Math.floor(toUkraine / sc.rules.ukraineAidPerFront), null);
    close(
      'aid',
      economy,
      economy.map((p) => (p.order.kind === 'pressure' ? { ...markFor(sc, p, false), kind: 'sanction' as const, label: REVEAL_MARK.sanction } : markFor(sc, p, false))),
      undefined,
      // A hold pays out without a log entry: said here, first, as the rules pay it.
      ofKind('hold').map((p) => REVEAL_PLAYER.holds(POWER_NAME[p.power], sc.rules.holdGain)),
    );

    const military = ofKind('withdraw', 'deploy', 'build');
    // Each missile test writes Capability then Tension (and war, if Tension reached it).
    const testers = military.filter((p) => p.order.kind === 'build' && p.order.what === 'capability').map((p) => p.power);
    let tests = sc.rules.missileTest.tension === 0 ? 0 : testers.length;
    read.takeWhile((e) => {
      if (codeIn('withdraw', 'deploy', 'build', 'war')(e) || isTrack(e, 'capability')) return true;
      if (isTrack(e, 'tension') && e.power && testers.includes(e.power) && tests > 0) return tests-- > 0;
      return false;
    });
    close('military', military, military.map((p) => markFor(sc, p, false)));
    if (board.war) break resolve;

    const cards = ofKind('card');
    for (const placed of cards) {
      if (placed.order.kind !== 'card') continue;
      const { card, target } = placed.order;
      if (read.takeIf((e) => e.code === 'cardCancelled' && e.power === placed.power)) continue;
      if (!read.takeIf((e) => e.code === 'card' && e.power === placed.power && e.card === card)) break;
      for (const effect of cat.policy(card).effects) if (!isReaction(effect)) takeEffect(read, effect, placed.power, target);
      if (board.war) break;
    }
    const cancelled = new Set(read.taken.filter((e) => e.code === 'cardCancelled').map((e) => e.power));
    close(
      'cards',
      cards,
      cards.map((p) => {
        const mark = markFor(sc, p, false);
        return cancelled.has(p.power) && p.order.kind === 'card' ? { ...mark, cancelled: true, label: REVEAL_MARK.cancelled(cardTitle(sc, p.order.card)) } : mark;
      }),
    );
    if (board.war) break resolve;

    // Posture: each move next to a hostile power writes one Tension entry, in the order the moves were given.
    const moved: Placed[] = [];
    for (const placed of ofKind('deploy', 'withdraw')) {
      const sign = Math.sign(sc.rules.postureTension) * (placed.order.kind === 'deploy' ? 1 : -1);
      if (read.takeIf((e) => isTrack(e, 'tension') && e.power === placed.power && Math.sign(e.value ?? 0) === sign)) moved.push(placed);
      if (read.takeWar()) break;
    }
    if (!board.war) read.takeIf((e) => isTrack(e, 'front') && !e.power);
    read.takeWar();
    close('posture', moved, moved.map((p) => markFor(sc, p, false)));
  }

  const over = view.step.kind === 'over';
  const war = entries.some((e) => e.code === 'war');
  // The round's end ran (its record holds the round's closing board): the next round began, or the last one ended in peace.
  const ended = view.round > round || (over && !war && round === view.rounds && !entries.some((e) => e.code === 'ended'));
  const endAt = roundEndStart(entries, read.position, ended);
  // A crisis opens with its card, or with the event that sparked it (rules.crisisEvents).
  const crisisOpens = ['crisis', 'crisisProvoked'].includes(entries[read.position]?.code ?? '');
  const crisisPending = crisisOpens && !ended && !over;
  if (crisisOpens) {
    read.takeUntil(endAt);
    close('crisis', [], []);
  }
  // The end of the round, and anything Control did before it.
  read.takeUntil(read.length);
  close('roundEnd', [], []);

  const vpBefore = index > 0 ? view.history[index - 1]!.vp : {};
  const powers: RevealPowerOrders[] = powerRows(sc, record, vpBefore, ended).map((row) => ({ ...row, rationale: rationales[row.power] ?? null }));

  // The sum: every change from the reveal to where the round stands now.
  steps.push({
    id: 'summary',
    title: REVEAL_STEP.summary.title,
    rule: ruleOf(sc, 'summary'),
    orders: [],
    marks: [],
    lines: [],
    entries: [],
    tracks: trackChanges(before.tracks, last.tracks),
    relations: relationChanges(before.relations, last.relations),
    after: last,
  });

  return {
    round,
    heading: REVEAL_PLAYER.heading(round),
    powers,
    before,
    steps,
    war,
    crisisPending,
    last: over && view.history.at(-1)?.round === round,
  };
}
