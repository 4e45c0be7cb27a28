/**
 * The one module that reads the environment. Every setting has a documented default; every bad
 * variable is reported together in one ConfigError, so a misconfigured deployment fails once with
 * the whole list instead of one variable per restart.
 */

import type { ErrorCode } from './errors.js';
import { TRUSTED_DOCUMENTS_MODES, type TrustedDocumentsMode } from './graphql/trusted-documents.js';

export interface Neo4jConfig {
  /** Bolt URI of an external Neo4j. Unset means: use the project's own local Neo4j (embedded default). */
  uri: string | undefined;
  user: string;
  password: string;
  database: string;
}

export interface LocalNeo4jConfig {
  /** Folder for the local Neo4j's jars, launcher, data and logs (git-ignored). */
  home: string;
  host: string;
  boltPort: number;
  /** JVM heap for the local Neo4j, e.g. "1g". */
  heap: string;
  /** Page cache in MiB. */
  pageCacheMiB: number;
  /** JDK to run it with (JAVA_HOME, the JDK's own convention that Maven honours too); unset: PATH. */
  javaHome: string | undefined;
}

export interface HttpConfig {
  host: string;
  port: number;
  /**
   * Origins (scheme, host and port, e.g. `https://dash.example.org`) whose browser pages may call the
   * API: their requests get CORS headers. Empty (the default): same-origin only, no CORS headers for
   * anyone.
   */
  corsOrigins: string[];
  /** On SIGTERM/SIGINT, how long in-flight requests may take to finish before their connections are cut. */
  shutdownGraceMs: number;
}

/** The statistical NLP backbone (Stanford CoreNLP as a separate local service, see src/nlp/). */
export interface NlpConfig {
  /** Services from NLP_URL (comma-separated http URLs); empty means the project's own local service(s). */
  urls: string[];
  local: {
    /** Folder for the service's jars, compiled classes, pid files and logs (git-ignored). */
    home: string;
    host: string;
    /** Port of the first instance; instance i listens on port + i. */
    port: number;
    /** How many service processes `npm run nlp:start` and ingest start (each loads its own models). */
    instances: number;
    /** JVM heap of each instance, e.g. "3g". */
    heap: string;
    /** Documents one instance annotates at once. */
    threads: number;
    javaHome: string | undefined;
  };
  /** Folder of cached annotations, or undefined when NLP_CACHE_DIR=off. */
  cacheDir: string | undefined;
  /** How long one article's annotation may take before the request fails, in ms. */
  timeoutMs: number;
}

export interface Config {
  neo4j: Neo4jConfig;
  local: LocalNeo4jConfig;
  nlp: NlpConfig;
  http: HttpConfig;
  /** pino log level. */
  logLevel: string;
  /**
   * How long a GraphQL response is served from the in-process response cache, in ms; 0 disables it.
   * Data changes only through out-of-process loads (`npm run load`/`ingest`), never through the API,
   * so this bounds how stale an answer can be after a load.
   */
  responseCacheTtlMs: number;
  /** Trusted documents (src/graphql/trusted-documents.ts): the mode and the manifest file, if any. */
  trustedDocuments: { mode: TrustedDocumentsMode; manifest: string | undefined };
  /**
   * A Redis (redis:// or rediss://) that replicas share the response cache through
   * (src/graphql/shared-cache.ts); undefined: each process keeps its own cache in memory.
   */
  redisUrl: string | undefined;
}

