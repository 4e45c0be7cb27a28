import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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
  /**
   * Stops serving without dropping a request: stops accepting connections, marks the app draining
   * (/readyz 503, `Connection: close` on every answer), closes idle keep-alive connections, and
   * resolves once every request in flight has been answered, or after `graceMs`, when the
   * connections still open are cut. Resolves to whether everything finished in time. Calling it
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
  let stopping: Promise<boolean> | undefined;
  const stop = (): Promise<boolean> =>
    (stopping ??= new Promise<boolean>((resolve) => {
      drain.start();
      logger?.info({ graceMs }, 'draining: no new connections, finishing requests in flight');
      const deadline = setTimeout(() => {
        logger?.warn({ graceMs }, 'requests still in flight at the shutdown deadline: closing their connections');
        server.closeAllConnections();
        resolve(false);
      }, graceMs);
      // close() stops accepting and, since Node 19, closes the idle keep-alive connections; the
      // callback runs once the busy ones have answered (each with Connection: close) and closed.
      server.close(() => {
        clearTimeout(deadline);
        resolve(true);
      });
    }));
  return { url: `http://${address.address.includes(':') ? `[${address.address}]` : address.address}:${address.port}`, server, stop };
}
