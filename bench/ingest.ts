/**
 * `npm run bench:ingest [-- --articles 2000 --nlp both --nlp-articles 60 --seed 7 --port 7691]`: the
 * speed of the raw-article path, in both modes.
 *
 * Generates a deterministic corpus of wire-style articles (~800 words: a dateline lead naming two
 * leaders in office on the day and a city, analysts with appositions and quotes at real think tanks,
 * filler paragraphs), then times, side by side:
 *   1. rules mode: extraction alone (read + extract, no database), and extraction plus resolution
 *      plus load (`ingestPaths`) into a fresh local Neo4j that this benchmark starts on its own port
 *      and data folder;
 *   2. accurate mode (`--nlp corenlp`): the first `--nlp-articles` articles end to end with the NLP
 *      service (NLP_URL, or the local instances: NLP_INSTANCES / --nlp-instances), every article
 *      annotated (an empty cache folder of the benchmark's own), then the same again from the cache.
 * and prints articles per second for each and their ratios. Goals on a 2-core machine: rules mode
 * >= 50 articles/s end to end, accurate mode >= 1 article/s. Results go to
 * bench/results/ingest-<time>.json (git-ignored). Not a test: the numbers depend on the machine.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Command } from 'commander';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { CypherRegistry } from '../src/db/cypher.js';
import { createDriver, Db } from '../src/db/db.js';
import { startLocalNeo4j, stopLocalNeo4j, type LocalNeo4jOptions } from '../src/db/local-neo4j.js';
import { buildGazetteer } from '../src/extract/build-gazetteer.js';
import { extractArticle } from '../src/extract/extract.js';
import { covers } from '../src/extract/mentions.js';
import type { GazEntity, Gazetteer } from '../src/extract/gazetteer.js';
import { ingestPaths, type IngestSummary } from '../src/ingest/ingest.js';
import { loadConfig } from '../src/config.js';
import { NlpCache } from '../src/nlp/cache.js';
import { CoreNlpClient } from '../src/nlp/client.js';
import { localNlpOptionsFromConfig, localNlpStatus, startLocalNlp } from '../src/nlp/local-corenlp.js';
import pidusage from 'pidusage';
import type { NlpAnnotator } from '../src/nlp/types.js';
import { readArticle } from '../src/ingest/input.js';
import { applySchema, loadSeedPaths } from '../src/seed/load.js';
import { REPO_ROOT } from './paths.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const FIRST = ['Adrian', 'Amara', 'Beatriz', 'Carmen', 'Dara', 'Elena', 'Emeka', 'Farid', 'Hana', 'Ingrid', 'Jamal', 'Lara', 'Leila', 'Luis', 'Maya', 'Nadia', 'Omar', 'Priya', 'Rafael', 'Sara', 'Tomas', 'Yara', 'Zara', 'Victor', 'Grace', 'Henry', 'Julia', 'Martin', 'Nora', 'Oscar'];
const LAST = ['Abbott', 'Brenner', 'Castillo', 'Dunmore', 'Eklund', 'Fairbanks', 'Galloway', 'Hartmann', 'Ishikawa', 'Jovanovic', 'Kowalczyk', 'Lindqvist', 'Moreau', 'Nakagawa', 'Okonkwo', 'Petrakis', 'Quintero', 'Rasmussen', 'Sandoval', 'Thornbury', 'Underwood', 'Valente', 'Whitfield', 'Yamamoto', 'Zielinski'];
const TITLES = ['a senior fellow', 'a research fellow', 'the director of Asia studies', 'a visiting scholar', 'an analyst', 'a nonresident fellow'];
const VERBS = ['said', 'told reporters', 'wrote in a note', 'said in an interview'];
const FILLER = [
  'Officials on both sides described the atmosphere as businesslike, though neither delegation offered details of the most sensitive exchanges.',
  'The meeting followed months of preparatory contacts between working-level officials, according to diplomats familiar with the planning.',
  'Trade, energy and regional security were expected to dominate the agenda, along with questions about sanctions and export controls.',
  'Security around the venue was heavy, with roads closed for several hours and motorcades moving under police escort through the city.',
  'Markets reacted calmly to the news, with currency traders saying the outcome had largely been priced in before the leaders sat down.',
  'Both governments issued brief readouts after the talks, each emphasizing different parts of a discussion that ran longer than scheduled.',
  'Critics at home questioned whether the encounter would produce anything beyond photographs and carefully worded statements.',
  'The two delegations agreed to keep working-level channels open and to consider a follow-up meeting later in the year.',
];

interface Options {
  batchSize: number;
  articles: number;
  nlp: 'both' | 'rules' | 'corenlp';
  nlpArticles: number;
  nlpInstances?: number;
  seed: number;
  port: number;
  keep: boolean;
}

function rng(seed: number): () => number {
  let g: RandomGenerator = xoroshiro128plus(seed);
  return () => {
    const v = uniformFloat64(g);
    return v;
  };
}

/** Leaders who held office on `date`, by country, from the gazetteer (two different countries needed). */
function leadersOn(gaz: Gazetteer, date: string): GazEntity[] {
  const out = new Map<string, GazEntity>();
  for (const e of gaz.entities.values()) {
    if (e.kind !== 'PERSON') continue;
    const t = e.terms.find((x) => covers(x, date) && /president|prime minister|chancellor|supreme leader/i.test(x.title));
    if (t && !out.has(t.country)) out.set(t.country, e);
  }
  return [...out.values()];
}

