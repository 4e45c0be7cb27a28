import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, renameSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { isAbsolute, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config.js';
import { DomainError } from '../errors.js';

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

/** The repository root: relative `home` and `dataDir` are resolved against it, never against the cwd. */
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const POM = join(REPO_ROOT, 'db', 'pom.xml');
const LAUNCHER_SOURCE = join(REPO_ROOT, 'db', 'src', 'main', 'java', 'dev', 'summitgraph', 'Launcher.java');
const LAUNCHER_CLASS = 'dev.summitgraph.Launcher';
/** Printed by the launcher once Bolt accepts connections. */
const READY_MARK = 'SUMMIT_GRAPH_NEO4J_READY';

const READY_TIMEOUT_MS = 120_000;
const STOP_GRACE_MS = 30_000;
const PROVISION_LOCK_WAIT_MS = 15 * 60_000;
const START_LOCK_WAIT_MS = READY_TIMEOUT_MS + 30_000;
/** neo4j.log is appended to across restarts; past this size the old log is moved to neo4j.log.1. */
const LOG_ROTATE_BYTES = 5 * 1024 * 1024;
const JDK_HINT = 'install a JDK 17 or 21, e.g. `apt-get install openjdk-17-jdk-headless`, or set JAVA_HOME to one';

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

/**
 * Makes sure `<home>/dist` holds the jars for db/pom.xml and the compiled launcher. Does nothing
 * (no Maven, no javac) when the marker says both are current; downloads again only when the pom
 * changed and recompiles when either changed. Concurrent callers for the same home wait for each
 * other through a lock file, and a half-finished run leaves the previous dist/ usable.
 */
export async function provisionLocalNeo4j(opts: LocalNeo4jOptions): Promise<void> {
  const paths = layout(opts);
  const want = sourceHashes();
  if (isProvisioned(paths, want)) return;
  const progress = opts.onProgress ?? (() => {});
  await mkdir(paths.dist, { recursive: true });
  await withLock(paths.provisionLock, PROVISION_LOCK_WAIT_MS, 'provisioning the local Neo4j', progress, async () => {
    if (isProvisioned(paths, want)) return;
    const have = readMarker(paths);
    const java = javaCommands(opts.javaHome);
    await checkJava(java.java, progress);

    const libCurrent = have?.pom === want.pom && existsSync(paths.lib);
    if (!libCurrent) {
      progress(`Downloading Neo4j ${neo4jVersion()} jars with Maven into ${paths.lib} (about 120 MB the first time, then cached in ~/.m2)...`);
      const tmpLib = `${paths.lib}.tmp`;
      await rm(tmpLib, { recursive: true, force: true });
      await copyDependencies(tmpLib, paths.mavenLog, progress);
      await rm(paths.lib, { recursive: true, force: true });
      await rename(tmpLib, paths.lib);
    }

    progress('Compiling the launcher...');
    const tmpClasses = `${paths.classes}.tmp`;
    await rm(tmpClasses, { recursive: true, force: true });
    await compileLauncher(java.javac, paths.lib, tmpClasses);
    await rm(paths.classes, { recursive: true, force: true });
    await rename(tmpClasses, paths.classes);

    // The marker is written last: a run that dies before this point is simply redone next time.
    const tmpMarker = `${paths.marker}.tmp`;
    await writeFile(tmpMarker, `${JSON.stringify({ ...want, provisionedAt: new Date().toISOString() }, null, 2)}\n`);
    await rename(tmpMarker, paths.marker);
    progress(`Local Neo4j provisioned in ${paths.dist}`);
  });
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
  return withLock(paths.startLock, START_LOCK_WAIT_MS, 'starting the local Neo4j', progress, async () => {
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
    await assertPortFree(opts.host, opts.boltPort, paths.dataDir);
    const java = javaCommands(opts.javaHome);
    await checkJava(java.java, progress);

    const logOffset = prepareLog(paths.logFile);
    const log = openSync(paths.logFile, 'a');
    let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    let spawnError: Error | undefined;
    const child = (() => {
      try {
        return spawn(
          java.java,
          [
            ...jvmFlags(opts.heap),
            '-cp',
            `${paths.classes}:${join(paths.lib, '*')}`,
            LAUNCHER_CLASS,
            paths.dataDir,
            opts.host,
            String(opts.boltPort),
            String(opts.pageCacheMiB),
          ],
          { cwd: paths.dataDir, detached: true, stdio: ['ignore', log, log] },
        );
      } finally {
        closeSync(log);
      }
    })();
    child.on('error', (err) => (spawnError = err));
    child.on('exit', (code, signal) => (exit = { code, signal }));
    child.unref();
    const pid = child.pid;
    if (pid === undefined) {
      await sleep(50);
      throw localError(`Could not start ${java.java}: ${spawnError?.message ?? 'no process id'}. ${JDK_HINT}.`);
    }
    await writePidFile(paths.pidFile, { pid, uri, startedAt: new Date().toISOString() });
    progress(`Starting Neo4j on ${uri} (pid ${pid}, data ${paths.dataDir}, log ${paths.logFile})...`);

    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      if (exit !== undefined || spawnError !== undefined) {
        await rm(paths.pidFile, { force: true });
        const how = spawnError?.message ?? (exit?.signal ? `was killed by ${exit.signal}` : `exited with code ${exit?.code}`);
        throw localError(
          `Neo4j ${how} while starting. Last lines of ${paths.logFile}:\n${tail(paths.logFile, logOffset, 20)}`,
        );
      }
      if (logSince(paths.logFile, logOffset).includes(READY_MARK) && (await boltAnswers(opts.host, opts.boltPort))) {
        return { uri, pid, alreadyRunning: false };
      }
      if (Date.now() > deadline) {
        await terminate(pid, 10_000);
        await rm(paths.pidFile, { force: true });
        throw localError(
          `Neo4j did not come up on ${uri} within ${READY_TIMEOUT_MS / 1000} s, so it was stopped. ` +
            `Last lines of ${paths.logFile}:\n${tail(paths.logFile, logOffset, 20)}`,
        );
      }
      await sleep(250);
    }
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
  const provisioned = isProvisioned(paths, sourceHashes());
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
  lib: string;
  classes: string;
  marker: string;
  mavenLog: string;
  provisionLock: string;
  dataDir: string;
  pidFile: string;
  startLock: string;
  logFile: string;
}

function fromRepoRoot(path: string): string {
  return isAbsolute(path) ? path : resolve(REPO_ROOT, path);
}

function layout(opts: LocalNeo4jOptions): Layout {
  const home = fromRepoRoot(opts.home);
  const dist = join(home, 'dist');
  const dataDir = opts.dataDir === undefined ? join(home, 'data', 'default') : fromRepoRoot(opts.dataDir);
  return {
    home,
    dist,
    lib: join(dist, 'lib'),
    classes: join(dist, 'classes'),
    marker: join(dist, 'provisioned.json'),
    mavenLog: join(dist, 'maven.log'),
    provisionLock: join(dist, 'provision.lock'),
    dataDir,
    pidFile: join(dataDir, 'neo4j.pid'),
    startLock: join(dataDir, 'start.lock'),
    logFile: join(dataDir, 'neo4j.log'),
  };
}

interface SourceHashes {
  pom: string;
  launcher: string;
}

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function sourceHashes(): SourceHashes {
  return { pom: sha256(POM), launcher: sha256(LAUNCHER_SOURCE) };
}

function readMarker(paths: Layout): Partial<SourceHashes> | undefined {
  try {
    return JSON.parse(readFileSync(paths.marker, 'utf8')) as Partial<SourceHashes>;
  } catch {
    return undefined;
  }
}

function isProvisioned(paths: Layout, want: SourceHashes): boolean {
  const have = readMarker(paths);
  return (
    have?.pom === want.pom &&
    have.launcher === want.launcher &&
    existsSync(paths.lib) &&
    existsSync(join(paths.classes, 'dev', 'summitgraph', 'Launcher.class'))
  );
}

/** The Neo4j version the pom asks for, for progress messages only. */
function neo4jVersion(): string {
  return /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(readFileSync(POM, 'utf8'))?.[1] ?? '5';
}

/** Java and javac from the configured JDK home (JAVA_HOME) when set, else from PATH. */
function javaCommands(javaHome: string | undefined): { java: string; javac: string } {
  if (javaHome !== undefined && javaHome !== '') {
    return { java: join(javaHome, 'bin', 'java'), javac: join(javaHome, 'bin', 'javac') };
  }
  return { java: 'java', javac: 'javac' };
}

/** Fails unless `java` runs and is version 17 or newer; Neo4j 5.26 supports 17 and 21. */
async function checkJava(java: string, progress: (msg: string) => void): Promise<void> {
  let result: CommandResult;
  try {
    result = await runCommand(java, ['-version']);
  } catch (err) {
    if (isErrno(err, 'ENOENT')) throw localError(`Java was not found (${java}). The local Neo4j needs Java: ${JDK_HINT}.`);
    throw err;
  }
  const major = parseJavaMajor(result.output);
  if (major === undefined) {
    throw localError(`Could not tell the Java version from \`${java} -version\` (${firstLine(result.output)}): ${JDK_HINT}.`);
  }
  if (major < 17) {
    throw localError(`${java} is Java ${major}, but Neo4j 5 needs Java 17 or newer: ${JDK_HINT}.`);
  }
  if (major > 21) progress(`Note: ${java} is Java ${major}; Neo4j 5.26 is supported on Java 17 and 21.`);
}

/** `openjdk version "17.0.15"` -> 17, `java version "1.8.0_392"` -> 8. */
function parseJavaMajor(versionOutput: string): number | undefined {
  const m = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!m) return undefined;
  const first = Number(m[1]);
  return first === 1 && m[2] !== undefined ? Number(m[2]) : first;
}

/** `mvn dependency:copy-dependencies` for db/pom.xml into `outDir`; its whole output goes to `logPath`. */
async function copyDependencies(outDir: string, logPath: string, progress: (msg: string) => void): Promise<void> {
  let downloads = 0;
  let lastReport = Date.now();
  let result: CommandResult;
  try {
    result = await runCommand(
      'mvn',
      ['-B', '-f', POM, 'dependency:copy-dependencies', `-DoutputDirectory=${outDir}`],
      (line) => {
        if (!line.startsWith('Downloaded from')) return;
        downloads += 1;
        if (Date.now() - lastReport > 10_000) {
          lastReport = Date.now();
          progress(`  ... Maven has downloaded ${downloads} files so far`);
        }
      },
    );
  } catch (err) {
    if (isErrno(err, 'ENOENT')) {
      throw localError(
        'Maven (mvn) was not found on PATH. The local Neo4j downloads its jars with Maven: install it, ' +
          'e.g. `apt-get install maven`, or set NEO4J_URI to use a Neo4j you already run.',
      );
    }
    throw err;
  }
  await writeFile(logPath, result.output);
  if (result.code !== 0) {
    const lines = result.output.split('\n').filter((l) => l.trim() !== '');
    const errors = lines.filter((l) => l.includes('[ERROR]'));
    const shown = (errors.length > 0 ? errors : lines).slice(-15).map((l) => `  ${l}`).join('\n');
    throw localError(
      `Maven could not download the Neo4j jars (exit code ${result.code}). Check the network and any proxy ` +
        `settings in ~/.m2/settings.xml, then retry. Last lines of Maven's output (all of it is in ${logPath}):\n${shown}`,
    );
  }
}

async function compileLauncher(javac: string, lib: string, outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  let result: CommandResult;
  try {
    result = await runCommand(javac, ['--release', '17', '-d', outDir, '-cp', join(lib, '*'), LAUNCHER_SOURCE]);
  } catch (err) {
    if (isErrno(err, 'ENOENT')) {
      throw localError(`The Java compiler was not found (${javac}); a JRE alone is not enough: ${JDK_HINT}.`);
    }
    throw err;
  }
  if (result.code !== 0) {
    throw localError(`Compiling ${LAUNCHER_SOURCE} failed:\n${result.output.trim()}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Processes, ports, pid files

interface PidRecord {
  pid: number;
  uri: string;
  startedAt: string;
}

type Found =
  | { kind: 'none' }
  /** A pid file whose process is gone, or now belongs to some other program. */
  | { kind: 'stale'; record: PidRecord | undefined }
  | { kind: 'alive'; record: PidRecord; answers: boolean };

/** Reads the pid file and checks that its process is alive, is our launcher for this data folder, and answers on Bolt. */
async function inspect(paths: Layout): Promise<Found> {
  let text: string;
  try {
    text = await readFile(paths.pidFile, 'utf8');
  } catch (err) {
    if (isErrno(err, 'ENOENT')) return { kind: 'none' };
    throw err;
  }
  let record: PidRecord | undefined;
  try {
    const parsed = JSON.parse(text) as Partial<PidRecord>;
    if (Number.isInteger(parsed.pid) && typeof parsed.uri === 'string') {
      record = { pid: parsed.pid as number, uri: parsed.uri, startedAt: String(parsed.startedAt ?? '') };
    }
  } catch {
    record = undefined;
  }
  if (record === undefined || !isAlive(record.pid) || !(await isOurLauncher(record.pid, paths.dataDir))) {
    return { kind: 'stale', record };
  }
  const { host, port } = parseBoltUri(record.uri);
  return { kind: 'alive', record, answers: await boltAnswers(host, port) };
}

async function writePidFile(path: string, record: PidRecord): Promise<void> {
  const tmp = `${path}.tmp`;
  await writeFile(tmp, `${JSON.stringify(record)}\n`);
  await rename(tmp, path);
}

function parseBoltUri(uri: string): { host: string; port: number } {
  const url = new URL(uri);
  return { host: url.hostname, port: Number(url.port || 7687) };
}

/** True while `pid` exists and is not a zombie (an exited child not yet reaped counts as gone). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if (isErrno(err, 'EPERM')) return true;
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no /proc (macOS): kill(0) is the best we have
  }
}

/**
 * Guards against pid reuse: a pid file from before a reboot may name an unrelated process. Ours runs
 * the launcher class with this data folder as an argument.
 */
async function isOurLauncher(pid: number, dataDir: string): Promise<boolean> {
  let commandLine: string;
  try {
    commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    try {
      commandLine = (await runCommand('ps', ['-o', 'command=', '-p', String(pid)])).output;
    } catch {
      return true; // cannot tell: trust the pid file
    }
  }
  return commandLine.includes(LAUNCHER_CLASS) && commandLine.includes(dataDir);
}

/** Sends SIGTERM, waits up to `graceMs` for the process to go, then SIGKILLs it. */
async function terminate(pid: number, graceMs: number): Promise<void> {
  signal(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(200);
  if (!isAlive(pid)) return;
  signal(pid, 'SIGKILL');
  const killDeadline = Date.now() + 5_000;
  while (isAlive(pid) && Date.now() < killDeadline) await sleep(100);
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch (err) {
    if (!isErrno(err, 'ESRCH')) throw err;
  }
}

/** True when something accepts TCP connections on host:port within one second. */
function boltAnswers(host: string, port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = net.connect({ host, port });
    const finish = (ok: boolean): void => {
      socket.destroy();
      done(ok);
    };
    socket.setTimeout(1000, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

/** Fails with a message naming the port when we cannot listen on it ourselves. */
async function assertPortFree(host: string, port: number, dataDir: string): Promise<void> {
  const problem = await new Promise<NodeJS.ErrnoException | undefined>((done) => {
    const server = net.createServer();
    server.once('error', (err: NodeJS.ErrnoException) => done(err));
    server.listen({ host, port, exclusive: true }, () => server.close(() => done(undefined)));
  });
  if (problem === undefined) return;
  if (problem.code === 'EADDRINUSE') {
    throw localError(
      `Port ${port} on ${host} is already in use by another program (not this project's Neo4j for ${dataDir}). ` +
        `Stop that program, or choose another port, e.g. NEO4J_LOCAL_PORT=${port === 7687 ? 7688 : port + 1}.`,
    );
  }
  throw localError(`Cannot listen on ${host}:${port} (${problem.code ?? problem.message}); choose another NEO4J_LOCAL_PORT.`);
}

/**
 * Waits until Bolt answers on `uri` while `pid` lives. Used when a previous start left the process
 * alive but not yet answering.
 */
async function waitForBolt(uri: string, pid: number, timeoutMs: number, paths: Layout): Promise<void> {
  const { host, port } = parseBoltUri(uri);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await boltAnswers(host, port)) return;
    if (!isAlive(pid)) break;
    await sleep(250);
  }
  throw localError(
    `Neo4j (pid ${pid}) is running but Bolt at ${uri} does not answer. Stop it with \`npm run db:stop\` and start ` +
      `again. Last lines of ${paths.logFile}:\n${tail(paths.logFile, 0, 20)}`,
  );
}

