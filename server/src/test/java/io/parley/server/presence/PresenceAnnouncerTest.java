package io.parley.server.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.google.protobuf.InvalidProtocolBufferException;
import io.parley.protocol.Frame;
import io.parley.protocol.Presence;
import io.parley.server.delivery.DevicePush;
import io.parley.server.friend.FriendGraph;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** What the announcer does with changes: one encoded frame for all friends, last seen saved per batch, stop. */
class PresenceAnnouncerTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00.123Z");

    private final FriendGraph friends = mock(FriendGraph.class);
    private final DevicePush push = mock(DevicePush.class);
    private final LastSeenStore store = mock(LastSeenStore.class);
    private final PresenceAnnouncer announcer = new PresenceAnnouncer(friends, push, store);

    @Test
    void everyFriendGetsTheSameEncodedFrameAndOfflineIsSaved() throws Exception {
        when(friends.friendsOf(1L)).thenReturn(Set.of(2L, 3L));

        announcer.handle(List.of(new PresenceChange(1, "u1", true, null), new PresenceChange(1, "u1", false, T)));

        ArgumentCaptor<long[]> recipients = ArgumentCaptor.forClass(long[].class);
        ArgumentCaptor<byte[]> frames = ArgumentCaptor.forClass(byte[].class);
        verify(push, times(2)).toUsers(recipients.capture(), frames.capture(), isNull());
        assertThat(recipients.getAllValues()).allSatisfy(ids ->
                assertThat(Arrays.stream(ids).boxed().toList()).containsExactlyInAnyOrder(2L, 3L));
        assertThat(presence(frames.getAllValues().get(0)))
                .isEqualTo(Presence.newBuilder().setUserId("u1").setOnline(true).build());
        assertThat(presence(frames.getAllValues().get(1)))
                .isEqualTo(Presence.newBuilder().setUserId("u1").setOnline(false).setLastSeen(T.toEpochMilli()).build());
        verify(store).saveAll(Map.of(1L, T));
    }

    @Test
    void aUserWithoutFriendsIsOnlySavedAndOnlineAloneSavesNothing() {
        when(friends.friendsOf(anyLong())).thenReturn(Set.of());

        announcer.handle(List.of(new PresenceChange(4, "u4", true, null)));
        verify(store, never()).saveAll(any());

        announcer.handle(List.of(new PresenceChange(4, "u4", false, T), new PresenceChange(5, "u5", false, T.plusMillis(1))));
        verify(push, never()).toUsers(any(), any(), any());
        verify(store).saveAll(Map.of(4L, T, 5L, T.plusMillis(1)));
    }

    @Test
    void aFailedPushSpoilsNeitherTheOthersNorTheSave() {
        when(friends.friendsOf(1L)).thenThrow(new IllegalStateException("database down"));
        when(friends.friendsOf(2L)).thenReturn(Set.of(9L));

        announcer.handle(List.of(new PresenceChange(1, "u1", false, T), new PresenceChange(2, "u2", false, T)));

        verify(push).toUsers(eq(new long[] {9L}), any(), isNull());
        verify(store).saveAll(Map.of(1L, T, 2L, T));
    }

    @Test
    void aFailedSaveDoesNotStopTheThread() throws Exception {
        when(friends.friendsOf(anyLong())).thenReturn(Set.of());
        doThrow(new IllegalStateException("database down")).when(store).saveAll(Map.of(1L, T));
        announcer.start();
        try {
            announcer.submit(new PresenceChange(1, "u1", false, T));
            verify(store, timeout(10_000)).saveAll(Map.of(1L, T));
            announcer.submit(new PresenceChange(2, "u2", false, T));
            verify(store, timeout(10_000)).saveAll(Map.of(2L, T));
        } finally {
            announcer.stop(Duration.ofSeconds(10));
        }
    }

    @Test
    void stopHandsBackWhatTheThreadHasNotTaken() throws Exception {
        when(friends.friendsOf(anyLong())).thenReturn(Set.of(9L));
        CountDownLatch pushing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        doAnswer(call -> {
            pushing.countDown();
            release.await(10, TimeUnit.SECONDS);
            return 1;
        }).when(push).toUsers(any(), any(), any());
        announcer.start();

        PresenceChange first = new PresenceChange(1, "u1", true, null);
        announcer.submit(first);
        assertThat(pushing.await(10, TimeUnit.SECONDS)).isTrue();   // the thread is busy with the first
        PresenceChange second = new PresenceChange(2, "u2", false, T);
        PresenceChange third = new PresenceChange(3, "u3", true, null);
        announcer.submit(second);
        announcer.submit(third);

        assertThat(announcer.stop(Duration.ZERO)).containsExactly(second, third);
        release.countDown();
        verify(push, times(1)).toUsers(any(), any(), any());
        verify(store, never()).saveAll(any());
    }

    private static Presence presence(byte[] encoded) throws InvalidProtocolBufferException {
        Frame frame = Frame.parseFrom(encoded);
        assertThat(frame.getRef()).isZero();
        return frame.getPresence();
    }
}
