/**
 * `npm start`: the whole service on one command. Connects to NEO4J_URI, or provisions and starts the
 * project's local Neo4j when it is unset; applies constraints and indexes; loads `seed/` (idempotent,
 * so restarts change nothing); serves GraphQL at http://HOST:PORT/graphql. Ctrl-C closes the HTTP
 * server and the driver; the local Neo4j keeps running for the next command (`npm run db:stop`).
 */
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../config.js';
import { connect } from '../db/connect.js';
import { packstreamPatch } from '../db/packstream.js';
import { createApp } from '../graphql/app.js';
import { appListener } from '../graphql/http.js';
import { createLogger } from '../log.js';
import { applySchema, loadSeedPaths } from '../seed/load.js';
import { SeedValidationError, formatIssue } from '../seed/validate.js';

const SEED_DIR = fileURLToPath(new URL('../../seed/', import.meta.url));

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const conn = await connect(config, (msg) => log.info(msg));
  log.info({ uri: conn.uri, local: conn.local }, 'connected to Neo4j');
  const patch = packstreamPatch();
  if (patch !== 'applied') log.warn({ patch }, 'the driver decodes result maps without our faster decoder (src/db/packstream.ts)');
  await applySchema(conn.db);
  const summary = await loadSeedPaths(conn.db, [SEED_DIR]);
  log.info(summary, 'seed loaded');

  const yoga = createApp({ db: conn.db, logger: log, responseCacheTtlMs: config.responseCacheTtlMs });
  const server = createServer(appListener(yoga));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.http.port, config.http.host, resolve);
  }).catch(async (err: NodeJS.ErrnoException) => {
    await conn.close();
    if (err.code === 'EADDRINUSE') {
      throw new Error(`Port ${config.http.port} on ${config.http.host} is in use: set PORT to another port, or stop what holds it.`);
    }
    throw err;
  });
  const url = `http://${config.http.host}:${config.http.port}${yoga.graphqlEndpoint}`;
  log.info({ url }, 'GraphQL ready');
  process.stderr.write(`\nSummit Graph is serving GraphQL (GraphiQL in a browser) at ${url}\nPress Ctrl-C to stop.\n\n`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    server.close(() => {
      void conn.close().then(() => process.exit(0));
    });
    server.closeAllConnections();
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  if (err instanceof SeedValidationError) {
    process.stderr.write(`seed/ is invalid:\n${err.issues.map(formatIssue).join('\n')}\n`);
  } else {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  }
  process.exit(1);
});
