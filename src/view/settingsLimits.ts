/**
 * The host's match settings as the lobby API takes them (src/server/lobby/requests.ts),
 * for the browser, which may not import server code: the limits its forms offer and
 * the values a new match starts with. A unit test keeps the limits equal to the API's.
 */
export const SETTING_LIMITS = {
  graceSeconds: { min: 0, max: 3600 },
  roundSeconds: { min: 5, max: 3600 },
} as const;

/**
 * A classroom exercise's limits, one source for Control's create form and the exercise
 * API (exercise/requests.ts). Five seconds is the shortest orders timer a room can react
 * to; a scenario has at most 20 rounds.
 */
export const EXERCISE_LIMITS = {
  teamSize: { min: 1, max: 8 },
  rounds: { min: 1, max: 20 },
  orderSeconds: { min: 5 },
} as const;

/** What the create form offers first: the server's own defaults (service.ts); the form always sends all three. */
export const NEW_MATCH_SETTINGS = { chat: true, graceSeconds: 60, roundSeconds: null as number | null };

/** What the round timer offers when the host turns it on: five minutes. */
export const SUGGESTED_ROUND_SECONDS = 300;
