/**
 * The two parts of bench:abuse whose mistakes would pass unseen: counting the junk that
 * reached a SQLite file (a miss would report "0 bytes stored, met"), and the attacker's
 * light parser (it must skip only large messages, and only while asked to).
 */
import { join } from 'node:path';
import type { LogEntry } from 'boardgame.io';
import * as parser from 'socket.io-parser';
import { afterEach, describe, expect, it } from 'vitest';
import { lightParser } from '../../src/cli/lightParser.js';
import { storedJunk } from '../../src/cli/storedJunk.js';
import { SqliteStorage } from '../../src/server/storage/sqlite.js';
import { tempDir } from '../helpers/server.js';
import { newMatch, nextMove } from '../helpers/storedMatch.js';

describe('storedJunk', () => {
  const dirs: Array<() => void> = [];
  afterEach(() => dirs.splice(0).forEach((remove) => remove()));

  /** A match stored by the real SQLite adapter with a move carrying `args` and a chat line `text`. */
  async function storeMatch(args: unknown[], text: string): Promise<{ dir: string; store: SqliteStorage }> {
    const { dir, remove } = tempDir();
    dirs.push(remove);
    const store = new SqliteStorage({ file: join(dir, 'triangles.sqlite') });
    await store.connect();
    const { initialState, metadata } = newMatch();
    await store.createMatch('ABCDEF', { initialState, metadata });
    const { state, entry } = nextMove(initialState);
    const withArgs: LogEntry = { ...entry, action: { ...entry.action, payload: { ...entry.action.payload, args } } } as LogEntry;
    await store.setState('ABCDEF', state, [withArgs]);
    await store.appendChat('ABCDEF', { channel: 'public', from: 'CHN', author: 'someone', text, at: 1 });
    return { dir, store };
  }

  it('counts each junk string in the log and the chat, even before the writer has closed the file', async () => {
    const marker = 'ABUSEJUNKtest';
    const { dir, store } = await storeMatch([[{ kind: 'hold' }], `${marker}xxxx`, { note: `${marker}yy` }], `hello ${marker}`);
    // As a killed server leaves it: the writes may still be in the write-ahead log.
    expect(storedJunk(dir, marker)).toMatchObject({ occurrences: 3, found: { 'match_log.entries': 2, 'match_chat.body': 1 } });
    await store.close();
    expect(storedJunk(dir, marker).occurrences).toBe(3);
  });

  it('finds none where there is none', async () => {
    const { dir, store } = await storeMatch([[{ kind: 'hold' }]], 'hello');
    await store.close();
    expect(storedJunk(dir, 'ABUSEJUNKtest')).toMatchObject({ occurrences: 0, found: {} });
  });
});

describe('lightParser', () => {
  const encode = (data: unknown[]) => new parser.Encoder().encode({ type: parser.PacketType.EVENT, nsp: '/triangles', data })[0] as string;
  const decode = (light: boolean, message: string) => {
    const decoder = new (lightParser(() => light).Decoder)();
    let packet: parser.Packet | undefined;
    decoder.on('decoded', (p: parser.Packet) => (packet = p));
    decoder.add(message);
    return packet!;
  };
  const big = encode(['sync', 'ABCDEF', { log: 'x'.repeat(10_000) }]);

  it('hands over a large event unparsed, with its name and size, while light', () => {
    expect(decode(true, big)).toMatchObject({ nsp: '/triangles', data: ['sync', { skipped: true, bytes: big.length }] });
  });

  it('decodes small events, and every event while not light', () => {
    expect(decode(true, encode(['triangles:refused', 'no']))).toMatchObject({ data: ['triangles:refused', 'no'] });
    expect(decode(false, big).data).toEqual(['sync', 'ABCDEF', { log: 'x'.repeat(10_000) }]);
  });
});
