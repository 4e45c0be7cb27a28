/**
 * A bare HTTP server for `npm run bench:layers` (bench/layers.ts): no GraphQL. It answers every POST
 * by running one fixed Cypher query as the raw floor does (Db.read: one auto-commit query, results
 * through toPlain, as our server reads) and writing `{"data": rows}` as JSON. It still reads and parses each
 * request body, as any HTTP server must.
 *
 * Which query: `raw-cypher` serves the operation's hand-written floor query (`bench/cypher/*`);
 * `our-cypher` serves the very query, text and parameters, that our GraphQL server sends for the
 * operation's request, captured by running that request once through `createApp` with a driver
 * that records what it is asked to run. Both are captured the same way and served by the same code,
 * so the two differ only in the Cypher.
 *
 * OPERATION `mix` serves every operation of the mix: each request body is looked up, as sent, among
 * the operations' GraphQL requests (one Map lookup, after parsing it as JSON as any server must), and
 * answered with that operation's query; a body that is none of them gets 400.
 *
 * Usage: tsx bench/layers-server.ts raw-cypher|our-cypher FACTS_JSON OPERATION|mix PORT BOLT_URI.
 * Prints READY once listening; SIGTERM stops it.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Driver } from 'neo4j-driver';
import { createDriver, Db } from '../src/db/db.js';
import { createApp } from '../src/graphql/app.js';
import { cypherParams } from './loading.js';
import { operations, type Operation } from './ops.js';
import { benchQueries, type BenchDb } from './queries.js';

const [kind, factsPath, opName, portText, uri] = process.argv.slice(2);
if ((kind !== 'raw-cypher' && kind !== 'our-cypher') || factsPath === undefined || opName === undefined || portText === undefined || uri === undefined) {
  process.stderr.write('usage: tsx bench/layers-server.ts raw-cypher|our-cypher FACTS_JSON OPERATION PORT BOLT_URI\n');
  process.exit(2);
}
const all = operations(JSON.parse(readFileSync(factsPath, 'utf8')));
const ops = opName === 'mix' ? all : all.filter((o) => o.name === opName);
if (ops.length === 0) {
  process.stderr.write(`no operation named ${opName}\n`);
  process.exit(2);
}
const driver = createDriver(uri, 'neo4j', 'neo4j');

interface Captured {
  text: string;
  params: Record<string, unknown>;
}

/** The driver, except that every session's `run` is recorded into `into` first. */
function recording(d: Driver, into: Captured[]): Driver {
  return new Proxy(d, {
    get(target, key) {
      if (key !== 'session') return Reflect.get(target, key, target);
      return (...args: Parameters<Driver['session']>) => {
        const session = target.session(...args);
        const run = session.run.bind(session);
        session.run = ((text: string, params: Record<string, unknown>, config?: object) => {
          into.push({ text, params });
          return run(text, params, config);
        }) as typeof session.run;
        return session;
      };
    },
  });
}

const registry = benchQueries();
const reader = new Db(driver, registry, 'neo4j').counting(() => {}, 'auto-commit');

/** What to run for one operation: the query's name and the parameters captured for it. */
interface Served {
  name: Parameters<BenchDb['read']>[0];
  params: Record<string, unknown>;
}

/** Runs the operation's request once (ours) or its floor query (raw), recording the one query sent. */
async function capture(op: Operation): Promise<Served> {
  const captured: Captured[] = [];
  const db = new Db(recording(driver, captured), registry, 'neo4j');
  if (kind === 'raw-cypher') {
    await db.counting(() => {}, 'auto-commit').read(op.raw.query, cypherParams(op.raw.params));
  } else {
    const res = await createApp({ db, responseCacheTtlMs: 0 }).fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(op.ours),
    });
    const body = (await res.json()) as { errors?: unknown };
    if (body.errors !== undefined) throw new Error(`${op.name}: ${JSON.stringify(body.errors)}`);
  }
  if (captured.length !== 1) throw new Error(`${op.name}: expected one Cypher query, captured ${captured.length}`);
  const { text, params } = captured[0] as Captured;
  // Served through the raw floor's own path (Db.read, auto-commit, toPlain) under the query's name;
  // the captured parameters already hold the read parameters (light, names) that Db.read adds.
  const name = registry.names().find((n) => registry.get(n as Served['name']) === text) as Served['name'] | undefined;
  if (name === undefined) throw new Error(`${op.name}: the captured query is none of cypher/ or bench/cypher/`);
  return { name, params };
}

/** Each operation's request body, exactly as the load generator sends it (runHttp), to what it runs. */
const byBody = new Map<string, Served>();
for (const op of ops) byBody.set(JSON.stringify(op.ours), await capture(op));

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    void (async () => {
      try {
        const text = Buffer.concat(chunks).toString('utf8');
        JSON.parse(text);
        const served = byBody.get(text);
        if (served === undefined) {
          res.writeHead(400);
          res.end('not a request of this operation');
          return;
        }
        const json = JSON.stringify({ data: await reader.read(served.name, served.params) });
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
        res.end(json);
      } catch (err) {
        if (!res.headersSent) res.writeHead(500);
        res.end(String(err));
      }
    })();
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(portText), '127.0.0.1', () => process.stdout.write('READY\n'));
process.on('SIGTERM', () => {
  server.close();
  void driver.close().then(() => process.exit(0));
});
