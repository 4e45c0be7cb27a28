import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { DomainError } from '../errors.js';
import { REPO_ROOT, sha256File } from '../local/supervise.js';
import type { NlpCache } from './cache.js';
import { assertCoreNlpJson, keepOnly, normalizeForAnnotation, toNlpDoc, type CoreNlpJson } from './corenlp-json.js';
import { PIPELINE_PROPERTIES } from './local-corenlp.js';
import type { AnnotateOptions, NlpAnnotator, NlpDoc } from './types.js';

/**
 * The client of the NLP service (nlp/: CoreNLP in a small HTTP server), implementing NlpAnnotator.
 *
 * - Cache: answers are stored by a checksum of (the normalized text, its date, the pipeline
 *   properties, the server source that writes the JSON), so the same article is annotated once
 *   however often it is ingested; a change to the pipeline changes every key.
 * - Several services: the articles of concurrent `annotate` calls are spread over every URL, each
 *   kept at most as busy as its /status says it has threads; callers may start any number of calls
 *   at once. A service that refuses connections (at the start or later) is left out and its
 *   articles go to the others; when none is left the call fails.
 * - Errors: NLP_UNAVAILABLE when a service cannot be reached, times out or runs another pipeline
 *   (the message says what to do); NLP_ERROR when it fails on one text.
 */

export interface NlpClientOptions {
  /**
   * Service base URLs, or a function that provides them when the first text misses the cache (the
   * ingest command starts the local service there, so a fully cached re-ingest needs no service).
   */
  services: string[] | (() => Promise<string[]>);
  cache?: NlpCache | undefined;
  /** Per request; an article not annotated within it fails with NLP_UNAVAILABLE. */
  timeoutMs: number;
}

/** Counts for progress lines, benchmarks and tests. */
export interface NlpClientStats {
  /** Texts the services annotated. */
  annotated: number;
  /** Texts answered from the cache. */
  cached: number;
}

interface Service {
  url: string;
  capacity: number;
  busy: number;
}

/** The server source that writes the JSON: a change to it changes what a cached answer would be. */
const SERVER_SOURCE = join(REPO_ROOT, 'nlp', 'src', 'main', 'java', 'dev', 'summitgraph', 'nlp', 'NlpServer.java');