export class ConfigError extends Error {
  readonly code: ErrorCode = 'BAD_CONFIG';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Default of SHUTDOWN_GRACE_MS: a request the API serves takes milliseconds; 10 s covers a slow one on a loaded database. */
export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;

/** Default of RESPONSE_CACHE_TTL_MS: dashboards refresh every few seconds; 5 s of staleness after a load is acceptable. */
export const DEFAULT_RESPONSE_CACHE_TTL_MS = 5000;

/**
 * Default of NLP_HEAP. CoreNLP's English models with this pipeline need about 2 GB of heap; 3g leaves
 * room for two documents at once and, with Neo4j's 1g heap and page cache beside it, fits a 24 GiB
 * machine with two instances (see docs/nlp.md for the measurements).
 */
export const DEFAULT_NLP_HEAP = '3g';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * Builds the typed configuration from `env` (default: process.env).
 *
 * Variables and defaults:
 * - NEO4J_URI (unset: local Neo4j), NEO4J_USER (neo4j), NEO4J_PASSWORD (summit-graph), NEO4J_DATABASE (neo4j)
 * - NEO4J_LOCAL_HOME (.neo4j), NEO4J_LOCAL_PORT (7687), NEO4J_LOCAL_HEAP (1g), NEO4J_LOCAL_PAGECACHE_MB (256)
 * - JAVA_HOME (unset: java and javac from PATH)
 * - HOST (127.0.0.1), PORT (4000), LOG_LEVEL (info)
 * - CORS_ORIGINS (empty: same-origin only; else a comma-separated list of origins such as https://dash.example.org)
 * - SHUTDOWN_GRACE_MS (10000; how long in-flight requests may finish after SIGTERM)
 * - RESPONSE_CACHE_TTL_MS (5000; 0 disables the response cache)
 * - TRUSTED_DOCUMENTS (allow: off, allow or only), TRUSTED_DOCUMENTS_MANIFEST (unset: no documents; required by only)
 * - REDIS_URL (unset: the response cache is in process; redis://[:password@]host:6379[/db] or rediss://: shared by the replicas)
 * - NLP_URL (unset: the local NLP service; several comma-separated URLs spread the articles over them),
 *   NLP_LOCAL_HOME (.nlp), NLP_LOCAL_PORT (9100), NLP_INSTANCES (1), NLP_HEAP (3g), NLP_THREADS (2),
 *   NLP_CACHE_DIR (.nlp/cache; `off` disables the cache), NLP_TIMEOUT_MS (120000)
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const str = (name: string, fallback: string): string => {
    const v = env[name];
    if (v === undefined || v === '') return fallback;
    return v;
  };
  const port = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > 65535) {
      problems.push(`${name} must be a port number from 1 to 65535, got ${JSON.stringify(raw)}`);
      return fallback;
    }
    return n;
  };
  /** A whole number of at least `min` (1: "a positive whole number", 0: "a whole number of 0 or more"). */
  const wholeNumber = (name: string, fallback: number, min: 0 | 1): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) {
      problems.push(`${name} must be ${min === 1 ? 'a positive whole number' : 'a whole number of 0 or more'}, got ${JSON.stringify(raw)}`);
      return fallback;
    }
    return n;
  };

  const origins = (name: string): string[] => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return [];
    const list: string[] = [];
    for (const item of raw.split(',').map((o) => o.trim())) {
      let origin: string | undefined;
      try {
        const url = new URL(item);
        if ((url.protocol === 'http:' || url.protocol === 'https:') && url.origin === item) origin = url.origin;
      } catch {
        // reported below
      }
      if (origin === undefined) problems.push(`${name} must list origins such as https://dash.example.org (scheme, host, optional port; no path), got ${JSON.stringify(item)}`);
      else list.push(origin);
    }
    return list;
  };

  const uriRaw = env.NEO4J_URI;
  let uri: string | undefined;
  if (uriRaw !== undefined && uriRaw !== '') {
    if (!/^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s]+$/.test(uriRaw)) {
      problems.push(
        `NEO4J_URI must look like bolt://host:7687 or neo4j://host:7687, got ${JSON.stringify(uriRaw)}`,
      );
    } else {
      uri = uriRaw;
    }
  }
  const heap = str('NEO4J_LOCAL_HEAP', '1g');
  if (!/^\d+[mMgG]$/.test(heap)) {
    problems.push(`NEO4J_LOCAL_HEAP must be a JVM size such as 512m or 2g, got ${JSON.stringify(heap)}`);
  }
  const nlpHeap = str('NLP_HEAP', DEFAULT_NLP_HEAP);
  if (!/^\d+[mMgG]$/.test(nlpHeap)) {
    problems.push(`NLP_HEAP must be a JVM size such as 2500m or 3g, got ${JSON.stringify(nlpHeap)}`);
  }
  const nlpUrls: string[] = [];
  for (const raw of (env.NLP_URL ?? '').split(',').map((u) => u.trim()).filter((u) => u !== '')) {
    let url: URL | undefined;
    try {
      url = new URL(raw);
    } catch {
      url = undefined;
    }
    if (url === undefined || !['http:', 'https:'].includes(url.protocol)) {
      problems.push(`NLP_URL must be one or more comma-separated http(s) URLs such as http://127.0.0.1:9100, got ${JSON.stringify(raw)}`);
    } else {
      nlpUrls.push(raw.replace(/\/+$/, ''));
    }
  }
  const redisRaw = env.REDIS_URL;
  let redisUrl: string | undefined;
  if (redisRaw !== undefined && redisRaw !== '') {
    if (!/^rediss?:\/\/[^\s]+$/.test(redisRaw)) problems.push(`REDIS_URL must look like redis://host:6379 or rediss://host:6380, got ${JSON.stringify(redisRaw.replace(/:[^:@/]*@/, ':***@'))}`);
    else redisUrl = redisRaw;
  }
  const nlpCache = str('NLP_CACHE_DIR', '.nlp/cache');
  const logLevel = str('LOG_LEVEL', 'info');
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got ${JSON.stringify(logLevel)}`);
  }

  const trustedMode = str('TRUSTED_DOCUMENTS', 'allow');
  if (!(TRUSTED_DOCUMENTS_MODES as readonly string[]).includes(trustedMode)) {
    problems.push(`TRUSTED_DOCUMENTS must be one of ${TRUSTED_DOCUMENTS_MODES.join(', ')}, got ${JSON.stringify(trustedMode)}`);
  }
  const manifest = env.TRUSTED_DOCUMENTS_MANIFEST === undefined || env.TRUSTED_DOCUMENTS_MANIFEST === '' ? undefined : env.TRUSTED_DOCUMENTS_MANIFEST;
  if (trustedMode === 'only' && manifest === undefined) {
    problems.push('TRUSTED_DOCUMENTS=only needs TRUSTED_DOCUMENTS_MANIFEST, the manifest file `npm run documents` writes');
  }

  const config: Config = {
    neo4j: {
      uri,
      user: str('NEO4J_USER', 'neo4j'),
      password: str('NEO4J_PASSWORD', 'summit-graph'),
      database: str('NEO4J_DATABASE', 'neo4j'),
    },
    local: {
      home: str('NEO4J_LOCAL_HOME', '.neo4j'),
      host: '127.0.0.1',
      boltPort: port('NEO4J_LOCAL_PORT', 7687),
      heap,
      pageCacheMiB: wholeNumber('NEO4J_LOCAL_PAGECACHE_MB', 256, 1),
      javaHome: env.JAVA_HOME === undefined || env.JAVA_HOME === '' ? undefined : env.JAVA_HOME,
    },
    nlp: {
      urls: nlpUrls,
      local: {
        home: str('NLP_LOCAL_HOME', '.nlp'),
        host: '127.0.0.1',
        port: port('NLP_LOCAL_PORT', 9100),
        instances: wholeNumber('NLP_INSTANCES', 1, 1),
        heap: nlpHeap,
        threads: wholeNumber('NLP_THREADS', 2, 1),
        javaHome: env.JAVA_HOME === undefined || env.JAVA_HOME === '' ? undefined : env.JAVA_HOME,
      },
      cacheDir: nlpCache === 'off' ? undefined : nlpCache,
      timeoutMs: wholeNumber('NLP_TIMEOUT_MS', 120_000, 1),
    },
    http: {
      host: str('HOST', '127.0.0.1'),
      port: port('PORT', 4000),
      corsOrigins: origins('CORS_ORIGINS'),
      shutdownGraceMs: wholeNumber('SHUTDOWN_GRACE_MS', DEFAULT_SHUTDOWN_GRACE_MS, 0),
    },
    logLevel,
    responseCacheTtlMs: wholeNumber('RESPONSE_CACHE_TTL_MS', DEFAULT_RESPONSE_CACHE_TTL_MS, 0),
    trustedDocuments: { mode: trustedMode as TrustedDocumentsMode, manifest },
    redisUrl,
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
