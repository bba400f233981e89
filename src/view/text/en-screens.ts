/**
 * Every word of the start screen, the end screen and the rules dialog, in English.
 * (Power and track names are shared with the game screen and live in en.ts.)
 */
export const START = {
  title: 'Triangles',
  tagline: 'A strategy game about East Asia after North Korea sent troops to fight for Russia',
  pitch:
    'Six powers, eight quarters of a year, one question: will the region snap back into a Cold War — a northern triangle of China, Russia and North Korea facing a southern one of the United States, Japan and South Korea — or can someone stop it? Each round a real headline lands on the table, every power secretly chooses three orders at the same time, and all of them are revealed together. Keep Tension below 10: at 10 war breaks out and everyone loses.',
  rules: 'Rules and glossary',
  scenarioLegend: 'Scenario',
  powerLegend: 'Your power',
  powerHint: 'The other powers are played by bots unless people on this device take them.',
  hotseatLegend: 'Add people on this device (hot-seat)',
  hotseatHint: 'People take turns at this screen; each hand is hidden until its owner says they are ready.',
  you: '(you)',
  botLabel: 'Bots',
  botLevels: { easy: 'Easy: mostly random, leaning to its goals', normal: 'Normal: plays its power\'s interests', hard: 'Hard: plays out the round ahead before it moves' },
  botNote: 'Normal bots follow each power\'s interests as the analysts describe them; Hard bots also play the round out in their heads first; Easy bots are gentler company.',
  seedLabel: 'Seed (optional)',
  seedHint: 'The same seed and the same choices replay the same game. Leave it empty for a fresh one.',
  seedInvalid: 'A seed is 1 to 64 letters, digits, dashes or underscores.',
  seedFromLinkInvalid: (text: string) => `The seed in the link ("${text}") is not valid; a new one will be drawn.`,
  shortForm: (rounds: number) => `Short form: ${rounds} rounds (for a classroom lesson)`,
  start: 'Start the game',
  savedTitle: 'Continue your saved game',
  savedDetail: (when: string, powers: string) => `Saved ${when}. You play ${powers}.`,
  savedReplaced: 'Starting a new game replaces it.',
  resume: 'Continue',
  savedOld: 'Your saved game is from an older version of Triangles and cannot be continued.',
  savedCorrupt: 'Your saved game could not be read.',
  discard: 'Discard it and start fresh',
};

export const END = {
  title: 'Game over',
  warTitle: 'War',
  war: (round: number, culprit: string | null) =>
    culprit
      ? `War broke out in round ${round}. ${culprit} pushed Tension to 10 and loses the most points.`
      : `War broke out in round ${round}. Every power loses points.`,
  noWinnerWar: 'In a war there is no winner. The ranking shows who lost least.',
  winner: (power: string, vp: number) => `${power} wins with ${vp} points.`,
  tie: 'First place is shared: there is no single winner.',
  you: 'you',
  rankingTitle: 'Ranking',
  place: 'Place',
  power: 'Power',
  points: 'Points',
  agenda: 'Secret agenda',
  agendasTitle: 'Secret agendas and objectives',
  agendaMet: (points: number) => `Met: +${points}`,
  agendaMissed: 'Not met',
  objectivesLastRound: (round: number) => `Objectives met in round ${round}:`,
  noObjectives: 'none',
  chartsTitle: 'How the region moved',
  tracksTitle: 'The four tracks',
  relationsTitle: 'Key relations',
  relationsHint: '-3 hostile, 0 neutral, +3 allied.',
  northTriangle: 'The northern triangle',
  southTriangle: 'The southern triangle',
  acrossBlocs: 'Across the blocs',
  showTable: 'Show the numbers as a table',
  start: 'Start',
  round: (n: number) => `R${n}`,
  roundLong: (n: number) => `Round ${n}`,
  crisisLine: 'crisis',
  /** A chart's text equivalent: "Tension: Start 3, R1 4, R2 4." */
  series: (name: string, points: readonly { label: string; value: string }[]) =>
    `${name}: ${points.map((p) => `${p.label} ${p.value}`).join(', ')}.`,
  headlinesTitle: 'The headlines you played',
  hypothetical: 'Hypothetical',
  choices: 'What the powers chose',
  chose: (power: string, option: string) => `${power}: ${option}`,
  happened: 'What really happened',
  question: 'To discuss',
  crisis: 'Crisis',
  newGame: 'New game',
  rules: 'Rules',
  seedLabel: 'This game’s seed',
  seedHint: 'It decided the headlines drawn, every hand and every secret agenda. Start a new game with this seed (the start screen’s Seed field) to replay the same game.',
  copySeed: 'Copy',
  seedCopied: 'Copied.',
  seedSelected: 'Selected: press Ctrl+C (⌘C on a Mac) to copy.',
};

