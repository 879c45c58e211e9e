import { createServer, connect, type Server, type Socket } from 'node:net';

export type FaultMode = 'pass' | 'hang' | 'refuse';

interface Pair {
  client: Socket;
  upstream?: Socket;
}

/**
 * A TCP proxy in front of a real server (PostgreSQL, Redis) that a test can break and mend:
 * - `refuse()`: the port stops listening (ECONNREFUSED) and open connections are reset, as when the server is down;
 * - `hang()`: connections are accepted but nothing is forwarded either way, as on a network partition or a stuck host;
 * - `resume()`: back to forwarding; held bytes and connections made while hanging go through.
 */
export class TcpFaultProxy {
  private mode: FaultMode = 'pass';
  private server: Server;
  private readonly pairs = new Set<Pair>();

  private constructor(readonly port: number, private readonly target: { host: string; port: number }) {
    this.server = this.listener();
  }

  static async start(target: { host: string; port: number }): Promise<TcpFaultProxy> {
    const probe = createServer();
    const port = await new Promise<number>((resolve, reject) => {
      probe.once('error', reject);
      probe.listen(0, '127.0.0.1', () => resolve((probe.address() as { port: number }).port));
    });
    await new Promise((r) => probe.close(r));
    const proxy = new TcpFaultProxy(port, target);
    await proxy.listen();
    return proxy;
  }

  /** `url` with its host and port replaced by the proxy's. */
  static rewrite(url: string, port: number): string {
    const parsed = new URL(url);
    parsed.hostname = '127.0.0.1';
    parsed.port = String(port);
    return parsed.toString();
  }

  get state(): FaultMode {
    return this.mode;
  }

  get connections(): number {
    return this.pairs.size;
  }

  hang(): void {
    this.mode = 'hang';
    for (const pair of this.pairs) {
      pair.client.pause();
      pair.upstream?.pause();
    }
  }

  async refuse(): Promise<void> {
    this.mode = 'refuse';
    for (const pair of this.pairs) this.drop(pair);
    await new Promise((r) => this.server.close(r));
  }

  async resume(): Promise<void> {
    const wasRefusing = this.mode === 'refuse';
    this.mode = 'pass';
    if (wasRefusing) {
      this.server = this.listener();
      await this.listen();
    }
    for (const pair of this.pairs) {
      if (!pair.upstream) this.open(pair);
      pair.client.resume();
      pair.upstream?.resume();
    }
  }

  async stop(): Promise<void> {
    for (const pair of this.pairs) this.drop(pair);
    if (this.server.listening) await new Promise((r) => this.server.close(r));
  }

  private listener(): Server {
    return createServer({ pauseOnConnect: true }, (client) => {
      const pair: Pair = { client };
      this.pairs.add(pair);
      client.on('error', () => this.drop(pair));
      client.on('close', () => this.drop(pair));
      if (this.mode === 'pass') this.open(pair);
    });
  }

  private listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.port, '127.0.0.1', () => resolve());
    });
  }

  private open(pair: Pair): void {
    const upstream = connect(this.target.port, this.target.host);
    pair.upstream = upstream;
    upstream.on('error', () => this.drop(pair));
    upstream.on('close', () => this.drop(pair));
    this.forward(pair.client, upstream);
    this.forward(upstream, pair.client);
    pair.client.resume();
  }

  // By hand rather than pipe(): pipe() resumes a paused source on 'drain', which would undo hang().
  private forward(from: Socket, to: Socket): void {
    from.on('data', (chunk) => {
      if (to.write(chunk) || this.mode !== 'pass') return;
      from.pause();
      to.once('drain', () => this.mode === 'pass' && from.resume());
    });
  }

  private drop(pair: Pair): void {
    if (!this.pairs.delete(pair)) return;
    pair.client.destroy();
    pair.upstream?.destroy();
  }
}
