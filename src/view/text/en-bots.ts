/**
 * The words of the bots' rationales in English: one line per decision, in plain words
 * ("China engages North Korea to keep its buffer."). Power names come from en.ts;
 * card titles, option labels and theatre names from the scenario file.
 */
import { POWER_NAME } from './en.js';

/** Each doctrine posture's goal, as the end of a sentence ("… to keep its buffer"). */
export const POSTURE_GOAL = {
  avertWar: 'to pull the region back from the brink of war',
  chnCalmBlocs: 'to keep the region from splitting into two blocs',
  chnReclaimBuffer: 'to keep its buffer',
  chnDrivingSeat: 'to stay in the driving seat',
  chnSteady: 'to stay close to Moscow without breaking with Washington',
  rusPushFront: 'to win ground in Ukraine',
  rusBeijingFirst: 'to keep Beijing close',
  rusSplitSouth: 'to pry the southern triangle apart',
  rusFrontAndBeijing: 'to hold the front and keep Beijing on side',
  prkCourtPatrons: 'to win back a patron before its purse closes',
  prkRewardPatron: 'to keep the patron who paid coming back',
  prkBuildDeterrent: 'to build its deterrent while the peninsula is calm',
  prkPlayPatrons: 'to play its patrons off against each other',
  usaMendAlliance: 'to hold the Camp David partners together',
  usaUkraineHolds: 'to keep Ukraine standing',
  usaDeter: 'to deter Pyongyang',
  usaSolidarity: 'to keep the southern triangle solid',
  jpnLowerTemperature: 'to lower the temperature around Japan',
  jpnAllianceFirst: 'to keep the alliance firm',
  jpnGuardHome: 'to guard its home waters',
  jpnSteady: 'to keep the region calm and the alliance firm',
  korCalmPeninsula: 'to calm the peninsula',
  korDeter: 'to starve the North\'s missile programme of money',
  korAllianceFirst: 'to keep the alliance with Washington solid',
  korTradeWithBeijing: 'to keep its biggest trade partner close',
  korSecurityAndProsperity: 'for security and prosperity',
} as const;
export type PostureId = keyof typeof POSTURE_GOAL;

type Target = keyof typeof POWER_NAME;

/**
 * Goals for the objectives of the shipped scenario, by objective id. An objective not
 * listed (a teacher's own scenario) is named by its label instead.
 */
export const OBJECTIVE_GOAL: Record<string, string> = {
  'chn-low-polarisation': 'to keep the region from splitting into two blocs',
  'chn-buffer-influence': 'to keep its buffer',
  'chn-low-tension': 'to keep the peninsula calm',
  'chn-balance': 'to stay close to Moscow without breaking with Washington',
  'rus-front': 'to win ground in Ukraine',
  'rus-beijing': 'to keep Beijing close',
  'rus-pyongyang': 'to keep Pyongyang on side',
  'rus-split-south': 'to pry the southern triangle apart',
  'prk-money': 'for the money',
  'prk-capability': 'to advance its missile programme',
  'prk-two-patrons': 'to keep both its patrons',
  'usa-trilateral': 'to hold the Camp David partners together',
  'usa-ukraine': 'to keep Ukraine standing',
  'usa-deterrence': 'to deter Pyongyang',
  'jpn-low-tension': 'to lower the temperature around Japan',
  'jpn-alliance': 'to keep the alliance firm',
  'jpn-deterrence': 'to guard its home waters',
  'kor-low-tension': 'to calm the peninsula',
  'kor-alliance': 'to keep the alliance with Washington solid',
  'kor-china-trade': 'to keep its biggest trade partner close',
  'kor-deterrence': 'to keep the North\'s arsenal in check',
};

export const MOTIVE_GOAL = {
  objective: (label: string) => `to meet its objective “${label}”`,
  agenda: 'with its secret aim in mind',
  means: 'to keep its Capital and forces in hand',
  prestige: 'for the prestige it brings',
  safety: 'to keep clear of war',
};

/** An order as a bot's sentence says it, after the power's name. */
export const BOT_ORDER = {
  engage: (target: Target) => `engages ${POWER_NAME[target]}`,
  pressure: (target: Target) => `puts pressure on ${POWER_NAME[target]}`,
  aid: (target: Target, amount: number) => `sends ${POWER_NAME[target]} ${amount} Capital`,
  deploy: (theatre: string) => `deploys a force to the ${theatre}`,
  withdraw: (theatre: string) => `pulls a force back from the ${theatre}`,
  buildForce: 'builds a new force',
  buildCapability: 'tests a missile',
  card: (title: string) => `plays “${title}”`,
  cardOn: (title: string, target: Target) => `plays “${title}” on ${POWER_NAME[target]}`,
  hold: 'holds',
};

export const BOT_SAYS = {
  /** Normal: the lead order and the posture's goal. */
  orders: (power: Target, order: string, goal: string) => `${POWER_NAME[power]} ${order} ${goal}.`,
  /** Normal, when nothing it weighs tips the balance and a tie is broken at random. */
  ordersWithoutReason: (power: Target, order: string) => `${POWER_NAME[power]} ${order}; nothing else is worth doing just now.`,
  /** Normal: a headline decision. */
  choice: (power: Target, option: string, goal: string) => `${POWER_NAME[power]} chooses “${option}” ${goal}.`,
  choiceWithoutReason: (power: Target, option: string) => `${POWER_NAME[power]} chooses “${option}”; neither way matters much to it.`,
  /** Normal: a crisis, where the first rule is not to be the one who starts a war. */
  crisisCalm: (power: Target, option: string) => `${POWER_NAME[power]} chooses “${option}”: at this Tension, raising it could start a war.`,
  /** Hard: the lead order of the plan that did best when played out against its guesses at the others' hands. */
  searchedOrders: (power: Target, order: string, goal: string | null, plans: number, futures: number) =>
    `${POWER_NAME[power]} ${order}${goal ? ` ${goal}` : ''}: best of ${plans} plans played out in ${futures} imagined rounds.`,
  /** Hard: the option that did best against its guesses at what the others would choose. */
  searchedChoice: (power: Target, option: string, goal: string | null, futures: number) =>
    `${POWER_NAME[power]} chooses “${option}”${goal ? ` ${goal}` : ''}: it did best in ${futures} imagined rounds.`,
  /** Easy: random play with a lean, and it says so. */
  ordersOnAHunch: (power: Target, order: string) => `${POWER_NAME[power]} ${order} on a hunch.`,
  choiceOnAHunch: (power: Target, option: string) => `${POWER_NAME[power]} chooses “${option}” on a hunch.`,
};
