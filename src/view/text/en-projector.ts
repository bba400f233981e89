/**
 * Every word of the projector, the big screen a classroom exercise shows the room, in
 * English. Round lines, prompts, card and reveal wording are the game screen's
 * (en-game.ts): the room reads what the teams read.
 */
export const PROJECTOR = {
  pageTitle: (code: string) => `Projector ${code} — Triangles`,
  connecting: 'Connecting to the exercise…',
  reconnecting: 'Connection lost: reconnecting…',
  joinTitle: 'Join the exercise',
  joinHow: 'Scan the code or open the link on your phone or laptop, then type your name.',
  codeLabel: 'Code',
  linkLabel: 'Link',
  qrLabel: (link: string) => `QR code of the link ${link}`,
  qrMissing: 'The QR code could not be drawn: use the link or the code.',
  teamsTitle: 'Teams so far',
  members: (n: number) => (n === 1 ? '1 student' : `${n} students`),
  nobodyYet: 'nobody yet',
  bot: 'played by a bot',
  waitingStart: 'The exercise begins when Control starts it.',
  /** Shown in the corner all game, so a latecomer can still join. */
  joinCorner: 'Join with code',
  timer: 'Time left',
  noTimer: 'No timer',
  paused: 'Paused',
  timeUp: 'Time is up',
  /** The timer's words for a screen reader: "3 minutes 42 seconds left". */
  timerSpoken: (minutes: number, seconds: number) =>
    `${minutes ? `${minutes} minute${minutes === 1 ? '' : 's'} ` : ''}${seconds} second${seconds === 1 ? '' : 's'} left`,
  pausedSpoken: (left: string) => `Paused with ${left} left`,
  overTitle: 'The exercise is over',
  rankingTitle: 'Final ranking',
  place: (n: number) => `${n}.`,
  points: (vp: number) => `${vp} VP`,
  warVerdict: (round: number) => `War broke out in round ${round}.`,
  debriefNext: 'Control opens the debrief next.',
};
