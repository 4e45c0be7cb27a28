/**
 * Two API processes over one Redis (#25 item 7): with REDIS_URL they share the response cache (what
 * one answered, the other serves without Cypher), and when Redis goes away both keep answering,
 * uncached and without errors, and share again once it is back. A real redis-server, provisioned
 * like the browser (test/support/redis.ts), on its own port and folder.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openSeededTestDb, type TestDb } from '../support/neo4j.js';
import { sample } from '../support/prometheus.js';
import { provideRedis, startRedis, type TestRedis } from '../support/redis.js';
import { startServer, type ServerProcess } from '../support/server.js';
import { tempDir } from '../support/tmp.js';

let t: TestDb;
let redis: TestRedis | undefined;
const servers: ServerProcess[] = [];

beforeAll(async () => {
  t = await openSeededTestDb();
  const settings = inject('redis');
  const server = await provideRedis({ ...settings, log: (m) => process.stderr.write(`[test redis] ${m}\n`) });
  redis = await startRedis(server, await tempDir('redis-'));
  const env = { REDIS_URL: redis.url, RESPONSE_CACHE_TTL_MS: '60000' };
  // One after the other: the first loads the seed, the second finds it unchanged.
  servers.push(await startServer(env));
  servers.push(await startServer(env));
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await redis?.stop();
  await t?.close();
});

interface Answer {
  status: number;
  errors: unknown;
  roundTrips: number;
  data: unknown;
}

async function ask(server: ServerProcess, query: string): Promise<Answer> {
  const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const body = (await res.json()) as { data?: unknown; errors?: unknown; extensions?: { cypherRoundTrips?: number } };
  return { status: res.status, errors: body.errors, roundTrips: body.extensions?.cypherRoundTrips ?? 0, data: body.data };
}

/** A query no other test asks: its own cache entry. */
const summits = (n: number): string => `query Replicas${n} { summits(first: ${n}) { edges { node { id name } } } }`;

const hits = async (server: ServerProcess): Promise<number> =>
  sample(await (await fetch(`${server.url}/metrics`)).text(), 'summit_graph_response_cache_hits_total') ?? 0;

describe('replicas over Redis', () => {
  it('share the response cache: what one answered, the other serves without Cypher', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const first = await ask(a, summits(3));
    expect([first.status, first.errors]).toEqual([200, undefined]);
    expect(first.roundTrips).toBeGreaterThan(0);
    const before = await hits(b);
    const second = await ask(b, summits(3));
    expect(second.status).toBe(200);
    expect(second.data).toEqual(first.data);
    // A hit answers the miss's body, extensions included (src/graphql/http-cache.ts): the hit counter says it was one.
    expect(second.roundTrips).toBe(first.roundTrips);
    expect(await hits(b)).toBe(before + 1);
  });

  it('keep serving, uncached and without errors, while Redis is away, and share again once it is back', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    await redis!.stop();
    const hitsBefore = [await hits(a), await hits(b)];
    for (const server of [a, b, a, b]) {
      const answer = await ask(server, summits(4));
      expect([answer.status, answer.errors]).toEqual([200, undefined]);
      expect(answer.roundTrips).toBeGreaterThan(0);
    }
    expect([await hits(a), await hits(b)]).toEqual(hitsBefore);
    // The warning reaches the child's stderr pipe asynchronously: wait for it a little.
    const warnedOf = (server: ServerProcess): boolean =>
      server.stderr().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { level: number; msg: string })
        .some((l) => l.level === 40 && l.msg.startsWith('response cache: Redis unavailable'));
    for (const server of [a, b]) {
      for (let i = 0; i < 40 && !warnedOf(server); i++) await new Promise((resolve) => setTimeout(resolve, 250));
      expect(warnedOf(server), 'no "Redis unavailable" warning in the log').toBe(true);
    }

    await redis!.restart();
    // ioredis reconnects within 2 s; until then answers stay uncached.
    let shared = false;
    for (let i = 5; i < 40 && !shared; i++) {
      const answer = await ask(a, summits(i));
      expect([answer.status, answer.errors]).toEqual([200, undefined]);
      const before = await hits(b);
      await ask(b, summits(i));
      shared = (await hits(b)) === before + 1;
      if (!shared) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(shared, 'the replicas did not share the cache again after Redis came back').toBe(true);
  });
});
