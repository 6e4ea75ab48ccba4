package io.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.parley.server.support.OnH2;
import io.parley.server.support.OnMariaDb;
import io.parley.server.support.ServerTest;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The MariaDB driver batches UPDATEs in bulk too; other databases' pools are left alone. */
class MariaDbBulkBatchesTests {

    @OnMariaDb
    static class OnMariaDbTest extends ServerTest {

        @Autowired
        DataSource dataSource;

        @Test
        void thePoolAsksForBulkBatchesAndBatchedUpdatesStillApply() {
            HikariDataSource pool = (HikariDataSource) dataSource;
            assertThat(pool.getDataSourceProperties()).containsEntry(MariaDbBulkBatches.OPTION, "true");

            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            String table = "bulk_probe_" + System.nanoTime();
            jdbc.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, n INT)");
            try {
                jdbc.batchUpdate("INSERT INTO " + table + " (id, n) VALUES (?, 0)", List.of(
                        new Object[] {1}, new Object[] {2}, new Object[] {3}));
                jdbc.batchUpdate("UPDATE " + table + " SET n = ? WHERE id = ?", List.of(
                        new Object[] {10, 1}, new Object[] {30, 3}));

                assertThat(jdbc.queryForList("SELECT n FROM " + table + " ORDER BY id", Integer.class))
                        .containsExactly(10, 0, 30);
            } finally {
                jdbc.execute("DROP TABLE " + table);
            }
        }
    }

    @OnH2
    static class OnH2Test extends ServerTest {

        @Autowired
        DataSource dataSource;

        @Test
        void anH2PoolIsLeftAlone() {
            assertThat(((HikariDataSource) dataSource).getDataSourceProperties()).doesNotContainKey(MariaDbBulkBatches.OPTION);
        }
    }
}
