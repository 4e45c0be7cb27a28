/**
 * `npm run db:start | db:stop | db:status`: manages the project's own local Neo4j (see
 * src/db/local-neo4j.ts). Results go to stdout as one short line; progress (the first start downloads
 * about 120 MB of jars) goes to stderr. Exit code 0 on success, 1 on failure; an expected failure
 * (DomainError, bad configuration) prints only its message.
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../config.js';
import {
  localNeo4jStatus,
  localOptionsFromConfig,
  startLocalNeo4j,
  stopLocalNeo4j,
  type LocalNeo4jOptions,
} from '../db/local-neo4j.js';
import { runServiceCli } from './service-cli.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Paths inside the repo are shown relative to it, others in full. */
function shown(path: string): string {
  const rel = relative(REPO_ROOT, path);
  return rel.startsWith('..') || rel === '' ? path : rel;
}

function options(): LocalNeo4jOptions {
  return {
    ...localOptionsFromConfig(loadConfig()),
    onProgress: (msg) => process.stderr.write(`${msg}\n`),
  };
}

async function start(): Promise<number> {
  const opts = options();
  const { uri, pid, alreadyRunning } = await startLocalNeo4j(opts);
  const { dataDir } = await localNeo4jStatus(opts);
  const verb = alreadyRunning ? 'already running' : 'running';
  process.stdout.write(`Neo4j ${verb} at ${uri} (pid ${pid}, data ${shown(dataDir)})\n`);
  return 0;
}

async function stop(): Promise<number> {
  const opts = options();
  const stopped = await stopLocalNeo4j(opts);
  const { dataDir } = await localNeo4jStatus(opts);
  process.stdout.write(stopped ? `Neo4j stopped (data ${shown(dataDir)})\n` : `Neo4j was not running (data ${shown(dataDir)})\n`);
  return 0;
}

/** Exit code 0 only when Neo4j is running and answering, so scripts can use `db:status` as a check. */
async function status(): Promise<number> {
  const s = await localNeo4jStatus(options());
  const provisioned = s.provisioned ? '' : '; jars not provisioned or out of date: `npm run db:start` provisions them';
  if (s.running) {
    process.stdout.write(`Neo4j running at ${s.uri} (pid ${s.pid}, data ${shown(s.dataDir)})\n`);
    return 0;
  }
  if (s.pid !== undefined) {
    process.stdout.write(
      `Neo4j process ${s.pid} is up but ${s.uri} does not answer (starting, or hung: see ${shown(s.dataDir)}/neo4j.log)\n`,
    );
    return 1;
  }
  process.stdout.write(`Neo4j is not running (data ${shown(s.dataDir)}${provisioned})\n`);
  return 1;
}

runServiceCli('db', 'Manage the local Neo4j (embedded Neo4j 5 Community, see NEO4J_LOCAL_* variables)', [
  { name: 'start', description: 'provision if needed, start, and wait until Bolt answers', run: start },
  { name: 'stop', description: 'stop cleanly (SIGTERM, SIGKILL after 30 s)', run: stop },
  { name: 'status', description: 'report whether it runs; exit code 1 when it does not', run: status },
]);
