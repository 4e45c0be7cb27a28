import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Served {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  readonly url: string;
  /** Drops open keep-alive connections and stops listening. */
  close(): Promise<void>;
}

/** Serves `handler` over real HTTP on 127.0.0.1, on a port the OS picks. */
export async function serve(handler: RequestListener): Promise<Served> {
  const server = createServer(handler);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    },
  };
}
