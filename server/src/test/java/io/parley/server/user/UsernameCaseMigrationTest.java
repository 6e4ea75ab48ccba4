package io.parley.server.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

/**
 * The migration that makes usernames case-insensitive on H2 (db/vendor/h2/V12) on a database that already holds
 * accounts whose usernames differ only in case: the oldest keeps its name, the others are renamed
 * {@code <username>_<id>}, and from then on a name is taken, and found, whatever its case.
 */
class UsernameCaseMigrationTest {

    private static final String LONG_NAME = "A_VERY_LONG_USERNAME_OF_32_CHARS";

    /** The database as the server opens it (application.yml), in memory. */
    private final String url = "jdbc:h2:mem:usernames_" + UUID.randomUUID().toString().replace("-", "")
            + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE,USER;DB_CLOSE_DELAY=-1";

    @Test
    void accountsWhoseUsernamesClashInCaseAreRenamedAndANameIsThenTakenWhateverItsCase() throws SQLException {
        flyway().target("10").load().migrate();
        Map<String, Long> ids = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(url)) {
            for (String name : new String[] {"bob", "Bob", "BOB", "alice", LONG_NAME.toLowerCase(Locale.ROOT), LONG_NAME}) {
                ids.put(name, insertUser(c, name));
            }
        }

        flyway().load().migrate();

        try (Connection c = DriverManager.getConnection(url)) {
            assertThat(usernameOf(c, ids.get("bob"))).isEqualTo("bob");
            assertThat(usernameOf(c, ids.get("Bob"))).isEqualTo("Bob_" + ids.get("Bob"));
            assertThat(usernameOf(c, ids.get("BOB"))).isEqualTo("BOB_" + ids.get("BOB"));
            assertThat(usernameOf(c, ids.get("alice"))).isEqualTo("alice");
            long longId = ids.get(LONG_NAME);
            assertThat(usernameOf(c, longId)).as("cut to stay within 32 characters")
                    .isEqualTo(LONG_NAME.substring(0, 31 - String.valueOf(longId).length()) + "_" + longId).hasSize(32);
            assertThat(usernameOf(c, ids.get(LONG_NAME.toLowerCase(Locale.ROOT)))).isEqualTo(LONG_NAME.toLowerCase(Locale.ROOT));

            assertThat(idNamed(c, "ALICE")).as("found whatever the case").isEqualTo(ids.get("alice"));
            assertThat(idNamed(c, "bOb")).isEqualTo(ids.get("bob"));
            assertThatThrownBy(() -> insertUser(c, "Alice")).as("taken whatever the case")
                    .isInstanceOf(SQLException.class);
        }
    }

    /** Flyway over the same migrations as the server's on H2 (spring.flyway.locations). */
    private FluentConfiguration flyway() {
        return Flyway.configure().dataSource(url, "", "").locations("classpath:db/migration", "classpath:db/vendor/h2");
    }

    private static long insertUser(Connection c, String username) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO users (uuid, username, nickname, email,"
                + " password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, username);
            insert.setString(3, username);
            insert.setString(4, username + "@example.com");
            insert.setString(5, "not-a-hash");
            insert.setTimestamp(6, now);
            insert.setTimestamp(7, now);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static String usernameOf(Connection c, long id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT username FROM users WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static Long idNamed(Connection c, String username) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT id FROM users WHERE username = ?")) {
            select.setString(1, username);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }
}
