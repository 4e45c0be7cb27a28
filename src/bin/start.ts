/**
 * `npm start`: the whole service on one command. Connects to NEO4J_URI, or provisions and starts the
 * project's local Neo4j when it is unset; applies constraints and indexes; loads `seed/` when it
 * changed since the last start (a checksum in the graph; src/seed/startup.ts); serves GraphQL at
 * http://HOST:PORT/graphql and metrics at /metrics. Logs are JSON lines on stderr, each line of a
 * request with its id, and one access line per request. Ctrl-C closes the HTTP
 * server gracefully (requests in flight finish, SHUTDOWN_GRACE_MS at most) and then the driver; the
 * local Neo4j keeps running for the next command (`npm run db:stop`).
 */
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../config.js';
import { connect } from '../db/connect.js';
import { createApp } from '../graphql/app.js';
import { Metrics } from '../graphql/metrics.js';
import { RequestScope } from '../graphql/request-log.js';
import { createSharedCache } from '../graphql/shared-cache.js';
import { Drain, serveApp } from '../graphql/serve.js';
import { readTrustedDocuments } from '../graphql/trusted-documents.js';
import { createLogger, routeConsole } from '../log.js';
import { applySchema } from '../seed/load.js';
import { loadSeedIfChanged } from '../seed/startup.js';
import { SeedValidationError, formatIssue } from '../seed/validate.js';

const SEED_DIR = fileURLToPath(new URL('../../seed/', import.meta.url));

async function main(): Promise<void> {
  const config = loadConfig();
  const scope = new RequestScope();
  const log = createLogger(config.logLevel, undefined, { mixin: scope.mixin });
  routeConsole(log);
  // Read before connecting: a bad manifest fails the start at once.
  const { mode, manifest } = config.trustedDocuments;
  const trustedDocuments = { mode, documents: manifest === undefined ? new Map<string, string>() : readTrustedDocuments(manifest) };
  log.info({ mode, manifest: manifest ?? null, documents: trustedDocuments.documents.size }, 'trusted documents');

  const conn = await connect(config, (msg) => log.info(msg));
  log.info({ uri: conn.uri, local: conn.local }, 'connected to Neo4j');
  await applySchema(conn.db);
  const seed = await loadSeedIfChanged(conn.db, SEED_DIR);
  if (seed.loaded) log.info({ ...seed.summary, checksum: seed.checksum }, 'seed loaded');
  else log.info({ checksum: seed.checksum }, 'seed unchanged since it was last loaded: not loaded again');

  const drain = new Drain();
  // With REDIS_URL, the replicas share the response cache; without it, each keeps its own.
  const shared = config.redisUrl !== undefined && config.responseCacheTtlMs > 0 ? createSharedCache(config.redisUrl, log) : undefined;
  const app = createApp({
    db: conn.db,
    logger: log,
    responseCacheTtlMs: config.responseCacheTtlMs,
    corsOrigins: config.http.corsOrigins,
    lifecycle: drain,
    metrics: new Metrics(),
    requestScope: scope,
    trustedDocuments,
    ...(shared ? { responseCacheStore: shared.store } : {}),
  });
  const serving = await serveApp(app, { host: config.http.host, port: config.http.port, drain, graceMs: config.http.shutdownGraceMs, logger: log }).catch(async (err: unknown) => {
    await shared?.close();
    await conn.close();
    throw err;
  });
  const url = `${serving.url}${app.graphqlEndpoint}`;
  log.info({ url, metrics: `${serving.url}/metrics` }, 'GraphQL ready');
  // For a person at a terminal; stderr holds JSON only.
  if (process.stdout.isTTY) process.stdout.write(`\nSummit Graph is serving GraphQL (GraphiQL in a browser) at ${url}\nPress Ctrl-C to stop.\n\n`);

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
        await shared?.close();
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
  // JSON like every other line (the logger may not exist yet: the configuration can be what failed).
  const fatal = createLogger('fatal');
  if (err instanceof SeedValidationError) {
    fatal.fatal({ issues: err.issues.map(formatIssue) }, `seed/ is invalid:\n${err.issues.map(formatIssue).join('\n')}`);
  } else {
    fatal.fatal(err instanceof Error ? err.message : String(err));
  }
  fatal.flush();
  process.exit(1);
});
