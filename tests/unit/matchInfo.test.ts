import type { Server } from 'boardgame.io';
import { describe, expect, it } from 'vitest';
import { mergeFromMaster } from '../../src/server/lobby/matchInfo.js';

const record = (overrides: Partial<Server.MatchData>): Server.MatchData => ({
  gameName: 'triangles',
  players: { 0: { id: 0, name: 'Ann' }, 1: { id: 1 } },
  createdAt: 1,
  updatedAt: 1,
  ...overrides,
});

describe("merging boardgame.io's write of a match record into the stored one", () => {
  it("keeps the lobby's changes made since the master read the record, and takes the master's result", () => {
    // The master read the record before seat 1 was taken and the lobby's info changed.
    const fromMaster = record({ players: { 0: { id: 0, name: 'Ann' }, 1: { id: 1 } }, gameover: { winner: 'CHN' }, updatedAt: 9 });
    const current = record({ players: { 0: { id: 0, name: 'Ann' }, 1: { id: 1, name: 'Bo', credentials: 'hash' } }, setupData: { taken: true } });
    mergeFromMaster(current, fromMaster);
    expect(current.players[1]).toEqual({ id: 1, name: 'Bo', credentials: 'hash' });
    expect(current.gameover).toEqual({ winner: 'CHN' });
    expect(current.setupData).toEqual({ taken: true });
  });

  it("never takes who is connected from the master's copy, read before others connected or left", () => {
    // The master read the record while Ann was still there and before Bo came.
    const fromMaster = record({ players: { 0: { id: 0, name: 'Ann', isConnected: true }, 1: { id: 1, isConnected: false } }, gameover: { winner: 'CHN' } });
    const current = record({ players: { 0: { id: 0, name: 'Ann', isConnected: false }, 1: { id: 1, isConnected: true } } });
    mergeFromMaster(current, fromMaster);
    expect([current.players[0]!.isConnected, current.players[1]!.isConnected]).toEqual([false, true]);
  });

  it('never clears a stored result', () => {
    const current = record({ gameover: { winner: 'USA' } });
    mergeFromMaster(current, record({}));
    expect(current.gameover).toEqual({ winner: 'USA' });
  });
});
