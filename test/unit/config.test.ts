/** loadConfig: documented defaults, accepted values, and every bad variable reported in one error. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('loadConfig', () => {
  it('applies the documented defaults to an empty environment', () => {
    expect(loadConfig({})).toEqual({
      neo4j: { uri: undefined, user: 'neo4j', password: 'summit-graph', database: 'neo4j' },
      local: { home: '.neo4j', host: '127.0.0.1', boltPort: 7687, heap: '1g', pageCacheMiB: 256 },
      nlp: {
        urls: [],
        local: { home: '.nlp', host: '127.0.0.1', port: 9100, instances: 1, heap: '3g', threads: 2 },
        cacheDir: '.nlp/cache',
        timeoutMs: 120_000,
      },
      http: { host: '127.0.0.1', port: 4000, corsOrigins: [], shutdownGraceMs: 10_000 },
      logLevel: 'info',
      responseCacheTtlMs: 5000,
      redisUrl: undefined,
      trustedDocuments: { mode: 'allow', manifest: undefined },
    });
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ NEO4J_URI: '', PORT: '', NEO4J_LOCAL_HEAP: '', LOG_LEVEL: '' })).toEqual(loadConfig({}));
  });

  it('reads every variable', () => {
    const config = loadConfig({
      NEO4J_URI: 'neo4j+s://db.example.com:7687',
      NEO4J_USER: 'reader',
      NEO4J_PASSWORD: 'secret',
      NEO4J_DATABASE: 'summits',
      NEO4J_LOCAL_HOME: '/var/lib/summit-neo4j',
      NEO4J_LOCAL_PORT: '7688',
      NEO4J_LOCAL_HEAP: '512m',
      NEO4J_LOCAL_PAGECACHE_MB: '64',
      HOST: '0.0.0.0',
      PORT: '8080',
      LOG_LEVEL: 'debug',
      RESPONSE_CACHE_TTL_MS: '0',
      CORS_ORIGINS: 'https://dash.example.org, http://localhost:5173',
      SHUTDOWN_GRACE_MS: '2500',
      NLP_URL: 'http://nlp-a.example.com:9000/, http://nlp-b.example.com:9000',
      NLP_LOCAL_HOME: '/var/lib/summit-nlp',
      NLP_LOCAL_PORT: '9200',
      NLP_INSTANCES: '2',
      NLP_HEAP: '2500m',
      NLP_THREADS: '1',
      NLP_CACHE_DIR: 'off',
      NLP_TIMEOUT_MS: '5000',
      REDIS_URL: 'redis://:secret@cache.example.com:6379/2',
        TRUSTED_DOCUMENTS: 'only',
        TRUSTED_DOCUMENTS_MANIFEST: 'trusted-documents.json',
    });
    expect(config).toEqual({
      neo4j: { uri: 'neo4j+s://db.example.com:7687', user: 'reader', password: 'secret', database: 'summits' },
      local: { home: '/var/lib/summit-neo4j', host: '127.0.0.1', boltPort: 7688, heap: '512m', pageCacheMiB: 64 },
      nlp: {
        urls: ['http://nlp-a.example.com:9000', 'http://nlp-b.example.com:9000'],
        local: { home: '/var/lib/summit-nlp', host: '127.0.0.1', port: 9200, instances: 2, heap: '2500m', threads: 1 },
        cacheDir: undefined,
        timeoutMs: 5000,
      },
      http: { host: '0.0.0.0', port: 8080, corsOrigins: ['https://dash.example.org', 'http://localhost:5173'], shutdownGraceMs: 2500 },
      logLevel: 'debug',
      responseCacheTtlMs: 0,
      redisUrl: 'redis://:secret@cache.example.com:6379/2',
      trustedDocuments: { mode: 'only', manifest: 'trusted-documents.json' },
    });
  });

  it('refuses a REDIS_URL that is not redis:// or rediss://, without showing its password', () => {
    expect(() => loadConfig({ REDIS_URL: 'http://:hunter2@cache:6379' })).toThrow(/REDIS_URL must look like redis:\/\/host:6379/);
    expect(() => loadConfig({ REDIS_URL: 'http://:hunter2@cache:6379' })).not.toThrow(/hunter2/);
    expect(loadConfig({ REDIS_URL: 'rediss://cache:6380' }).redisUrl).toBe('rediss://cache:6380');
  });

  it.each(['bolt://localhost:7687', 'neo4j://neo4j:7687', 'bolt+s://h:1', 'neo4j+ssc://h'])('accepts NEO4J_URI %s', (uri) => {
    expect(loadConfig({ NEO4J_URI: uri }).neo4j.uri).toBe(uri);
  });

  it('reports every bad variable together, naming each and showing the bad value', () => {
    let caught: unknown;
    try {
      loadConfig({
        NEO4J_URI: 'http://localhost:7474',
        NEO4J_LOCAL_PORT: '70000',
        NEO4J_LOCAL_HEAP: 'lots',
        NEO4J_LOCAL_PAGECACHE_MB: '0',
        PORT: 'abc',
        LOG_LEVEL: 'loud',
        RESPONSE_CACHE_TTL_MS: '-5',
        CORS_ORIGINS: 'https://ok.example, *',
        SHUTDOWN_GRACE_MS: 'soon',
        NLP_URL: 'http://127.0.0.1:9100,bolt://127.0.0.1:9101',
        NLP_HEAP: 'big',
        NLP_INSTANCES: '0',
      });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const error = caught as ConfigError;
    expect(error.code).toBe('BAD_CONFIG');
    expect(error.problems).toHaveLength(12);
    for (const [name, value] of [
      ['NEO4J_URI', '"http://localhost:7474"'],
      ['NEO4J_LOCAL_PORT', '"70000"'],
      ['NEO4J_LOCAL_HEAP', '"lots"'],
      ['NEO4J_LOCAL_PAGECACHE_MB', '"0"'],
      ['PORT', '"abc"'],
      ['LOG_LEVEL', '"loud"'],
      ['RESPONSE_CACHE_TTL_MS', '"-5"'],
      ['CORS_ORIGINS', '"*"'],
      ['SHUTDOWN_GRACE_MS', '"soon"'],
      ['NLP_URL', '"bolt://127.0.0.1:9101"'],
      ['NLP_HEAP', '"big"'],
      ['NLP_INSTANCES', '"0"'],
    ] as const) {
      expect(error.message).toContain(name);
      expect(error.problems.some((p) => p.startsWith(name) && p.includes(value))).toBe(true);
    }
  });

  it.each([
    ['NEO4J_LOCAL_PORT', '0'],
    ['NEO4J_LOCAL_PORT', '7687.5'],
    ['PORT', '-1'],
    ['NEO4J_LOCAL_PAGECACHE_MB', '1.5'],
    ['NEO4J_LOCAL_HEAP', '1024'],
    ['CORS_ORIGINS', 'https://dash.example.org/'],
    ['CORS_ORIGINS', 'https://dash.example.org/app'],
    ['CORS_ORIGINS', 'dash.example.org'],
    ['CORS_ORIGINS', 'ftp://dash.example.org'],
    ['NLP_URL', 'localhost:9100'],
    ['NLP_THREADS', '0'],
    ['NLP_TIMEOUT_MS', '1e3x'],
  ])('rejects %s=%s', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
  });
});
