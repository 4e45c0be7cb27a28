import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, renameSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { isAbsolute, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

/**
 * What the project's local Java services (the embedded Neo4j in src/db/local-neo4j.ts, the CoreNLP
 * service in src/nlp/local-corenlp.ts) share: Java and Maven, detached processes and their pid files,
 * lock files, logs and ports. Every failure a user can fix goes through the caller's `fail` factory,
 * so each service reports it with its own error code.
 */

/** Turns a message for the user into the caller's domain error. */
export type Fail = (message: string) => Error;

/** The repository root: relative service folders are resolved against it, never against the cwd. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const JDK_HINT = 'install a JDK 17 or 21, e.g. `apt-get install openjdk-17-jdk-headless`, or set JAVA_HOME to one';

/** neo4j.log / nlp.log are appended to across restarts; past this size the old log is moved to `<log>.1`. */
const LOG_ROTATE_BYTES = 5 * 1024 * 1024;

export function fromRepoRoot(path: string): string {
  return isAbsolute(path) ? path : resolve(REPO_ROOT, path);
}

export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

// ---------------------------------------------------------------------------------------------
// Java and Maven

/** Java and javac from the configured JDK home (JAVA_HOME) when set, else from PATH. */
export function javaCommands(javaHome: string | undefined): { java: string; javac: string } {
  if (javaHome !== undefined && javaHome !== '') {
    return { java: join(javaHome, 'bin', 'java'), javac: join(javaHome, 'bin', 'javac') };
  }
  return { java: 'java', javac: 'javac' };
}

/**
 * Fails unless `java` runs and is version 17 or newer. `who` names the service in messages
 * ("the local Neo4j"); `supported` lists the tested majors, and a newer one only gets a note.
 */
export async function checkJava(
  java: string,
  who: string,
  fail: Fail,
  progress: (msg: string) => void,
  supported: readonly number[] = [17, 21],
): Promise<void> {
  let result: CommandResult;
  try {
    result = await runCommand(java, ['-version']);
  } catch (err) {
    if (isErrno(err, 'ENOENT')) throw fail(`Java was not found (${java}). ${capitalize(who)} needs Java: ${JDK_HINT}.`);
    throw err;
  }
  const major = parseJavaMajor(result.output);
  if (major === undefined) {
    throw fail(`Could not tell the Java version from \`${java} -version\` (${firstLine(result.output)}): ${JDK_HINT}.`);
  }
  if (major < 17) throw fail(`${java} is Java ${major}, but ${who} needs Java 17 or newer: ${JDK_HINT}.`);
  if (major > Math.max(...supported)) {
    progress(`Note: ${java} is Java ${major}; ${who} is tested on Java ${supported.join(' and ')}.`);
  }
}

/** `openjdk version "17.0.15"` -> 17, `java version "1.8.0_392"` -> 8. */
export function parseJavaMajor(versionOutput: string): number | undefined {
  const m = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!m) return undefined;
  const first = Number(m[1]);
  return first === 1 && m[2] !== undefined ? Number(m[2]) : first;
}

/**
 * `mvn dependency:copy-dependencies` for `pom` into `outDir`; its whole output goes to `logPath`.
 * `what` names the jars in messages ("the Neo4j jars"); `otherwise` tells what to do without Maven.
 */
export async function copyDependencies(
  pom: string,
  outDir: string,
  logPath: string,
  what: string,
  otherwise: string,
  fail: Fail,
  progress: (msg: string) => void,
): Promise<void> {
  let downloads = 0;
  let lastReport = Date.now();
  let result: CommandResult;
  try {
    result = await runCommand('mvn', ['-B', '-f', pom, 'dependency:copy-dependencies', `-DoutputDirectory=${outDir}`], (line) => {
      if (!line.startsWith('Downloaded from')) return;
      downloads += 1;
      if (Date.now() - lastReport > 10_000) {
        lastReport = Date.now();
        progress(`  ... Maven has downloaded ${downloads} files so far`);
      }
    });
  } catch (err) {
    if (isErrno(err, 'ENOENT')) {
      throw fail(`Maven (mvn) was not found on PATH. ${what} are downloaded with Maven: install it, e.g. \`apt-get install maven\`, or ${otherwise}.`);
    }
    throw err;
  }
  await writeFile(logPath, result.output);
  if (result.code !== 0) {
    const lines = result.output.split('\n').filter((l) => l.trim() !== '');
    const errors = lines.filter((l) => l.includes('[ERROR]'));
    const shown = (errors.length > 0 ? errors : lines).slice(-15).map((l) => `  ${l}`).join('\n');
    throw fail(
      `Maven could not download ${what} (exit code ${result.code}). Check the network and any proxy ` +
        `settings in ~/.m2/settings.xml, then retry. Last lines of Maven's output (all of it is in ${logPath}):\n${shown}`,
    );
  }
}

