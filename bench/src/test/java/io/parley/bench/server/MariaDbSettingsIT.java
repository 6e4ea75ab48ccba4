package io.parley.bench.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Against the local MariaDB (127.0.0.1:3306, root), with a harmless setting: max_connections. */
class MariaDbSettingsIT {

    @Test
    void aRunGetsItsSettingsAndMariaDbHasItsOwnBackAfterwards() throws SQLException {
        long before = maxConnections();

        try (MariaDbSettings settings = MariaDbSettings.apply("max_connections=" + (before + 3))) {
            assertThat(maxConnections()).isEqualTo(before + 3);
            assertThat(settings.describe()).isEqualTo("MariaDB set for the run: max_connections=" + (before + 3));
        }

        assertThat(maxConnections()).isEqualTo(before);
    }

    @Test
    void whenMariaDbRefusesOneSettingTheOthersAreUndoneAtOnce() throws SQLException {
        long before = maxConnections();

        assertThatThrownBy(() -> MariaDbSettings.apply("max_connections=" + (before + 5) + ",max_user_connections=many"))
                .isInstanceOf(SQLException.class);

        assertThat(maxConnections()).isEqualTo(before);
    }

    @Test
    void noneTouchesNothing() throws SQLException {
        long before = maxConnections();

        try (MariaDbSettings settings = MariaDbSettings.apply("none")) {
            assertThat(settings.describe()).isEqualTo("MariaDB as configured on the machine");
        }

        assertThat(maxConnections()).isEqualTo(before);
    }

    private static long maxConnections() throws SQLException {
        try (Connection connection = DriverManager.getConnection(ServerLauncher.MARIADB, "root", "");
                ResultSet rs = connection.createStatement().executeQuery("SELECT @@GLOBAL.max_connections")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
