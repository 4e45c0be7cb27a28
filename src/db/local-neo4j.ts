import { readFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Config } from '../config.js';
import { DomainError } from '../errors.js';
import {
  assertPortFree,
  checkJava,
  commandLineHas,
  distClassPath,
  fromRepoRoot,
  isAlive,
  isProvisioned,
  javaCommands,
  launchDetached,
  portAnswers,
  provisionMavenProject,
  readPidFile,
  REPO_ROOT,
  tail,
  terminate,
  withLock,
  type MavenProject,
  type PidRecord,
} from '../local/supervise.js';

/**
 * Supervisor for the project's own local Neo4j: Neo4j 5 Community embedded in a tiny Java launcher
 * (db/src/main/java/dev/summitgraph/Launcher.java), because there is no Docker engine and the server
 * distribution is not on Maven Central.
 *
 * Layout under `home` (default `<repo>/.neo4j`, git-ignored):
 * - `dist/lib/*.jar`, `dist/classes/`: the jars Maven copied for db/pom.xml and the compiled launcher;
 *   `dist/provisioned.json` records the hashes of the pom and launcher they were built from.
 * - `data/default/` (or any `dataDir`): the database files, `neo4j.log` (the JVM's stdout and stderr)
 *   and `neo4j.pid` (one per data folder: `{ pid, uri, startedAt }`).
 *
 * The instance is started detached, so it outlives the Node process that started it; `stop` or
 * `npm run db:stop` ends it. Every failure a user can fix is a DomainError('LOCAL_NEO4J') whose
 * message says what to do.
 */

export interface LocalNeo4jOptions {
  /** Folder for jars, launcher and (by default) data; relative paths are resolved against the repo root. */
  home: string;
  /** Address Bolt listens on; the instance has authentication off, so keep it a loopback address. */
  host: string;
  boltPort: number;
  /** JVM heap, e.g. "1g"; used for both -Xms and -Xmx. */
  heap: string;
  pageCacheMiB: number;
  /** Database folder; default `<home>/data/default`. Relative paths are resolved against the repo root. */
  dataDir?: string;
  /** Receives one-line progress messages (provisioning downloads ~120 MB the first time). */
  onProgress?: (msg: string) => void;
  /** JDK home (config's JAVA_HOME); java and javac from PATH when unset. */
  javaHome?: string | undefined;
}

export interface LocalNeo4jStatus {
  /** True when our launcher process for this data folder is alive and its Bolt port accepts connections. */
  running: boolean;
  /** The process id whenever our process is alive, even if Bolt does not answer (yet). */
  pid?: number;
  uri?: string;
  /** Absolute path of the data folder. */
  dataDir: string;
  /** True when the jars and launcher are in place for the current db/pom.xml and Launcher.java. */
  provisioned: boolean;
}

const POM = join(REPO_ROOT, 'db', 'pom.xml');
const LAUNCHER_SOURCE = join(REPO_ROOT, 'db', 'src', 'main', 'java', 'dev', 'summitgraph', 'Launcher.java');
const LAUNCHER_CLASS = 'dev.summitgraph.Launcher';
/** Printed by the launcher once Bolt accepts connections. */
const READY_MARK = 'SUMMIT_GRAPH_NEO4J_READY';

const READY_TIMEOUT_MS = 120_000;
const STOP_GRACE_MS = 30_000;
const START_LOCK_WAIT_MS = READY_TIMEOUT_MS + 30_000;

/**
 * JVM flags. G1 and heap sizing follow Neo4j's own neo4j.conf defaults; the `--add-opens` lines are
 * the ones Neo4j 5's default configuration passes on Java 17+ so its off-heap and native-IO code can
 * reach JDK internals (without them it falls back to slower paths and logs warnings). The JVM exits on
 * OutOfMemoryError so a broken instance shows as stopped instead of hanging half-alive.
 */
function jvmFlags(heap: string): string[] {
  return [
    `-Xmx${heap}`,
    `-Xms${heap}`,
    '-XX:+UseG1GC',
    '-XX:-OmitStackTraceInFastThrow',
    '-XX:+ExitOnOutOfMemoryError',
    '-Dfile.encoding=UTF-8',
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '--add-opens=java.base/java.lang=ALL-UNNAMED',
  ];
}

