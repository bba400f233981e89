import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../src/server/config.js';
import { DEFAULT_LIMITS } from '../../src/server/limits.js';

const read = (env: Record<string, string>) => readConfig(env, { clientDir: null });

describe('server settings from the environment', () => {
  it('takes each limit from its variable, and keeps the defaults of the others', () => {
    const { limits } = read({ LIMIT_SEAT_MOVES: '3,7', MAX_MATCH_MOVES: ' 500 ' });
    expect(limits).toEqual({ ...DEFAULT_LIMITS, seatMoves: { burst: 3, perMinute: 7 }, matchMoves: 500 });
    expect(read({}).limits).toEqual(DEFAULT_LIMITS);
  });

  it('stops on a bad limit with a message naming the variable', () => {
    for (const [name, value] of [
      ['LIMIT_LOOKUP', '100'],
      ['LIMIT_CHAT', '5,0'],
      ['LIMIT_JOIN', 'ten,10'],
      ['LIMIT_ADDRESS_SYNCS', '1.5,3'],
      ['MAX_MATCH_MOVES', '-1'],
    ]) {
      expect(() => read({ [name!]: value! }), `${name}=${value}`).toThrow(ConfigError);
      expect(() => read({ [name!]: value! })).toThrow(new RegExp(`^${name}`));
    }
  });
});
