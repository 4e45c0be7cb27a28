import { readdir, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config, NlpConfig } from '../config.js';
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
  provisionMavenProject,
  readPidFile,
  REPO_ROOT,
  terminate,
  withLock,
  type MavenProject,
  type PidRecord,
} from '../local/supervise.js';

/**
 * Supervisor for the project's own NLP service: Stanford CoreNLP 4.5.10 (GPL v3, run as a separate
 * process like Neo4j Community) inside a small HTTP server (nlp/src/main/java/dev/summitgraph/nlp/),
 * provisioned through Maven (nlp/pom.xml) like the local Neo4j.
 *
 * Layout under `home` (default `<repo>/.nlp`, git-ignored):
 * - `dist/lib/*.jar`, `dist/classes/`, `dist/provisioned.json`: CoreNLP and its models (473 MB,
 *   cached in ~/.m2 too) and the compiled server; nothing is downloaded again unless nlp/pom.xml
 *   changes.
 * - `run/<port>/nlp.pid`, `run/<port>/nlp.log`: one folder per instance.
 *
 * Instances are started detached (they outlive the process that started them; `npm run nlp:stop`
 * ends them all), listen on 127.0.0.1 only, on `port`, `port + 1`, ... Every failure a user can fix
 * is a DomainError('LOCAL_NLP') whose message says what to do.
 */

/**
 * The configured instances (NLP_LOCAL_HOME, NLP_LOCAL_PORT, NLP_INSTANCES, NLP_HEAP, NLP_THREADS; see
 * NlpConfig: `home` relative to the repo root, `host` a loopback address since the service has no
 * authentication), plus where their pid files go and who hears about progress.
 */
export type LocalNlpOptions = NlpConfig['local'] & {
  /**
   * Folder of the instances' pid files and logs (one subfolder per port); default `<home>/run`.
   * Tests give their own, so `npm run nlp:stop` never stops a test's instances and vice versa.
   */
  runDir?: string;
  /** Receives one-line progress messages (provisioning downloads ~470 MB the first time). */
  onProgress?: (msg: string) => void;
};

export interface LocalNlpInstance {
  url: string;
  pid: number;
  /** False while the process is alive but its HTTP port does not answer /status yet (loading models). */
  answers: boolean;
}

export const NLP_POM = join(REPO_ROOT, 'nlp', 'pom.xml');
/** The pipeline the service runs; the client hashes it into every cache key. */
export const PIPELINE_PROPERTIES = join(REPO_ROOT, 'nlp', 'pipeline.properties');
const SOURCE_DIR = join(REPO_ROOT, 'nlp', 'src', 'main', 'java', 'dev', 'summitgraph', 'nlp');
const SOURCES = ['NlpServer.java', 'NoCorefAnnotator.java'].map((f) => join(SOURCE_DIR, f));
const MAIN_CLASS = 'dev.summitgraph.nlp.NlpServer';
/** Printed by the server once the models are loaded and the port accepts requests. */
const READY_MARK = 'SUMMIT_GRAPH_NLP_READY';

/** Loading the models takes 10-20 s on an idle 2-core machine; several instances load at once. */
const READY_TIMEOUT_MS = 300_000;
const STOP_GRACE_MS = 15_000;
const START_LOCK_WAIT_MS = READY_TIMEOUT_MS + 30_000;

/** Options for the instances described by the configuration (NLP_LOCAL_*, NLP_INSTANCES, NLP_HEAP, NLP_THREADS). */
export function localNlpOptionsFromConfig(config: Config): LocalNlpOptions {
  return { ...config.nlp.local };
}

/**
 * JVM flags. The heap is a ceiling only (-Xmx): CoreNLP's models take about 2 GB and the rest is
 * working space per document. The JVM exits on OutOfMemoryError so a broken instance shows as
 * stopped (and the client's requests fail fast) instead of hanging half-alive.
 */
