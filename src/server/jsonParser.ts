/**
 * socket.io's own parser, less its binary check on each message sent. Before encoding
 * a message the default encoder walks all of it looking for Buffers; the game's server
 * sends JSON only (whole states of several kB), and that walk cost about a twelfth of the
 * server's time under load. The wire format is unchanged, so clients decode as ever.
 * Nothing on this server may emit binary data: it would arrive as JSON, not as bytes.
 */
import * as parser from 'socket.io-parser';

/** The default encoder's own string encoding, which its types keep private. */
type StringEncoder = { encodeAsString(packet: parser.Packet): string };

class JsonOnlyEncoder extends parser.Encoder {
  override encode(packet: parser.Packet): string[] {
    return [(this as unknown as StringEncoder).encodeAsString(packet)];
  }
}

export const jsonOnlyParser = { ...parser, Encoder: JsonOnlyEncoder };