/** Options for the instance described by the configuration (NEO4J_LOCAL_* variables). */
export function localOptionsFromConfig(config: Config): LocalNeo4jOptions {
  return {
    home: config.local.home,
    host: config.local.host,
    boltPort: config.local.boltPort,
    heap: config.local.heap,
    pageCacheMiB: config.local.pageCacheMiB,
    javaHome: config.local.javaHome,
  };
}

/** The Maven project behind the launcher (db/pom.xml and Launcher.java). */
function mavenProject(opts: LocalNeo4jOptions, paths: Layout): MavenProject {
  return {
    pom: POM,
    sources: [LAUNCHER_SOURCE],
    dist: paths.dist,
    who: 'the local Neo4j',
    jars: `the Neo4j ${neo4jVersion()} jars`,
    size: 'about 120 MB',
    otherwise: 'set NEO4J_URI to use a Neo4j you already run',
    javaHome: opts.javaHome,
    fail: localError,
    progress: opts.onProgress ?? (() => {}),
  };
}

/**
 * Makes sure `<home>/dist` holds the jars for db/pom.xml and the compiled launcher. Does nothing
 * (no Maven, no javac) when the marker says both are current; downloads again only when the pom
 * changed and recompiles when either changed. Concurrent callers for the same home wait for each
 * other through a lock file, and a half-finished run leaves the previous dist/ usable.
 */
export async function provisionLocalNeo4j(opts: LocalNeo4jOptions): Promise<void> {
  await provisionMavenProject(mavenProject(opts, layout(opts)));
}

/**
 * Starts the local Neo4j for `opts.dataDir` (provisioning first if needed) and resolves once Bolt
 * accepts connections. If our instance for that data folder is already running, returns it with
 * `alreadyRunning: true` (its uri is the one it was started with). The process is detached and keeps
 * running after this Node process exits. Fails with LOCAL_NEO4J when the port is taken by something
 * else, or when Neo4j is not up within 120 s (the half-started process is then stopped).
 */
export async function startLocalNeo4j(
  opts: LocalNeo4jOptions,
): Promise<{ uri: string; pid: number; alreadyRunning: boolean }> {
  const paths = layout(opts);
  const progress = opts.onProgress ?? (() => {});
  await provisionLocalNeo4j(opts);
  await mkdir(paths.dataDir, { recursive: true });
  return withLock(paths.startLock, START_LOCK_WAIT_MS, 'starting the local Neo4j', localError, progress, async () => {
    const found = await inspect(paths);
    if (found.kind === 'alive') {
      const { pid, uri } = found.record;
      if (!found.answers) {
        progress(`Neo4j (pid ${pid}) is running but Bolt at ${uri} does not answer yet; waiting...`);
        await waitForBolt(uri, pid, READY_TIMEOUT_MS, paths);
      }
      return { uri, pid, alreadyRunning: true };
    }
    if (found.kind === 'stale') await rm(paths.pidFile, { force: true });

    const uri = `bolt://${opts.host}:${opts.boltPort}`;
    await assertPortFree(
      opts.host,
      opts.boltPort,
      `Port ${opts.boltPort} on ${opts.host} is already in use by another program (not this project's Neo4j for ${paths.dataDir}). ` +
        `Stop that program, or choose another port, e.g. NEO4J_LOCAL_PORT=${opts.boltPort === 7687 ? 7688 : opts.boltPort + 1}.`,
      'NEO4J_LOCAL_PORT',
      localError,
    );
    const java = javaCommands(opts.javaHome);
    await checkJava(java.java, 'the local Neo4j', localError, progress);

    progress(`Starting Neo4j on ${uri} (data ${paths.dataDir}, log ${paths.logFile})...`);
    const pid = await launchDetached({
      java: java.java,
      args: [
        ...jvmFlags(opts.heap),
        '-cp',
        distClassPath(paths.dist),
        LAUNCHER_CLASS,
        paths.dataDir,
        opts.host,
        String(opts.boltPort),
        String(opts.pageCacheMiB),
      ],
      cwd: paths.dataDir,
      logFile: paths.logFile,
      pidFile: paths.pidFile,
      uri,
      name: 'Neo4j',
      ready: async (log) => log.includes(READY_MARK) && (await portAnswers(opts.host, opts.boltPort)),
      timeoutMs: READY_TIMEOUT_MS,
      fail: localError,
    });
    return { uri, pid, alreadyRunning: false };
  });
}

