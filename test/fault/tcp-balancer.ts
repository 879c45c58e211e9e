import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A round-robin TCP load balancer for tests (HTTP and websockets alike): each connection goes to the next backend that
 * accepts it, as nginx does with `proxy_next_upstream error`; an instance that is down is skipped.
 */
export class TcpBalancer {
  private next = 0;
  private readonly sockets = new Set<Socket>();

  private readonly server: Server = createServer({ pauseOnConnect: true }, (client) => this.route(client, 0));

  private constructor(private readonly backends: readonly number[]) {}

  static async start(backends: readonly number[]): Promise<TcpBalancer> {
    const balancer = new TcpBalancer(backends);
    await new Promise<void>((resolve, reject) => {
      balancer.server.once('error', reject);
      balancer.server.listen(0, '127.0.0.1', () => resolve());
    });
    return balancer;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise((r) => this.server.close(r));
  }

  private route(client: Socket, tries: number): void {
    if (tries >= this.backends.length) return void client.destroy();
    const port = this.backends[this.next++ % this.backends.length] as number;
    const upstream = connect(port, '127.0.0.1');
    const onRefused = (): void => this.route(client, tries + 1);
    upstream.once('error', onRefused);
    upstream.once('connect', () => {
      upstream.off('error', onRefused);
      this.sockets.add(client).add(upstream);
      const end = (): void => {
        client.destroy();
        upstream.destroy();
        this.sockets.delete(client);
        this.sockets.delete(upstream);
      };
      for (const s of [client, upstream]) {
        s.on('error', end);
        s.on('close', end);
      }
      client.pipe(upstream);
      upstream.pipe(client);
      client.resume();
    });
  }
}
