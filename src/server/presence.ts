/**
 * Who is at the table. A seat whose people have all disconnected for longer than the
 * match's grace period is handed to its bot until someone comes back with the seat's
 * credentials; the return is noticed on their next sync.
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

  close(): void {
    this.timers.forEach((timer) => clearTimeout(timer));
    this.timers.clear();
  }

  private async arrive(socket: Socket, matchID: string, power: PowerId, credentials: unknown): Promise<void> {
    const metadata = await this.lobby.metadata(matchID).catch(() => null);
    if (!metadata || !authenticateSeat(credentials, playerOf(metadata, power))) return;
    const key = `${matchID}/${power}`;
    const ids = this.sockets.get(key) ?? new Set<string>();
    ids.add(socket.id);
    this.sockets.set(key, ids);
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    socket.once('disconnect', () => this.leave(socket.id, matchID, power));
    if (metadata.triangles.away.includes(power)) await this.lobby.setAway(matchID, power, false);
  }

  private leave(socketID: string, matchID: string, power: PowerId): void {
    const key = `${matchID}/${power}`;
    const ids = this.sockets.get(key);
    ids?.delete(socketID);
    if (ids && ids.size > 0) return;
    this.sockets.delete(key);
    void this.lobby
      .metadata(matchID)
      .then((metadata) => {
        const grace = lobbyOf(metadata)!.settings.graceSeconds;
        const timer = setTimeout(() => {
          this.timers.delete(key);
          // Another process may hold the seat's socket now: trust the stored connection flag.
          void this.lobby
            .metadata(matchID)
            .then((latest) => (playerOf(latest, power)?.isConnected ? undefined : this.lobby.setAway(matchID, power, true)))
            .catch((error: Error) => this.onError(matchID, error));
        }, grace * 1000);
        timer.unref();
        this.timers.set(key, timer);
      })
      .catch((error: Error) => this.onError(matchID, error));
  }
}