function jvmFlags(heap: string): string[] {
  return [`-Xmx${heap}`, '-XX:+UseG1GC', '-XX:+ExitOnOutOfMemoryError', '-Dfile.encoding=UTF-8'];
}

function localError(message: string): DomainError {
  return new DomainError('LOCAL_NLP', message);
}

function home(opts: LocalNlpOptions): string {
  return fromRepoRoot(opts.home);
}

function mavenProject(opts: LocalNlpOptions): MavenProject {
  return {
    pom: NLP_POM,
    sources: SOURCES,
    dist: join(home(opts), 'dist'),
    who: 'the NLP service',
    jars: 'Stanford CoreNLP 4.5.10 and its English models',
    size: 'about 470 MB',
    otherwise: 'set NLP_URL to an NLP service you already run, or ingest with --nlp rules',
    javaHome: opts.javaHome,
    fail: localError,
    progress: opts.onProgress ?? (() => {}),
  };
}

/**
 * Makes sure `<home>/dist` holds CoreNLP's jars and the compiled server. Does nothing when they are
 * current; downloads again only when nlp/pom.xml changed, recompiles when a source changed.
 */
export async function provisionLocalNlp(opts: LocalNlpOptions): Promise<void> {
  await provisionMavenProject(mavenProject(opts));
}

interface InstancePaths {
  port: number;
  dir: string;
  pidFile: string;
  logFile: string;
  startLock: string;
}

function runDir(opts: LocalNlpOptions): string {
  return opts.runDir === undefined ? join(home(opts), 'run') : fromRepoRoot(opts.runDir);
}

function instancePaths(opts: LocalNlpOptions, port: number): InstancePaths {
  const dir = join(runDir(opts), String(port));
  return { port, dir, pidFile: join(dir, 'nlp.pid'), logFile: join(dir, 'nlp.log'), startLock: join(dir, 'start.lock') };
}

/** GET /status answers within a few seconds (it is served by the same small pool as annotations). */
async function statusAnswers(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/status`, { signal: AbortSignal.timeout(5_000) });
    await res.body?.cancel();
    return res.ok;
  } catch {
    return false;
  }
}

type Found = { kind: 'none' } | { kind: 'stale' } | { kind: 'alive'; record: PidRecord; answers: boolean };

async function inspect(paths: InstancePaths): Promise<Found> {
  const record = await readPidFile(paths.pidFile);
  if (record === 'missing') return { kind: 'none' };
  if (record === undefined || !isAlive(record.pid) || !(await commandLineHas(record.pid, MAIN_CLASS, ` ${paths.port} `))) {
    return { kind: 'stale' };
  }
  return { kind: 'alive', record, answers: await statusAnswers(record.uri) };
}

/**
 * Starts `opts.instances` instances on `opts.port`, `opts.port + 1`, ... (provisioning first if
 * needed) and resolves with their URLs once every one answers. Instances already running are
 * reused; the missing ones load their models in parallel. Fails with LOCAL_NLP when a port is taken
 * by another program, Java or Maven is missing, or an instance does not come up (it is then stopped).
 */
export async function startLocalNlp(opts: LocalNlpOptions): Promise<{ instances: (LocalNlpInstance & { alreadyRunning: boolean })[] }> {
  const progress = opts.onProgress ?? (() => {});
  await provisionLocalNlp(opts);
  const ports = Array.from({ length: opts.instances }, (_, i) => opts.port + i);
  const instances = await Promise.all(ports.map((port) => startInstance(opts, port, progress)));
  return { instances };
}

async function startInstance(
  opts: LocalNlpOptions,
  port: number,
  progress: (msg: string) => void,
): Promise<LocalNlpInstance & { alreadyRunning: boolean }> {
  const paths = instancePaths(opts, port);
  await mkdir(paths.dir, { recursive: true });
  return withLock(paths.startLock, START_LOCK_WAIT_MS, `starting the NLP service on port ${port}`, localError, progress, async () => {
    const url = `http://${opts.host}:${port}`;
    const found = await inspect(paths);
    if (found.kind === 'alive') {
      if (!found.answers) {
        progress(`The NLP service on ${found.record.uri} (pid ${found.record.pid}) is still loading; waiting...`);
        await waitForStatus(found.record.uri, found.record.pid, paths);
      }
      return { url: found.record.uri, pid: found.record.pid, answers: true, alreadyRunning: true };
    }
    if (found.kind === 'stale') await rm(paths.pidFile, { force: true });

    await assertPortFree(
      opts.host,
      port,
      `Port ${port} on ${opts.host} is already in use by another program (not this project's NLP service). ` +
        `Stop that program, or choose another port, e.g. NLP_LOCAL_PORT=${opts.port + opts.instances + 10}.`,
      'NLP_LOCAL_PORT',
      localError,
    );
    const java = javaCommands(opts.javaHome);
    await checkJava(java.java, 'the NLP service', localError, progress);
    progress(`Starting the NLP service (CoreNLP, heap ${opts.heap}, ${opts.threads} thread(s)) on ${url}, log ${paths.logFile}; loading models takes 10-30 s...`);
    const pid = await launchDetached({
      java: java.java,
      args: [
        ...jvmFlags(opts.heap),
        '-cp',
        distClassPath(join(home(opts), 'dist')),
        MAIN_CLASS,
        opts.host,
        String(port),
        String(opts.threads),
        PIPELINE_PROPERTIES,
      ],
      cwd: paths.dir,
      logFile: paths.logFile,
      pidFile: paths.pidFile,
      uri: url,
      name: 'The NLP service',
      ready: async (log) => log.includes(READY_MARK) && (await statusAnswers(url)),
      timeoutMs: READY_TIMEOUT_MS,
      fail: localError,
    });
    return { url, pid, answers: true, alreadyRunning: false };
  });
}