/** Writes `n` articles into `dir`; deterministic for a given seed. */
async function generate(gaz: Gazetteer, dir: string, n: number, seed: number): Promise<void> {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const thinkTanks = [...gaz.entities.values()].filter((e) => e.kind === 'ORGANIZATION' && e.orgType === 'think tank' && e.source === 'reference');
  const cities = [...gaz.entities.values()].filter((e) => e.kind === 'PLACE' && e.placeType === 'city' && e.source === 'reference');
  await mkdir(dir, { recursive: true });
  for (let i = 0; i < n; i++) {
    const year = 2005 + Math.floor(r() * 19);
    const month = Math.floor(r() * 12);
    const day = 1 + Math.floor(r() * 27);
    const date = new Date(Date.UTC(year, month, day));
    const iso = date.toISOString().slice(0, 10);
    const published = new Date(date.getTime() + 86_400_000);
    const pool = leadersOn(gaz, iso);
    if (pool.length < 2) {
      i--;
      continue;
    }
    const a = pick(pool);
    let b = pick(pool);
    while (b.id === a.id) b = pick(pool);
    const city = pick(cities);
    const paras: string[] = [];
    paras.push(`${a.name} and ${b.name} hold talks in ${city.name}`);
    paras.push(`By ${pick(FIRST)} ${pick(LAST)}`);
    paras.push(
      `${city.name.toUpperCase()}, ${MONTHS[published.getUTCMonth()]} ${published.getUTCDate()}, ${published.getUTCFullYear()} - ${a.name} and ${b.name} held a summit in ${city.name} on ${WEEKDAYS[date.getUTCDay()]}, their first face-to-face meeting in more than a year, and pledged to keep talking.`,
    );
    let words = paras.join(' ').split(/\s+/).length;
    let q = 0;
    while (words < 800) {
      if (q < 5) {
        const name = `${pick(FIRST)} ${pick(LAST)}`;
        const org = pick(thinkTanks);
        const verb = pick(VERBS);
        paras.push(`${name}, ${pick(TITLES)} at the ${org.name}, ${verb} that the meeting mattered less for what was signed than for the tone it set.`);
        paras.push(`"The summit in ${city.name} was about keeping channels open. Neither side expected a breakthrough, and neither got one," ${name.split(' ')[1]} said. "What comes next is the harder part."`);
        q++;
      }
      paras.push(`${pick(FILLER)} ${pick(FILLER)} ${pick(FILLER)}`);
      words = paras.join(' ').split(/\s+/).length;
    }
    await writeFile(join(dir, `a-${String(i).padStart(6, '0')}.txt`), `${paras.join('\n\n')}\n`);
  }
}