/** Compiles `sources` against the jars in `lib` into `outDir` (created). */
export async function compileJava(javac: string, lib: string, sources: string[], outDir: string, fail: Fail): Promise<void> {
  await mkdir(outDir, { recursive: true });
  let result: CommandResult;
  try {
    result = await runCommand(javac, ['--release', '17', '-d', outDir, '-cp', join(lib, '*'), ...sources]);
  } catch (err) {
    if (isErrno(err, 'ENOENT')) throw fail(`The Java compiler was not found (${javac}); a JRE alone is not enough: ${JDK_HINT}.`);
    throw err;
  }
  if (result.code !== 0) throw fail(`Compiling ${sources.join(', ')} failed:\n${result.output.trim()}`);
}

// ---------------------------------------------------------------------------------------------
// Provisioning a Maven project: its jars and compiled sources under one dist/ folder

export interface MavenProject {
  pom: string;
  /** Java sources compiled against the jars. */
  sources: string[];
  /** Output folder: `lib/*.jar`, `classes/`, `provisioned.json` (the hashes it was built from), `maven.log`. */
  dist: string;
  /** Names the service in messages ("the local Neo4j"). */
  who: string;
  /** Names the jars in messages ("the Neo4j 5.26 jars"). */
  jars: string;
  /** The first download's size, for the progress message ("about 120 MB"). */
  size: string;
  /** What to do instead when Maven is missing ("set NEO4J_URI to use a Neo4j you already run"). */
  otherwise: string;
  javaHome?: string | undefined;
  fail: Fail;
  progress: (msg: string) => void;
}

interface ProvisionMarker {
  pom: string;
  sources: string;
}

/** How long a second process waits for the first one's download (470 MB for CoreNLP on a slow link). */
const PROVISION_LOCK_WAIT_MS = 15 * 60_000;

function wantedMarker(p: MavenProject): ProvisionMarker {
  const sources = createHash('sha256');
  for (const s of p.sources) sources.update(readFileSync(s));
  return { pom: sha256File(p.pom), sources: sources.digest('hex') };
}

function readMarker(dist: string): Partial<ProvisionMarker> | undefined {
  try {
    return JSON.parse(readFileSync(join(dist, 'provisioned.json'), 'utf8')) as Partial<ProvisionMarker>;
  } catch {
    return undefined;
  }
}

/** True when `dist` holds the jars and classes for the current pom and sources. */
export function isProvisioned(p: MavenProject): boolean {
  const want = wantedMarker(p);
  const have = readMarker(p.dist);
  return have?.pom === want.pom && have.sources === want.sources && existsSync(join(p.dist, 'lib')) && existsSync(join(p.dist, 'classes'));
}

/** The class path of a provisioned project. */
export function distClassPath(dist: string): string {
  return `${join(dist, 'classes')}:${join(dist, 'lib', '*')}`;
}

/**
 * Makes sure `p.dist` holds the jars for `p.pom` and the compiled sources. Does nothing (no Maven, no
 * javac) when the marker says both are current; downloads again only when the pom changed and
 * recompiles when either changed. Concurrent callers wait for each other through a lock file, and a
 * half-finished run leaves the previous dist/ usable.
 */
