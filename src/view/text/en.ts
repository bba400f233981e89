/**
 * Every word of the interface in English, in one place, ready for translation.
 * (Card, objective and agenda texts live in the scenario file, which is per language.)
 */
import type { PowerId } from '../../game/powers.js';
import type { Reason } from '../../game/reasons.js';
import type { OrderKind, TrackId } from '../../game/types.js';
import type { Rules } from '../../scenario/schema.js';

export const POWER_NAME: Record<PowerId | 'UKR', string> = {
  CHN: 'China',
  RUS: 'Russia',
  PRK: 'North Korea',
  USA: 'United States',
  JPN: 'Japan',
  KOR: 'South Korea',
  UKR: 'Ukraine',
};

export const TRACK_NAME: Record<TrackId, string> = {
  tension: 'Tension',
  polarisation: 'Polarisation',
  front: 'Ukraine Front',
  capability: 'NK Capability',
};

/** Read from the scenario's rules, as ORDER_HELP is: a teacher's own thresholds are described as they play. */
export const TRACK_HELP: Record<TrackId, (rules: Rules) => string> = {
  tension: (r) =>
    `Risk of war on the Korean peninsula. A crisis at ${r.crisisAt}${r.crisisEvents ? ` (from ${r.crisisEvents.from}, a provocation may spark one)` : ''}, war at ${r.warAt}.`,
  polarisation: () => 'How far the region has split into two blocs.',
  front: () => 'The war in Ukraine: positive when Russia gains.',
  capability: () => "North Korea's nuclear and missile programme.",
};

export const ORDER_NAME: Record<OrderKind, string> = {
  engage: 'Engage',
  pressure: 'Pressure',
  aid: 'Aid',
  deploy: 'Deploy',
  withdraw: 'Withdraw',
  build: 'Build',
  card: 'Play a card',
  hold: 'Hold',
};

/** A change with its sign: +1, -1. */
const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** What each order does, with the numbers the scenario's rules set (a teacher's scenario may set others). */
export const ORDER_HELP: Record<OrderKind, (rules: Rules) => string> = {
  engage: (r) =>
    `Relation ${signed(r.relationSteps.engage)} (a summit, ${signed(r.relationSteps.summit)}, if they engage you too). Across the blocs it lowers Polarisation.`,
  pressure: (r) => `Relation ${signed(r.relationSteps.pressure)} and they lose ${r.sanction} Capital. Across the blocs it raises Polarisation.`,
  aid: (r) =>
    `Give Capital. ${r.aidRelationThreshold} or more also improves the relation. Every ${r.ukraineAidPerFront} Capital sent to Ukraine (by everyone together) pushes the Front back 1.`,
  deploy: () => 'Move a force from your reserve into a theatre. Next to a hostile power it raises Tension.',
  withdraw: () => 'Bring a force home. Pulling back from a hostile power eases Tension.',
  build: (r) =>
    `A new force in reserve; North Korea may test a missile instead (Capability ${signed(r.missileTest.capability)}, Tension ${signed(r.missileTest.tension)}).`,
  card: () => 'Play a policy card from your hand.',
  hold: (r) =>
    `${r.holdGain > 0 ? `Save: +${r.holdGain} Capital.` : 'Do nothing with this order.'}${r.capitalCarry === undefined ? '' : ` Capital above ${r.capitalCarry} rounds of your income lapses at the end of each round.`}`,
};

