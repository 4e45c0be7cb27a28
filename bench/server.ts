/**
 * One GraphQL server of the benchmark, in its own process so that it has a core's worth of event
 * loop to itself and the load generator does not share it:
 *   tsx bench/server.ts ours|ours+cache|library PORT BOLT_URI
 * `ours` is createApp (src/graphql/app.ts) as npm start builds it (metrics, the request log at
 * `info` into /dev/null, which costs the same write per request as a log file and keeps the bench's
 * output readable) with the response cache off, `ours+cache` the same with the cache on at its
 * default TTL (RESPONSE_CACHE_TTL_MS, src/config.ts); `library` is @neo4j/graphql 7 over
 * bench/neo4j-graphql/typeDefs.graphql. Both use the project's driver settings (createDriver),
 * listen on 127.0.0.1 only, and print READY on stdout once listening. SIGTERM stops them.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { createYoga } from 'graphql-yoga';
import { DEFAULT_RESPONSE_CACHE_TTL_MS } from '../src/config.js';
import { CypherRegistry } from '../src/db/cypher.js';
import { createDriver, Db } from '../src/db/db.js';
import { createApp, type AppOptions } from '../src/graphql/app.js';
import { Metrics } from '../src/graphql/metrics.js';
import { RequestScope } from '../src/graphql/request-log.js';
import { createLogger } from '../src/log.js';

const [kind, portText, uri] = process.argv.slice(2);
if ((kind !== 'ours' && kind !== 'ours+cache' && kind !== 'library') || portText === undefined || uri === undefined) {
  process.stderr.write('usage: tsx bench/server.ts ours|ours+cache|library PORT BOLT_URI\n');
  process.exit(2);
}
// The bench's Neo4j runs with authentication off; the credentials are ignored.
const driver = createDriver(uri, 'neo4j', 'neo4j');
const handler = await (async () => {
  const db = new Db(driver, new CypherRegistry(), 'neo4j');
  // As npm start serves it (src/bin/start.ts): yoga is the Node request listener.
  const requestScope = new RequestScope();
  const asStarted: AppOptions = {
    db,
    requestScope,
    logger: createLogger('info', undefined, { mixin: requestScope.mixin, destination: '/dev/null' }),
    metrics: new Metrics(),
  };
  if (kind === 'ours') return createApp({ ...asStarted, responseCacheTtlMs: 0 });
  if (kind === 'ours+cache') return createApp({ ...asStarted, responseCacheTtlMs: DEFAULT_RESPONSE_CACHE_TTL_MS });
  const typeDefs = readFileSync(new URL('./neo4j-graphql/typeDefs.graphql', import.meta.url), 'utf8');
  const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
  return createYoga({ schema, graphqlEndpoint: '/graphql', graphiql: false, landingPage: false, logging: false });
})();
const server = createServer(handler);
server.keepAliveTimeout = 60_000;
server.listen(Number(portText), '127.0.0.1', () => process.stdout.write('READY\n'));
process.on('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  void driver.close().then(() => process.exit(0));
});
