/**
 * Who is at the table. Each seat's connection flag in the match record is written here,
 * that seat's alone, as its sockets on this process come and go. (boardgame.io's master
 * wrote the whole record back on each connection and disconnection, with the other seats'
 * flags as it had read them: seats that connected or left together overwrote each other.)
 * A seat whose people have all disconnected for longer than the match's grace period is
 * handed to its bot until someone comes back with the seat's credentials; the return is
 * noticed on their next sync.
 */
import type { Socket } from 'socket.io';
import { powerOfSeat, type PowerId } from '../game/powers.js';
import { authenticateSeat } from './auth.js';
import { lobbyOf, playerOf } from './lobby/matchInfo.js';
import type { LobbyService } from './lobby/service.js';

export class Presence {
  /** Sockets of this process per `${matchID}/${power}`. */
  private readonly sockets = new Map<string, Set<string>>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private closed = false;

  constructor(
    private readonly lobby: LobbyService,
    private readonly onError: (matchID: string, error: Error) => void,
  ) {}

  /** A socket synced a match as a seat (credentials not yet checked: only a proven seat counts). */
  seen(socket: Socket, matchID: string, playerID: string | null, credentials: unknown): void {
    const power = powerOfSeat(playerID);
    if (!power) return;
    void this.arrive(socket, matchID, power, credentials).catch((error: Error) => this.onError(matchID, error));
  }

  /** No more grace periods start (the server is closing; the disconnects are still recorded). */
  close(): void {
    this.closed = true;
    this.timers.forEach((timer) => clearTimeout(timer));
    this.timers.clear();
  }

  private async arrive(socket: Socket, matchID: string, power: PowerId, credentials: unknown): Promise<void> {
    const metadata = await this.lobby.metadata(matchID).catch(() => null);
    // A socket that closed while its credentials were checked never arrived: no leave would follow.
    if (!metadata || socket.disconnected || !authenticateSeat(credentials, playerOf(metadata, power))) return;
    const key = `${matchID}/${power}`;
    const ids = this.sockets.get(key) ?? new Set<string>();
    // A socket may sync its seat again: it leaves once.
    if (!ids.has(socket.id)) socket.once('disconnect', () => this.leave(socket.id, matchID, power));
    ids.add(socket.id);
    this.sockets.set(key, ids);
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    // Asked for before any leave of this socket can be: the two land in that order.
    await this.lobby.setConnected(matchID, power, true);
  }

  private leave(socketID: string, matchID: string, power: PowerId): void {
    const key = `${matchID}/${power}`;
    const ids = this.sockets.get(key)!;
    ids.delete(socketID);
    if (ids.size > 0) return;
    this.sockets.delete(key);
    void this.lobby
      .setConnected(matchID, power, false)
      .then(() => this.startGrace(matchID, power, key))
      .catch((error: Error) => this.onError(matchID, error));
  }

  /** The seat's last socket here left: after the grace period its bot plays it, unless its people are back. */
  private async startGrace(matchID: string, power: PowerId, key: string): Promise<void> {
    if (this.closed) return;
    const grace = lobbyOf(await this.lobby.metadata(matchID))!.settings.graceSeconds;
    // Back on this process meanwhile, or closing: no grace period.
    if (this.closed || this.sockets.has(key)) return;
    const timer = setTimeout(() => {
      this.timers.delete(key);
      void this.lobby.handToBot(matchID, power).catch((error: Error) => this.onError(matchID, error));
    }, grace * 1000);
    timer.unref();
    this.timers.set(key, timer);
  }
}
