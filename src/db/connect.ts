import type { Driver } from 'neo4j-driver';
import type { Config } from '../config.js';
import { CypherRegistry } from './cypher.js';
import { createDriver, Db } from './db.js';
import { localOptionsFromConfig, startLocalNeo4j } from './local-neo4j.js';

/** An open connection: the process's one driver and the Db helper built on it. */
export interface Connection {
  db: Db;
  driver: Driver;
  uri: string;
  /** True when this connection uses the project's own local Neo4j. */
  local: boolean;
  close(): Promise<void>;
}

/**
 * Connects as the configuration says: to NEO4J_URI when it is set, otherwise to the project's local
 * Neo4j, provisioning and starting it first if it is not running (it is left running afterwards, so
 * the next command connects in milliseconds). Verifies connectivity before returning.
 */
export async function connect(config: Config, onProgress?: (msg: string) => void): Promise<Connection> {
  let uri = config.neo4j.uri;
  const local = uri === undefined;
  if (uri === undefined) {
    const started = await startLocalNeo4j({ ...localOptionsFromConfig(config), ...(onProgress ? { onProgress } : {}) });
    uri = started.uri;
  }
  const driver = createDriver(uri, config.neo4j.user, config.neo4j.password);
  try {
    await driver.verifyConnectivity({ database: config.neo4j.database });
  } catch (err) {
    await driver.close();
    throw new Error(
      `Cannot reach Neo4j at ${uri} (database ${config.neo4j.database}): ${(err as Error).message}. ` +
        (local ? 'Try `npm run db:status`.' : 'Check NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD.'),
    );
  }
  const db = new Db(driver, new CypherRegistry(), config.neo4j.database);
  return { db, driver, uri, local, close: () => driver.close() };
}
