/**
 * Every word of the game screen, the hand-over and the problem screens in English.
 * Power, track and order names and refusal reasons live in en.ts; card, objective and
 * agenda texts come from the scenario file.
 */
/** "one" … "ten" for prompts a person reads aloud in a classroom; digits beyond. */
export function numberWord(n: number): string {
  const words = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
  return words[n] ?? String(n);
}

/** "Russia", "Russia and Japan", "China, Russia and Japan". */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** +2, 0, -1: relation and track changes are always shown with their sign. */
export function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

/** "China’s", "United States’": a name ending in s takes the apostrophe alone. */
export function possessive(name: string): string {
  return name.endsWith('s') ? `${name}’` : `${name}’s`;
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export const TOP = {
  roundLine: (round: number, rounds: number, date: string) => `Round ${round} of ${rounds} — ${date}`,
  playingAs: (power: string) => `You are ${power}`,
  rules: 'Rules',
  quit: 'Quit',
  skipToMove: 'Skip to your move',
};

/** A spectator's game screen: what it says instead of a seat's move. */
export const WATCH = {
  banner: 'You are watching',
  seatLine: 'Watching this match',
  skipTo: 'Skip to the match status',
  explain: 'You see what every player sees: the map, the tracks, the headline, each round\'s reveal and the log. Hands, orders and secret agendas stay with the players.',
  ordersBeingChosen: 'The players are choosing their orders.',
};

export const PROMPT = {
  chooseOrders: (count: number, power: string) => `Choose ${numberWord(count)} orders for ${power}`,
  ordersLocked: 'Orders locked in',
  ordersQueued: 'Orders locked in, not sent yet: offline',
  decisionQueued: 'Choice made, not sent yet: offline',
  decide: (prompt: string) => `Decide: ${prompt}`,
  decided: 'Choice made',
  othersDeciding: (names: readonly string[]) => `${listText(names)} ${names.length === 1 ? 'is' : 'are'} deciding`,
  waitingFor: (names: readonly string[]) => `Waiting for ${listText(names)}…`,
  gameOver: 'The game is over',
};

export const PANEL = {
  top: 'Game status',
  tracks: 'Tracks',
  headline: 'Headline',
  crisis: 'Crisis',
  yourMove: 'Your move',
  hand: 'Your hand',
  scores: 'Scores',
  objectives: 'Your objectives',
  agenda: 'Your secret agenda',
  relations: 'Relations',
  theatres: 'Theatres and forces',
  reveal: 'Last round',
  log: 'Game log',
  map: 'Map of East Asia',
};

export const TRACK_TEXT = {
  range: (min: string, max: string) => `(range ${min} to ${max})`,
  historyLabel: (name: string, points: readonly string[]) => `${name} over the game: ${points.join(', ')}`,
  point: (label: string, value: string) => `${label} ${value}`,
  start: 'start',
  afterRound: (round: number) => `round ${round}`,
  now: 'now',
  crisisMark: (at: number) => `crisis at ${at}`,
  warMark: (at: number) => `war at ${at}`,
};

export const CARD_TEXT = {
  hypothetical: 'Hypothetical',
  hypotheticalHelp: 'This card imagines what might have happened next; it is not history.',
  effect: 'Effect',
  decidedBy: (names: readonly string[]) => (names.length === 1 ? `${names[0]} decides.` : `${listText(names)} decide, secretly and at the same time.`),
  outcomeAll: (label: string) => `If all choose “${label}”`,
  outcomeAny: (label: string) => `If anyone chooses “${label}”`,
  question: 'To discuss',
  said: (who: string) => `— ${who}`,
  cost: (n: number) => `Cost ${n}`,
  targets: (names: readonly string[]) => `Aimed at ${listText(names)}`,
  playable: 'Playable now',
  inDraft: (index: number) => `Chosen as order ${index}`,
  notNow: 'Cards are played as orders in the orders step.',
  emptyHand: 'No cards in hand.',
  secret: 'Secret',
  agendaPoints: (n: number) => `${plural(n, 'point', 'points')} at the end of the game if met`,
};

export const DECISION_TEXT = {
  yourChoice: (label: string) => `You chose “${label}”. The choices are revealed together.`,
  othersDeciding: (names: readonly string[], prompt: string) => `${listText(names)} ${names.length === 1 ? 'is' : 'are'} deciding: ${prompt}`,
  ordersNext: 'Orders come after the decision.',
  offline: 'The game is offline. A choice made now is kept on this device and sent as soon as the connection comes back.',
  offlineOption: 'Offline: sent when the connection is back',
  queued: (label: string) => `You chose “${label}”. Not sent yet: the game is offline. It goes to the server as soon as the connection comes back.`,
};

export const ORDER_TEXT = {
  chooseKind: 'Choose an order',
  chooseForm: (kind: string) => `${kind}: choose one`,
  chosenHeading: 'Your orders',
  counter: (n: number, limit: number) => `${n} of ${limit} chosen`,
  slot: (n: number, limit: number) => `${n}/${limit}`,
  remove: 'Remove',
  removeLabel: (order: string) => `Remove order: ${order}`,
  capital: (have: number, left: number) => `Capital ${have} · left after these orders: ${left}`,
  cost: (n: number) => (n === 0 ? 'free' : `cost ${n}`),
  submit: 'Lock in orders',
  submitOffline: 'Lock in orders (offline: sent when the connection is back)',
  offlineHint: 'The game is offline. Your choices are kept on this device; orders locked in now are sent as soon as the connection comes back.',
  queued: 'Orders locked in, not sent yet: the game is offline. They go to the server as soon as the connection comes back.',
  submitHelp: (limit: number) => `Choose exactly ${numberWord(limit)} orders to lock them in.`,
  locked: (names: readonly string[]) =>
    names.length ? `Orders locked in — waiting for ${listText(names)}…` : 'Orders locked in.',
  lockedList: 'You ordered:',
  aidAmount: (n: number) => `${n}`,
  aidHint: 'How much Capital to give, to whom:',
  pickOnMap: 'or pick a theatre on the map',
  refusedHeading: 'Not possible now',
  everyCardChosen: 'Every card in your hand is already one of your orders.',
  // Orders in words, shared by the builder, the reveal and the debrief.
  engage: (target: string) => `Engage ${target}`,
  pressure: (target: string) => `Pressure ${target}`,
  aid: (target: string, amount: number) => `Aid ${target} with ${amount} Capital`,
  deploy: (theatre: string) => `Deploy a force to ${theatre}`,
  withdraw: (theatre: string) => `Withdraw a force from ${theatre}`,
  buildForce: 'Build a force',
  /** The scenario's own numbers (rules.missileTest): a teacher's rules are worded as they play. */
  buildCapability: (capability: number, tension: number) => `Test a missile (Capability ${signed(capability)}, Tension ${signed(tension)})`,
  card: (title: string) => `Play “${title}”`,
  cardOn: (title: string, target: string) => `Play “${title}” on ${target}`,
  cardAt: (title: string, target: string) => `${title} → ${target}`,
  hold: (gain: number) => (gain > 0 ? `Hold (+${gain} Capital)` : 'Hold (no order)'),
};

export const SCORE_TEXT = {
  vp: 'VP',
  capital: 'Capital',
  reserve: 'Reserve',
  cards: 'Cards',
  power: 'Power',
  you: '(you)',
  caption: 'Victory points and public resources of every power',
  met: '✓ met now',
  notMet: '✗ not met now',
  points: (n: number) => `${signed(n)}`,
  onTrack: '✓ on track now',
  offTrack: '✗ not on track now',
  scoredEachRound: 'Scored at the end of every round.',
};

export const RELATION_TEXT = {
  north: 'Northern triangle',
  south: 'Southern triangle',
  across: 'Across the blocs',
  pair: (a: string, b: string) => `${a} – ${b}`,
  /** A word for each relation value, in the same five bands the map draws its lines in. */
  word: (value: number): string => (value >= 2 ? 'allied' : value === 1 ? 'friendly' : value === 0 ? 'neutral' : value === -1 ? 'cool' : 'hostile'),
};

export const THEATRE_TEXT = {
  offMap: '(off the map)',
  empty: 'No forces',
  unknown: (n: number) => plural(n, 'unknown unit', 'unknown units'),
  stack: (power: string, n: number) => `${power} ${n}`,
  covertOwn: (n: number) => `${n} hidden`,
  pick: (theatre: string, order: string) => `${order}: ${theatre}`,
  select: (theatre: string) => `Show ${theatre} on the map`,
  help: 'Choose a theatre to highlight it on the map. While you are choosing where to deploy or withdraw, choosing a theatre picks it.',
};

export const REVEAL_TEXT = {
  heading: (round: number) => `What happened in round ${round}`,
  none: 'When every power has locked in its orders, this panel shows what each one ordered and what changed.',
  events: 'What followed',
  changes: 'Over the round',
  trackChange: (name: string, from: number, to: number) => `${name} ${from} → ${to}`,
  scored: (vp: number, labels: readonly string[]) => `${signed(vp)} VP${labels.length ? `: ${labels.join('; ')}` : ''}`,
  noOrders: 'no orders',
  choices: (card: string) => `Decisions: ${card}`,
  chose: (name: string, label: string) => `${name}: “${label}”`,
};

export const EFFECT_TEXT = {
  you: 'you',
  your: 'your',
  theTarget: 'the target',
  theChooser: 'the chooser',
  track: (track: string, delta: number) => `${track} ${signed(delta)}`,
  relation: (a: string, b: string, delta: number) => `${a}–${b} relation ${signed(delta)}`,
  relationOf: (whose: string, other: string, delta: number) => `${whose[0]!.toUpperCase()}${whose.slice(1)} relation with ${other} ${signed(delta)}`,
  capital: (who: string, delta: number) => `Capital ${signed(delta)} for ${who}`,
  transfer: (from: string, to: string, amount: number) => `${from} gives ${to} up to ${amount} Capital`,
  income: (who: string, delta: number) => `Income ${signed(delta)} for ${who}`,
  vp: (who: string, delta: number) => `${signed(delta)} VP for ${who}`,
  forces: (who: string, delta: number, theatre: string, covert: boolean) =>
    `${who}: ${signed(delta)} ${Math.abs(delta) === 1 ? 'force' : 'forces'} ${delta > 0 ? 'at' : 'from'} ${theatre}${covert ? ' (hidden from others)' : ''}`,
  reserve: (who: string, delta: number) => `Reserve forces ${signed(delta)} for ${who}`,
  revealAt: (theatre: string) => `Reveal hidden forces at ${theatre}`,
  revealAll: 'Reveal every hidden force',
  cancelCards: (whose: string) => `Cancel ${whose} cards this round`,
  shield: (whose: string) => `None of ${whose} relations can fall this round`,
  setFlag: (flag: string) => `Now in force: ${flag}`,
  clearFlag: (flag: string) => `No longer in force: ${flag}`,
};

/** One sentence per log code; `P` is a power's name, `T` a target's. */
export const LOG_TEXT = {
  start: 'The game begins.',
  headline: (title: string) => `Headline: ${title}.`,
  chose: (p: string, label: string, card: string) => `${p} chose “${label}” (${card}).`,
  outcome: (card: string, text: string) => `${card}: ${text}`,
  reveal: 'All orders are revealed.',
  summit: (p: string, t: string) => `Summit: ${p} and ${t} engaged each other.`,
  relation: (p: string, t: string, delta: number) =>
    `${p}–${t} relations ${delta > 0 ? 'improve' : 'worsen'} by ${Math.abs(delta)}.`,
  shieldHeld: (p: string, t: string) => `${possessive(p)} shield holds: its relation with ${t} does not fall.`,
  track: (track: string, delta: number, by: string | null) =>
    `${track} ${delta > 0 ? 'rises' : 'falls'} by ${Math.abs(delta)}${by ? ` (${by})` : ''}.`,
  crisisProvoked: (p: string) => `${p}'s provocation sparks a crisis.`,
  crisisSlip: (p: string, n: number) => `The standoff slips out of control: ${p} stood firm, and Tension rises by ${n} more.`,
  capabilityStalled: (p: string, at: number) => `${p}'s programme stalls at Capability ${at}: it needs Russian help to go further.`,
  war: (by: string | null) => `War breaks out on the Korean peninsula${by ? `; ${by} pushed the region over the edge` : ''}.`,
  aid: (p: string, t: string, n: number) => `${p} sends ${n} Capital to ${t}.`,
  sanction: (p: string, t: string) => `${p} sanctions ${t}: ${t} loses Capital.`,
  build: (p: string) => `${p} builds a new force.`,
  deploy: (p: string, theatre: string) => `${p} deploys a force to ${theatre}.`,
  withdraw: (p: string, theatre: string) => `${p} withdraws a force from ${theatre}.`,
  card: (p: string, card: string) => `${p} plays “${card}”.`,
  cardOn: (p: string, card: string, t: string) => `${p} plays “${card}” on ${t}.`,
  cardCancelled: (p: string, card: string) => `${possessive(p)} card “${card}” is cancelled.`,
  cancelCards: (p: string, t: string) => `${p} cancels ${possessive(t)} cards this round.`,
  shield: (p: string) => `None of ${possessive(p)} relations can fall this round.`,
  capital: (p: string, delta: number) => `${p} ${delta >= 0 ? 'gains' : 'loses'} ${Math.abs(delta)} Capital.`,
  income: (p: string, delta: number) => `${possessive(p)} income ${delta >= 0 ? 'rises' : 'falls'} by ${Math.abs(delta)}.`,
  capitalLapsed: (p: string, n: number) => `${p} could not carry ${n} unspent Capital into the next round: it lapses.`,
  vp: (p: string, delta: number) => `${p} ${delta >= 0 ? 'gains' : 'loses'} ${plural(Math.abs(delta), 'victory point', 'victory points')}.`,
  forces: (p: string, delta: number, theatre: string) =>
    delta >= 0 ? `${plural(delta, `${p} force arrives`, `${p} forces arrive`)} at ${theatre}.` : `${plural(-delta, `${p} force leaves`, `${p} forces leave`)} ${theatre}.`,
  covertArrival: (theatre: string) => `Unknown units arrive at ${theatre}.`,
  reserve: (p: string, delta: number) => `${possessive(p)} reserve ${delta >= 0 ? 'grows' : 'shrinks'} by ${Math.abs(delta)}.`,
  revealed: (p: string, n: number, theatre: string) => `Revealed: ${plural(n, `${p} unit`, `${p} units`)} at ${theatre}.`,
  crisis: (title: string) => `Crisis: ${title}.`,
  scored: (p: string, n: number) => `${p} scores ${plural(n, 'point', 'points')}.`,
  gameOver: 'The game is over.',
  // Control's commands in a classroom exercise (game/control.ts).
  paused: 'Control paused the exercise.',
  resumed: 'Control resumed the exercise.',
  timerSet: (seconds: number) => (seconds === 0 ? 'Control removed the timer.' : `Control set the timer to ${seconds} seconds.`),
  timerExtended: (seconds: number) => `Control added ${seconds} seconds to the timer.`,
  advanced: 'Control moved the step on.',
  headlineQueued: 'Control put a headline on top for a coming round.',
  injected: (title: string) => `Inject: ${title}.`,
  adjudicated: (what: string, value: string, reason: string) => `Control set ${what} to ${value}: ${reason}`,
  ended: 'Control ended the exercise.',
  unknown: (code: string) => `(${code})`,
  roundHeading: (round: number) => (round === 0 ? 'Before the game' : `Round ${round}`),
};

export const HANDOVER_TEXT = {
  title: (power: string) => `Pass the device to ${power}`,
  body: (power: string) => `The next turn is ${possessive(power)}. Everyone else, please look away while ${power} plays: its hand and agenda are secret.`,
  ready: (power: string) => `I am ${power} — show my turn`,
};

export const PROBLEM_TEXT = {
  classroomBroken: {
    title: 'This classroom page could not be opened',
    body: 'Something went wrong while loading the exercise page. Check the link or code with your teacher, or go back to the start screen.',
    action: 'Back to the start screen',
  },
  scenarioBroken: {
    title: 'The game’s scenario could not be loaded',
    body: 'The scenario file has a mistake, so the game cannot start. Reload the page to try again; if it keeps happening, the scenario needs fixing.',
    action: 'Reload',
  },
  saveDoesNotReplay: {
    title: 'Your saved game could not be restored',
    body: 'The saved game no longer fits this version of the game, so it cannot be replayed. You can start a fresh game.',
    action: 'Start fresh',
  },
};

export const MESSAGE = {
  refused: (reason: string) => `Not accepted: ${reason}`,
};