export const RULES = {
  title: 'Rules and glossary',
  close: 'Close',
  glossaryTitle: 'Glossary',
};

/** The words a newcomer meets first, in the order they matter. */
export const GLOSSARY: readonly { term: string; text: string }[] = [
  { term: 'Capital', text: 'Economic and political resources a power spends on orders and cards. Each power gains its income every round; unspent Capital beyond what the scenario lets a power carry (a few rounds of income) lapses at the end of a round.' },
  { term: 'Tension', text: 'The risk of war on the Korean peninsula, 0 to 10. At 8 a crisis card is drawn; at 10 war breaks out and the game ends.' },
  { term: 'Polarisation', text: 'How far the region has split into two blocs, 0 to 10. Engaging across the blocs lowers it; treaties, joint drills and sanctions across the line raise it.' },
  { term: 'Front', text: 'The war in Ukraine, -5 to +5: positive when Russia gains. Russian and North Korean forces at the Ukraine Front push it up; aid to Ukraine pushes it back.' },
  { term: 'Capability', text: 'North Korea\'s nuclear and missile programme, 0 to 10. It rises with missile tests and technology transfers.' },
  { term: 'Theatre', text: 'A place where forces stand: the DMZ, the Yellow Sea, the Sea of Japan / East Sea, the East China Sea, the Western Pacific, the Russian Far East, and the off-map Ukraine Front.' },
  { term: 'Reserve', text: 'Forces a power holds at home, ready to deploy. Build adds one; Withdraw brings one back.' },
  { term: 'Covert forces', text: 'Forces placed face down (North Korea\'s disguised deployment): others see unknown units until a card reveals them.' },
  { term: 'Headline', text: 'The public card revealed at the start of each round, from the scenario\'s timeline. Many ask the powers named on them to decide something.' },
  { term: 'Crisis', text: 'A card drawn when Tension is 8 or more: the powers involved choose to escalate or to calm it.' },
  { term: 'Agenda', text: 'A secret goal dealt to each power, revealed and scored at the end.' },
  { term: 'Bloc', text: 'One of the two triangles: north (China, Russia, North Korea) and south (United States, Japan, South Korea).' },
  { term: 'Summit', text: 'Two powers engage each other in the same round: their relation rises by 2 instead of 1.' },
  { term: 'Orders', text: 'The three things each power does in a round, chosen in secret at the same time and revealed together.' },
];

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2024-06" → "June 2024". */
export function monthName(yyyyMm: string): string {
  const [year, month] = yyyyMm.split('-');
  return `${MONTHS[Number(month) - 1] ?? ''} ${year ?? ''}`.trim();
}

export function savedWhen(date: Date): string {
  return Number.isNaN(date.getTime())
    ? 'at an unknown time'
    : `on ${date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })} at ${date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}`;
}

/** A list of names in prose: "China", "China and Japan", "China, Japan and Russia". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export function signed(value: number): string {
  return value > 0 ? `+${value}` : String(value);
}
