/**
 * Every word of a student's pages in a classroom exercise, in English: joining a team,
 * the team's waiting room, the role brief, and what a team member sees over the game
 * (the clock, who locks in). Problems shared by the classroom pages are in en-classroom.ts.
 */
import { listText, plural } from './en-game.js';

const points = (n: number) => plural(n, 'point', 'points');

export const TEAM_ENTRY = {
  title: 'Join a class exercise',
  hint: 'Your teacher gives you a code.',
  codeLabel: 'Exercise code',
  join: 'Join',
};

export const TEAM_JOIN = {
  title: (code: string) => `Class exercise ${code}`,
  intro: 'Your teacher is running a class exercise. Type the name your class will see, then join a team. No account or e-mail is needed.',
  nameLabel: 'Your name',
  nameHint: 'Shown to your team and your teacher.',
  nameMissing: 'Type your name before you join.',
  teamLegend: 'Your team',
  teamHint: 'Each team plays one power. Your teacher may move you to another team.',
  balance: 'Put me where I am needed',
  balanceHint: 'The team with fewest members',
  teamCount: (count: number, size: number) => `${count} of ${size} members`,
  teamFull: 'Full',
  noRoom: 'Every team is full. Ask your teacher to make room.',
  join: 'Join the team',
  joining: 'Joining…',
  startedNote: 'The exercise has already started: you join your team in the middle of it.',
  over: 'This exercise is over.',
  back: 'Back to the start screen',
  lostPlace: 'This device is no longer on a team in this exercise. Join again.',
};

export const TEAM_ROOM = {
  title: (power: string) => `Team ${power}`,
  youAre: (name: string) => `You are ${name}.`,
  membersTitle: 'Your team',
  captain: 'captain',
  you: 'you',
  captainRole: (captain: string) => `${captain} is the captain: everyone drafts the team's orders together, and the captain locks them in.`,
  youCaptain: 'You are the captain: everyone drafts the team\'s orders together, and you lock them in.',
  waiting: 'Waiting for your teacher to start the exercise…',
  readBrief: 'Read your role brief with your team while you wait.',
  moved: (power: string) => `Your teacher moved you to team ${power}.`,
};

export const TEAM_BRIEF = {
  title: (power: string) => `Role brief: ${power}`,
  scenario: (title: string) => `Exercise: ${title}`,
  interestsTitle: 'What you want',
  peopleTitle: 'Key people and voices',
  bloc: (partners: readonly string[]) => `You stand with ${listText(partners)}.`,
  objectivesTitle: 'Objectives, scored at the end of every round',
  objectivePoints: (n: number) => points(n),
  perAidPoints: (n: number, per: number, max?: number) => `${points(n)} for each ${per} Capital${max === undefined ? '' : `, at most ${points(max)} a round`}`,
  startTitle: 'Where you start',
  capital: (n: number) => `Capital: ${n}`,
  income: (n: number) => `Income: ${n} a round`,
  reserve: (n: number) => `Forces in reserve: ${n}`,
  relationsTitle: 'Your relations at the start',
  relation: (power: string, value: string, word: string) => `${power}: ${value} (${word})`,
  agendaTitle: 'Secret agenda: for your team only',
  agendaPending: 'Your secret agenda appears here once this device has reached the exercise.',
  open: 'Role brief',
  print: 'Print the brief',
  close: 'Close',
};

export const TEAM_PLAY = {
  noTimer: 'No timer: your teacher moves the exercise on.',
  timeLeft: (time: string) => `${time} left`,
  paused: (time: string | null) => (time ? `Paused by your teacher, ${time} left` : 'Paused by your teacher'),
  timeUp: 'Time is up: the draft is being locked in.',
  lockOnTime: 'When time runs out, your team\'s draft is locked in as it stands; missing orders become holds.',
  sharedDraft: 'Everyone on your team edits these orders; each change shows on every team device.',
  onlyCaptainOrders: (captain: string) => `Only your captain, ${captain}, can lock in the team's orders.`,
  onlyCaptainDecides: (captain: string) => `Only your captain, ${captain}, chooses for the team. Talk it over first.`,
};
