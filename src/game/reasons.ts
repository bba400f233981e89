/**
 * Why an order or a choice is refused, as a code with the numbers a message needs.
 * The words live with the rest of the game's text (src/view), ready for translation.
 */
export type Reason =
  | { code: 'notYourTurn' }
  | { code: 'alreadySubmitted' }
  | { code: 'gameOver' }
  | { code: 'notDeciding' }
  | { code: 'noSuchOption'; option: string }
  | { code: 'allOrdersChosen'; limit: number }
  | { code: 'wrongOrderCount'; limit: number; given: number }
  | { code: 'malformedOrder'; index: number }
  | { code: 'illegalOrder'; index: number; why: Reason }
  | { code: 'notEnoughCapital'; need: number; have: number }
  | { code: 'noReserve' }
  | { code: 'noForcesThere' }
  | { code: 'garrison' }
  | { code: 'theatreClosed' }
  | { code: 'alreadyTargeted' }
  | { code: 'selfTarget' }
  | { code: 'badTarget' }
  | { code: 'badAmount'; max: number }
  | { code: 'capabilityMaxed' }
  /** Capability has reached the milestone past which the programme needs Russian help (rules.capabilityMilestones). */
  | { code: 'capabilityNeedsHelp'; at: number }
  | { code: 'onlyNorthKorea' }
  | { code: 'cannotAidUkraine' }
  | { code: 'notInHand' }
  /** The card is in the hand, but an order already plays it this round. */
  | { code: 'cardAlreadyChosen' }
  | { code: 'cardRequirement' }
  | { code: 'emptyHand' }
  /** A team's draft sent again as it already stands: nothing to save. */
  | { code: 'draftUnchanged' }
  /** Someone watching a match tried to act in it. */
  | { code: 'spectating' }
  // Control's commands (classroom exercises). `field` names the part of the command at fault.
  | { code: 'malformedCommand'; field: string }
  | { code: 'outOfRange'; field: string; min: number; max: number }
  /** A text Control must write (a title, a reason) is missing or longer than `max` characters. */
  | { code: 'badText'; field: string; max: number }
  | { code: 'alreadyPaused' }
  | { code: 'notPaused' }
  | { code: 'noTimer' }
  | { code: 'unknownHeadline' }
  /** The headline was already shown this game or is already waiting on top. */
  | { code: 'headlineUsed' }
  /** Every round still to come already has a headline put on top. */
  | { code: 'noRoundLeft' }
  | { code: 'badEffect'; index: number; why: 'malformed' | 'namesSelfOrTarget' | 'unknownTheatre' };
