/** The browser's side of online play that needs no browser: seats kept per match, and the lobby API's refusals in words. */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { lobbyApi, LobbyProblem, tidyCode } from '../../src/client/net/lobbyApi.js';
import { lastName, readPlace, rememberName, writePlace } from '../../src/client/net/onlineSeats.js';
import { LOBBY_PROBLEM } from '../../src/view/text/en-lobby.js';
import { memoryStorage } from '../helpers/memoryStorage.js';


describe('seats kept in the browser', () => {
  const seat = { power: 'USA' as const, playerID: '3', credentials: 'secret', name: 'Ana' };

  test('a seat and a host token are kept per match code, each written without losing the other', () => {
    const storage = memoryStorage();
    writePlace(storage, 'ABC234', { hostToken: 'host' });
    writePlace(storage, 'ABC234', { seat });
    expect(readPlace(storage, 'ABC234')).toEqual({ seat, hostToken: 'host' });
    expect(readPlace(storage, 'XYZ789')).toEqual({ seat: null, hostToken: null });
  });

  test('a corrupt or tampered entry reads as no seat, never as a broken one', () => {
    const storage = memoryStorage();
    storage.setItem('triangles.online.ABC234', '{not json');
    expect(readPlace(storage, 'ABC234')).toEqual({ seat: null, hostToken: null });
    storage.setItem('triangles.online.ABC234', JSON.stringify({ seat: { ...seat, power: 'ATLANTIS' }, hostToken: 7 }));
    expect(readPlace(storage, 'ABC234')).toEqual({ seat: null, hostToken: null });
  });

  test('the last name used is offered again', () => {
    const storage = memoryStorage();
    expect(lastName(storage)).toBe('');
    rememberName(storage, 'Ana');
    expect(lastName(storage)).toBe('Ana');
  });
});

describe('the lobby API in words', () => {
  afterEach(() => vi.unstubAllGlobals());

  const answer = (status: number, body: unknown) => vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(body), { status })));

  test('codes are tidied the way people type them', () => {
    expect(tidyCode(' abc-234 ')).toBe('ABC234');
  });

  test('an unreachable server, an unknown code, a taken seat and too many requests each get their own words', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    await expect(lobbyApi.match('ABC234')).rejects.toEqual(new LobbyProblem(LOBBY_PROBLEM.unreachable, 0));
    answer(404, { error: 'no match with code ABC234' });
    await expect(lobbyApi.match('ABC234')).rejects.toThrow(LOBBY_PROBLEM.notFound('ABC234'));
    answer(409, { error: 'USA is already taken' });
    await expect(lobbyApi.join('ABC234', 'USA', 'Ana')).rejects.toThrow(LOBBY_PROBLEM.seatTaken);
    answer(429, { error: 'too many requests' });
    await expect(lobbyApi.create({ public: false })).rejects.toThrow(LOBBY_PROBLEM.busy);
    answer(400, { error: 'seats.CHN.kind: invalid' });
    await expect(lobbyApi.create({ public: false })).rejects.toThrow(LOBBY_PROBLEM.refused('seats.CHN.kind: invalid'));
  });

  test('a page with no API behind it (an HTML answer) reads as an unreachable server', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('<!doctype html>', { status: 404 })));
    await expect(lobbyApi.openMatches()).rejects.toThrow(LOBBY_PROBLEM.unreachable);
  });
});
