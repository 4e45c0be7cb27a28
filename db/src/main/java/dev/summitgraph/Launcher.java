package dev.summitgraph;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j 5 Community embedded with its Bolt connector, for machines without the server
 * distribution (it is not published on Maven Central) and without Docker.
 *
 * <p>Arguments: {@code <home> <host> <boltPort> <pageCacheMiB>}. The database files live under
 * {@code home}; Bolt listens on {@code host:boltPort} only. Authentication is off: the instance is a
 * local development database bound to the loopback address. Once Bolt accepts connections the line
 * {@code SUMMIT_GRAPH_NEO4J_READY} is printed, which the Node.js supervisor waits for. SIGTERM shuts the
 * database down cleanly through a shutdown hook.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 4) {
      System.err.println("usage: Launcher <home> <host> <boltPort> <pageCacheMiB>");
      System.exit(64);
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    String host = args[1];
    int port = Integer.parseInt(args[2]);
    long pageCacheMiB = Long.parseLong(args[3]);
    Files.createDirectories(home);

    DatabaseManagementService dbms =
        new DatabaseManagementServiceBuilder(home)
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
            .setConfig(BoltConnector.advertised_address, new SocketAddress(host, port))
            .setConfig(HttpConnector.enabled, false)
            .setConfig(GraphDatabaseSettings.auth_enabled, false)
            .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMiB))
            .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(10))
            .build();

    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("SUMMIT_GRAPH_NEO4J_STOPPING");
                  dbms.shutdown();
                },
                "neo4j-shutdown"));

    // Opening the default database forces it to start before we report readiness.
    dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).isAvailable(60_000);
    System.out.println("SUMMIT_GRAPH_NEO4J_READY bolt://" + host + ":" + port);
    System.out.flush();
    Thread.currentThread().join();
  }
}
