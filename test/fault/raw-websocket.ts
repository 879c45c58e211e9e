import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

export interface FrameOptions {
  fin?: boolean;
  /** RSV1–3 bits, 0–7. */
  rsv?: number;
  /** Clients must mask; a server must refuse an unmasked frame. */
  mask?: boolean;
}

export const OPCODE = { continuation: 0x0, text: 0x1, binary: 0x2, close: 0x8, ping: 0x9, pong: 0xa } as const;

/** One WebSocket frame (RFC 6455 §5.2), built by hand so that broken ones can be sent too. */
export function frame(opcode: number, payload: Buffer | string, options: FrameOptions = {}): Buffer {
  const data = typeof payload === 'string' ? Buffer.from(payload) : payload;
  const { fin = true, rsv = 0, mask = true } = options;
  const head = [(fin ? 0x80 : 0) | (rsv << 4) | opcode];
  const maskBit = mask ? 0x80 : 0;
  let length: Buffer;
  if (data.length < 126) length = Buffer.from([maskBit | data.length]);
  else if (data.length < 65536) {
    length = Buffer.alloc(3);
    length[0] = maskBit | 126;
    length.writeUInt16BE(data.length, 1);
  } else {
    length = Buffer.alloc(9);
    length[0] = maskBit | 127;
    length.writeBigUInt64BE(BigInt(data.length), 1);
  }
  if (!mask) return Buffer.concat([Buffer.from(head), length, data]);
  const key = randomBytes(4);
  const masked = Buffer.from(data.map((byte, i) => byte ^ key[i % 4]!));
  return Buffer.concat([Buffer.from(head), length, key, masked]);
}

/** A TCP connection that has done the WebSocket handshake (or been refused); what the server sends back is kept. */
export class RawWebSocket {
  private received = Buffer.alloc(0);
  closed = false;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk) => (this.received = Buffer.concat([this.received, chunk])));
    socket.on('close', () => (this.closed = true));
    socket.on('error', () => undefined);
  }

  static open(port: number, path: string, headers: Record<string, string> = {}): Promise<RawWebSocket> {
    const extra = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(
          `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
            `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n` +
            `Origin: http://127.0.0.1:${port}\r\n${extra}\r\n`,
        );
        resolve(new RawWebSocket(socket));
      });
      socket.once('error', reject);
    });
  }

  /** The HTTP status line the server answered the upgrade with. */
  async status(timeoutMs = 5000): Promise<string> {
    await this.until(() => this.received.includes('\r\n') || this.closed, timeoutMs);
    return this.received.toString('latin1').split('\r\n')[0] ?? '';
  }

  write(data: Buffer): void {
    if (!this.socket.destroyed) this.socket.write(data);
  }

  /** Abortive close (TCP RST), as a client that vanished mid-handshake would. */
  reset(): void {
    this.socket.resetAndDestroy();
  }

  destroy(): void {
    this.socket.destroy();
  }

  /** The text frames the server sent after the handshake, parsed as JSON (server frames are never masked). */
  jsonFrames(): unknown[] {
    return this.serverFrames().flatMap(({ opcode, payload }) => (opcode === OPCODE.text ? [JSON.parse(payload.toString('utf8'))] : []));
  }

  /** The status code of the close frame the server sent, if it sent one. */
  closeCode(): number | undefined {
    const close = this.serverFrames().find((f) => f.opcode === OPCODE.close);
    return close && close.payload.length >= 2 ? close.payload.readUInt16BE(0) : undefined;
  }

  private serverFrames(): { opcode: number; payload: Buffer }[] {
    const start = this.received.indexOf('\r\n\r\n');
    if (start < 0) return [];
    const frames: { opcode: number; payload: Buffer }[] = [];
    let at = start + 4;
    while (at + 2 <= this.received.length) {
      const opcode = this.received[at]! & 0x0f;
      let length = this.received[at + 1]! & 0x7f;
      let head = 2;
      if (length === 126) [length, head] = [this.received.readUInt16BE(at + 2), 4];
      else if (length === 127) [length, head] = [Number(this.received.readBigUInt64BE(at + 2)), 10];
      if (at + head + length > this.received.length) break;
      frames.push({ opcode, payload: this.received.subarray(at + head, at + head + length) });
      at += head + length;
    }
    return frames;
  }

  /** Waits until the server has sent a close frame; its status code. */
  async closedWith(timeoutMs = 5000): Promise<number | undefined> {
    await this.until(() => this.closeCode() !== undefined || this.closed, timeoutMs);
    return this.closeCode();
  }

  /** Waits until `done()` holds for the JSON frames received so far. */
  untilFrames(done: (frames: unknown[]) => boolean, timeoutMs = 5000): Promise<void> {
    return this.until(() => done(this.jsonFrames()), timeoutMs);
  }

  /** Waits until the server has closed the connection. */
  waitClosed(timeoutMs = 5000): Promise<void> {
    return this.until(() => this.closed, timeoutMs);
  }

  private async until(done: () => boolean, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      if (Date.now() > deadline) throw new Error('timed out waiting on the raw socket');
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}
