/**
 * Global setup of the `integration` project: provides exactly one reachable Neo4j to every test file,
 * or fails the run. It never skips.
 *
 * - NEO4J_TEST_URI set: that server is used as it is (NEO4J_TEST_USER, NEO4J_TEST_PASSWORD,
 *   NEO4J_TEST_DATABASE; defaults neo4j / summit-graph / neo4j) after checking it answers.
 * - Otherwise a throwaway local Neo4j is started with the project's supervisor, on a free port found
 *   now (never 7687) and in a fresh temporary data folder (never the developer's .neo4j/data/default).
 *   It reuses the jars provisioned under NEO4J_LOCAL_HOME, so only the first run ever downloads.
 *   Teardown stops it and deletes the folder.
 *
 * Tests read the connection with `inject('neo4j')` (see test/support/neo4j.ts), and the browser
 * test its Chromium settings with `inject('chromium')` (CHROMIUM_PATH, CHROMIUM_CACHE_DIR), and the
 * replica test its Redis settings with `inject('redis')` (REDIS_SERVER_PATH, REDIS_CACHE_DIR).
 */
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../src/config.js';
import { localOptionsFromConfig, startLocalNeo4j, stopLocalNeo4j, type LocalNeo4jOptions } from '../../src/db/local-neo4j.js';
import { freePort } from './ports.js';

/** How tests reach the database. */
export interface TestNeo4j {
  uri: string;
  user: string;
  password: string;
  database: string;
}

/** Where the browser test's Chromium comes from (test/support/chromium.ts). */
export interface TestChromium {
  /** CHROMIUM_PATH: a browser to use as it is. */
  override?: string;
  /** CHROMIUM_CACHE_DIR: where the provisioned browser is kept (default ~/.cache/summit-graph/chromium). */
  cacheDir?: string;
}

/** Where the replica tests' Redis comes from (test/support/redis.ts). */
export interface TestRedisServer {
  /** REDIS_SERVER_PATH: a redis-server to use as it is. */
  override?: string;
  /** REDIS_CACHE_DIR: where the provisioned Redis is kept (default ~/.cache/summit-graph/redis). */
  cacheDir?: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: TestNeo4j;
    chromium: TestChromium;
    redis: TestRedisServer;
  }
}

/**
 * The external test database named by NEO4J_TEST_*, or undefined when NEO4J_TEST_URI is unset. This
 * module is the only place test code reads the environment: these variables (and CHROMIUM_*) choose
 * the test's targets, which are no settings of the application and so have no place in src/config.ts.
 */
function externalTestDatabase(): TestNeo4j | undefined {
  const env = process.env;
  const uri = env.NEO4J_TEST_URI;
  if (uri === undefined || uri === '') return undefined;
  return {
    uri,
    user: env.NEO4J_TEST_USER || 'neo4j',
    password: env.NEO4J_TEST_PASSWORD || 'summit-graph',
    database: env.NEO4J_TEST_DATABASE || 'neo4j',
  };
}

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const env = process.env;
  project.provide('chromium', {
    ...(env.CHROMIUM_PATH ? { override: env.CHROMIUM_PATH } : {}),
    ...(env.CHROMIUM_CACHE_DIR ? { cacheDir: env.CHROMIUM_CACHE_DIR } : {}),
  });
  project.provide('redis', {
    ...(env.REDIS_SERVER_PATH ? { override: env.REDIS_SERVER_PATH } : {}),
    ...(env.REDIS_CACHE_DIR ? { cacheDir: env.REDIS_CACHE_DIR } : {}),
  });
  const external = externalTestDatabase();
  if (external !== undefined) {
    await assertAnswers(external, 'NEO4J_TEST_URI');
    project.provide('neo4j', external);
    return async () => {};
  }

  const dataDir = await mkdtemp(join(tmpdir(), 'summit-graph-test-neo4j-'));
  const opts: LocalNeo4jOptions = {
    ...localOptionsFromConfig(loadConfig()),
    boltPort: await freePort(),
    dataDir,
    onProgress: (msg) => process.stderr.write(`[test neo4j] ${msg}\n`),
  };
  // If vitest is interrupted before teardown, do not leave a JVM and a temp folder behind.
  let pid: number | undefined;
  const emergencyCleanup = (): void => {
    if (pid !== undefined) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.once('exit', emergencyCleanup);

  try {
    const started = await startLocalNeo4j(opts);
    pid = started.pid;
    const target: TestNeo4j = { uri: started.uri, user: 'neo4j', password: 'summit-graph', database: 'neo4j' };
    await assertAnswers(target, `the throwaway Neo4j (log: ${join(dataDir, 'neo4j.log')})`);
    project.provide('neo4j', target);
  } catch (err) {
    await stopLocalNeo4j(opts).catch(() => false);
    await rm(dataDir, { recursive: true, force: true });
    process.off('exit', emergencyCleanup);
    throw err;
  }

  return async () => {
    await stopLocalNeo4j(opts);
    await rm(dataDir, { recursive: true, force: true });
    process.off('exit', emergencyCleanup);
  };
}

/** Throws, naming the target and what to do, unless `RETURN 1` succeeds on its database within 10 s. */
async function assertAnswers(target: TestNeo4j, what: string): Promise<void> {
  const driver = neo4j.driver(target.uri, neo4j.auth.basic(target.user, target.password), {
    connectionAcquisitionTimeout: 10_000,
    connectionTimeout: 10_000,
  });
  try {
    await driver.executeQuery('RETURN 1', {}, { database: target.database });
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(
      `Integration tests need a Neo4j, but ${what} at ${target.uri} (database ${target.database}) does not answer: ` +
        `${reason}\nStart it, fix NEO4J_TEST_USER/NEO4J_TEST_PASSWORD, or unset NEO4J_TEST_URI so the tests start their own.`,
    );
  } finally {
    await driver.close();
  }
}
