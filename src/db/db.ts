import neo4j, { type Driver, type ManagedTransaction, Neo4jError } from 'neo4j-driver';
import { DomainError } from '../errors.js';
import { toPlain } from './convert.js';
import type { CypherRegistry } from './cypher.js';
import type { QueryName } from './query-names.js';

/** One result row with every driver value already converted to plain JavaScript. */
export type Row = Record<string, unknown>;

/** Rows plus the server's update counters for one query. */
export interface CountedResult {
  rows: Row[];
  nodesCreated: number;
  relationshipsCreated: number;
  nodesDeleted: number;
  relationshipsDeleted: number;
}

/** Runs named queries inside one open transaction (see Db.writeTransaction). */
export interface TxRunner<N extends string = QueryName> {
  run(name: N, params?: Record<string, unknown>): Promise<Row[]>;
  /** Like run, plus the server's count of what the query created. */
  runCounted(name: N, params?: Record<string, unknown>): Promise<CountedResult>;
  /** Runs a raw statement from a multi-statement file (schema setup only). */
  runStatement(text: string, params?: Record<string, unknown>): Promise<Row[]>;
}

/** How `Db.read` runs a query. */
export type ReadMode =
  /** executeRead: BEGIN, RUN, PULL, COMMIT; the driver retries transient errors for up to 30 s. */
  | 'managed'
  /**
   * One auto-commit query (RUN and PULL only, no BEGIN/COMMIT round trip), retried once on a
   * transient error. For GraphQL requests: every read of a request is one self-contained query, so
   * a transaction around it buys nothing but two more round trips to Neo4j.
   */
  | 'auto-commit';

/**
 * Parameters every read receives besides its own; a query that does not use one ignores it. Two
 * today: `light`, true when a GraphQL request asks nothing of an entity beyond its id, name and small
 * typed fields, so that list queries may return light projections instead of whole nodes, and
 * `names`, true when it asks only ids and names (src/graphql/projection.ts). Outside such a request
 * both are false: whole nodes.
 */
export interface ReadParams {
  light: boolean;
  names: boolean;
}

export const DEFAULT_READ_PARAMS: Readonly<ReadParams> = { light: false, names: false };

/** Called with a query's name as it starts; may return a function to call once it has finished (reads only). */
export type OnRoundTrip = (name: string, params?: Record<string, unknown>) => void | (() => void);

/**
 * The db helper layer: named, parameterized Cypher through managed transactions (executeRead and
 * executeWrite retry transient errors), results converted to plain values, Neo4j errors mapped to
 * domain errors. Holds no per-request state; `counting()` gives a per-request view that counts round
 * trips, which GraphQL reports in `extensions.cypherRoundTrips`.
 */
export class Db<in N extends string = QueryName> {
  constructor(
    readonly driver: Driver,
    readonly queries: CypherRegistry<N>,
    readonly database: string,
    private readonly onRoundTrip: OnRoundTrip = () => {},
    readonly readMode: ReadMode = 'managed',
    private readonly readParams: () => ReadParams = () => DEFAULT_READ_PARAMS,
  ) {}

  /**
   * A Db sharing this driver whose every query calls `onRoundTrip(name, params)` first (once per query,
   * not per retry), and for reads the function that returns when the read has finished, with reads
   * run as `readMode` says (default: this Db's mode) and given `readParams()`, read at each query so
   * that a request can set them once its operation is known (default: this Db's).
   */
  counting(onRoundTrip: OnRoundTrip, readMode: ReadMode = this.readMode, readParams: () => ReadParams = this.readParams): Db<N> {
    return new Db(this.driver, this.queries, this.database, onRoundTrip, readMode, readParams);
  }

  /**
   * Runs a named read query: in its own read transaction (mode 'managed'), or as one auto-commit
   * query retried once on a transient error (mode 'auto-commit'). Either way each call is one
   * self-contained query with its own session, so calls may run in parallel. The query gets the
   * read parameters (ReadParams) under its own.
   */
  async read(name: N, params: Record<string, unknown> = {}): Promise<Row[]> {
    const finished = this.onRoundTrip(name, params);
    try {
      return await this.readNow(name, Object.assign({}, this.readParams(), params));
    } finally {
      if (typeof finished === 'function') finished();
    }
  }

  private async readNow(name: N, params: Record<string, unknown>): Promise<Row[]> {
    const text = this.queries.get(name);
    if (this.readMode === 'managed') {
      return this.withSession('READ', (s) => s.executeRead((tx) => runIn(tx, text, params)));
    }
    const once = (): Promise<Row[]> =>
      this.withSession('READ', async (s) => {
        const result = await s.run(text, params);
        return result.records.map((r) => toPlain(r.toObject()) as Row);
      }, false);
    try {
      return await once();
    } catch (err) {
      if (!neo4j.isRetryableError(err)) throw mapNeo4jError(err);
      return once().catch((again: unknown) => {
        throw mapNeo4jError(again);
      });
    }
  }

