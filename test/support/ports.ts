import net from 'node:net';

/**
 * Ports a test must never take: 7687 is the developer's own local Neo4j (NEO4J_LOCAL_PORT default)
 * and 7699 is used by other local tooling on shared machines.
 */
export const RESERVED_PORTS: ReadonlySet<number> = new Set([7687, 7699]);

/**
 * A TCP port that was free on 127.0.0.1 a moment ago, chosen by the OS (so parallel runs do not
 * collide), never one of RESERVED_PORTS. Plain Node with no vitest import, so the global setup, which
 * runs outside the test workers, can use it too.
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((done, fail) => {
      const server = net.createServer();
      server.once('error', fail);
      server.listen({ host: '127.0.0.1', port: 0 }, () => {
        const address = server.address();
        server.close(() => done(typeof address === 'object' && address !== null ? address.port : 0));
      });
    });
    if (port !== 0 && !RESERVED_PORTS.has(port)) return port;
  }
}
