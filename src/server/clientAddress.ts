/**
 * The address a client connects from, for the limits kept per address. Behind a proxy
 * (TRUST_PROXY=1) it is the last address in X-Forwarded-For, the one the proxy saw
 * connect: the entries before it are whatever the client put in its own header. The
 * lobby's HTTP routes read the same (server.ts sets Koa's `maxIpsCount` to 1).
 */
import type { Socket } from 'socket.io';

export function socketAddress(socket: Socket, trustProxy: boolean): string {
  const forwarded = trustProxy ? socket.handshake.headers['x-forwarded-for'] : undefined;
  const last = (Array.isArray(forwarded) ? forwarded.join(',') : forwarded)?.split(',').pop()?.trim();
  return last || socket.handshake.address;
}
