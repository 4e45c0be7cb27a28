/**
 * `npm start`'s entry point (src/bin/start.ts) as a child process against the test Neo4j, for the
 * tests that need the real process: its stderr, its signals, two replicas side by side.
 */
import { spawn } from 'node:child_process';
import { testConfig } from './neo4j.js';
import { freePort } from './ports.js';

const REPO_ROOT = new URL('../../', import.meta.url).pathname;

export interface ServerProcess {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  /** Everything it wrote on stderr so far. */
  stderr(): string;
  /** SIGTERM, then its exit code (SIGKILL after 30 s). */
  stop(): Promise<number | null>;
}

/** Starts the server with `env` added to the test database's settings; resolves once it serves. */
export async function startServer(env: Record<string, string> = {}): Promise<ServerProcess> {
  const { uri, user, password, database } = testConfig();
  const port = await freePort();
  let stderr = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/bin/start.ts'], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password, NEO4J_DATABASE: database, PORT: String(port), LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += String(chunk);
  });
  const end = Date.now() + 120_000;
  while (!stderr.includes('GraphQL ready')) {
    if (Date.now() > end || child.exitCode !== null) {
      child.kill('SIGKILL');
      throw new Error(`the server did not start; stderr:\n${stderr.slice(-3000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    stderr: () => stderr,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}
