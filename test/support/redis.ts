/**
 * A real Redis for the replica tests, provisioned by the project the way the browser is
 * (debian.ts): Debian's `redis-server` package and what it needs, fetched with `apt-get download`
 * and unpacked into a cache folder (default `~/.cache/summit-graph/redis`), no root. `REDIS_SERVER_PATH`
 * names a redis-server to use instead. Each test server runs on its own port and data folder, with
 * persistence off, and is stopped by the test that started it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { constants } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CACHE_ROOT, exists, provideDebianPackages, type Unpacked } from './debian.js';
import { freePort } from './ports.js';

export interface RedisOptions {
  /** A redis-server to use as it is (REDIS_SERVER_PATH). */
  override?: string;
  /** Where the unpacked packages live (REDIS_CACHE_DIR; default ~/.cache/summit-graph/redis). */
  cacheDir?: string;
  log?: (message: string) => void;
}

export const DEFAULT_REDIS_CACHE = join(CACHE_ROOT, 'redis');

/** The redis-server to run: the override, the cached one, or one provisioned now. */
export async function provideRedis(opts: RedisOptions = {}): Promise<Pick<Unpacked, 'executablePath' | 'env'>> {
  if (opts.override) {
    if (!(await exists(opts.override, constants.X_OK))) throw new Error(`REDIS_SERVER_PATH=${opts.override} is not an executable file`);
    return { executablePath: opts.override, env: {} };
  }
  try {
    return await provideDebianPackages({
      // redis-server brings redis-tools, which holds the binary; its usr/bin/redis-server is a
      // link to it, and the name it is started by makes it a server.
      packages: ['redis-server'],
      executable: join('usr', 'bin', 'redis-server'),
      cacheDir: opts.cacheDir ?? DEFAULT_REDIS_CACHE,
      what: 'Redis for the replica tests',
      size: 'about 2 MB',
      ...(opts.log ? { log: opts.log } : {}),
    });
  } catch (err) {
    throw new Error(
      `Could not provision Redis for the replica tests: ${(err as Error).message}.\n` +
        'It needs apt-get, apt-cache, dpkg-deb and Debian package lists (run `apt-get update` as root once), and network access to the Debian mirror. ' +
        "Alternatively install Debian's redis-server package and set REDIS_SERVER_PATH=/usr/bin/redis-server.",
    );
  }
}

export interface TestRedis {
  readonly url: string;
  readonly port: number;
  /** Stops the server (SIGTERM, then SIGKILL); resolves once it has exited. */
  stop(): Promise<void>;
  /** Starts it again on the same port (after stop()). */
  restart(): Promise<void>;
}

/** Starts redis-server on a free port of 127.0.0.1 with `dir` as its working folder, persistence off. */
export async function startRedis(server: Pick<Unpacked, 'executablePath' | 'env'>, dir: string): Promise<TestRedis> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  let output = '';
  const start = async (): Promise<void> => {
    output = '';
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--protected-mode', 'yes', '--loglevel', 'warning'];
    const proc = spawn(server.executablePath, args, { env: { ...process.env, ...server.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    proc.stdout!.on('data', (c: Buffer) => (output += String(c)));
    proc.stderr!.on('data', (c: Buffer) => (output += String(c)));
    const deadline = Date.now() + 10_000;
    for (;;) {
      if (proc.exitCode !== null) throw new Error(`redis-server exited with code ${proc.exitCode} while starting:\n${output}`);
      if (await answers(port)) return;
      if (Date.now() > deadline) {
        proc.kill('SIGKILL');
        throw new Error(`redis-server did not answer on port ${port} within 10 s:\n${output}`);
      }
      await sleep(50);
    }
  };
  const stop = async (): Promise<void> => {
    const proc = child;
    if (proc === undefined || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, port, stop, restart: start };
}

/** True when a PING on 127.0.0.1:port gets PONG. */
async function answers(port: number): Promise<boolean> {
  const net = await import('node:net');
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (d) => done(String(d).startsWith('+PONG')));
  });
}
