/**
 * The local Neo4j supervisor against a real JVM: a second throwaway instance (its own temp data
 * folder and free port, next to the one the global setup runs), taken through start, status, a
 * repeated start, a port clash and stop. Provisioning is shared with the global setup's instance, so
 * nothing is downloaded here.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config.js';
import {
  localNeo4jStatus,
  localOptionsFromConfig,
  startLocalNeo4j,
  stopLocalNeo4j,
  type LocalNeo4jOptions,
} from '../../src/db/local-neo4j.js';
import { DomainError } from '../../src/errors.js';
import { freePort } from '../support/ports.js';

describe('local Neo4j supervisor', () => {
  let dataDir: string;
  let opts: LocalNeo4jOptions;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'summit-graph-local-neo4j-test-'));
    opts = {
      ...localOptionsFromConfig(loadConfig()),
      heap: '512m',
      pageCacheMiB: 64,
      boltPort: await freePort(),
      dataDir,
    };
  });

  afterAll(async () => {
    // Whatever happened above, leave no JVM behind.
    await stopLocalNeo4j(opts);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('reports a fresh data folder as not running', async () => {
    const status = await localNeo4jStatus(opts);
    expect(status).toMatchObject({ running: false, dataDir });
    expect(status.pid).toBeUndefined();
  });

  it('starts Neo4j and answers Cypher over Bolt', async () => {
    const started = await startLocalNeo4j(opts);
    expect(started).toMatchObject({ uri: `bolt://127.0.0.1:${opts.boltPort}`, alreadyRunning: false });
    expect(started.pid).toBeGreaterThan(0);
    expect(existsSync(join(dataDir, 'neo4j.pid'))).toBe(true);

    const driver = neo4j.driver(started.uri, neo4j.auth.basic('neo4j', 'any-password'));
    try {
      const { records } = await driver.executeQuery('RETURN 40 + 2 AS answer');
      expect(records[0]?.get('answer').toNumber()).toBe(42);
    } finally {
      await driver.close();
    }
  });

  it('reports the running instance in status', async () => {
    const status = await localNeo4jStatus(opts);
    expect(status).toMatchObject({
      running: true,
      uri: `bolt://127.0.0.1:${opts.boltPort}`,
      dataDir,
      provisioned: true,
    });
    expect(status.pid).toBeGreaterThan(0);
  });

  it('returns the running instance on a second start instead of starting another', async () => {
    const first = await localNeo4jStatus(opts);
    const again = await startLocalNeo4j(opts);
    expect(again).toEqual({ uri: first.uri, pid: first.pid, alreadyRunning: true });
  });

  it('refuses a Bolt port that another program holds, naming the port and NEO4J_LOCAL_PORT', async () => {
    const port = await freePort();
    const blocker = net.createServer();
    await new Promise<void>((done) => blocker.listen({ host: '127.0.0.1', port }, done));
    const otherDir = await mkdtemp(join(tmpdir(), 'summit-graph-port-clash-'));
    try {
      const clash = startLocalNeo4j({ ...opts, boltPort: port, dataDir: otherDir });
      await expect(clash).rejects.toBeInstanceOf(DomainError);
      await expect(clash).rejects.toMatchObject({ code: 'LOCAL_NEO4J' });
      await expect(clash).rejects.toThrow(`Port ${port} on 127.0.0.1 is already in use`);
      await expect(clash).rejects.toThrow('NEO4J_LOCAL_PORT');
      expect(existsSync(join(otherDir, 'neo4j.pid'))).toBe(false);
    } finally {
      await new Promise<void>((done) => blocker.close(() => done()));
      await rm(otherDir, { recursive: true, force: true });
    }
  });

  it('stops the instance, removes its pid file, and says false when asked to stop again', async () => {
    const { pid } = await localNeo4jStatus(opts);
    expect(await stopLocalNeo4j(opts)).toBe(true);
    expect(existsSync(join(dataDir, 'neo4j.pid'))).toBe(false);
    // The JVM was our child: give Node a moment to reap it before checking the pid is gone.
    await vi.waitFor(() => expect(() => process.kill(pid as number, 0)).toThrow(), { timeout: 2_000 });
    const after = await localNeo4jStatus(opts);
    expect(after.running).toBe(false);
    expect(after.pid).toBeUndefined();
    expect(await stopLocalNeo4j(opts)).toBe(false);
  });
});
