package io.parley.server.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Runs a {@link ServerTest} against the real MariaDB/MySQL server (default 127.0.0.1:3306, root, empty
 * password; override with -Dparley.test.mariadb.url/user/password) in a database of its own, created
 * before the context starts and dropped when it closes. Fails, never skips, when the server is not there.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ContextConfiguration(initializers = OnMariaDb.Initializer.class)
public @interface OnMariaDb {

    class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        static final String SERVER_URL = System.getProperty("parley.test.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/");
        static final String USER = System.getProperty("parley.test.mariadb.user", "root");
        static final String PASSWORD = System.getProperty("parley.test.mariadb.password", "");
        private static final String PREFIX = "parley_test_";
        /** Databases left behind by test runs that were killed are dropped once they are this old. */
        private static final long STALE_SECONDS = 6 * 3600;

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            long now = System.currentTimeMillis() / 1000;
            String database = PREFIX + now + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt() & 0x7fffffff);
            try (Connection c = DriverManager.getConnection(SERVER_URL, USER, PASSWORD); Statement s = c.createStatement()) {
                dropStale(s, now);
                s.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            } catch (SQLException e) {
                throw new IllegalStateException("MariaDB is not reachable at " + SERVER_URL
                        + " (start it, see docs/OPERATIONS.md): " + e.getMessage(), e);
            }
            TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context,
                    "spring.datasource.url=" + SERVER_URL + database,
                    "spring.datasource.username=" + USER,
                    "spring.datasource.password=" + PASSWORD);
            context.addApplicationListener(event -> {
                if (event instanceof ContextClosedEvent) {
                    drop(database);
                }
            });
        }

        private static void dropStale(Statement s, long now) throws SQLException {
            List<String> stale = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SHOW DATABASES LIKE '" + PREFIX + "%'")) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    String[] parts = name.substring(PREFIX.length()).split("_");
                    try {
                        if (now - Long.parseLong(parts[0]) > STALE_SECONDS) {
                            stale.add(name);
                        }
                    } catch (NumberFormatException notOurs) {
                        // some other naming: leave it alone
                    }
                }
            }
            for (String name : stale) {
                s.execute("DROP DATABASE IF EXISTS " + name);
            }
        }

        private static void drop(String database) {
            try (Connection c = DriverManager.getConnection(SERVER_URL, USER, PASSWORD); Statement s = c.createStatement()) {
                s.execute("SET SESSION lock_wait_timeout = 10");
                s.execute("DROP DATABASE IF EXISTS " + database);
            } catch (SQLException e) {
                // Left for the stale sweep of a later run.
            }
        }
    }
}