async function waitForStatus(url: string, pid: number, paths: InstancePaths): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline && isAlive(pid)) {
    if (await statusAnswers(url)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw localError(
    `The NLP service (pid ${pid}) is running but ${url}/status does not answer. Stop it with \`npm run nlp:stop\` ` +
      `and start again; its log is ${paths.logFile}.`,
  );
}

/** Every instance folder under the run folder, whatever the current configuration says. */
async function knownPorts(opts: LocalNlpOptions): Promise<number[]> {
  try {
    const names = await readdir(runDir(opts));
    return names.filter((n) => /^\d+$/.test(n)).map(Number).sort((a, b) => a - b);
  } catch {
    return [];
  }
}

/**
 * Stops every instance this home has started (on any port): SIGTERM, SIGKILL after 15 s. Resolves
 * with the URLs of the instances that were running.
 */
export async function stopLocalNlp(opts: LocalNlpOptions): Promise<string[]> {
  const stopped: string[] = [];
  await Promise.all(
    (await knownPorts(opts)).map(async (port) => {
      const paths = instancePaths(opts, port);
      const found = await inspect(paths);
      if (found.kind === 'alive') {
        opts.onProgress?.(`Stopping the NLP service on ${found.record.uri} (pid ${found.record.pid})...`);
        await terminate(found.record.pid, STOP_GRACE_MS);
        stopped.push(found.record.uri);
      }
      await rm(paths.pidFile, { force: true });
    }),
  );
  return stopped.sort();
}

/** The running instances of this home (any port), and whether the jars are provisioned. */
export async function localNlpStatus(opts: LocalNlpOptions): Promise<{ instances: LocalNlpInstance[]; provisioned: boolean }> {
  const instances: LocalNlpInstance[] = [];
  for (const port of await knownPorts(opts)) {
    const found = await inspect(instancePaths(opts, port));
    if (found.kind === 'alive') instances.push({ url: found.record.uri, pid: found.record.pid, answers: found.answers });
  }
  return { instances, provisioned: isProvisioned(mavenProject(opts)) };
}
