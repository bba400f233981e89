/**
 * Who is at the table, as the server stores it, on SQLite and on PostgreSQL: each seat's
 * connection flag follows that seat's own sockets, however many seats connect or leave
 * together, and the seats whose people left go to their bots after the grace period.
 */
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicMatch, type MatchMetadata, type PublicMatch } from '../../src/server/lobby/matchInfo.js';
import type { RunningServer } from '../../src/server/server.js';
import { HeldReads } from '../helpers/heldReads.js';
import { connected, rawSocket } from '../helpers/rawSocket.js';
import { createFullMatch, OPEN_LIMITS, startMatch, startTestServer } from '../helpers/server.js';
import { dropTables, TEST_DATABASE_URL, uniqueName } from '../helpers/services.js';
import { untilAsync } from '../helpers/until.js';

type StoredSeat = PublicMatch['seats'][number];

const DATABASES: [string, () => { databaseUrl?: string; tablePrefix?: string }][] = [
  ['SQLite', () => ({})],
  ['PostgreSQL', () => ({ databaseUrl: TEST_DATABASE_URL, tablePrefix: `${uniqueName('presence')}_` })],
];

describe.each(DATABASES)('presence on %s', (_name, database) => {
  const reads = new HeldReads();
  const settings = database();
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer({ ...settings, limits: OPEN_LIMITS, wrapMasterStore: (store) => reads.wrap(store) });
  });
  afterAll(async () => {
    reads.release();
    await server.close();
    if (settings.tablePrefix) await dropTables(settings.tablePrefix);
  });

  /** Waits until every seat as stored passes `check`; a failure names the seats that do not. */
  async function untilEverySeat(what: string, matchID: string, check: (seat: StoredSeat) => boolean): Promise<PublicMatch> {
    let lagging: StoredSeat[] = [];
    return untilAsync(
      () => `${what} (not yet: ${lagging.map((s) => `${s.power} connected=${s.connected} away=${s.away}`).join(', ')})`,
      async () => {
        const { metadata } = await server.store.fetch(matchID, { metadata: true });
        const match = publicMatch(matchID, metadata as MatchMetadata);
        lagging = match.seats.filter((seat) => !check(seat));
        return lagging.length === 0 && match;
      },
    );
  }

  it('stores every seat as not connected once all six sockets close at once, and hands each to its bot', async () => {
    const { matchID, hostToken, seats } = await createFullMatch(server.url, { settings: { graceSeconds: 0 } });
    await startMatch(server.url, matchID, hostToken);
    const sockets: Socket[] = await Promise.all(
      seats.map(async (seat) => {
        const socket = rawSocket(server.url);
        await connected(socket);
        socket.emit('sync', matchID, seat.playerID, seat.credentials, 6);
        return socket;
      }),
    );
    await untilEverySeat('every seat stored as connected', matchID, (seat) => seat.connected);

    // Should boardgame.io's master read the match record on the disconnects (to write it
    // back), its six reads are answered together: each would act on the record as it was
    // before any of them wrote, as when the sockets' closes reach a busy server together.
    reads.start(matchID, 6);
    sockets.forEach((socket) => socket.close());
    await untilEverySeat('every seat stored as not connected', matchID, (seat) => !seat.connected);
    // The master's reads for the bots' moves to come are not held.
    reads.release();
    // Grace period 0: each seat goes to its bot, and the bots finish the match.
    await untilEverySeat('every seat handed to its bot', matchID, (seat) => seat.away);
    const over = await untilAsync('the bots to finish the match', async () => {
      const { metadata } = await server.store.fetch(matchID, { metadata: true });
      return publicMatch(matchID, metadata as MatchMetadata).over && (metadata as MatchMetadata);
    });
    // The master's write of the result left the seats as they were: gone, played by bots.
    expect(publicMatch(matchID, over).seats.map((s) => [s.power, s.connected, s.away])).toEqual(seats.map((s) => [s.power, false, true]));
  });
});
