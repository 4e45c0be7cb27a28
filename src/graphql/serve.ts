import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { App } from './app.js';
import type { Lifecycle } from './plugins.js';

/** Whether the HTTP side drains; createApp's readiness and connection headers read it. */
export class Drain implements Lifecycle {
  #draining = false;

  get draining(): boolean {
    return this.#draining;
  }

  start(): void {
    this.#draining = true;
  }
}

export interface ServeOptions {
  host: string;
  port: number;
  /** The app's lifecycle (createApp's `lifecycle`): stop() sets it draining. */
  drain: Drain;
  /** How long in-flight requests may take to finish once stop() has begun. */
  graceMs: number;
  logger?: Logger;
}

export interface Serving {
  /** `http://HOST:PORT`, with the port the OS gave when `port` was 0. */
  readonly url: string;
  readonly server: Server;
  /** Requests received and not yet answered. */
  readonly inFlight: number;
  /**
   * Stops serving without dropping a request: stops accepting connections, marks the app draining
   * (/readyz 503, `Connection: close` on every answer), closes the idle keep-alive connections once
   * no request is in flight, and resolves once every connection has closed, or after `graceMs`, when
   * the connections still open are cut. Resolves to whether everything finished in time. Calling it
   * again returns the same promise.
   */
  stop(): Promise<boolean>;
}

/** Serves `app` on HOST:PORT; rejects with a clear message when the port is taken. */
export async function serveApp(app: App, { host, port, drain, graceMs, logger }: ServeOptions): Promise<Serving> {
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new Error(`Port ${port} on ${host} is in use: set PORT to another port, or stop what holds it.`) : err),
    );
    server.listen(port, host, resolve);
  });
  const address = server.address() as AddressInfo;
  let inFlight = 0;
  const closeIdleWhenDone = (): void => {
    if (drain.draining && inFlight === 0) server.closeIdleConnections();
  };
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    inFlight += 1;
    res.once('close', () => {
      inFlight -= 1;
      closeIdleWhenDone();
    });
  });
  let stopping: Promise<boolean> | undefined;
  const stop = (): Promise<boolean> =>
    (stopping ??= new Promise<boolean>((resolve) => {
      drain.start();
      logger?.info({ graceMs, inFlight }, 'draining: no new connections, finishing the requests in flight');
      const deadline = setTimeout(() => {
        logger?.warn({ graceMs, inFlight }, 'requests still in flight at the shutdown deadline: closing their connections');
        server.closeAllConnections();
        resolve(false);
      }, graceMs);
      // Stop accepting with net's close, not http's: http's would also close every idle keep-alive
      // connection at once, cutting a request a client is sending on one at this moment. Those
      // connections stay until the requests in flight are done (each answer in between says
      // Connection: close), and are closed then; the callback runs once every connection has.
      net.Server.prototype.close.call(server, () => {
        clearTimeout(deadline);
        resolve(true);
      });
      closeIdleWhenDone();
    }));
  return {
    url: `http://${address.address.includes(':') ? `[${address.address}]` : address.address}:${address.port}`,
    server,
    get inFlight() {
      return inFlight;
    },
    stop,
  };
}
