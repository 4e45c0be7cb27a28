import type { Config } from '../config.js';
import { NlpCache } from './cache.js';
import { CoreNlpClient } from './client.js';
import { localNlpOptionsFromConfig, startLocalNlp } from './local-corenlp.js';

/**
 * The NLP client the configuration describes: the services in NLP_URL, or else the project's own
 * local instances (NLP_INSTANCES of them), started when the first article misses the cache and left
 * running for the next command (`npm run nlp:stop` ends them), like the local Neo4j.
 */
export function createNlpClient(config: Config, onProgress: (msg: string) => void): CoreNlpClient {
  const services =
    config.nlp.urls.length > 0
      ? config.nlp.urls
      : async (): Promise<string[]> => {
          const { instances } = await startLocalNlp({ ...localNlpOptionsFromConfig(config), onProgress });
          return instances.map((i) => i.url);
        };
  return new CoreNlpClient({
    services,
    cache: config.nlp.cacheDir === undefined ? undefined : new NlpCache(config.nlp.cacheDir),
    timeoutMs: config.nlp.timeoutMs,
  });
}