/** Why something is refused, in words. */
export function reasonText(reason: Reason): string {
  switch (reason.code) {
    case 'notYourTurn':
      return 'Not now: the round is at another step.';
    case 'alreadySubmitted':
      return 'Already locked in for this step.';
    case 'gameOver':
      return 'The game is over.';
    case 'notDeciding':
      return 'This decision is for other powers.';
    case 'noSuchOption':
      return `"${reason.option}" is not one of the choices.`;
    case 'allOrdersChosen':
      return `All ${reason.limit} orders are chosen. Remove one to change your mind.`;
    case 'wrongOrderCount':
      return `Choose exactly ${reason.limit} orders (${reason.given} given).`;
    case 'malformedOrder':
      return `Order ${reason.index + 1} is not a valid order.`;
    case 'illegalOrder':
      return `Order ${reason.index + 1}: ${reasonText(reason.why)}`;
    case 'notEnoughCapital':
      return `Needs ${reason.need} Capital; ${reason.have} left.`;
    case 'noReserve':
      return 'No forces left in reserve.';
    case 'noForcesThere':
      return 'You have no forces there.';
    case 'garrison':
      return 'This garrison must keep at least one force here.';
    case 'theatreClosed':
      return 'Only Russia and North Korea fight at the Ukraine Front.';
    case 'alreadyTargeted':
      return 'You already have an order aimed at them this round.';
    case 'selfTarget':
      return 'An order cannot be aimed at yourself.';
    case 'badTarget':
      return 'That card cannot be aimed there.';
    case 'badAmount':
      return `Aid is a whole amount from 1 to ${reason.max}.`;
    case 'capabilityMaxed':
      return 'Capability is already at its maximum.';
    case 'capabilityNeedsHelp':
      return `At Capability ${reason.at} the programme needs Russian help to go on.`;
    case 'onlyNorthKorea':
      return 'Only North Korea can test missiles.';
    case 'cannotAidUkraine':
      return 'Russia and North Korea cannot aid Ukraine.';
    case 'notInHand':
      return 'That card is not in your hand.';
    case 'cardAlreadyChosen':
      return 'Already one of your orders this round.';
    case 'cardRequirement':
      return 'The card\'s condition is not met yet.';
    case 'emptyHand':
      return 'No cards in hand.';
    case 'draftUnchanged':
      return 'The team\'s draft already has these orders.';
    case 'spectating':
      return 'You are watching this match: only its players can act.';
    case 'malformedCommand':
      return `The command's "${reason.field}" is missing or not valid.`;
    case 'outOfRange':
      return `"${reason.field}" must be from ${reason.min} to ${reason.max}.`;
    case 'badText':
      return `Write the ${reason.field} (at most ${reason.max} characters).`;
    case 'alreadyPaused':
      return 'The exercise is already paused.';
    case 'notPaused':
      return 'The exercise is not paused.';
    case 'noTimer':
      return 'No timer is running for this step: set one first.';
    case 'unknownHeadline':
      return 'This scenario has no such headline.';
    case 'headlineUsed':
      return 'That headline was already shown or is already waiting on top.';
    case 'noRoundLeft':
      return 'Every round still to come already has a headline put on top.';
    case 'badEffect':
      return `Effect ${reason.index + 1}: ${
        reason.why === 'malformed'
          ? 'not one of the effects cards use.'
          : reason.why === 'namesSelfOrTarget'
            ? 'an inject has no SELF or TARGET; name the power.'
            : 'this scenario has no such theatre.'
      }`;
  }
}

// ---------------------------------------------------------------------------
// The map (src/client/map). Theatre names come from the scenario file.
// ---------------------------------------------------------------------------

export const MAP_TEXT = {
  /** Capital markers, where relations are drawn from; off-map capitals point past the edge they sit on. */
  place: {
    CHN: 'Beijing',
    RUS: '← Russia (Moscow)',
    PRK: 'Pyongyang',
    USA: 'United States (Washington) →',
    JPN: 'Tokyo',
    KOR: 'Seoul',
  } satisfies Record<PowerId, string>,
  /** Countries printed on the land that are not powers (the powers' own names come from POWER_NAME). */
  country: { MNG: 'Mongolia', TWN: 'Taiwan' } as Partial<Record<string, string>>,
  /** Waters and islets that are not theatres. Disputed names are shown both ways. */
  label: {
    okhotsk: 'Sea of Okhotsk',
    philippineSea: 'Philippine Sea',
    southChinaSea: 'South China Sea',
    dokdo: 'Dokdo / Takeshima',
    senkaku: 'Senkaku / Diaoyu Islands',
    kurils: 'Southern Kurils / Northern Territories',
  } as Partial<Record<string, string>>,
  /** Marks on force counters, so a counter reads without its colour. */
  counterMark: { CHN: 'CN', RUS: 'RU', PRK: 'NK', USA: 'US', JPN: 'JP', KOR: 'SK' } satisfies Record<PowerId, string>,
  unknownMark: '?',
  relation: { allied: 'Allied', friendly: 'Friendly', neutral: 'Neutral', cool: 'Cool', hostile: 'Hostile' },
  relationsTitle: 'Relations',
  offMap: 'off the map',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  zoomFit: 'Show the whole map',
  credit: 'Made with Natural Earth',
  boundaries: 'Boundaries as they stand on the ground; disputed names shown both ways.',
  canvasLabel: 'Map of East Asia. Drag or use the arrow keys to move, + and − to zoom, 0 to see the whole map. Choose a theatre by its name.',
  forces: (power: string, count: number, covert: number) =>
    `${power}: ${count} ${count === 1 ? 'force' : 'forces'}${covert > 0 ? ` (${covert} covert, hidden from the others)` : ''}`,
  unknown: (count: number) => `${count} unknown ${count === 1 ? 'force' : 'forces'}`,
  theatre: (label: string, contents: string[]) => (contents.length > 0 ? `${label}: ${contents.join('; ')}` : `${label}: no forces`),
};