  /** Runs a named write query in its own write transaction. */
  async write(name: N, params: Record<string, unknown> = {}): Promise<Row[]> {
    this.onRoundTrip(name, params);
    const text = this.queries.get(name);
    return this.withSession('WRITE', (s) => s.executeWrite((tx) => runIn(tx, text, params)));
  }

  /**
   * Runs `work` in one write transaction: all of it commits or none of it does. The driver may retry
   * `work` on a transient error, so it must not have side effects outside the transaction.
   */
  async writeTransaction<T>(work: (tx: TxRunner<N>) => Promise<T>): Promise<T> {
    return this.withSession('WRITE', (s) =>
      s.executeWrite((tx) =>
        work({
          run: (name, params = {}) => {
            this.onRoundTrip(name, params);
            return runIn(tx, this.queries.get(name), params);
          },
          runCounted: async (name, params = {}) => {
            this.onRoundTrip(name, params);
            const result = await tx.run(this.queries.get(name), params);
            const c = result.summary.counters.updates();
            return {
              rows: result.records.map((r) => toPlain(r.toObject()) as Row),
              nodesCreated: c.nodesCreated,
              relationshipsCreated: c.relationshipsCreated,
              nodesDeleted: c.nodesDeleted,
              relationshipsDeleted: c.relationshipsDeleted,
            };
          },
          runStatement: (text, params = {}) => runIn(tx, text, params),
        }),
      ),
    );
  }

  /**
   * Runs a named query in an auto-commit (implicit) transaction. This exists for statements that
   * manage their own transactions, such as `CALL { ... } IN TRANSACTIONS`, which Neo4j refuses inside
   * executeRead/executeWrite. Unlike `write`, it is not retried on transient errors, so use it only
   * for statements that are safe to run again by hand.
   */
  async autoCommit(name: N, params: Record<string, unknown> = {}): Promise<Row[]> {
    this.onRoundTrip(name, params);
    const text = this.queries.get(name);
    return this.withSession('WRITE', async (s) => {
      const result = await s.run(text, params);
      return result.records.map((r) => toPlain(r.toObject()) as Row);
    });
  }

  /** True when Neo4j answers a trivial query within `timeoutMs`. */
  async ping(timeoutMs = 2000): Promise<boolean> {
    const session = this.driver.session({ database: this.database });
    try {
      await session.run('RETURN 1', {}, { timeout: timeoutMs });
      return true;
    } catch {
      return false;
    } finally {
      await session.close();
    }
  }

  /** Runs `work` in a new session, closed afterwards; errors are mapped unless `mapErrors` is false. */
  private async withSession<T>(
    mode: 'READ' | 'WRITE',
    work: (s: ReturnType<Driver['session']>) => Promise<T>,
    mapErrors = true,
  ): Promise<T> {
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    try {
      return await work(session);
    } catch (err) {
      throw mapErrors ? mapNeo4jError(err) : err;
    } finally {
      await session.close();
    }
  }
}

async function runIn(tx: ManagedTransaction, text: string, params: Record<string, unknown>): Promise<Row[]> {
  const result = await tx.run(text, params);
  return result.records.map((r) => toPlain(r.toObject()) as Row);
}

/**
 * Maps driver errors to domain errors: an unreachable database becomes DB_UNAVAILABLE (clients may
 * retry), any other Neo4j error DB_ERROR with the server's code kept in details for the logs.
 * Domain errors thrown inside a transaction pass through untouched.
 */
export function mapNeo4jError(err: unknown): unknown {
  if (err instanceof DomainError) return err;
  if (err instanceof Neo4jError) {
    if (err.code === 'ServiceUnavailable' || err.code === 'SessionExpired') {
      return new DomainError('DB_UNAVAILABLE', `Neo4j is unreachable: ${err.message}`, { neo4jCode: err.code });
    }
    return new DomainError('DB_ERROR', `Neo4j error ${err.code}: ${err.message}`, { neo4jCode: err.code });
  }
  return err;
}

/** Opens the process's one driver. Integers come back as driver Integers and are converted by toPlain. */
export function createDriver(uri: string, user: string, password: string): Driver {
  return neo4j.driver(uri, neo4j.auth.basic(user, password), {
    maxConnectionPoolSize: 100,
    connectionAcquisitionTimeout: 30_000,
    disableLosslessIntegers: false,
    userAgent: 'summit-graph/0.1',
  });
}
