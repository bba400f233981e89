/**
 * Every word of online play in English: the lobby, the waiting room, the join and
 * create forms, and what goes wrong with the server, said so a player knows what to do.
 */
export const LOBBY = {
  title: 'Play online',
  intro: 'Play with other people on their own devices. One person creates a match and shares its code; everyone else joins with it.',
  back: 'Back to the start screen',
  backToLobby: 'Back to Play online',
  playOnline: 'Play online',
  playOnlineHint: 'With other people, each on their own device.',
  enterLobby: 'Create or join a match',

  createTitle: 'Create a match',
  scenarioLabel: 'Scenario',
  seatsLegend: 'Seats',
  seatsHint: 'Open seats are for people. An open seat nobody takes is played by its bot once the match starts.',
  seatLabel: (power: string) => `Who plays ${power}`,
  seatOpen: 'Open for a person',
  seatBot: (level: string) => `Bot: ${level}`,
  botLevel: { easy: 'Easy', normal: 'Normal', hard: 'Hard' },
  publicLabel: 'List it publicly, so anyone can find and join it',
  chatLabel: 'Allow chat between players',
  settingsLegend: 'Match settings',
  seconds: 'seconds',
  graceLabel: 'Grace period before a bot stands in for a player whose connection is lost',
  graceHint: (min: number, max: number) => `From ${min} to ${max} seconds. 0 means the bot stands in at once.`,
  graceInvalid: (min: number, max: number) => `The grace period must be a whole number of seconds from ${min} to ${max}.`,
  timerLabel: 'Limit each round with a timer',
  roundSecondsLabel: 'Time for each round',
  roundHint: (min: number, max: number) => `From ${min} to ${max} seconds. When it runs out, bots choose for the players who have not.`,
  roundInvalid: (min: number, max: number) => `The round time must be a whole number of seconds from ${min} to ${max}.`,
  saveSettings: 'Save the settings',
  savingSettings: 'Saving…',
  settingsSaved: 'Settings saved.',
  create: 'Create the match',
  creating: 'Creating…',

  joinTitle: 'Join with a code',
  codeLabel: 'Match code',
  codeHint: 'Six letters and digits, such as K7M2QX. Dashes and spaces do not matter.',
  codeMissing: 'Type the match code first.',
  join: 'Find the match',

  listTitle: 'Public matches waiting for players',
  listEmpty: 'No public matches are waiting right now. Create one, or join with a code.',
  listLoading: 'Looking for matches…',
  refresh: 'Refresh the list',
  listEntry: (scenario: string, open: number) => `${scenario} — ${open} open ${open === 1 ? 'seat' : 'seats'}`,
  open: (code: string) => `Open ${code}`,

  roomTitle: (code: string) => `Match ${code}`,
  codeTitle: 'Code to read out',
  linkTitle: 'Link to share',
  copyLink: 'Copy the link',
  copied: 'Copied.',
  nameLabel: 'Your name',
  nameHint: 'Shown to the other players.',
  nameMissing: 'Type your name before you take a seat.',
  take: (power: string) => `Take ${power}`,
  seatTitle: 'Seats',
  seatColumn: 'Power',
  playerColumn: 'Player',
  statusColumn: 'Status',
  openSeat: 'Open',
  botSeat: (level: string) => `Bot (${level})`,
  standIn: (level: string) => `Bot (${level}) until someone takes it`,
  ready: 'Taken, ready to play',
  connected: 'Connected',
  notConnected: 'Not connected',
  away: 'Away: a bot plays for now',
  /** A taken seat's player, the reader's own marked. */
  player: (name: string, mine: boolean) => (mine ? `${name} (you)` : name),
  youAre: (power: string, name: string) => `You play ${power} as ${name}.`,
  noSeat: 'Choose a seat below, or watch as a spectator.',
  leave: 'Give up the seat',
  watch: 'Watch as a spectator',
  start: 'Start the match',
  startHint: 'Open seats nobody has taken will be played by bots.',
  waitingHost: 'Waiting for the host to start the match…',
  startedJoin: 'This match has started. Take a seat a bot is keeping warm, or watch.',
  over: 'This match is over.',
  settings: (s: { chat: boolean; graceSeconds: number; roundSeconds: number | null }) =>
    [
      s.chat ? 'Chat is on.' : 'Chat is off.',
      `A bot stands in ${s.graceSeconds === 0 ? 'at once' : `after ${duration(s.graceSeconds)}`} for a player whose connection is lost.`,
      s.roundSeconds === null ? 'No round timer.' : `Each round has ${duration(s.roundSeconds)}.`,
    ].join(' '),

  connecting: 'Connecting to the match…',
  connectionLost: 'Connection to the game server lost. Trying to reconnect… Your seat is kept for you.',
  refusedByServer: (why: string) => `The server did not accept that: ${why}`,
  unsent: (type: 'orders' | 'decide', round: number) =>
    type === 'orders'
      ? `Your orders for round ${round} were never sent: when the connection came back, the round no longer waited for them. They did not count.`
      : `Your choice in round ${round} was never sent: when the connection came back, that decision no longer waited for it. It did not count.`,
  roundTimer: (time: string) => `${time} left in this step. Then bots choose for anyone who has not.`,
  roundTimerUp: 'Time is up: bots are choosing for anyone who has not.',
};

/** What went wrong with the game server, in words, with what to do next. */
export const LOBBY_PROBLEM = {
  unreachable: 'The game server cannot be reached. Check your connection, then try again.',
  notFound: (code: string) => `No match has the code ${code}. Check the code and try again.`,
  seatTaken: 'Someone else has just taken that seat. Choose another one.',
  conflict: (why: string) => `That cannot be done now: ${why}.`,
  notAllowed: 'Only the host of this match can do that.',
  busy: 'Too many requests from this device. Wait a minute, then try again.',
  serverTrouble: 'The game server ran into a problem. Try again in a moment.',
  refused: (why: string) => `The server refused the request: ${why}.`,
  unknownScenario: 'This match uses a scenario this page does not have. Reload the page to get the latest version.',
  seatLost: 'This device\'s seat in the match is no longer valid (it was given up or taken). Choose a seat again.',
};

/** 90 → "1 minute 30 seconds". */
function duration(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  const part = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (!minutes) return part(rest, 'second');
  return rest ? `${part(minutes, 'minute')} ${part(rest, 'second')}` : part(minutes, 'minute');
}
