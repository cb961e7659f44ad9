import net from 'node:net';

export interface TcpProxy {
  /** host:port to give the client instead of the target. */
  readonly address: string;
  /**
   * Stops forwarding in both directions without closing anything: the client's connections stay
   * open and its calls hang, as across a network partition. New connections are held the same way.
   * A side that closes still closes its pair: when a blocked client dies, the server sees it go
   * (as it would see a killed process's connections go) instead of keeping its polls open.
   */
  block(): void;
  /**
   * Ends every open connection on the target's side only, as a server that timed an idle session out behind a
   * firewall that forgot it: the client notices when it next writes (its connection is then closed) and not before.
   * New connections are forwarded as usual.
   */
  severOnNextWrite(): void;
  /** Drops every connection and stops listening. */
  close(): Promise<void>;
}

const drop = () => undefined;

/** A TCP proxy to `target` (host:port) on a free local port. */
export async function startTcpProxy(target: string): Promise<TcpProxy> {
  const [host, port] = splitHostPort(target);
  const sockets = new Set<net.Socket>();
  const upstreamOf = new Map<net.Socket, net.Socket>();
  const severed = new Set<net.Socket>();
  let blocked = false;

  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    // A peer that goes away (e.g. a killed worker) ends its pair through 'close'; nothing to report.
    socket.on('error', () => undefined);
  };

  const server = net.createServer((client) => {
    track(client);
    if (blocked) {
      client.on('data', drop);
      return;
    }
    const upstream = net.connect(port, host);
    track(upstream);
    upstreamOf.set(client, upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    client.once('close', () => {
      upstreamOf.delete(client);
      upstream.destroy();
    });
    upstream.once('close', () => {
      if (!severed.has(client)) client.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port: listening } = server.address() as net.AddressInfo;

  return {
    address: `127.0.0.1:${listening}`,
    block() {
      blocked = true;
      for (const socket of sockets) {
        // Read and thrown away rather than paused: a paused socket would never see its peer's FIN.
        // unpipe() pauses the socket, and a 'data' listener does not undo an explicit pause.
        socket.unpipe();
        socket.on('data', drop);
        socket.resume();
      }
    },
    severOnNextWrite() {
      for (const [client, upstream] of upstreamOf) {
        severed.add(client);
        client.unpipe(upstream);
        upstream.unpipe(client);
        upstream.destroy();
        client.once('data', () => client.destroy());
        client.resume();
      }
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function splitHostPort(address: string): [string, number] {
  const at = address.lastIndexOf(':');
  if (at < 0) throw new Error(`expected host:port, got ${address}`);
  return [address.slice(0, at), Number(address.slice(at + 1))];
}
