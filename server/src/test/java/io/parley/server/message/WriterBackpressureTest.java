package io.parley.server.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parley.protocol.ChatMessage;
import io.parley.protocol.ContentType;
import io.parley.protocol.Frame;
import io.parley.protocol.MessageType;
import io.parley.server.auth.AuthenticatedUser;
import io.parley.server.delivery.DeviceConnection;
import io.parley.server.delivery.DevicePush;
import io.parley.server.delivery.ErrorReplies;
import io.parley.server.delivery.FrameError;
import io.parley.server.friend.FriendGraph;
import io.parley.server.group.GroupMembership;
import io.parley.server.user.UserCard;
import io.parley.server.user.UserDirectory;
import io.parley.server.web.ErrorMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Overload slows senders and loses nothing: when devices' threads stop taking frames, the outbox fills, the
 * writer waits, its queue fills and further sends are refused BUSY; once the devices catch up, every send
 * that was accepted is stored, acked and delivered exactly once.
 */
class WriterBackpressureTest {

    private static final UserCard ALICE = new UserCard(1, "00000000-0000-4000-8000-00000000000a", "alice", "Alice", null);
    private static final UserCard BOB = new UserCard(2, "00000000-0000-4000-8000-00000000000b", "bob", "Bob", null);
    private static final int QUEUE_CAPACITY = 4;
    /** Queue, outbox queue (8), the batch the outbox waits on, the batch the writer holds while it waits. */
    private static final int MOST_ACCEPTED_WHILE_STALLED = QUEUE_CAPACITY + 8 + 2;

    private final StalledThread deviceThread = new StalledThread();
    private final WriterStripeTest.FakeDevice alice = new WriterStripeTest.FakeDevice(ALICE, deviceThread);
    private final WriterStripeTest.FakeDevice bob = new WriterStripeTest.FakeDevice(BOB, deviceThread);
    private final InMemoryMessageStore store = new InMemoryMessageStore();
    private MessageWriter writer;

    /** A device write thread that holds its tasks until released, then runs them and everything after at once. */
    static final class StalledThread implements Executor {
        private final List<Runnable> held = new ArrayList<>();
        private boolean released;

        @Override
        public synchronized void execute(Runnable task) {
            if (released) {
                task.run();
            } else {
                held.add(task);
            }
        }

        synchronized void release() {
            released = true;
            held.forEach(Runnable::run);
            held.clear();
        }
    }

    @AfterEach
    void stopWriter() {
        deviceThread.release();
        writer.stop();
    }

    @Test
    void stalledDeliveriesMakeTheWriterRefuseSendsBusyAndLoseNothing() {
        writer = writer();
        writer.start();

        int accepted = 0;
        int busy = 0;
        for (int attempt = 0; attempt < 200; attempt++) {
            Optional<Refusal> refusal = writer.submit(send("m" + attempt));
            if (refusal.isEmpty()) {
                accepted++;
            } else {
                assertThat(refusal.get().error()).isEqualTo(FrameError.BUSY);
                busy++;
                LockSupport.parkNanos(Duration.ofMillis(2).toNanos());   // room for a writer that would wrongly drain
            }
        }
        assertThat(busy).isPositive();
        assertThat(accepted).isLessThanOrEqualTo(MOST_ACCEPTED_WHILE_STALLED);
        assertThat(alice.frames).as("nothing is acked before it is written to the device").isEmpty();

        deviceThread.release();

        int expected = accepted;
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(bob.frameCount()).isEqualTo(expected));
        assertThat(store.messages).hasSize(expected);
        assertThat(alice.frames).extracting(f -> f.getAck().getSeq()).doesNotHaveDuplicates().hasSize(expected);
        assertThat(bob.frames).extracting(f -> f.getDeliver().getMessage().getSeq()).isSorted()
                .doesNotHaveDuplicates().hasSize(expected);
    }

    private MessageWriter writer() {
        UserDirectory users = mock(UserDirectory.class);
        when(users.byUuid(ALICE.uuid())).thenReturn(Optional.of(ALICE));
        when(users.byUuid(BOB.uuid())).thenReturn(Optional.of(BOB));
        when(users.byId(1)).thenReturn(Optional.of(ALICE));
        when(users.byId(2)).thenReturn(Optional.of(BOB));
        FriendGraph friends = mock(FriendGraph.class);
        when(friends.mayMessage(anyLong(), anyLong())).thenReturn(true);
        Map<Long, List<DeviceConnection>> online = Map.of(1L, List.of(alice), 2L, List.of(bob));
        MessageProperties properties = new MessageProperties(1, 1, QUEUE_CAPACITY, 1000, 200, 1000, 1,
                Duration.ofMinutes(2), Duration.ofSeconds(1), Duration.ZERO);
        return new MessageWriter(properties, store, users, friends, mock(GroupMembership.class),
                new DevicePush(userId -> online.getOrDefault(userId, List.of())),
                new ErrorReplies(new ErrorMetrics(new SimpleMeterRegistry())), new MessageMetrics(new SimpleMeterRegistry()),
                Clock.systemUTC(), "jdbc:h2:mem:test");
    }

    private PendingSend send(String clientId) {
        ChatMessage body = ChatMessage.newBuilder().setClientMessageId(clientId).setTo(BOB.uuid()).setContent("hi")
                .setContentType(ContentType.TEXT).setMessageType(MessageType.SINGLE).build();
        return new PendingSend(alice, 0, new AuthenticatedUser(1, ALICE.uuid(), "alice"), body,
                ConversationIds.direct(ALICE.uuid(), BOB.uuid()), System.nanoTime());
    }
}
