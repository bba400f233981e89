/** A raw socket on the game's namespace, as a modified client (or an attacker) would open one. */
import { io, type Socket } from 'socket.io-client';

/** `headers` are sent with the connection: X-Forwarded-For for a server behind a (pretend) proxy, Origin for a page's. */
export function rawSocket(url: string, headers: Record<string, string> = {}): Socket {
  return io(`${url}/triangles`, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: headers });
}

export function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
}

/** The next refusal (socketGuard.ts) this socket hears. */
export function nextRefusal(socket: Socket): Promise<string> {
  return new Promise((resolve) => socket.once('triangles:refused', resolve));
}
