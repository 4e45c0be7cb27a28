/**
 * `npm run nlp:start [-- --instances N] | nlp:stop | nlp:status`: manages the project's own NLP
 * service (Stanford CoreNLP in a small HTTP server, see src/nlp/local-corenlp.ts). Results go to
 * stdout, one line per instance; progress (the first start downloads about 470 MB) goes to stderr.
 * Exit code 0 on success, 1 on failure; an expected failure prints only its message.
 */
import { loadConfig } from '../config.js';
import { DomainError } from '../errors.js';
import { runServiceCli } from './service-cli.js';
import { localNlpOptionsFromConfig, localNlpStatus, startLocalNlp, stopLocalNlp, type LocalNlpOptions } from '../nlp/local-corenlp.js';

function options(instances?: number): LocalNlpOptions {
  const config = loadConfig();
  if (config.nlp.urls.length > 0) {
    process.stderr.write(`Note: NLP_URL is set (${config.nlp.urls.join(', ')}), so ingest uses that service, not this local one.\n`);
  }
  return {
    ...localNlpOptionsFromConfig(config),
    ...(instances !== undefined ? { instances } : {}),
    onProgress: (msg) => process.stderr.write(`${msg}\n`),
  };
}

async function start(instances: number | undefined): Promise<number> {
  const opts = options(instances);
  const started = await startLocalNlp(opts);
  for (const i of started.instances) {
    process.stdout.write(`NLP service ${i.alreadyRunning ? 'already running' : 'running'} at ${i.url} (pid ${i.pid}, heap ${opts.heap}, ${opts.threads} thread(s))\n`);
  }
  return 0;
}

async function stop(): Promise<number> {
  const stopped = await stopLocalNlp(options());
  process.stdout.write(stopped.length > 0 ? `NLP service stopped: ${stopped.join(', ')}\n` : 'The NLP service was not running\n');
  return 0;
}

/** Exit code 0 only when at least one instance runs and every running one answers. */
async function status(): Promise<number> {
  const s = await localNlpStatus(options());
  for (const i of s.instances) {
    process.stdout.write(i.answers ? `NLP service running at ${i.url} (pid ${i.pid})\n` : `NLP service process ${i.pid} is up but ${i.url} does not answer (loading models, or hung: see .nlp/run/)\n`);
  }
  if (s.instances.length === 0) {
    process.stdout.write(`The NLP service is not running${s.provisioned ? '' : '; jars not provisioned or out of date: `npm run nlp:start` provisions them'}\n`);
    return 1;
  }
  return s.instances.every((i) => i.answers) ? 0 : 1;
}

/** --instances: 1 to 16, or undefined for NLP_INSTANCES. */
function instancesOption(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!(Number.isInteger(n) && n >= 1 && n <= 16)) {
    throw new DomainError('BAD_USER_INPUT', `--instances must be a whole number from 1 to 16, got ${JSON.stringify(raw)}`);
  }
  return n;
}

runServiceCli('nlp', 'Manage the local NLP service (Stanford CoreNLP; see the NLP_* variables)', [
  {
    name: 'start',
    description: 'provision if needed, start the instances, and wait until each answers',
    options: [{ flags: '--instances <n>', description: 'how many instances (ports NLP_LOCAL_PORT, +1, ...); default NLP_INSTANCES' }],
    run: async (o) => start(instancesOption(o.instances)),
  },
  { name: 'stop', description: 'stop every instance (SIGTERM, SIGKILL after 15 s)', run: stop },
  { name: 'status', description: 'list the running instances; exit code 1 when none runs', run: status },
]);
