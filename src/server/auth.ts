/**
 * Who may act for a seat. Credentials are random tokens handed out once (on join);
 * the store keeps only their sha256, compared in constant time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Server } from 'boardgame.io';

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
 * boardgame.io calls this with the credentials a client sent and the seat's own metadata.
 * A seat's stored credentials are one token's hash, or for a classroom team one hash per
 * member, separated by spaces (exercise/members.ts): boardgame.io strips `credentials`
 * from what it sends to clients, so that is where the hashes must live.
 */
export function authenticateSeat(credentials: unknown, player: Server.PlayerMetadata | undefined): boolean {
  return Boolean(player?.credentials) && player!.credentials!.split(' ').some((hash) => sameHash(credentials, hash));
}

/**
 * The server's bots move through their own master, with a key that never leaves this
 * process; which seats they play (bot seats, seats whose people are away or overdue)
 * is decided in one place, ServerBots.
 */
export function botAuth(botKey: string) {
  return { authenticateCredentials: ({ credentials }: { credentials?: unknown }) => credentials === botKey };
}
