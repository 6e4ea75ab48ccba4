package io.parley.server.message;

import io.parley.protocol.Deliver;
import io.parley.protocol.Frame;
import io.parley.protocol.SendAck;
import io.parley.server.delivery.DevicePush;
import io.parley.server.delivery.ErrorReplies;
import io.parley.server.delivery.FrameError;
import io.parley.server.friend.FriendGraph;
import io.parley.server.user.UserCard;
import io.parley.server.user.UserDirectory;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One writer thread and its queue. Every conversation belongs to exactly one stripe, so this thread alone
 * assigns that conversation's seqs: no locks, no gaps. It takes whatever sends are waiting (up to a batch),
 * checks who may message whom, drops retries, numbers the rest, commits them in one transaction, and only
 * then acks the senders and delivers to devices (ack after persist).
 */
final class WriterStripe implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(WriterStripe.class);
    private static final int MAX_CACHED_CONVERSATIONS = 50_000;

    private final BlockingQueue<PendingSend> queue;
    private final int maxBatch;
    private final MessageStore store;
    private final UserDirectory users;
    private final FriendGraph friends;
    private final DevicePush push;
    private final ErrorReplies errors;
    private final MessageMetrics metrics;
    private final Clock clock;
    private final Map<String, Conversation> conversations = lru(MAX_CACHED_CONVERSATIONS);
    /** Acks of recent sends by dedupe key, so a retry is answered without touching the database. */
    private final Map<String, SendAck> recentAcks;
    private volatile boolean running = true;

    WriterStripe(MessageProperties properties, MessageStore store, UserDirectory users, FriendGraph friends,
            DevicePush push, ErrorReplies errors, MessageMetrics metrics, Clock clock) {
        this.queue = new ArrayBlockingQueue<>(properties.queueCapacity());
        this.maxBatch = properties.maxBatch();
        this.recentAcks = lru(properties.dedupeCacheSize());
        this.store = store;
        this.users = users;
        this.friends = friends;
        this.push = push;
        this.errors = errors;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Queues a send; false when the queue is full. */
    boolean offer(PendingSend send) {
        return running && queue.offer(send);
    }

    /** Stops taking sends; what is queued is still written before the thread ends. */
    void stop() {
        running = false;
    }

    @Override
    public void run() {
        List<PendingSend> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                PendingSend first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Writer failed on a batch of {} sends", batch.size(), e);
                batch.forEach(send -> refuse(send, storeUnavailable()));
            } finally {
                batch.clear();
            }
        }
    }

    /** Writes one batch; package-private so tests can drive the stripe without its thread. */
    void write(List<PendingSend> batch) {
        Map<String, Conversation> numbered = new HashMap<>();
        Map<String, Accepted> byKey = new LinkedHashMap<>();
        List<PendingSend> repeats = new ArrayList<>();
        for (PendingSend send : batch) {
            String key = send.dedupeKey();
            SendAck earlier = recentAcks.get(key);
            if (earlier != null) {
                answer(send, earlier);
            } else if (byKey.containsKey(key)) {
                repeats.add(send);
            } else {
                checked(send).ifPresentOrElse(refusal -> refuse(send, refusal),
                        () -> number(send, numbered).ifPresent(accepted -> byKey.put(key, accepted)));
            }
        }
        if (byKey.isEmpty()) {
            return;
        }
        List<Accepted> accepted = new ArrayList<>(byKey.values());
        try {
            commit(accepted, numbered);
            conversations.putAll(numbered);
            accepted.forEach(this::completeQuietly);
        } catch (MessageStore.DuplicateSendException retriedAfterRestart) {
            numbered.keySet().forEach(conversations::remove);
            accepted.forEach(this::writeAlone);
        } catch (RuntimeException storeFailure) {
            log.warn("Could not store a batch of {} messages: {}", accepted.size(), storeFailure.toString());
            numbered.keySet().forEach(conversations::remove);
            accepted.forEach(a -> refuse(a.send(), storeUnavailable()));
        }
        for (PendingSend repeat : repeats) {
            SendAck ack = recentAcks.get(repeat.dedupeKey());
            if (ack != null) {
                answer(repeat, ack);
            } else {
                refuse(repeat, storeUnavailable());
            }
        }
    }

    /** {@link #authorize}, with a failed lookup (database down on a cache miss) as a retryable refusal. */
    private Optional<Refusal> checked(PendingSend send) {
        try {
            return authorize(send);
        } catch (RuntimeException lookupFailed) {
            return Optional.of(storeUnavailable());
        }
    }

    /** Who may send this: the recipient exists, is not the sender, and neither blocked the other. */
    private Optional<Refusal> authorize(PendingSend send) {
        Optional<UserCard> recipient = users.byUuid(send.body().getTo());
        if (recipient.isEmpty()) {
            return Optional.of(new Refusal(FrameError.USER_NOT_FOUND, "No such user"));
        }
        long from = send.sender().id();
        long to = recipient.get().id();
        if (from == to) {
            return Optional.of(new Refusal(FrameError.BAD_MESSAGE, "You cannot message yourself"));
        }
        if (friends.isBlockedEitherWay(from, to)) {
            return Optional.of(new Refusal(FrameError.BLOCKED, "You cannot message this user"));
        }
        if (!friends.mayMessage(from, to)) {
            return Optional.of(new Refusal(FrameError.NOT_FRIENDS, "You can only message your friends"));
        }
        return Optional.empty();
    }

    /** Gives the send the next seq of its conversation (tentatively: it counts only once committed). */
    private Optional<Accepted> number(PendingSend send, Map<String, Conversation> numbered) {
        Conversation conversation = numbered.get(send.conversationPublicId());
        if (conversation == null) {
            try {
                conversation = conversation(send);
            } catch (RuntimeException storeFailure) {
                refuse(send, storeUnavailable());
                return Optional.empty();
            }
        }
        long seq = conversation.lastSeq() + 1;
        numbered.put(conversation.publicId(), conversation.withLastSeq(seq));
        Instant now = clock.instant();
        var body = send.body();
        StoredMessage message = new StoredMessage(conversation.id(), conversation.publicId(), seq,
                MessageIds.next(now.toEpochMilli()), send.sender().id(), body.getClientMessageId(),
                body.getContentTypeValue(), body.getContent(), emptyToNull(body.getUrl()),
                emptyToNull(body.getFileSuffix()), now);
        return Optional.of(new Accepted(send, message, conversation.memberIds()));
    }

    private Conversation conversation(PendingSend send) {
        Conversation known = conversations.get(send.conversationPublicId());
        if (known != null) {
            return known;
        }
        return store.findConversation(send.conversationPublicId()).orElseGet(() -> {
            long to = users.byUuid(send.body().getTo()).orElseThrow().id();
            long from = send.sender().id();
            return store.createDirectConversation(send.conversationPublicId(), Math.min(from, to), Math.max(from, to),
                    clock.instant());
        });
    }

    private void commit(List<Accepted> accepted, Map<String, Conversation> numbered) {
        Map<Long, Long> lastSeqs = new HashMap<>();
        numbered.values().forEach(c -> lastSeqs.put(c.id(), c.lastSeq()));
        store.storeBatch(accepted.stream().map(Accepted::message).toList(), lastSeqs, clock.instant());
        metrics.committed(accepted.size());
    }

    /**
     * The slow path after a batch hit a message stored before (a retry of a send acked before a restart):
     * each send on its own, answering those already stored with their original ack.
     */
    private void writeAlone(Accepted candidate) {
        PendingSend send = candidate.send();
        try {
            Conversation conversation = conversation(send);
            Optional<StoredMessage> stored = store.findByClientMessageId(conversation.id(), send.sender().id(),
                    send.body().getClientMessageId());
            if (stored.isPresent()) {
                SendAck ack = ChatMessages.ack(stored.get());
                recentAcks.put(send.dedupeKey(), ack);
                answer(send, ack);
                return;
            }
            Map<String, Conversation> numbered = new HashMap<>();
            numbered.put(conversation.publicId(), conversation);
            Accepted accepted = number(send, numbered).orElseThrow();
            commit(List.of(accepted), numbered);
            conversations.putAll(numbered);
            completeQuietly(accepted);
        } catch (RuntimeException storeFailure) {
            conversations.remove(send.conversationPublicId());
            refuse(send, storeUnavailable());
        }
    }

    /** {@link #complete}, for after a commit: a failure there must not turn a stored message into a refusal. */
    private void completeQuietly(Accepted accepted) {
        try {
            complete(accepted);
        } catch (RuntimeException e) {
            log.warn("Message {} is stored but could not be acked or delivered; devices will get it by sync",
                    accepted.message().messageId(), e);
        }
    }

    /** After the commit: ack the sending device, deliver to every other device of both parties. */
    private void complete(Accepted accepted) {
        StoredMessage message = accepted.message();
        PendingSend send = accepted.send();
        SendAck ack = ChatMessages.ack(message);
        recentAcks.put(send.dedupeKey(), ack);
        answer(send, ack);
        metrics.acked(send.acceptedAtNanos());

        UserCard sender = users.byId(send.sender().id()).orElseThrow();
        byte[] deliver = Frame.newBuilder().setDeliver(Deliver.newBuilder()
                .setMessage(ChatMessages.toProto(message, sender, send.body().getTo()))).build().toByteArray();
        metrics.delivered(push.toUsers(accepted.memberIds(), deliver, send.origin()));
    }

    private void answer(PendingSend send, SendAck ack) {
        send.origin().send(Frame.newBuilder().setRef(send.ref()).setAck(ack).build().toByteArray());
    }

    private void refuse(PendingSend send, Refusal refusal) {
        errors.send(send.origin(), send.ref(), refusal.error(), refusal.message());
    }

    private static Refusal storeUnavailable() {
        return new Refusal(FrameError.STORE_UNAVAILABLE, "The message could not be stored; send it again");
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }

    private static <K, V> Map<K, V> lru(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** A send numbered and ready to commit, with the members its message goes to. */
    private record Accepted(PendingSend send, StoredMessage message, long[] memberIds) {
    }
}
