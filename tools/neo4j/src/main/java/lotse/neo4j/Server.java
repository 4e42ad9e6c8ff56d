package lotse.neo4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Neo4j Community embedded, with Bolt on 127.0.0.1, for Lotse's tests and trials.
 *
 * <pre>
 * Server [--port N] [--data DIR] [--auth] [--setting name=value]... [--check-config]
 * </pre>
 *
 * <p>--port 0 takes a free port; the READY line names the one bound. Without --data the database lives
 * in a fresh temporary directory that is deleted on stop. --auth turns authentication on with user
 * neo4j and the password from NEO4J_PASSWORD. --setting passes any Neo4j setting through Neo4j's strict
 * configuration check, so that a misspelt name refuses to start, as it does in the Docker image.
 * --check-config validates the settings and exits without starting a database.
 */
public final class Server {
    private Server() {}

    public static void main(String[] args) throws Exception {
        int port = 7687;
        Path data = null;
        boolean auth = false;
        boolean checkOnly = false;
        // Our defaults first: modest memory on a shared machine and no usage report (no other host).
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("server.memory.pagecache.size", "256m");
        settings.put("dbms.usage_report.enabled", "false");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
                case "--data" -> data = Path.of(value(args, ++i, "--data")).toAbsolutePath().normalize();
                case "--auth" -> auth = true;
                case "--check-config" -> checkOnly = true;
                case "--setting" -> {
                    String kv = value(args, ++i, "--setting");
                    int eq = kv.indexOf('=');
                    if (eq <= 0) {
                        fail("--setting wants name=value, got: " + kv);
                    }
                    settings.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
                }
                default -> fail("unknown argument: " + args[i]);
            }
        }
        String password = System.getenv("NEO4J_PASSWORD");
        if (auth && (password == null || password.length() < 8)) {
            fail("--auth needs NEO4J_PASSWORD (at least 8 characters, Neo4j's minimum)");
        }

        boolean temporary = data == null;
        Path home = temporary ? Files.createTempDirectory("lotse-neo4j-") : data;
        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home)
                .setConfig(GraphDatabaseSettings.strict_config_validation, true)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, auth);
        // Through a neo4j.conf file, as the Docker image passes its settings, so the same strict check applies.
        Path conf = Files.createTempFile("lotse-neo4j-", ".conf");
        StringBuilder lines = new StringBuilder();
        settings.forEach((k, v) -> lines.append(k).append('=').append(v).append('\n'));
        Files.writeString(conf, lines);
        builder.loadPropertiesFromFile(conf);

        DatabaseManagementService dbms;
        try {
            dbms = builder.build();
        } catch (RuntimeException e) {
            Files.deleteIfExists(conf);
            // Neo4j's configuration check (strict validation) ends up here with the setting's name.
            if (temporary) {
                deleteTree(home);
            }
            fail("Neo4j refused to start: " + rootMessage(e));
            return;
        }
        Files.deleteIfExists(conf);
        if (checkOnly) {
            dbms.shutdown();
            if (temporary) {
                deleteTree(home);
            }
            System.out.println("CONFIG OK");
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // SIGTERM and SIGINT land here: shut the database down cleanly, then drop a temporary home.
            dbms.shutdown();
            if (temporary) {
                deleteTree(home);
            }
            System.out.println("STOPPED");
            System.out.flush();
            stopped.countDown();
        }, "lotse-neo4j-stop"));

        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(Duration.ofMinutes(2).toMillis())) {
            fail("database " + GraphDatabaseSettings.DEFAULT_DATABASE_NAME + " did not become available");
        }
        if (auth) {
            // The initial neo4j user must change its password; set it here so clients can log in at once.
            try {
                dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                        "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
            } catch (QueryExecutionException e) {
                // A database kept in --data from an earlier start has this password already, and Neo4j
                // refuses to set the same one again; anything else stops the server (exit, shutdown hook).
                if (!rootMessage(e).contains("Old password and new password cannot be the same")) {
                    fail("could not set the password of user neo4j: " + rootMessage(e));
                }
            }
        }
        var bound = ((GraphDatabaseAPI) db).getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT);
        System.out.println("READY bolt://127.0.0.1:" + bound.getPort() + " neo4j " + neo4jVersion()
                + " data=" + home + (temporary ? " (temporary)" : "") + " auth=" + (auth ? "on" : "off"));
        System.out.flush();
        stopped.await();
    }

    private static String neo4jVersion() {
        String v = GraphDatabaseService.class.getPackage().getImplementationVersion();
        return v == null ? "5" : v;
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            fail(flag + " needs a value");
        }
        return args[i];
    }

    private static String rootMessage(Throwable e) {
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            sb.append(": ").append(c.getMessage());
        }
        return sb.toString();
    }

    private static void fail(String message) {
        System.err.println("lotse-neo4j: " + message);
        System.exit(2);
    }

    private static void deleteTree(Path root) {
        try {
            if (!Files.exists(root)) {
                return;
            }
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