export class CoreNlpClient implements NlpAnnotator {
  readonly stats: NlpClientStats = { annotated: 0, cached: 0 };
  private readonly pipelineHash = sha256File(PIPELINE_PROPERTIES);
  private readonly keyPrefix = `${this.pipelineHash}\n${sha256File(SERVER_SOURCE)}\n`;
  private services: Promise<Service[]> | undefined;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly opts: NlpClientOptions) {}

  async annotate(text: string, options: AnnotateOptions = {}): Promise<NlpDoc> {
    const normalized = normalizeForAnnotation(options.only === undefined ? text : keepOnly(text, options.only));
    const date = options.date !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(options.date) ? options.date : undefined;
    const key = createHash('sha256').update(`${this.keyPrefix}${date ?? ''}\n${normalized}`).digest('hex');
    const hit = await this.opts.cache?.get(key);
    if (hit !== undefined) {
      try {
        assertCoreNlpJson(hit);
        this.stats.cached += 1;
        return toNlpDoc(hit, text);
      } catch {
        // a torn or foreign entry: annotate again and overwrite it
      }
    }
    const json = await this.request(normalized, date);
    await this.opts.cache?.put(key, json);
    this.stats.annotated += 1;
    return toNlpDoc(json, text);
  }

  /** The services, each checked once (it answers /status and runs our pipeline). */
  private connect(): Promise<Service[]> {
    if (this.services === undefined) {
      this.services = (async () => {
        const urls = typeof this.opts.services === 'function' ? await this.opts.services() : this.opts.services;
        if (urls.length === 0) throw unavailable('No NLP service is configured (NLP_URL is empty).');
        // Services that refuse connections are left out while one answers; any other problem (a
        // timeout, another pipeline) is a misconfiguration and fails the run.
        const checked = await Promise.allSettled(urls.map((u) => this.check(u.replace(/\/+$/, ''))));
        const live = checked.flatMap((c) => (c.status === 'fulfilled' ? [c.value] : []));
        const failures = checked.flatMap((c) => (c.status === 'rejected' ? [c.reason as unknown] : []));
        const fatal = failures.find((e) => !(e instanceof DomainError && e.details?.refused === true));
        if (fatal !== undefined) throw fatal;
        if (live.length === 0) throw failures[0];
        return live;
      })();
      // A failed connection is reported to the callers waiting now; the next call tries again.
      this.services.catch(() => (this.services = undefined));
    }
    return this.services;
  }

  private async check(url: string): Promise<Service> {
    const res = await this.fetch(url, '/status', { method: 'GET' }, 10_000);
    const status = (await res.json().catch(() => ({}))) as { pipeline?: unknown; threads?: unknown };
    if (typeof status.pipeline !== 'string' || typeof status.threads !== 'number') {
      throw unavailable(`${url} answers, but not as this project's NLP service (GET /status has no pipeline and threads).`);
    }
    if (status.pipeline !== this.pipelineHash) {
      throw unavailable(
        `The NLP service at ${url} runs another pipeline than nlp/pipeline.properties in this checkout ` +
          `(${status.pipeline.slice(0, 12)} vs ${this.pipelineHash.slice(0, 12)}); restart it (\`npm run nlp:stop && npm run nlp:start\`) ` +
          'so annotations and their cache keys agree.',
      );
    }
    return { url, capacity: Math.max(1, Math.floor(status.threads)), busy: 0 };
  }

  private async request(text: string, date: string | undefined): Promise<CoreNlpJson> {
    for (;;) {
      const services = await this.connect();
      if (services.length === 0) throw unavailable('Every NLP service has stopped answering.');
      const service = await this.acquire(services);
      try {
        const path = `/annotate${date !== undefined ? `?date=${date}` : ''}`;
        const res = await this.fetch(service.url, path, { method: 'POST', body: text, headers: { 'content-type': 'text/plain; charset=utf-8' } }, this.opts.timeoutMs);
        const body = (await res.json().catch(() => undefined)) as unknown;
        if (!res.ok) {
          const message = (body as { error?: unknown } | undefined)?.error;
          throw new DomainError('NLP_ERROR', `The NLP service at ${service.url} failed on this text (HTTP ${res.status}): ${typeof message === 'string' ? message : 'no message'}`);
        }
        try {
          assertCoreNlpJson(body);
        } catch (err) {
          throw new DomainError('NLP_ERROR', `The NLP service at ${service.url} answered oddly: ${(err as Error).message}`);
        }
        return body;
      } catch (err) {
        // A service that refuses connections is gone (stopped, crashed): the others take its work.
        if (err instanceof DomainError && err.details?.refused === true && services.length > 1) {
          services.splice(services.indexOf(service), 1);
          continue;
        }
        throw err;
      } finally {
        this.release(service);
      }
    }
  }

  /** The least busy service with a free thread, waiting in arrival order when all are busy. */
  private async acquire(services: Service[]): Promise<Service> {
    for (;;) {
      let best: Service | undefined;
      for (const s of services) {
        if (s.busy < s.capacity && (best === undefined || s.busy / s.capacity < best.busy / best.capacity)) best = s;
      }
      if (best !== undefined) {
        best.busy += 1;
        return best;
      }
      await new Promise<void>((wake) => this.waiting.push(wake));
    }
  }

  private release(service: Service): void {
    service.busy -= 1;
    this.waiting.shift()?.();
  }

  /** fetch with a timeout; network failures become NLP_UNAVAILABLE errors that say what to do. */
  private async fetch(url: string, path: string, init: RequestInit, timeoutMs: number): Promise<Response> {
    try {
      return await fetch(`${url}${path}`, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    } catch (err) {
      const cause = (err as { cause?: { code?: string } }).cause;
      if ((err as Error).name === 'TimeoutError') {
        throw unavailable(
          `The NLP service at ${url} did not answer ${path} within ${timeoutMs / 1000} s. It may be overloaded or ` +
            'still loading; raise NLP_TIMEOUT_MS, add instances (NLP_INSTANCES), or check its log under .nlp/run/.',
        );
      }
      const refused = cause?.code === 'ECONNREFUSED';
      throw new DomainError(
        'NLP_UNAVAILABLE',
        `The NLP service at ${url} cannot be reached (${cause?.code ?? (err as Error).message}). Start it with ` +
          '`npm run nlp:start`, point NLP_URL at a running one, or ingest with `--nlp rules`.',
        { url, refused },
      );
    }
  }
}

function unavailable(message: string): DomainError {
  return new DomainError('NLP_UNAVAILABLE', message);
}
