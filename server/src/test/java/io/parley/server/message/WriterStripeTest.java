package io.parley.server.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.google.protobuf.InvalidProtocolBufferException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parley.protocol.ChatMessage;
import io.parley.protocol.ContentType;
import io.parley.protocol.Frame;
import io.parley.protocol.MessageType;
import io.parley.server.auth.AuthenticatedUser;
import io.parley.server.delivery.DeviceConnection;
import io.parley.server.delivery.DevicePush;
import io.parley.server.delivery.ErrorReplies;
import io.parley.server.friend.FriendGraph;
import io.parley.server.user.UserCard;
import io.parley.server.user.UserDirectory;
import io.parley.server.web.ErrorMetrics;
import io.parley.server.group.GroupMembership;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The writer's rules on their own: numbering, dedupe, ack only after a commit, nothing acked when the store fails. */
class WriterStripeTest {

    private static final UserCard ALICE = new UserCard(1, "00000000-0000-4000-8000-00000000000a", "alice", "Alice", null);
    private static final UserCard BOB = new UserCard(2, "00000000-0000-4000-8000-00000000000b", "bob", "Bob", null);
    private static final UserCard CAROL = new UserCard(3, "00000000-0000-4000-8000-00000000000c", "carol", "Carol", null);

    private final InMemoryMessageStore store = new InMemoryMessageStore();
    private final FakeDevice aliceDevice = new FakeDevice(ALICE);
    private final FakeDevice bobDevice = new FakeDevice(BOB);
    private final FriendGraph friends = mock(FriendGraph.class);
    private WriterStripe stripe;

    @BeforeEach
    void setUp() {
        UserDirectory users = mock(UserDirectory.class);
        when(users.byUuid(ALICE.uuid())).thenReturn(Optional.of(ALICE));
        when(users.byUuid(BOB.uuid())).thenReturn(Optional.of(BOB));
        when(users.byId(1)).thenReturn(Optional.of(ALICE));
        when(users.byId(2)).thenReturn(Optional.of(BOB));
        when(users.byUuid(CAROL.uuid())).thenReturn(Optional.of(CAROL));
        when(users.byId(3)).thenReturn(Optional.of(CAROL));
        when(friends.mayMessage(anyLong(), anyLong())).thenReturn(true);
        Map<Long, List<DeviceConnection>> online = Map.of(1L, List.of(aliceDevice), 2L, List.of(bobDevice));
        DevicePush push = new DevicePush(userId -> online.getOrDefault(userId, List.of()));
        MessageProperties properties = new MessageProperties(1, 100, 100, 1000, 200, 1000, 1, Duration.ofMinutes(2),
                Duration.ofSeconds(1), Duration.ZERO);
        SendPolicy policy = new SendPolicy(users, friends, mock(GroupMembership.class), Clock.systemUTC(),
                properties.recallWindow());
        stripe = new WriterStripe(properties, store, policy, users, push,
                new ErrorReplies(new ErrorMetrics(new SimpleMeterRegistry())), new MessageMetrics(new SimpleMeterRegistry()),
                Clock.systemUTC());
    }

    private PendingSend send(long ref, String clientId) {
        return send(ref, clientId, BOB);
    }

    private PendingSend send(long ref, String clientId, UserCard to) {
        ChatMessage body = ChatMessage.newBuilder().setClientMessageId(clientId).setTo(to.uuid()).setContent("hi " + clientId)
                .setContentType(ContentType.TEXT).setMessageType(MessageType.SINGLE).build();
        return new PendingSend(aliceDevice, ref, new AuthenticatedUser(1, ALICE.uuid(), "alice"), body,
                ConversationIds.direct(ALICE.uuid(), to.uuid()), System.nanoTime());
    }

