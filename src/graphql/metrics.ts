import { usePrometheus } from '@graphql-yoga/plugin-prometheus';
import type { Cache } from '@graphql-yoga/plugin-response-cache';
import type { Plugin } from 'graphql-yoga';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { OnRoundTrip } from '../db/db.js';

/** Where Prometheus scrapes. */
export const METRICS_ENDPOINT = '/metrics';

/** Distinct operation names counted under their own label; later ones count as `other`. */
const MAX_OPERATION_LABELS = 200;

/**
 * The process's metrics, in a registry of their own (nothing global: two apps in one process, as in
 * the tests, never share or collide). `/metrics` serves them in Prometheus's text format through
 * `@graphql-yoga/plugin-prometheus` (useMetrics), which also measures executed operations
 * (`graphql_envelop_request_duration`, `graphql_envelop_error_result`;
 * a response cache hit executes nothing, so it is not among them). What it cannot see is measured
 * here:
 *
 * - `summit_graph_request_duration_seconds{operation,outcome}`: every GraphQL request, from its
 *   arrival to its answer, by operation name and outcome (`ok`, or `error` when the answer carries
 *   errors or a 4xx/5xx); cache hits included; its `_count` is the number of requests (the
 *   request log, src/graphql/request-log.ts, observes it);
 * - `summit_graph_neo4j_query_duration_seconds{query}`: each Cypher query by name, its time and
 *   (as the histogram's `_count`) how many ran;
 * - `summit_graph_dataloader_batch_size{query}`: how many keys each batched query carried;
 * - `summit_graph_response_cache_hits_total`: requests the response cache answered (the hit ratio
 *   is this over the requests' `_count`; a miss is looked up twice, by request and by document, so
 *   lookups are not counted);
 * - Node's process metrics (CPU, memory, event loop lag), prefixed `summit_graph_`.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly requests: Histogram<'operation' | 'outcome'>;
  private readonly queryDuration: Histogram<'query'>;
  private readonly batchSize: Histogram<'query'>;
  private readonly cacheHits: Counter;
  private readonly operations = new Set<string>();

  constructor() {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: 'summit_graph_' });
    this.requests = new Histogram({
      name: 'summit_graph_request_duration_seconds',
      help: 'GraphQL requests, arrival to answer, by operation name and outcome (ok, or error when the answer carries errors or a 4xx/5xx); cache hits included',
      labelNames: ['operation', 'outcome'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.queryDuration = new Histogram({
      name: 'summit_graph_neo4j_query_duration_seconds',
      help: 'Time of each Cypher query the API ran, by query name (cypher/<name>.cypher); _count is how many ran',
      labelNames: ['query'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.batchSize = new Histogram({
      name: 'summit_graph_dataloader_batch_size',
      help: 'Keys per batched query (DataLoader batch), by query name',
      labelNames: ['query'],
      buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500],
      registers,
    });
    this.cacheHits = new Counter({
      name: 'summit_graph_response_cache_hits_total',
      help: 'Requests the response cache answered, without Cypher',
      registers,
    });
  }

  /**
   * For the per-request Db (createContext): times each query by name and records the size of a
   * batch (its `$ids`). Returns the function that ends the timer.
   */
  readonly observeQuery: OnRoundTrip = (name, params) => {
    const ids = params?.ids;
    if (Array.isArray(ids)) this.batchSize.observe({ query: name }, ids.length);
    return this.queryDuration.startTimer({ query: name });
  };

  /** One GraphQL request's outcome and time; client-chosen names past the first 200 count as `other`. */
  observeRequest(operation: string, ok: boolean, seconds: number): void {
    let label = operation;
    if (!this.operations.has(label)) {
      if (this.operations.size < MAX_OPERATION_LABELS) this.operations.add(label);
      else label = 'other';
    }
    this.requests.observe({ operation: label, outcome: ok ? 'ok' : 'error' }, seconds);
  }

  /** `cache` with its hits counted. */
  countingCache(cache: Cache): Cache {
    const hits = this.cacheHits;
    const count = <T>(value: T): T => {
      if (value !== undefined && value !== null) hits.inc();
      return value;
    };
    return {
      set: (...args) => cache.set(...args),
      invalidate: (...args) => cache.invalidate(...args),
      get: (key) => {
        const value = cache.get(key);
        return value instanceof Promise ? value.then(count) : count(value);
      },
    };
  }
}

/**
 * `/metrics` and the GraphQL request metrics of `@graphql-yoga/plugin-prometheus`, into `metrics`'s
 * registry. Only the operation-level metrics are on: the per-phase histograms (parse, validate,
 * context) and the summary cost time on every request and tell an operator little that the request
 * duration does not; the plugin's HTTP histogram is off, as it misses every request whose document
 * yoga's parser cache already held (it times from its onParse hook), and
 * `summit_graph_request_duration_seconds` times them all.
 */
export function useMetrics(metrics: Metrics): Plugin {
  return usePrometheus({
    registry: metrics.registry,
    endpoint: METRICS_ENDPOINT,
    metrics: {
      // Its count is graphql_envelop_request_duration's _count.
      graphql_envelop_request: false,
      graphql_envelop_request_duration: true,
      graphql_envelop_error_result: true,
      graphql_yoga_http_duration: false,
      graphql_envelop_request_time_summary: false,
      graphql_envelop_phase_parse: false,
      graphql_envelop_phase_validate: false,
      graphql_envelop_phase_context: false,
      graphql_envelop_phase_execute: false,
      graphql_envelop_phase_subscribe: false,
      graphql_envelop_deprecated_field: false,
      graphql_envelop_schema_change: false,
      graphql_envelop_execute_resolver: false,
    },
    // An error's field path would be a series per list index.
    labels: { path: false },
  });
}
