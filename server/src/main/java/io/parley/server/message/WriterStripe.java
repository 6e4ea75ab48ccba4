package io.parley.server.message;

import io.parley.protocol.ContentType;
import io.parley.protocol.Deliver;
import io.parley.protocol.Frame;
import io.parley.protocol.MessageType;
import io.parley.protocol.SendAck;
import io.parley.server.delivery.DevicePush;
import io.parley.server.delivery.ErrorReplies;
import io.parley.server.delivery.FrameBatch;
import io.parley.server.delivery.FrameError;
import io.parley.server.user.UserCard;
import io.parley.server.user.UserDirectory;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One writer thread and its queue. Every conversation belongs to exactly one stripe, so this thread alone
 * assigns that conversation's seqs: no locks, no gaps. It takes whatever sends are waiting (up to a batch),
 * drops retries, asks {@link SendPolicy} who may send, numbers the rest, commits them in one transaction,
 * and only then acks the senders and delivers to devices (ack after persist).
 */
final class WriterStripe implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(WriterStripe.class);
    private static final int MAX_CACHED_CONVERSATIONS = 50_000;
    private static final long WRITE_WAIT_SECONDS = 10;

    private final BlockingQueue<PendingSend> queue;
    private final int maxBatch;
    private final long commitLingerNanos;
    private final MessageStore store;
    private final SendPolicy policy;
    private final UserDirectory users;
    private final DevicePush push;
    private final ErrorReplies errors;
    private final MessageMetrics metrics;
    private final Clock clock;
    private final Map<String, Conversation> conversations = LruMaps.of(MAX_CACHED_CONVERSATIONS);
    private final RecentAcks recentAcks;
    /**
     * Where everything this stripe writes to devices runs: acks, refusals, deliveries. A thread of its own
     * (see {@link MessageWriter}) lets the next batch commit while the previous one is being delivered; one
     * thread per stripe keeps what a device receives in the order the stripe decided it. Direct by default.
     */
    private volatile Executor outbox = Runnable::run;
    private volatile boolean running;

    WriterStripe(MessageProperties properties, MessageStore store, SendPolicy policy, UserDirectory users,
            DevicePush push, ErrorReplies errors, MessageMetrics metrics, Clock clock) {
        this.queue = new ArrayBlockingQueue<>(properties.queueCapacity());
        this.maxBatch = properties.maxBatch();
        this.commitLingerNanos = properties.commitLinger().toNanos();
        this.recentAcks = new RecentAcks(properties.dedupeCacheSize());
        this.store = store;
        this.policy = policy;
        this.users = users;
        this.push = push;
        this.errors = errors;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Queues a send; false when the queue is full. */
    boolean offer(PendingSend send) {
        return running && queue.offer(send);
    }

    /** Takes sends again, handing device writes to {@code outbox}; called before the stripe's thread (re)starts. */
    void open(Executor outbox) {
        this.outbox = outbox;
        running = true;
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
                gather(batch, first.acceptedAtNanos() + commitLingerNanos);
                metrics.takenIntoBatch(batch);
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

    /**
     * Adds sends that arrive before {@code deadline} to a batch that is not full. Each commit has a cost of its
     * own, whatever its size (on H2 it writes a new chunk of the file and its metadata), so at a moderate rate,
     * where each send would otherwise be committed alone, a short wait lets several share one; a send that
     * already waited that long in the queue (under load) is not held at all.
     */
    void gather(List<PendingSend> batch, long deadline) throws InterruptedException {
        while (batch.size() < maxBatch) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            PendingSend next = queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
            queue.drainTo(batch, maxBatch - batch.size());
        }
    }

    /**
     * Writes one batch; package-private so tests can drive the stripe without its thread. Who may send is
     * decided first, then the conversations of the permitted sends that this stripe does not know yet are read
     * at once, then the sends are numbered and committed together.
     */
    void write(List<PendingSend> batch) {
        Map<SendKey, Permitted> byKey = new LinkedHashMap<>();
        List<PendingSend> repeats = new ArrayList<>();
        for (PendingSend send : batch) {
            SendKey key = send.key();
            SendAck earlier = recentAcks.find(send);
            if (earlier != null) {
                answer(send, earlier);
            } else if (byKey.containsKey(key)) {
                repeats.add(send);
            } else {
                permit(send).ifPresent(permit -> byKey.put(key, new Permitted(send, permit)));
            }
        }
        Numbering numbering = new Numbering();
        lookUpUnknownConversations(byKey.values(), numbering);
        List<Accepted> accepted = new ArrayList<>();
        for (Permitted permitted : byKey.values()) {
            numberOrRefuse(permitted, numbering).ifPresent(accepted::add);
        }
        if (!accepted.isEmpty()) {
            commitOrFallBack(accepted, numbering);
        }
        for (PendingSend repeat : repeats) {
            SendAck ack = recentAcks.find(repeat);
            if (ack != null) {
                answer(repeat, ack);
            } else {
                refuse(repeat, storeUnavailable());
            }
        }
    }

    /**
     * Reads every conversation this stripe does not know yet with one query, instead of one query per
     * conversation on this thread (what the first messages after a start, or to a new group, would cost).
     * If the query fails, the sends to those conversations are refused as STORE_UNAVAILABLE (retryable)
     * without asking the database again, one by one, while it is failing.
     */
    private void lookUpUnknownConversations(Collection<Permitted> sends, Numbering numbering) {
        Set<String> unknown = new HashSet<>();
        for (Permitted permitted : sends) {
            if (!conversations.containsKey(permitted.send().conversationPublicId())) {
                unknown.add(permitted.send().conversationPublicId());
            }
        }
        if (unknown.isEmpty()) {
            return;
        }
        numbering.lookedUp.addAll(unknown);
        try {
            numbering.stored.putAll(store.findConversations(unknown));
        } catch (RuntimeException lookupFailed) {
            log.debug("Could not read the conversations of a batch: {}", lookupFailed.toString());
            numbering.lookupFailed = true;
        }
    }

    private void commitOrFallBack(List<Accepted> accepted, Numbering numbering) {
        try {
            commit(accepted, numbering);
            conversations.putAll(numbering.conversations);
            complete(accepted);
        } catch (MessageStore.DuplicateSendException retriedAfterRestart) {
            numbering.conversations.keySet().forEach(conversations::remove);
            writeAroundStored(accepted);
        } catch (RuntimeException storeFailure) {
            log.warn("Could not store a batch of {} messages: {}", accepted.size(), storeFailure.toString());
            numbering.conversations.keySet().forEach(conversations::remove);
            accepted.forEach(a -> refuse(a.send(), storeUnavailable()));
        }
    }

    /** Who the send reaches if it may be sent; refuses it (and returns empty) when it may not. */
    private Optional<SendPolicy.Permit> permit(PendingSend send) {
        try {
            SendPolicy.Verdict verdict = policy.check(send);
            if (verdict.refusal() != null) {
                refuse(send, verdict.refusal());
                return Optional.empty();
            }
            return Optional.of(verdict.permit());
        } catch (RuntimeException lookupFailed) {
            // a cache miss that could not reach the database: nothing was written, the send may be retried
            refuse(send, storeUnavailable());
            return Optional.empty();
        }
    }

    private Optional<Accepted> numberOrRefuse(Permitted permitted, Numbering numbering) {
        try {
            return number(permitted.send(), permitted.permit(), numbering);
        } catch (RuntimeException lookupFailed) {
            refuse(permitted.send(), storeUnavailable());
            return Optional.empty();
        }
    }

    /** Gives the send the next seq of its conversation (tentatively: it counts only once committed). */
    private Optional<Accepted> number(PendingSend send, SendPolicy.Permit permit, Numbering numbering) {
        Optional<Conversation> found = Optional.ofNullable(numbering.conversations.get(send.conversationPublicId()))
                .or(() -> conversation(send, permit, numbering));
        if (found.isEmpty()) {
            refuse(send, new Refusal(FrameError.GROUP_NOT_FOUND, "No such group, or you are not a member"));
            return Optional.empty();
        }
        Conversation conversation = found.get();
        var body = send.body();
        long reply = body.getReplyToSeq();
        if (reply > conversation.lastSeq()) {
            refuse(send, new Refusal(FrameError.MESSAGE_NOT_FOUND, "reply_to_seq names no message of this conversation"));
            return Optional.empty();
        }
        if (body.getContentType() == ContentType.RECALLED) {
            Optional<Refusal> refusal = numbering.recalled.contains(conversation.id() + ":" + reply)
                    ? Optional.of(new Refusal(FrameError.ALREADY_RECALLED, "The message was recalled already"))
                    : policy.checkRecall(store.message(conversation.id(), reply), send.sender().id(), permit.moderator());
            if (refusal.isPresent()) {
                refuse(send, refusal.get());
                return Optional.empty();
            }
            numbering.recalled.add(conversation.id() + ":" + reply);
        }
        long seq = conversation.lastSeq() + 1;
        numbering.conversations.put(conversation.publicId(), conversation.withLastSeq(seq));
        // the store keeps milliseconds: the ack and the delivery must carry the time a later read returns
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<String> mentions = permit.mentioned().stream().map(id -> users.byId(id).orElseThrow().uuid()).toList();
        StoredMessage message = new StoredMessage(conversation.id(), conversation.publicId(), seq,
                MessageIds.next(now.toEpochMilli()), send.sender().id(), body.getClientMessageId(),
                body.getContentTypeValue(), body.getContent(), emptyToNull(body.getUrl()),
                emptyToNull(body.getFileSuffix()), reply, mentions, false, now);
        return Optional.of(new Accepted(send, message, permit));
    }

    /**
     * The conversation from this stripe's memory or the store. A 1:1 conversation without a row yet is opened
     * by its first message: the batch's transaction creates it (no transaction of its own on this thread).
     */
    private Optional<Conversation> conversation(PendingSend send, SendPolicy.Permit permit, Numbering numbering) {
        String publicId = send.conversationPublicId();
        Conversation known = conversations.get(publicId);
        if (known != null) {
            return Optional.of(known);
        }
        if (numbering.lookupFailed && numbering.lookedUp.contains(publicId)) {
            throw new IllegalStateException("the conversations of this batch could not be read");
        }
        Optional<Conversation> stored = numbering.lookedUp.contains(publicId)
                ? Optional.ofNullable(numbering.stored.get(publicId))
                : Optional.ofNullable(store.findConversations(List.of(publicId)).get(publicId));
        if (stored.isPresent() || send.body().getMessageType() == MessageType.GROUP) {
            return stored;
        }
        long[] parties = permit.recipients();
        numbering.opened.add(new MessageStore.NewDirectConversation(send.conversationPublicId(), parties[0], parties[1]));
        return Optional.of(Conversation.unstored(send.conversationPublicId()));
    }

    /** Commits the batch; the conversations it opened get their row ids in {@code numbering}. */
    private void commit(List<Accepted> accepted, Numbering numbering) {
        List<Mention> mentions = new ArrayList<>();
        for (Accepted a : accepted) {
            a.permit().mentioned().forEach(user -> mentions.add(new Mention(a.message().conversationId(), user, a.message().seq())));
        }
        long started = System.nanoTime();
        Map<String, Long> opened = store.storeBatch(numbering.opened, accepted.stream().map(Accepted::message).toList(),
                mentions, clock.instant());
        numbering.conversations.replaceAll((publicId, c) -> c.stored() ? c : new Conversation(opened.get(publicId), publicId, c.lastSeq()));
        metrics.committed(accepted.size(), started);
    }

    /**
     * After a batch hit a message stored before (a retry older than the acks this stripe remembers, e.g. from
     * before a restart): one query finds which of its sends are stored; those are answered with their original
     * ack and the others are written again, together. When none of them was stored (the batch collided with a
     * conversation created meanwhile, or with a row the database calls equal to a send and this stripe does not),
     * each send is written on its own: writing the same batch again would collide again, for ever.
     */
    private void writeAroundStored(List<Accepted> accepted) {
        Map<MessageStore.SentKey, StoredMessage> stored = new HashMap<>();
        try {
            store.findSent(accepted.stream().filter(a -> a.message().conversationId() != Conversation.NOT_STORED)
                    .map(a -> MessageStore.SentKey.of(a.message())).toList())
                    .forEach(message -> stored.put(MessageStore.SentKey.of(message), message));
        } catch (RuntimeException storeFailure) {
            accepted.forEach(a -> refuse(a.send(), storeUnavailable()));
            return;
        }
        List<Accepted> notStored = accepted.stream()
                .filter(candidate -> !stored.containsKey(MessageStore.SentKey.of(candidate.message()))).toList();
        if (notStored.size() == accepted.size()) {
            accepted.forEach(this::writeAlone);
            return;
        }
        for (Accepted candidate : accepted) {
            StoredMessage original = stored.get(MessageStore.SentKey.of(candidate.message()));
            if (original != null) {
                SendAck ack = ChatMessages.ack(original);
                recentAcks.remember(candidate.send(), ack);
                answer(candidate.send(), ack);
            }
        }
        if (!notStored.isEmpty()) {
            write(notStored.stream().map(Accepted::send).toList());
        }
    }

    /** A send on its own transaction, after its batch collided with a conversation created meanwhile. */
    private void writeAlone(Accepted candidate) {
        PendingSend send = candidate.send();
        try {
            Numbering numbering = new Numbering();
            Optional<Accepted> accepted = number(send, candidate.permit(), numbering);
            if (accepted.isPresent()) {
                commit(List.of(accepted.get()), numbering);
                conversations.putAll(numbering.conversations);
                complete(List.of(accepted.get()));
            }
        } catch (RuntimeException storeFailure) {
            conversations.remove(send.conversationPublicId());
            refuse(send, storeUnavailable());
        }
    }

    /**
     * After the commit: remember the acks for retries, then (in the outbox) ack the sending devices and deliver,
     * each message encoded once, to every other device of its members, the whole batch handed to the devices'
     * threads together. A failure there must not turn a stored message into a refusal: devices get it by sync.
     */
    private void complete(List<Accepted> committed) {
        List<SendAck> acks = new ArrayList<>(committed.size());
        for (Accepted accepted : committed) {
            SendAck ack = ChatMessages.ack(accepted.message());
            recentAcks.remember(accepted.send(), ack);
            acks.add(ack);
        }
        long committedAt = System.nanoTime();
        outbox.execute(() -> {
            metrics.outboxStarted(committedAt);
            FrameBatch frames = new FrameBatch();
            int delivered = 0;
            for (int i = 0; i < committed.size(); i++) {
                delivered += addAckAndDeliveries(frames, committed.get(i), acks.get(i));
            }
            awaitWritten(frames.send(metrics::handedOff));
            metrics.delivered(delivered);
        });
    }

    /**
     * Keeps at most one batch of this stripe queued in the devices' threads. When they fall behind, the
     * outbox (bounded, see {@link MessageWriter}) fills, then the writer thread waits for room, then the
     * stripe's queue fills and senders are answered BUSY: overload slows senders instead of piling up frames.
     */
    private void awaitWritten(CompletableFuture<Void> written) {
        try {
            written.get(WRITE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            log.warn("Devices' threads took more than {} s to write a batch; going on", WRITE_WAIT_SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            log.warn("Writing a batch to devices failed", e.getCause());
        }
    }

    /** Adds one message's ack and deliveries to the batch; returns how many devices it is delivered to. */
    private int addAckAndDeliveries(FrameBatch frames, Accepted accepted, SendAck ack) {
        PendingSend send = accepted.send();
        StoredMessage message = accepted.message();
        try {
            frames.add(send.origin(), ackFrame(send, ack));
            metrics.acked(send.acceptedAtNanos());
            UserCard sender = users.byId(send.sender().id()).orElseThrow();
            byte[] deliver = Frame.newBuilder().setDeliver(Deliver.newBuilder()
                    .setMessage(ChatMessages.toProto(message, sender))).build().toByteArray();
            return push.addToUsers(frames, accepted.permit().recipients(), deliver, send.origin());
        } catch (RuntimeException e) {
            log.warn("Message {} is stored but could not be acked or delivered; devices will get it by sync",
                    message.messageId(), e);
            return 0;
        }
    }

    private void answer(PendingSend send, SendAck ack) {
        outbox.execute(() -> send.origin().send(ackFrame(send, ack)));
    }

    private void refuse(PendingSend send, Refusal refusal) {
        outbox.execute(() -> errors.send(send.origin(), send.ref(), refusal.error(), refusal.message()));
    }

    private static byte[] ackFrame(PendingSend send, SendAck ack) {
        return Frame.newBuilder().setRef(send.ref()).setAck(ack).build().toByteArray();
    }

    private static Refusal storeUnavailable() {
        return new Refusal(FrameError.STORE_UNAVAILABLE, "The message could not be stored; send it again");
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }

    /**
     * What one batch has numbered so far: conversations with their tentative last seq, the 1:1 conversations
     * it opens, messages recalled; and the conversations it read from the store.
     */
    private static final class Numbering {
        final Map<String, Conversation> conversations = new HashMap<>();
        final List<MessageStore.NewDirectConversation> opened = new ArrayList<>();
        final Set<String> recalled = new HashSet<>();
        /** Conversations read from the store for this batch, and which public ids were looked up at all. */
        final Map<String, Conversation> stored = new HashMap<>();
        final Set<String> lookedUp = new HashSet<>();
        boolean lookupFailed;
    }

    /** A send that may be sent, with what its permit says it reaches. */
    private record Permitted(PendingSend send, SendPolicy.Permit permit) {
    }

    /** A send numbered and ready to commit, with what its permit says it reaches. */
    private record Accepted(PendingSend send, StoredMessage message, SendPolicy.Permit permit) {
    }
}
