package io.parley.server.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parley.server.auth.AuthenticatedUser;
import io.parley.server.delivery.DeviceConnection;
import io.parley.server.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The tracker's answers (memory first, the store for the rest), the gauge, and the bounded write at shutdown. */
class PresenceTrackerTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final MutableClock clock = new MutableClock(START.plusNanos(123_456_789));
    private final PresenceAnnouncer announcer = mock(PresenceAnnouncer.class);
    private final LastSeenStore store = mock(LastSeenStore.class);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void answersFromMemoryAndAsksTheStoreOnlyForUsersNotSeenSinceStart() {
        PresenceTracker tracker = tracker(Duration.ofSeconds(5));
        tracker.connected(device(1, "a"));
        tracker.connected(device(2, "b"));
        tracker.disconnected(device(2, "b"));
        Instant stored = START.minusSeconds(3600);
        when(store.load(List.of(3L, 4L))).thenReturn(Map.of(3L, stored));

        Map<Long, UserPresence> presence = tracker.presenceOf(List.of(1L, 2L, 3L, 4L));

        Instant lastSeenOfB = Instant.parse("2026-01-01T00:00:00.123Z");   // the clock, to the millisecond
        assertThat(presence).containsExactlyInAnyOrderEntriesOf(Map.of(
                1L, UserPresence.ONLINE,
                2L, new UserPresence(false, lastSeenOfB),
                3L, new UserPresence(false, stored),
                4L, UserPresence.NEVER_SEEN));
        assertThat(tracker.isOnline(1)).isTrue();
        assertThat(tracker.isOnline(2)).isFalse();
        assertThat(tracker.lastSeen(1)).isEmpty();
        assertThat(tracker.lastSeen(2)).contains(lastSeenOfB);
        verify(announcer).submit(new PresenceChange(2, "b", false, lastSeenOfB));
    }

    @Test
    void theGaugeCountsUsersNotDevices() {
        PresenceTracker tracker = tracker(Duration.ofSeconds(5));
        tracker.connected(device(1, "a"));
        tracker.connected(device(1, "a"));
        tracker.connected(device(2, "b"));
        assertThat(onlineGauge()).isEqualTo(2);
        tracker.disconnected(device(1, "a"));
        assertThat(onlineGauge()).isEqualTo(2);
        tracker.disconnected(device(1, "a"));
        assertThat(onlineGauge()).isEqualTo(1);
    }

    @Test
    void stopWritesWhatTheAnnouncerHadNotHandledAndWhoIsStillOnline() {
        PresenceTracker tracker = tracker(Duration.ofMinutes(1));
        tracker.connected(device(5000, "still-here"));
        List<PresenceChange> pending = new ArrayList<>();
        LongStream.rangeClosed(1, 1200).forEach(id -> pending.add(new PresenceChange(id, "u" + id, false, START.plusMillis(id))));
        pending.add(new PresenceChange(6000, "came-back", true, null));
        when(announcer.stop(any())).thenReturn(pending);
        tracker.start();
        clock.advance(Duration.ofSeconds(1));

        tracker.stop();

        Map<Long, Instant> written = writtenInBatches(3);
        assertThat(written).hasSize(1201);
        assertThat(written).containsEntry(1L, START.plusMillis(1)).containsEntry(1200L, START.plusMillis(1200))
                .containsEntry(5000L, Instant.parse("2026-01-01T00:00:01.123Z"));
        assertThat(tracker.isRunning()).isFalse();
    }

    @Test
    void stopWritesTheFirstBatchOnlyWhenTheBudgetIsSpent() {
        PresenceTracker tracker = tracker(Duration.ZERO);
        List<PresenceChange> pending = new ArrayList<>();
        LongStream.rangeClosed(1, 1200).forEach(id -> pending.add(new PresenceChange(id, "u" + id, false, START)));
        when(announcer.stop(any())).thenReturn(pending);

        tracker.stop();

        assertThat(writtenInBatches(1)).hasSize(500);
    }

    @Test
    void stopWithNothingToWriteWritesNothing() {
        PresenceTracker tracker = tracker(Duration.ofSeconds(5));
        when(announcer.stop(any())).thenReturn(List.of());
        tracker.stop();
        verify(store, never()).saveAll(any());
    }

    private PresenceTracker tracker(Duration shutdownWriteBudget) {
        return new PresenceTracker(announcer, store, new PresenceProperties(shutdownWriteBudget), clock, registry);
    }

    @SuppressWarnings("unchecked")
    private Map<Long, Instant> writtenInBatches(int batches) {
        ArgumentCaptor<Map<Long, Instant>> captor = ArgumentCaptor.forClass(Map.class);
        verify(store, times(batches)).saveAll(captor.capture());
        Map<Long, Instant> all = new HashMap<>();
        captor.getAllValues().forEach(batch -> {
            assertThat(batch).hasSizeLessThanOrEqualTo(500);
            all.putAll(batch);
        });
        return all;
    }

    private double onlineGauge() {
        return registry.get("parley.presence.online.users").gauge().value();
    }

    private static DeviceConnection device(long userId, String publicId) {
        AuthenticatedUser user = new AuthenticatedUser(userId, publicId, publicId);
        return new DeviceConnection() {
            @Override
            public AuthenticatedUser user() {
                return user;
            }

            @Override
            public String deviceId() {
                return "d";
            }

            @Override
            public void send(byte[] encodedFrame) {
            }

            @Override
            public void close(int closeCode, String reason) {
            }
        };
    }
}