    @Test
    void numbersEachConversationWithoutGapsAcrossBatches() {
        stripe.write(List.of(send(1, "a"), send(2, "b")));
        stripe.write(List.of(send(3, "c")));

        assertThat(store.messages).extracting(StoredMessage::seq).containsExactly(1L, 2L, 3L);
        assertThat(aliceDevice.frames).extracting(f -> f.getAck().getSeq()).containsExactly(1L, 2L, 3L);
        assertThat(aliceDevice.frames).extracting(Frame::getRef).containsExactly(1L, 2L, 3L);
        assertThat(bobDevice.frames).extracting(f -> f.getDeliver().getMessage().getSeq()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aConversationIsCreatedByTheBatchOfItsFirstMessagesAndItsRowIdIsKeptForLaterBatches() {
        String conversation = ConversationIds.direct(ALICE.uuid(), BOB.uuid());
        assertThat(store.findConversation(conversation)).isEmpty();

        stripe.write(List.of(send(1, "a"), send(2, "b")));
        stripe.write(List.of(send(3, "c")));

        long rowId = store.findConversation(conversation).orElseThrow().id();
        assertThat(rowId).isNotEqualTo(Conversation.NOT_STORED);
        assertThat(store.messages).extracting(StoredMessage::conversationId).containsOnly(rowId);
        assertThat(store.messages).extracting(StoredMessage::seq).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aFirstMessageWhoseConversationWasOpenedMeanwhileGoesIntoThatConversationAsSeq1() {
        String conversation = ConversationIds.direct(ALICE.uuid(), BOB.uuid());
        // e.g. bob muted it after the stripe found no row for it, before the batch that would create it commits
        store.beforeNextStore = () -> store.openDirectConversation(
                new MessageStore.NewDirectConversation(conversation, ALICE.id(), BOB.id()), Instant.now());

        stripe.write(List.of(send(1, "first")));

        long rowId = store.findConversation(conversation).orElseThrow().id();
        assertThat(store.messages).extracting(StoredMessage::conversationId, StoredMessage::seq).containsExactly(tuple(rowId, 1L));
        assertThat(aliceDevice.frames).extracting(f -> f.getAck().getSeq()).containsExactly(1L);
        assertThat(bobDevice.frames).extracting(f -> f.getDeliver().getMessage().getSeq()).containsExactly(1L);
    }

    @Test
    void theStoredConversationsABatchNeedsAreReadWithOneQueryAndNumberedOnFromTheirLastSeq() {
        stripe.write(List.of(send(1, "to-bob", BOB)));
        stripe.write(List.of(send(2, "to-carol", CAROL)));
        setUp();   // a new stripe over the same store: it knows no conversation, as after a restart
        store.conversationLookups = 0;

        stripe.write(List.of(send(3, "bob-again", BOB), send(4, "carol-again", CAROL), send(5, "bob-third", BOB)));

        assertThat(store.conversationLookups).isEqualTo(1);
        assertThat(store.messages).extracting(StoredMessage::clientMessageId, StoredMessage::seq).containsExactly(
                tuple("to-bob", 1L), tuple("to-carol", 1L),
                tuple("bob-again", 2L), tuple("carol-again", 2L),
                tuple("bob-third", 3L));
    }

    @Test
    void whenTheConversationsOfABatchCannotBeReadItsSendsAreRefusedRetryablyAfterOneQuery() {
        stripe.write(List.of(send(1, "to-bob", BOB)));
        stripe.write(List.of(send(2, "to-carol", CAROL)));
        setUp();   // a new stripe: both conversations must be read from the store
        store.conversationLookups = 0;
        aliceDevice.frames.clear();
        store.down = true;

        stripe.write(List.of(send(3, "bob-again", BOB), send(4, "carol-again", CAROL)));

        assertThat(store.conversationLookups).isEqualTo(1);
        assertThat(aliceDevice.frames).extracting(f -> f.getError().getCode()).containsExactly("STORE_UNAVAILABLE",
                "STORE_UNAVAILABLE");
        assertThat(aliceDevice.frames).extracting(f -> f.getError().getRetryable()).containsOnly(true);
        assertThat(store.messages).hasSize(2);
    }

    @Test
    void theSameClientMessageIdTwiceInOneBatchIsOneMessageAndTwoEqualAcks() {
        stripe.write(List.of(send(1, "same"), send(2, "same")));

        assertThat(store.messages).hasSize(1);
        assertThat(aliceDevice.frames).hasSize(2);
        assertThat(aliceDevice.frames.get(0).getAck()).isEqualTo(aliceDevice.frames.get(1).getAck());
        assertThat(bobDevice.frames).hasSize(1);
    }

    /**
     * A store that calls two different client ids the same (as a case-insensitive collation would) rejects the
     * second send as a duplicate, yet has no stored send with its exact key: the send is refused retryably
     * instead of being written again and again, and the stripe goes on with the next batch.
     */
    @Test
    void aSendTheStoreCallsADuplicateOfAnotherIdIsRefusedRetryablyAndTheStripeGoesOn() {
        store.clientIdsIgnoreCase = true;
        stripe.write(List.of(send(1, "id")));

        stripe.write(List.of(send(2, "ID")));
        stripe.write(List.of(send(3, "next")));

        assertThat(store.messages).extracting(StoredMessage::clientMessageId).containsExactly("id", "next");
        assertThat(aliceDevice.frames).extracting(Frame::getRef).containsExactly(1L, 2L, 3L);
        assertThat(aliceDevice.frames.get(1).getError().getCode()).isEqualTo("STORE_UNAVAILABLE");
        assertThat(aliceDevice.frames.get(2).getAck().getSeq()).isEqualTo(2);
    }

    @Test
    void aRetryInALaterBatchGetsTheOriginalAck() {
        stripe.write(List.of(send(1, "x")));
        stripe.write(List.of(send(2, "x")));

        assertThat(store.messages).hasSize(1);
        assertThat(aliceDevice.frames.get(1).getAck()).isEqualTo(aliceDevice.frames.get(0).getAck());
        assertThat(aliceDevice.frames.get(1).getRef()).isEqualTo(2);
    }

    @Test
    void aStoreFailureAcksNothingDeliversNothingAndLeavesNoGap() {
        stripe.write(List.of(send(1, "before")));
        store.down = true;
        stripe.write(List.of(send(2, "during")));
        store.down = false;
        stripe.write(List.of(send(3, "during")));

        Frame refused = aliceDevice.frames.get(1);
        assertThat(refused.getError().getCode()).isEqualTo("STORE_UNAVAILABLE");
        assertThat(refused.getError().getRetryable()).isTrue();
        assertThat(refused.getRef()).isEqualTo(2);
        assertThat(store.messages).extracting(StoredMessage::seq).containsExactly(1L, 2L);
        assertThat(bobDevice.frames).hasSize(2);
    }

    @Test
    void aRetryOfAMessageStoredBeforeARestartIsAnsweredFromTheStore() {
        stripe.write(List.of(send(1, "old")));
        StoredMessage original = store.messages.get(0);
        setUp();   // a new stripe over the same store: its memory is empty, as after a restart
        aliceDevice.frames.clear();
        bobDevice.frames.clear();

        stripe.write(List.of(send(2, "old"), send(3, "new")));

        assertThat(store.messages).hasSize(2);
        Frame ack = aliceDevice.frames.get(0);
        assertThat(ack.getAck().getMessageId()).isEqualTo(original.messageId());
        assertThat(ack.getAck().getSeq()).isEqualTo(1);
        assertThat(aliceDevice.frames.get(1).getAck().getSeq()).isEqualTo(2);
        assertThat(bobDevice.frames).extracting(f -> f.getDeliver().getMessage().getClientMessageId()).containsExactly("new");
    }

    @Test
    void retriesOfMessagesStoredBeforeARestartCostOneLookupAndTheRestOfTheBatchIsStoredTogether() {
        stripe.write(List.of(send(1, "old-1"), send(2, "old-2")));
        setUp();   // a new stripe over the same store: its memory is empty, as after a restart
        aliceDevice.frames.clear();
        bobDevice.frames.clear();
        int batchesBefore = store.batchesStored;

        stripe.write(List.of(send(3, "new-1"), send(4, "old-1"), send(5, "new-2"), send(6, "old-2"), send(7, "new-3")));

        assertThat(store.sentLookups).isEqualTo(1);
        assertThat(store.batchesStored - batchesBefore).isEqualTo(1);
        assertThat(store.messages).extracting(StoredMessage::clientMessageId)
                .containsExactly("old-1", "old-2", "new-1", "new-2", "new-3");
        assertThat(store.messages).extracting(StoredMessage::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
        Map<Long, Long> ackedSeqs = new HashMap<>();
        aliceDevice.frames.forEach(f -> ackedSeqs.put(f.getRef(), f.getAck().getSeq()));
        assertThat(ackedSeqs).containsExactlyInAnyOrderEntriesOf(Map.of(4L, 1L, 6L, 2L, 3L, 3L, 5L, 4L, 7L, 5L));
        assertThat(bobDevice.frames).extracting(f -> f.getDeliver().getMessage().getClientMessageId())
                .containsExactly("new-1", "new-2", "new-3");
    }

    @Test
    void whenTheStoredRetriesCannotBeLookedUpTheWholeBatchIsRefusedRetryably() {
        stripe.write(List.of(send(1, "old")));
        setUp();   // a new stripe over the same store: its memory is empty, as after a restart
        aliceDevice.frames.clear();
        bobDevice.frames.clear();
        store.sentLookupsFail = true;

        stripe.write(List.of(send(2, "old"), send(3, "new")));

        assertThat(aliceDevice.frames).extracting(f -> f.getRef() + " " + f.getError().getCode())
                .containsExactly("2 STORE_UNAVAILABLE", "3 STORE_UNAVAILABLE");
        assertThat(store.messages).extracting(StoredMessage::clientMessageId).containsExactly("old");
        assertThat(bobDevice.frames).isEmpty();
    }

    @Test
    void blockedAndStrangersAreRefusedAndNothingIsStored() {
        when(friends.isBlockedEitherWay(1, 2)).thenReturn(true);
        stripe.write(List.of(send(1, "blocked")));
        when(friends.isBlockedEitherWay(1, 2)).thenReturn(false);
        when(friends.mayMessage(1, 2)).thenReturn(false);
        stripe.write(List.of(send(2, "stranger")));

        assertThat(aliceDevice.frames).extracting(f -> f.getError().getCode()).containsExactly("BLOCKED", "NOT_FRIENDS");
        assertThat(store.messages).isEmpty();
        assertThat(bobDevice.frames).isEmpty();
    }

    /** A device that keeps what it is sent, written on the caller's thread or on a given one. */
    static final class FakeDevice implements DeviceConnection {
        final List<Frame> frames = Collections.synchronizedList(new ArrayList<>());
        private final UserCard user;
        private final Executor writeThread;

        FakeDevice(UserCard user) {
            this(user, Runnable::run);
        }

        FakeDevice(UserCard user, Executor writeThread) {
            this.user = user;
            this.writeThread = writeThread;
        }

        int frameCount() {
            return frames.size();
        }

        @Override
        public Executor writeThread() {
            return writeThread;
        }

        @Override
        public AuthenticatedUser user() {
            return new AuthenticatedUser(user.id(), user.uuid(), user.username());
        }

        @Override
        public String deviceId() {
            return "test";
        }

        @Override
        public void send(byte[] encodedFrame) {
            try {
                frames.add(Frame.parseFrom(encodedFrame));
            } catch (InvalidProtocolBufferException e) {
                throw new AssertionError(e);
            }
        }

        @Override
        public void close(int closeCode, String reason) {
        }
    }
}
