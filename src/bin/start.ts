/**
 * `npm start`: the whole service on one command. Connects to NEO4J_URI, or provisions and starts the
 * project's local Neo4j when it is unset; applies constraints and indexes; loads `seed/` (idempotent,
 * so restarts change nothing); serves GraphQL at http://HOST:PORT/graphql. Ctrl-C closes the HTTP
 * server gracefully (requests in flight finish, SHUTDOWN_GRACE_MS at most) and then the driver; the
 * local Neo4j keeps running for the next command (`npm run db:stop`).
 */
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../config.js';
import { connect } from '../db/connect.js';
import { createApp } from '../graphql/app.js';
import { Drain, serveApp } from '../graphql/serve.js';
import { createLogger } from '../log.js';
import { applySchema, loadSeedPaths } from '../seed/load.js';
import { SeedValidationError, formatIssue } from '../seed/validate.js';

const SEED_DIR = fileURLToPath(new URL('../../seed/', import.meta.url));

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const conn = await connect(config, (msg) => log.info(msg));
  log.info({ uri: conn.uri, local: conn.local }, 'connected to Neo4j');
  await applySchema(conn.db);
  const summary = await loadSeedPaths(conn.db, [SEED_DIR]);
  log.info(summary, 'seed loaded');

  const drain = new Drain();
  const app = createApp({ db: conn.db, logger: log, responseCacheTtlMs: config.responseCacheTtlMs, corsOrigins: config.http.corsOrigins, lifecycle: drain });
  const serving = await serveApp(app, { host: config.http.host, port: config.http.port, drain, graceMs: config.http.shutdownGraceMs, logger: log }).catch(async (err: unknown) => {
    await conn.close();
    throw err;
  });
  const url = `${serving.url}${app.graphqlEndpoint}`;
  log.info({ url }, 'GraphQL ready');
  process.stderr.write(`\nSummit Graph is serving GraphQL (GraphiQL in a browser) at ${url}\nPress Ctrl-C to stop.\n\n`);

  // The first signal drains: requests in flight finish (up to SHUTDOWN_GRACE_MS), then the driver
  // closes. A second one exits at once.
  let signals = 0;
  const stop = (signal: NodeJS.Signals): void => {
    signals += 1;
    if (signals > 1) process.exit(1);
    log.info({ signal }, 'shutting down');
    void serving
      .stop()
      .then(async (drained) => {
        await conn.close();
        log.info({ drained }, 'stopped');
        process.exit(drained ? 0 : 1);
      })
      .catch((err: unknown) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  if (err instanceof SeedValidationError) {
    process.stderr.write(`seed/ is invalid:\n${err.issues.map(formatIssue).join('\n')}\n`);
  } else {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  }
  process.exit(1);
});
