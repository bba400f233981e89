/** The browser's settings forms offer exactly what the lobby API takes. */
import { describe, expect, it } from 'vitest';
import { settingsRequest } from '../../src/server/lobby/requests.js';
import { NEW_MATCH_SETTINGS, SETTING_LIMITS, SUGGESTED_ROUND_SECONDS } from '../../src/view/settingsLimits.js';

describe('settings limits', () => {
  const shape = settingsRequest.shape.settings.shape;

  it('match the API', () => {
    const grace = shape.graceSeconds.unwrap();
    const round = shape.roundSeconds.unwrap().unwrap();
    expect({ min: grace.minValue, max: grace.maxValue }).toEqual(SETTING_LIMITS.graceSeconds);
    expect({ min: round.minValue, max: round.maxValue }).toEqual(SETTING_LIMITS.roundSeconds);
  });

  it('start from values the API accepts', () => {
    expect(settingsRequest.safeParse({ hostToken: 't', settings: NEW_MATCH_SETTINGS }).success).toBe(true);
    expect(settingsRequest.safeParse({ hostToken: 't', settings: { roundSeconds: SUGGESTED_ROUND_SECONDS } }).success).toBe(true);
  });
});