/**
 * Stops our instance for `opts.dataDir`: SIGTERM (the launcher shuts Neo4j down cleanly), SIGKILL if
 * it is still alive after 30 s, then removes the pid file. Resolves false when it was not running
 * (a stale pid file is removed as well).
 */
export async function stopLocalNeo4j(opts: LocalNeo4jOptions): Promise<boolean> {
  const paths = layout(opts);
  const found = await inspect(paths);
  if (found.kind === 'none') return false;
  if (found.kind === 'stale') {
    await rm(paths.pidFile, { force: true });
    return false;
  }
  opts.onProgress?.(`Stopping Neo4j (pid ${found.record.pid})...`);
  await terminate(found.record.pid, STOP_GRACE_MS);
  await rm(paths.pidFile, { force: true });
  return true;
}

/** What is known about the instance for `opts.dataDir`, without changing anything. */
export async function localNeo4jStatus(opts: LocalNeo4jOptions): Promise<LocalNeo4jStatus> {
  const paths = layout(opts);
  const provisioned = isProvisioned(mavenProject(opts, paths));
  const found = await inspect(paths);
  if (found.kind !== 'alive') return { running: false, dataDir: paths.dataDir, provisioned };
  return {
    running: found.answers,
    pid: found.record.pid,
    uri: found.record.uri,
    dataDir: paths.dataDir,
    provisioned,
  };
}

// ---------------------------------------------------------------------------------------------
// Paths and provisioning

interface Layout {
  home: string;
  dist: string;
  dataDir: string;
  pidFile: string;
  startLock: string;
  logFile: string;
}

function layout(opts: LocalNeo4jOptions): Layout {
  const home = fromRepoRoot(opts.home);
  const dist = join(home, 'dist');
  const dataDir = opts.dataDir === undefined ? join(home, 'data', 'default') : fromRepoRoot(opts.dataDir);
  return {
    home,
    dist,
    dataDir,
    pidFile: join(dataDir, 'neo4j.pid'),
    startLock: join(dataDir, 'start.lock'),
    logFile: join(dataDir, 'neo4j.log'),
  };
}

/** The Neo4j version the pom asks for, for progress messages only. */
function neo4jVersion(): string {
  return /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(readFileSync(POM, 'utf8'))?.[1] ?? '5';
}

// ---------------------------------------------------------------------------------------------
// Processes, ports, pid files

type Found =
  | { kind: 'none' }
  /** A pid file whose process is gone, or now belongs to some other program. */
  | { kind: 'stale'; record: PidRecord | undefined }
  | { kind: 'alive'; record: PidRecord; answers: boolean };

/** Reads the pid file and checks that its process is alive, is our launcher for this data folder, and answers on Bolt. */
async function inspect(paths: Layout): Promise<Found> {
  const record = await readPidFile(paths.pidFile);
  if (record === 'missing') return { kind: 'none' };
  if (record === undefined || !isAlive(record.pid) || !(await commandLineHas(record.pid, LAUNCHER_CLASS, paths.dataDir))) {
    return { kind: 'stale', record };
  }
  const { host, port } = parseBoltUri(record.uri);
  return { kind: 'alive', record, answers: await portAnswers(host, port) };
}

function parseBoltUri(uri: string): { host: string; port: number } {
  const url = new URL(uri);
  return { host: url.hostname, port: Number(url.port || 7687) };
}

/**
 * Waits until Bolt answers on `uri` while `pid` lives. Used when a previous start left the process
 * alive but not yet answering.
 */
async function waitForBolt(uri: string, pid: number, timeoutMs: number, paths: Layout): Promise<void> {
  const { host, port } = parseBoltUri(uri);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await portAnswers(host, port)) return;
    if (!isAlive(pid)) break;
    await sleep(250);
  }
  throw localError(
    `Neo4j (pid ${pid}) is running but Bolt at ${uri} does not answer. Stop it with \`npm run db:stop\` and start ` +
      `again. Last lines of ${paths.logFile}:\n${tail(paths.logFile, 0, 20)}`,
  );
}

// ---------------------------------------------------------------------------------------------

function localError(message: string): DomainError {
  return new DomainError('LOCAL_NEO4J', message);
}
