/** The scenario a new match uses when none is chosen (the browser and the server agree). */
export const DEFAULT_SCENARIO = '2024-northern-triangle';
