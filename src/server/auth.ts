/**
 * Who may act for a seat. Credentials are random tokens handed out once (on join);
 * the store keeps only their sha256, compared in constant time. The server's own bots
 * act with a key that never leaves this process, and only for seats they play now.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Server } from 'boardgame.io';
import type { SeatData } from './lobby/matchInfo.js';

export function newToken(): string {
  return randomBytes(18).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function sameHash(token: unknown, hash: string | undefined): boolean {
  if (typeof token !== 'string' || !hash || token.length > 200) return false;
  const a = Buffer.from(hashToken(token), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * boardgame.io calls this with the credentials sent and the seat's own metadata. A
 * seat the server's bots play now is marked in its metadata (`data.bot`, kept by the
 * lobby), so the bot key opens only those seats.
 */
export function createAuthenticator(botKey: string) {
  return (credentials: unknown, player: Server.PlayerMetadata | undefined): boolean => {
    if (!player) return false;
    if (credentials === botKey) return Boolean((player.data as SeatData | undefined)?.bot);
    return sameHash(credentials, player.credentials);
  };
}