async function main(opts: Options): Promise<void> {
  const t0 = performance.now();
  const gaz = await buildGazetteer();
  const gazMs = performance.now() - t0;
  const dir = join(REPO_ROOT, 'bench', 'data', `ingest-${opts.articles}-s${opts.seed}`);
  await rm(dir, { recursive: true, force: true });
  await generate(gaz, dir, opts.articles, opts.seed);
  const files = (await readdir(dir)).filter((f) => f.endsWith('.txt')).map((f) => join(dir, f));

  // 1. Extraction alone (after a short warm-up so the JIT has compiled the rules).
  for (const f of files.slice(0, 50)) extractArticle(await readArticle(f), gaz);
  const t1 = performance.now();
  let entities = 0;
  for (const f of files) entities += extractArticle(await readArticle(f), gaz).doc.entities?.length ?? 0;
  const extractMs = performance.now() - t1;

  // 2. End to end into a fresh Neo4j of the benchmark's own, once per mode.
  const neo: LocalNeo4jOptions = { home: '.neo4j', host: '127.0.0.1', boltPort: opts.port, heap: '2g', pageCacheMiB: 1024, dataDir: '.neo4j/data/bench-ingest', onProgress: (m) => process.stderr.write(`${m}\n`) };
  // CPU per article of each process, so the figures can be read apart from what else the machine runs:
  // on a 2-core machine of our own, articles/s is at most 2000 / (total CPU ms per article).
  const cpuMs = async (pid: number): Promise<number> => (await pidusage(pid)).ctime;
  const endToEnd = async (paths: string[], nlp?: NlpAnnotator, nlpPids: number[] = []): Promise<{ ms: number; summary: IngestSummary; cpuMsPerArticle: Record<string, number> }> => {
    await stopLocalNeo4j(neo).catch(() => false);
    await rm(join(REPO_ROOT, '.neo4j/data/bench-ingest'), { recursive: true, force: true });
    const { uri, pid: neoPid } = await startLocalNeo4j(neo);
    const driver = createDriver(uri, 'neo4j', 'unused');
    const db = new Db(driver, new CypherRegistry(), 'neo4j');
    try {
      await applySchema(db);
      await loadSeedPaths(db, [join(REPO_ROOT, 'seed')]);
      const snapshot = async (): Promise<number[]> => {
        const u = process.cpuUsage();
        return [(u.user + u.system) / 1000, await cpuMs(neoPid), ...(await Promise.all(nlpPids.map(cpuMs)))];
      };
      const before = await snapshot();
      const t = performance.now();
      const summary = await ingestPaths(db, gaz, paths, { ...(nlp === undefined ? { batchSize: opts.batchSize } : {}), nlp });
      const ms = performance.now() - t;
      const after = await snapshot();
      const per = (i: number): number => Math.round(((after[i] as number) - (before[i] as number)) / Math.max(1, summary.articles));
      const node = per(0);
      const neo4j = per(1);
      const corenlp = nlpPids.reduce((sum, _p, i) => sum + per(2 + i), 0);
      return { ms, summary, cpuMsPerArticle: { node, neo4j, corenlp, total: node + neo4j + corenlp } };
    } finally {
      await driver.close();
      if (!opts.keep) await stopLocalNeo4j(neo);
    }
  };

  const lines = ['', `Ingest benchmark: generated articles (~800 words), seed ${opts.seed}, ${opts.batchSize} articles per transaction`, `  gazetteer build (once per process)      ${gazMs.toFixed(0)} ms`];
  const result: Record<string, unknown> = { articles: files.length, seed: opts.seed, gazetteerMs: gazMs };
  const rate = (n: number, ms: number): number => (n / ms) * 1000;
  const cpuLine = (c: Record<string, number>): string => `${c.total} (node ${c.node}, neo4j ${c.neo4j}${c.corenlp ? `, corenlp ${c.corenlp}` : ''})`;
  const counted = (s: IngestSummary): string => `${s.nodesCreated} nodes, ${s.relationshipsCreated} relationships created, ${s.failed} failed`;

  if (opts.nlp !== 'corenlp') {
    const e2e = await endToEnd([dir]);
    const extractRate = rate(files.length, extractMs);
    const e2eRate = rate(files.length, e2e.ms);
    lines.push(
      `  rules mode, ${files.length} articles:`,
      `    extraction alone                     ${extractRate.toFixed(1)} articles/s  (${entities} entities)`,
      `    extraction + resolution + load       ${e2eRate.toFixed(1)} articles/s  (${counted(e2e.summary)})`,
      `    ratio end-to-end / extraction alone  ${(e2eRate / extractRate).toFixed(2)}`,
      `    CPU ms per article                   ${cpuLine(e2e.cpuMsPerArticle)}`,
      `    goal 50 articles/s end to end:       ${e2eRate >= 50 ? 'met' : 'NOT met'}`,
    );
    Object.assign(result, { extractMs, endToEndMs: e2e.ms, extractRate, endToEndRate: e2eRate, cpuMsPerArticle: e2e.cpuMsPerArticle, summary: { ...e2e.summary, warnings: e2e.summary.warnings.length } });
  }

  if (opts.nlp !== 'rules') {
    const config = loadConfig();
    const progress = (m: string): void => void process.stderr.write(`${m}\n`);
    const urls =
      config.nlp.urls.length > 0
        ? config.nlp.urls
        : (await startLocalNlp({ ...localNlpOptionsFromConfig(config), ...(opts.nlpInstances ? { instances: opts.nlpInstances } : {}), onProgress: progress })).instances.map((i) => i.url);
    // The CPU of the services is known when they are this checkout's local instances (also behind NLP_URL).
    const local = (await localNlpStatus(localNlpOptionsFromConfig(config))).instances;
    const nlpPids = urls.flatMap((u) => local.filter((i) => i.url === u).map((i) => i.pid));
    const cacheDir = join(REPO_ROOT, 'bench', 'data', 'nlp-cache');
    await rm(cacheDir, { recursive: true, force: true });
    const subset = files.slice(0, opts.nlpArticles);
    const subsetDir = `${dir}-first-${subset.length}`;
    await rm(subsetDir, { recursive: true, force: true });
    await mkdir(subsetDir, { recursive: true });
    for (const f of subset) await writeFile(join(subsetDir, f.slice(f.lastIndexOf('/') + 1)), await readFile(f));
    const annotating = new CoreNlpClient({ services: urls, cache: new NlpCache(cacheDir), timeoutMs: config.nlp.timeoutMs });
    const cold = await endToEnd([subsetDir], annotating, nlpPids);
    const cached = new CoreNlpClient({ services: urls, cache: new NlpCache(cacheDir), timeoutMs: config.nlp.timeoutMs });
    const warm = await endToEnd([subsetDir], cached, nlpPids);
    const coldRate = rate(subset.length, cold.ms);
    const warmRate = rate(subset.length, warm.ms);
    lines.push(
      `  accurate mode (--nlp corenlp), ${subset.length} articles, ${urls.length} NLP service(s) (${urls.join(', ')}):`,
      `    annotation + extraction + load       ${coldRate.toFixed(2)} articles/s  (${annotating.stats.annotated} annotated; ${counted(cold.summary)})`,
      `    CPU ms per article                   ${cpuLine(cold.cpuMsPerArticle)}${nlpPids.length < urls.length ? ' (CoreNLP: only the local instances are measured)' : ''}`,
      `    at most on 2 cores of our own        ${(2000 / Math.max(1, cold.cpuMsPerArticle.total ?? 1)).toFixed(2)} articles/s`,
      `    the same from the cache              ${warmRate.toFixed(1)} articles/s  (${cached.stats.cached} from the cache)`,
      `    goal 1 article/s end to end:         ${coldRate >= 1 ? 'met' : 'NOT met'}`,
    );
    Object.assign(result, { nlp: { articles: subset.length, services: urls.length, coldMs: cold.ms, cachedMs: warm.ms, coldRate, cachedRate: warmRate, cpuMsPerArticle: cold.cpuMsPerArticle } });
  }

  pidusage.clear();
  lines.push('');
  process.stdout.write(lines.join('\n'));
  await mkdir(join(REPO_ROOT, 'bench', 'results'), { recursive: true });
  const out = join(REPO_ROOT, 'bench', 'results', `ingest-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  await writeFile(out, JSON.stringify(result, null, 2));
  process.stdout.write(`Results: ${out}\n`);
}

const program = new Command()
  .name('npm run bench:ingest --')
  .option('--articles <n>', 'articles to generate', (v) => Number(v), 2000)
  .option('--seed <n>', 'generator seed', (v) => Number(v), 7)
  .option('--port <n>', 'Bolt port of the benchmark Neo4j', (v) => Number(v), 7691)
  .option('--keep', 'leave the benchmark Neo4j running afterwards')
  .option('--batch-size <n>', 'articles per write transaction in rules mode (accurate mode: the ingest default)', (v) => Number(v), 100)
  .option('--nlp <mode>', 'which modes to time: both, rules or corenlp', 'both')
  .option('--nlp-articles <n>', 'articles for the accurate mode (the first N of the corpus)', (v) => Number(v), 60)
  .option('--nlp-instances <n>', 'local NLP instances to start when NLP_URL is unset (default NLP_INSTANCES)', (v) => Number(v))
  .action((opts: Options) => main(opts));

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`bench:ingest failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
});
