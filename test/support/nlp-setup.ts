/**
 * Global setup of the `integration` project, beside the Neo4j one: provides the NLP service to every
 * test file, started once for the whole run, or fails the run. It never skips.
 *
 * - NLP_TEST_URL set (two comma-separated URLs of running services of this checkout): those are used
 *   after checking they answer.
 * - Otherwise two throwaway local instances are started with the project's supervisor, on two
 *   consecutive free ports (never the developer's NLP_LOCAL_PORT), one document at a time each, with
 *   their pid files and logs in a temporary folder (so `npm run nlp:stop` and the tests never stop
 *   each other's). They reuse the jars provisioned under NLP_LOCAL_HOME, so only the first run ever
 *   downloads (470 MB). Two, because spreading articles over several services is part of what is
 *   tested; they load their models in parallel. Teardown stops them and deletes the folder.
 *
 * Tests read the services with `inject('nlp')`.
 */
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../src/config.js';
import { localNlpOptionsFromConfig, startLocalNlp, stopLocalNlp, type LocalNlpOptions } from '../../src/nlp/local-corenlp.js';
import { freePort, RESERVED_PORTS } from './ports.js';

/** How tests reach the NLP services. */
export interface TestNlp {
  /** Two service URLs. */
  urls: string[];
  /** An annotation cache folder for the run (deleted at teardown), for commands tests start. */
  cacheDir: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    nlp: TestNlp;
  }
}

/** The NLP services named by NLP_TEST_URL (the test target, no application setting), or undefined. */
function externalServices(): string[] | undefined {
  const raw = process.env.NLP_TEST_URL;
  if (raw === undefined || raw === '') return undefined;
  return raw.split(',').map((u) => u.trim().replace(/\/+$/, '')).filter((u) => u !== '');
}

function portFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = net.createServer();
    server.once('error', () => done(false));
    server.listen({ host: '127.0.0.1', port, exclusive: true }, () => server.close(() => done(true)));
  });
}

/** A free port whose successor is free too (the supervisor puts instance i on port + i). */
async function freePortPair(avoid: number): Promise<number> {
  for (;;) {
    const port = await freePort();
    const next = port + 1;
    if (port === avoid || next === avoid || RESERVED_PORTS.has(next) || next > 65535) continue;
    if (await portFree(next)) return port;
  }
}

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = externalServices();
  if (external !== undefined) {
    if (external.length !== 2) throw new Error(`NLP_TEST_URL must list two NLP services (comma-separated), got ${JSON.stringify(process.env.NLP_TEST_URL)}`);
    for (const url of external) await assertAnswers(url, 'NLP_TEST_URL');
    const cacheDir = await mkdtemp(join(tmpdir(), 'summit-graph-test-nlp-cache-'));
    project.provide('nlp', { urls: external, cacheDir });
    return async () => rm(cacheDir, { recursive: true, force: true });
  }

  const config = loadConfig();
  const runDir = await mkdtemp(join(tmpdir(), 'summit-graph-test-nlp-'));
  const opts: LocalNlpOptions = {
    ...localNlpOptionsFromConfig(config),
    port: await freePortPair(config.nlp.local.port),
    instances: 2,
    threads: 1,
    heap: '2500m',
    runDir,
    onProgress: (msg) => process.stderr.write(`[test nlp] ${msg}\n`),
  };
  // If vitest is interrupted before teardown, do not leave JVMs and a temp folder behind.
  let pids: number[] = [];
  const emergencyCleanup = (): void => {
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    rmSync(runDir, { recursive: true, force: true });
  };
  process.once('exit', emergencyCleanup);

  try {
    const { instances } = await startLocalNlp(opts);
    pids = instances.map((i) => i.pid);
    for (const i of instances) await assertAnswers(i.url, `the throwaway NLP service (logs under ${runDir})`);
    project.provide('nlp', { urls: instances.map((i) => i.url), cacheDir: join(runDir, 'cache') });
  } catch (err) {
    await stopLocalNlp(opts).catch(() => []);
    await rm(runDir, { recursive: true, force: true });
    process.off('exit', emergencyCleanup);
    throw err;
  }

  return async () => {
    await stopLocalNlp(opts);
    await rm(runDir, { recursive: true, force: true });
    process.off('exit', emergencyCleanup);
  };
}

/** Throws, naming the service and what to do, unless GET /status answers within 10 s. */
async function assertAnswers(url: string, what: string): Promise<void> {
  try {
    const res = await fetch(`${url}/status`, { signal: AbortSignal.timeout(10_000) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    await res.json();
  } catch (err) {
    throw new Error(
      `Integration tests need the NLP service, but ${what} at ${url} does not answer: ${err instanceof Error ? err.message : String(err)}\n` +
        'Start it, or unset NLP_TEST_URL so the tests start their own.',
    );
  }
}
