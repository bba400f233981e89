import { describe, expect, it } from 'vitest';
import { roundTimerText } from '../../src/view/roundTimerModel.js';

describe("an online match's round timer", () => {
  const now = 1_000_000;

  it('counts down the step it was set for, rounding a part second up', () => {
    expect(roundTimerText({ step: '1/orders', at: now + 125_400 }, '1/orders', now)).toBe('2:06 left in this step. Then bots choose for anyone who has not.');
  });

  it('says when time is up, and never counts below zero', () => {
    expect(roundTimerText({ step: '1/orders', at: now - 3_000 }, '1/orders', now)).toBe('Time is up: bots are choosing for anyone who has not.');
  });

  it('shows nothing without a timer, or with one set for another step', () => {
    expect(roundTimerText(null, '1/orders', now)).toBeNull();
    expect(roundTimerText({ step: '1/orders', at: now + 60_000 }, '2/orders', now)).toBeNull();
  });
});
