import { createRedisCache } from '@envelop/response-cache-redis';
import type { Cache } from '@graphql-yoga/plugin-response-cache';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';

/** Every key the API writes starts with this, so one Redis can serve other things beside it. */
export const REDIS_KEY_PREFIX = 'summit-graph:response-cache:';
/** How long a cache command may take before the request goes on without the cache. */
const COMMAND_TIMEOUT_MS = 500;

export interface SharedCache {
  /** The response cache's store (createApp's `responseCacheStore`). */
  readonly store: Cache;
  /** Closes the connection (at shutdown). */
  close(): Promise<void>;
}

/**
 * The response cache in Redis (`@envelop/response-cache-redis` over ioredis), shared by every
 * replica that points REDIS_URL at the same server: one warms the cache for all, and all serve the
 * same staleness (at most the TTL).
 *
 * Redis is a cache here, never a dependency: when it is down, slow or restarting, every lookup is a
 * miss and every store is skipped, so requests are answered from Neo4j, uncached and without
 * errors, and the cache is used again as soon as ioredis has reconnected (it retries every 0.2-2
 * s). Commands are not queued while disconnected (`enableOfflineQueue: false`) and give up after
 * 500 ms. The outage and the recovery are logged once each, not per request.
 */
export function createSharedCache(url: string, logger?: Logger): SharedCache {
  const redis = new Redis(url, {
    keyPrefix: REDIS_KEY_PREFIX,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: COMMAND_TIMEOUT_MS,
    connectTimeout: 2_000,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
  });
  let up: boolean | undefined;
  const where = safeUrl(url);
  redis.on('ready', () => {
    if (up !== true) logger?.info({ redis: where }, 'response cache: Redis connected, answers are shared with the other replicas');
    up = true;
  });
  redis.on('error', (err: Error) => {
    if (up !== false) logger?.warn({ redis: where, err: err.message }, 'response cache: Redis unavailable, serving uncached until it is back');
    up = false;
  });
  const inner = createRedisCache({ redis });
  const swallow = (): undefined => undefined;
  const store: Cache = {
    get: (key) => Promise.resolve().then(() => inner.get(key)).catch(swallow),
    set: (...args) => Promise.resolve().then(() => inner.set(...args)).catch(swallow),
    invalidate: (entities) => Promise.resolve().then(() => inner.invalidate(entities)).catch(swallow),
  };
  return {
    store,
    close: async () => {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

/** The URL without its password, for logs. */
function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password !== '') u.password = '***';
    return u.toString();
  } catch {
    return 'redis';
  }
}