// ---------------------------------------------------------------------------------------------
// Logs, locks, small helpers

/** Rotates an oversized log and returns the byte offset where this run's output will start. */
function prepareLog(logFile: string): number {
  let size: number;
  try {
    size = statSync(logFile).size;
  } catch {
    return 0;
  }
  if (size < LOG_ROTATE_BYTES) return size;
  try {
    renameSync(logFile, `${logFile}.1`);
    return 0;
  } catch {
    return size; // keep appending to the old log
  }
}

function logSince(logFile: string, offset: number): string {
  try {
    return readFileSync(logFile).subarray(offset).toString('utf8');
  } catch {
    return '';
  }
}

function tail(logFile: string, offset: number, count: number): string {
  const lines = logSince(logFile, offset).split('\n').filter((l) => l.trim() !== '');
  if (lines.length === 0) return '  (the log is empty)';
  return lines.slice(-count).map((l) => `  ${l}`).join('\n');
}

/**
 * Runs `work` while holding a lock file that contains our pid. A lock whose holder has died is taken
 * over; a live holder is waited for up to `waitMs`, then we fail saying who holds it.
 */
async function withLock<T>(
  lockPath: string,
  waitMs: number,
  what: string,
  progress: (msg: string) => void,
  work: () => Promise<T>,
): Promise<T> {
  const deadline = Date.now() + waitMs;
  let told = false;
  for (;;) {
    try {
      await writeFile(lockPath, String(process.pid), { flag: 'wx' });
      break;
    } catch (err) {
      if (!isErrno(err, 'EEXIST')) throw err;
    }
    const holder = Number((await readFile(lockPath, 'utf8').catch(() => '')).trim());
    const fresh = await stat(lockPath).then((s) => Date.now() - s.mtimeMs < 5_000, () => false);
    if (!(Number.isInteger(holder) && holder > 0 && isAlive(holder)) && !(holder === 0 && fresh)) {
      await rm(lockPath, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw localError(
        `Another process (pid ${holder}) has been ${what} for too long (lock file ${lockPath}). ` +
          'Wait for it to finish, or end it and delete the lock file.',
      );
    }
    if (!told) {
      progress(`Waiting for process ${holder}, which is ${what}...`);
      told = true;
    }
    await sleep(500);
  }
  try {
    return await work();
  } finally {
    await rm(lockPath, { force: true });
  }
}

interface CommandResult {
  code: number | null;
  /** stdout and stderr interleaved as they arrived. */
  output: string;
}

/** Runs a command to completion, collecting its output; rejects only when it cannot be started (e.g. ENOENT). */
function runCommand(command: string, args: string[], onLine?: (line: string) => void): Promise<CommandResult> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let partial = '';
    const collect = (chunk: Buffer): void => {
      const text = chunk.toString('utf8');
      output += text;
      if (onLine === undefined) return;
      const lines = (partial + text).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) onLine(line);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', fail);
    child.once('close', (code) => done({ code, output }));
  });
}

function localError(message: string): DomainError {
  return new DomainError('LOCAL_NEO4J', message);
}

function isErrno(err: unknown, code: string): boolean {
  return typeof err === 'object' && err !== null && (err as NodeJS.ErrnoException).code === code;
}

function firstLine(text: string): string {
  return text.split('\n').find((l) => l.trim() !== '')?.trim() ?? 'no output';
}