export async function provisionMavenProject(p: MavenProject): Promise<void> {
  if (isProvisioned(p)) return;
  const lib = join(p.dist, 'lib');
  const classes = join(p.dist, 'classes');
  const markerPath = join(p.dist, 'provisioned.json');
  await mkdir(p.dist, { recursive: true });
  await withLock(join(p.dist, 'provision.lock'), PROVISION_LOCK_WAIT_MS, `provisioning ${p.who}`, p.fail, p.progress, async () => {
    if (isProvisioned(p)) return;
    const want = wantedMarker(p);
    const have = readMarker(p.dist);
    const java = javaCommands(p.javaHome);
    await checkJava(java.java, p.who, p.fail, p.progress);

    if (!(have?.pom === want.pom && existsSync(lib))) {
      p.progress(`Downloading ${p.jars} with Maven into ${lib} (${p.size} the first time, then cached in ~/.m2)...`);
      const tmpLib = `${lib}.tmp`;
      await rm(tmpLib, { recursive: true, force: true });
      await copyDependencies(p.pom, tmpLib, join(p.dist, 'maven.log'), p.jars, p.otherwise, p.fail, p.progress);
      await rm(lib, { recursive: true, force: true });
      await rename(tmpLib, lib);
    }

    p.progress(`Compiling ${p.sources.map((s) => s.slice(s.lastIndexOf('/') + 1)).join(', ')}...`);
    const tmpClasses = `${classes}.tmp`;
    await rm(tmpClasses, { recursive: true, force: true });
    await compileJava(java.javac, lib, p.sources, tmpClasses, p.fail);
    await rm(classes, { recursive: true, force: true });
    await rename(tmpClasses, classes);

    // The marker is written last: a run that dies before this point is simply redone next time.
    const tmpMarker = `${markerPath}.tmp`;
    await writeFile(tmpMarker, `${JSON.stringify({ ...want, provisionedAt: new Date().toISOString() }, null, 2)}\n`);
    await rename(tmpMarker, markerPath);
    p.progress(`${capitalize(p.who)} provisioned in ${p.dist}`);
  });
}

// ---------------------------------------------------------------------------------------------
// Launching a detached JVM

export interface Launch {
  java: string;
  args: string[];
  cwd: string;
  logFile: string;
  pidFile: string;
  /** Recorded in the pid file: where the service answers. */
  uri: string;
  /** "Neo4j", "The NLP service": the subject of messages. */
  name: string;
  /** Resolves true once the service answers; `log` is this run's output so far. */
  ready: (log: string) => Promise<boolean>;
  timeoutMs: number;
  fail: Fail;
}

/**
 * Starts `java args` detached (it outlives this process), its stdout and stderr appended to
 * `logFile`, writes the pid file, and resolves with the pid once `ready` says so. When the process
 * dies or is not ready within the timeout, it is stopped, the pid file removed, and `fail` gets a
 * message with the last lines of the log.
 */
export async function launchDetached(l: Launch): Promise<number> {
  const logOffset = prepareLog(l.logFile);
  const log = openSync(l.logFile, 'a');
  let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  let spawnError: Error | undefined;
  const child = (() => {
    try {
      return spawn(l.java, l.args, { cwd: l.cwd, detached: true, stdio: ['ignore', log, log] });
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
    throw l.fail(`Could not start ${l.java}: ${spawnError?.message ?? 'no process id'}. ${JDK_HINT}.`);
  }
  await writePidFile(l.pidFile, { pid, uri: l.uri, startedAt: new Date().toISOString() });

  const deadline = Date.now() + l.timeoutMs;
  for (;;) {
    if (exit !== undefined || spawnError !== undefined) {
      await rm(l.pidFile, { force: true });
      const how = spawnError?.message ?? (exit?.signal ? `was killed by ${exit.signal}` : `exited with code ${exit?.code}`);
      throw l.fail(`${l.name} ${how} while starting. Last lines of ${l.logFile}:\n${tail(l.logFile, logOffset, 20)}`);
    }
    if (await l.ready(logSince(l.logFile, logOffset))) return pid;
    if (Date.now() > deadline) {
      await terminate(pid, 10_000);
      await rm(l.pidFile, { force: true });
      throw l.fail(
        `${l.name} did not come up on ${l.uri} within ${l.timeoutMs / 1000} s, so it was stopped. ` +
          `Last lines of ${l.logFile}:\n${tail(l.logFile, logOffset, 20)}`,
      );
    }
    await sleep(250);
  }
}

// ---------------------------------------------------------------------------------------------
// Processes, ports, pid files

export interface PidRecord {
  pid: number;
  /** Where the service answers (bolt://... or http://...). */
  uri: string;
  startedAt: string;
}

export async function readPidFile(path: string): Promise<PidRecord | undefined | 'missing'> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if (isErrno(err, 'ENOENT')) return 'missing';
    throw err;
  }
  try {
    const parsed = JSON.parse(text) as Partial<PidRecord>;
    if (Number.isInteger(parsed.pid) && typeof parsed.uri === 'string') {
      return { pid: parsed.pid as number, uri: parsed.uri, startedAt: String(parsed.startedAt ?? '') };
    }
  } catch {
    // unreadable: treated as stale below
  }
  return undefined;
}

