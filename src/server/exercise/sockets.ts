/**
 * boardgame.io checks a seat's credentials when a socket syncs, and never again: a
 * member whom Control moves to another team would keep receiving the old team's view
 * on the sockets already open. Those sockets are closed here (the device syncs again
 * as its new seat). boardgame.io's transport keeps each socket's sync in `clientInfo`.
 * Only this process's sockets: behind several processes the others keep theirs.
 */
import type { Socket } from 'socket.io';
import { sameHash } from '../auth.js';

interface TransportClients {
  roomInfo: Map<string, Set<string>>;
  clientInfo: Map<string, { socket: Socket; playerID: string | null; credentials?: unknown }>;
}

export function closeMemberSockets(transport: unknown, matchID: string, playerID: string, tokenHash: string): void {
  const { roomInfo, clientInfo } = transport as TransportClients;
  for (const id of [...(roomInfo.get(matchID) ?? [])]) {
    const client = clientInfo.get(id);
    if (client?.playerID === playerID && sameHash(client.credentials, tokenHash)) client.socket.disconnect(true);
  }
}
