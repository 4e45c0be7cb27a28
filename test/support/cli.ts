/**
 * Running the project's command lines as the data team does (`npm run load|ingest|retract|export`), against
 * the test database, with a time limit and the process's peak memory: a hang is killed and reported
 * as one, and memory is read from /proc while it runs (VmHWM, the resident high-water mark).
 */
import { spawn } from 'node:child_process';
import { inject } from 'vitest';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { TestQueriesDb } from './neo4j.js';
import { snapshot } from './graph.js';
import { testConfig } from './neo4j.js';

const REPO = new URL('../../', import.meta.url).pathname;

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** True when the time limit ran out and the process was killed. */
  timedOut: boolean;
  /** Peak resident memory of the process, in MiB (0 when it ended before the first reading). */
  peakMiB: number;
}

/**
 * Runs `src/bin/<command>.ts` with `args` in a Node process of its own (the same Node flags as npm's
 * scripts: tsx as loader), killed after `timeoutMs`. Never rejects: the result says what happened.
 * `ingest` runs in its default (accurate) mode on the test run's NLP services and cache, never on
 * the developer's local instance (in the integration-nlp project, which provides them).
 */
export async function runCli(command: 'load' | 'ingest' | 'retract' | 'export', args: string[], opts: { timeoutMs?: number; cwd?: string } = {}): Promise<CliResult> {
  const { uri, user, password, database } = testConfig();
  // The integration-nlp project provides the NLP services; `export` runs in the other one, without.
  const nlp = inject('nlp') as ReturnType<typeof inject<'nlp'>> | undefined;
  const child = spawn(process.execPath, ['--import', 'tsx', `${REPO}src/bin/${command}.ts`, ...args], {
    cwd: opts.cwd ?? REPO,
    env: {
      ...process.env,
      NEO4J_URI: uri,
      NEO4J_USER: user,
      NEO4J_PASSWORD: password,
      NEO4J_DATABASE: database,
      ...(nlp === undefined ? {} : { NLP_URL: nlp.urls.join(','), NLP_CACHE_DIR: nlp.cacheDir }),
      NO_COLOR: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  let peakKiB = 0;
  const sample = async (): Promise<void> => {
    const status = await readFile(`/proc/${child.pid}/status`, 'utf8').catch(() => '');
    const m = /VmHWM:\s+(\d+) kB/.exec(status);
    if (m) peakKiB = Math.max(peakKiB, Number(m[1]));
  };
  const sampler = setInterval(() => void sample(), 100);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, opts.timeoutMs ?? 60_000);
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  clearTimeout(timer);
  clearInterval(sampler);
  return { code, stdout, stderr, timedOut, peakMiB: Math.round(peakKiB / 1024) };
}

/** A checksum of the whole graph (every node and relationship with its properties, canonical order). */
export async function graphChecksum(db: TestQueriesDb): Promise<string> {
  return createHash('sha256').update(JSON.stringify(await snapshot(db))).digest('hex');
}