export async function writePidFile(path: string, record: PidRecord): Promise<void> {
  const tmp = `${path}.tmp`;
  await writeFile(tmp, `${JSON.stringify(record)}\n`);
  await rename(tmp, path);
}

/** True while `pid` exists and is not a zombie (an exited child not yet reaped counts as gone). */
export function isAlive(pid: number): boolean {
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
 * `mainClass` with `marker` (its data folder, its port) among its arguments.
 */
export async function commandLineHas(pid: number, mainClass: string, marker: string): Promise<boolean> {
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
  return commandLine.includes(mainClass) && commandLine.includes(marker);
}

/** Sends SIGTERM, waits up to `graceMs` for the process to go, then SIGKILLs it. */
export async function terminate(pid: number, graceMs: number): Promise<void> {
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
export function portAnswers(host: string, port: number): Promise<boolean> {
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

/**
 * Fails unless we can listen on host:port ourselves. `inUse` is the message when another program
 * holds the port; `variable` names the setting that chooses another one.
 */
export async function assertPortFree(host: string, port: number, inUse: string, variable: string, fail: Fail): Promise<void> {
  const problem = await new Promise<NodeJS.ErrnoException | undefined>((done) => {
    const server = net.createServer();
    server.once('error', (err: NodeJS.ErrnoException) => done(err));
    server.listen({ host, port, exclusive: true }, () => server.close(() => done(undefined)));
  });
  if (problem === undefined) return;
  if (problem.code === 'EADDRINUSE') throw fail(inUse);
  throw fail(`Cannot listen on ${host}:${port} (${problem.code ?? problem.message}); choose another ${variable}.`);
}

// ---------------------------------------------------------------------------------------------
// Logs, locks, commands

/** Rotates an oversized log and returns the byte offset where this run's output will start. */
export function prepareLog(logFile: string): number {
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

export function logSince(logFile: string, offset: number): string {
  try {
    return readFileSync(logFile).subarray(offset).toString('utf8');
  } catch {
    return '';
  }
}

export function tail(logFile: string, offset: number, count: number): string {
  const lines = logSince(logFile, offset).split('\n').filter((l) => l.trim() !== '');
  if (lines.length === 0) return '  (the log is empty)';
  return lines.slice(-count).map((l) => `  ${l}`).join('\n');
}

/**
 * Runs `work` while holding a lock file that contains our pid. A lock whose holder has died is taken
 * over; a live holder is waited for up to `waitMs`, then we fail saying who holds it.
 */
export async function withLock<T>(
  lockPath: string,
  waitMs: number,
  what: string,
  fail: Fail,
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
      throw fail(
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

export interface CommandResult {
  code: number | null;
  /** stdout and stderr interleaved as they arrived. */
  output: string;
}

/** Runs a command to completion, collecting its output; rejects only when it cannot be started (e.g. ENOENT). */
export function runCommand(command: string, args: string[], onLine?: (line: string) => void): Promise<CommandResult> {
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

export function isErrno(err: unknown, code: string): boolean {
  return typeof err === 'object' && err !== null && (err as NodeJS.ErrnoException).code === code;
}

function firstLine(text: string): string {
  return text.split('\n').find((l) => l.trim() !== '')?.trim() ?? 'no output';
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
