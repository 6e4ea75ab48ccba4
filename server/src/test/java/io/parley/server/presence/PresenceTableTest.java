package io.parley.server.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Device counting per user: only the first device in and the last out are changes, in order, under any race. */
class PresenceTableTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private final ConcurrentLinkedQueue<PresenceChange> changes = new ConcurrentLinkedQueue<>();
    private final PresenceTable table = new PresenceTable(changes::add);
    private final ExecutorService threads = Executors.newFixedThreadPool(8);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void onlyTheFirstDeviceInAndTheLastOutAreChanges() {
        table.connected(1, "u1");
        table.connected(1, "u1");
        table.disconnected(1, "u1", T);
        assertThat(changes).containsExactly(new PresenceChange(1, "u1", true, null));
        assertThat(table.isOnline(1)).isTrue();
        assertThat(table.entry(1).presence()).isEqualTo(UserPresence.ONLINE);
        assertThat(table.onlineUsers()).isEqualTo(1);

        table.disconnected(1, "u1", T.plusSeconds(5));
        assertThat(changes).containsExactly(new PresenceChange(1, "u1", true, null),
                new PresenceChange(1, "u1", false, T.plusSeconds(5)));
        assertThat(table.isOnline(1)).isFalse();
        assertThat(table.entry(1).presence()).isEqualTo(new UserPresence(false, T.plusSeconds(5)));
        assertThat(table.onlineUsers()).isZero();

        table.connected(1, "u1");
        assertThat(table.entry(1).presence()).as("no last seen while online").isEqualTo(UserPresence.ONLINE);
        assertThat(table.isOnline(2)).isFalse();
        assertThat(table.entry(2)).isNull();
        assertThat(table.onlineUserIds()).containsExactly(1L);
    }

    @Test
    void aDisconnectWithoutItsConnectIsRefusedAndChangesNothing() {
        assertThatThrownBy(() -> table.disconnected(3, "u3", T)).isInstanceOf(IllegalStateException.class);
        table.connected(4, "u4");
        table.disconnected(4, "u4", T);
        assertThatThrownBy(() -> table.disconnected(4, "u4", T.plusSeconds(1))).isInstanceOf(IllegalStateException.class);

        assertThat(table.entry(3)).isNull();
        assertThat(table.entry(4).presence()).isEqualTo(new UserPresence(false, T));
        assertThat(table.onlineUsers()).isZero();
        assertThat(changes).hasSize(2);
    }

    @Test
    void aDeviceConnectingWhileTheLastOneDisconnectsLeavesTheUserOnline() throws Exception {
        int users = 2000;
        for (long user = 1; user <= users; user++) {
            long id = user;
            table.connected(id, "u" + id);
            CountDownLatch go = new CountDownLatch(1);
            Future<?> leaving = threads.submit(() -> {
                go.await();
                table.disconnected(id, "u" + id, T);
                return null;
            });
            Future<?> coming = threads.submit(() -> {
                go.await();
                table.connected(id, "u" + id);
                return null;
            });
            go.countDown();
            leaving.get(10, TimeUnit.SECONDS);
            coming.get(10, TimeUnit.SECONDS);

            assertThat(table.isOnline(id)).isTrue();
            assertThat(table.entry(id).devices()).isEqualTo(1);
        }
        // Either the new device came first (no change) or the old one went first (offline, then online again):
        // never a user left offline, never a change out of order.
        assertThat(onlineFlagsByUser().values()).hasSize(users).allSatisfy(flags ->
                assertThat(flags).isIn(List.of(true), List.of(true, false, true)));
        assertThat(table.onlineUsers()).isEqualTo(users);
    }

    @Test
    void changesAlternateInOrderUnderManyConcurrentConnectsAndDisconnects() throws Exception {
        int workers = 8;
        int rounds = 5000;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            running.add(threads.submit(() -> {
                go.await();
                for (int i = 0; i < rounds; i++) {
                    table.connected(7, "u7");
                    table.disconnected(7, "u7", T.plusMillis(i));
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> worker : running) {
            worker.get(60, TimeUnit.SECONDS);
        }

        List<Boolean> flags = onlineFlagsByUser().get(7L);
        assertThat(flags).isNotEmpty();
        assertThat(flags.get(0)).isTrue();
        assertThat(flags.get(flags.size() - 1)).isFalse();
        for (int i = 1; i < flags.size(); i++) {
            assertThat(flags.get(i)).as("change %d", i).isNotEqualTo(flags.get(i - 1));
        }
        assertThat(table.entry(7).devices()).isZero();
        assertThat(table.onlineUsers()).isZero();
        assertThat(table.entry(7).presence().lastSeen()).isNotNull();
    }

    /** Each user's changes as online flags, in the order the sink received them. */
    private Map<Long, List<Boolean>> onlineFlagsByUser() {
        return changes.stream().collect(Collectors.groupingBy(PresenceChange::userId,
                Collectors.mapping(PresenceChange::online, Collectors.toList())));
    }
}
