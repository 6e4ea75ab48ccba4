package io.parley.bench.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Global settings of the local MariaDB for the duration of a run, put back as they were when closed. The
 * Debian defaults (a 128 MB buffer pool, a 96 MB redo log, an I/O capacity of 200) are sized for a small shared
 * box: under S2's load the redo log wraps every few seconds and commits wait for forced page flushes, so a run
 * would measure those defaults rather than Parley. docs/OPERATIONS.md recommends the same settings for a chat
 * server's own database. Only dynamic settings can be changed this way; they last until MariaDB restarts, so
 * they are also put back when the bench is interrupted (Ctrl-C).
 */
public final class MariaDbSettings implements AutoCloseable {

    /** What the suite applies unless told otherwise ({@code --mariadb-settings=none} leaves the server as it is). */
    public static final String DEFAULT = "innodb_buffer_pool_size=2147483648,innodb_log_file_size=1073741824,"
            + "innodb_io_capacity=2000";
    private static final Pattern NAME = Pattern.compile("[a-z_]+");
    private static final Pattern VALUE = Pattern.compile("[0-9A-Za-z_]+");

    private final Map<String, String> applied;
    private final Map<String, String> previous;
    private final AtomicBoolean restored = new AtomicBoolean();
    private final Thread restoreOnExit = new Thread(this::restoreQuietly, "restore-mariadb-settings");

    private MariaDbSettings(Map<String, String> applied, Map<String, String> previous) {
        this.applied = applied;
        this.previous = previous;
        if (!previous.isEmpty()) {
            Runtime.getRuntime().addShutdownHook(restoreOnExit);
        }
    }

    /** Applies {@code spec} ("name=value,name=value", or "none"), remembering each setting's value before. */
    public static MariaDbSettings apply(String spec) throws SQLException {
        Map<String, String> wanted = parse(spec);
        Map<String, String> previous = new LinkedHashMap<>();
        if (!wanted.isEmpty()) {
            try (Connection connection = DriverManager.getConnection(ServerLauncher.MARIADB, "root", "");
                    Statement statement = connection.createStatement()) {
                for (String name : wanted.keySet()) {
                    try (ResultSet rs = statement.executeQuery("SELECT @@GLOBAL." + name)) {
                        rs.next();
                        previous.put(name, rs.getString(1));
                    }
                }
                try {
                    set(statement, wanted);
                } catch (SQLException refused) {
                    set(statement, previous);
                    throw refused;
                }
            }
        }
        return new MariaDbSettings(wanted, previous);
    }

    static Map<String, String> parse(String spec) {
        Map<String, String> settings = new LinkedHashMap<>();
        if (spec.isBlank() || spec.equals("none")) {
            return settings;
        }
        for (String pair : spec.split(",")) {
            String[] nameValue = pair.trim().split("=", 2);
            if (nameValue.length != 2 || !NAME.matcher(nameValue[0]).matches() || !VALUE.matcher(nameValue[1]).matches()) {
                throw new IllegalArgumentException("a MariaDB setting is name=value, not '" + pair + "'");
            }
            settings.put(nameValue[0], nameValue[1]);
        }
        return settings;
    }

    /** For the results: what the run's MariaDB was set to. */
    public String describe() {
        return applied.isEmpty() ? "MariaDB as configured on the machine"
                : "MariaDB set for the run: " + applied.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(", "));
    }

    @Override
    public void close() throws SQLException {
        if (!previous.isEmpty()) {
            Runtime.getRuntime().removeShutdownHook(restoreOnExit);
            restore();
        }
    }

    private void restoreQuietly() {
        try {
            restore();
        } catch (SQLException e) {
            System.err.println("could not put MariaDB's settings back to " + previous + ": " + e.getMessage());
        }
    }

    private void restore() throws SQLException {
        if (restored.getAndSet(true)) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(ServerLauncher.MARIADB, "root", "");
                Statement statement = connection.createStatement()) {
            set(statement, previous);
        }
    }

    private static void set(Statement statement, Map<String, String> settings) throws SQLException {
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            statement.execute("SET GLOBAL " + setting.getKey() + " = " + setting.getValue());
        }
    }
}
