/**
 * socket.io's parser for a bench client that must not spend its time decoding what it
 * receives: while `light()` says so, an event message over LIGHT_ABOVE characters
 * arrives as `[event, { bytes }]`, its JSON never parsed. bench:abuse's flooding sockets
 * receive whole match logs tens of MB long many times a second; decoding them would make
 * the attacker, not the server, the bottleneck. Smaller messages (refusals, chat) are
 * decoded as ever.
 */
import * as parser from 'socket.io-parser';

/** What a light socket's handler receives in place of a large message's arguments. */
export interface Skipped {
  skipped: true;
  /** The message's length in characters. */
  bytes: number;
}

const LIGHT_ABOVE = 4096;
/** An event packet: type 2, the namespace if not "/", an optional ack id, then the JSON array, whose first item is the event's name. */
const EVENT_HEAD = /^2(?:(\/[^,]*),)?\d*\["([^"\\]+)"/;

export function isSkipped(value: unknown): value is Skipped {
  return typeof value === 'object' && value !== null && (value as Skipped).skipped === true;
}

export function lightParser(light: () => boolean): typeof parser {
  class LightDecoder extends parser.Decoder {
    override add(obj: unknown): void {
      const head = typeof obj === 'string' && obj.length > LIGHT_ABOVE && light() ? EVENT_HEAD.exec(obj.slice(0, 200)) : null;
      if (!head) return super.add(obj);
      const skipped: Skipped = { skipped: true, bytes: (obj as string).length };
      this.emitReserved('decoded', { type: parser.PacketType.EVENT, nsp: head[1] ?? '/', data: [head[2], skipped] });
    }
  }
  return { ...parser, Decoder: LightDecoder };
}
