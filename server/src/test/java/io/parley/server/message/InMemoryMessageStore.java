package io.parley.server.message;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** A MessageStore in maps, for driving the writer in unit tests; can be told to fail like a database that is down. */
class InMemoryMessageStore implements MessageStore {

    final List<StoredMessage> messages = new ArrayList<>();
    private final Map<String, Conversation> conversations = new HashMap<>();
    private final AtomicLong ids = new AtomicLong();
    boolean down;
    /** Only the look-up of stored messages by retry key fails (the database went down right after a commit failed). */
    boolean sentLookupsFail;
    /** How many times conversations were read (one query each in the real store). */
    int conversationLookups;
    /** How many times stored messages were looked up by retry key (one query each in the real store). */
    int sentLookups;
    /** Batches stored (one transaction each in the real store). */
    int batchesStored;
    /** Compares client message ids ignoring case, as a case-insensitive database collation would. */
    boolean clientIdsIgnoreCase;
    /** Runs once at the start of the next batch's store, e.g. another node's write landing just before it. */
    Runnable beforeNextStore;

    @Override
    public Map<String, Conversation> findConversations(Collection<String> publicIds) {
        conversationLookups++;
        failIfDown();
        Map<String, Conversation> found = new HashMap<>();
        publicIds.forEach(id -> {
            if (conversations.containsKey(id)) {
                found.put(id, conversations.get(id));
            }
        });
        return found;
    }

    Optional<Conversation> findConversation(String publicId) {
        return Optional.ofNullable(conversations.get(publicId));
    }

    @Override
    public Map<String, Long> storeBatch(List<NewDirectConversation> opened, List<StoredMessage> messagesOfBatch,
            List<Mention> mentions, Instant now) {
        failIfDown();
        if (beforeNextStore != null) {
            Runnable meanwhile = beforeNextStore;
            beforeNextStore = null;
            meanwhile.run();
        }
        Map<String, Long> created = new HashMap<>();
        for (NewDirectConversation c : opened) {
            if (conversations.containsKey(c.publicId())) {
                throw new DuplicateSendException(null);
            }
            created.put(c.publicId(), ids.incrementAndGet());
        }
        List<StoredMessage> batch = messagesOfBatch.stream().map(m -> m.conversationId() == Conversation.NOT_STORED
                ? m.inConversation(created.get(m.conversationPublicId())) : m).toList();
        for (StoredMessage m : batch) {
            if (messages.stream().anyMatch(stored -> sameSend(stored, SentKey.of(m)))) {
                throw new DuplicateSendException(null);
            }
        }
        created.forEach((publicId, id) -> conversations.put(publicId, new Conversation(id, publicId, 0)));
        messages.addAll(batch);
        batchesStored++;
        for (StoredMessage m : batch) {
            if (m.contentType() == io.parley.protocol.ContentType.RECALLED_VALUE) {
                messages.replaceAll(old -> old.conversationId() == m.conversationId() && old.seq() == m.replyToSeq()
                        ? new StoredMessage(old.conversationId(), old.conversationPublicId(), old.seq(), old.messageId(),
                                old.senderId(), old.clientMessageId(), old.contentType(), "", null, null, old.replyToSeq(),
                                old.mentions(), true, old.createdAt())
                        : old);
            }
        }
        for (StoredMessage m : batch) {
            conversations.computeIfPresent(m.conversationPublicId(),
                    (id, c) -> c.lastSeq() < m.seq() ? c.withLastSeq(m.seq()) : c);
        }
        return created;
    }

    @Override
    public List<StoredMessage> findSent(Collection<SentKey> sends) {
        sentLookups++;
        failIfDown();
        if (sentLookupsFail) {
            throw new IllegalStateException("database is down");
        }
        return messages.stream().filter(m -> sends.stream().anyMatch(key -> sameSend(m, key))).toList();
    }

    private boolean sameSend(StoredMessage stored, SentKey key) {
        SentKey storedKey = SentKey.of(stored);
        return clientIdsIgnoreCase
                ? storedKey.conversationId() == key.conversationId() && storedKey.senderId() == key.senderId()
                        && storedKey.clientMessageId().equalsIgnoreCase(key.clientMessageId())
                : storedKey.equals(key);
    }

    @Override
    public List<StoredMessage> messagesAfter(long conversationId, long afterSeq, int limit) {
        return messages.stream().filter(m -> m.conversationId() == conversationId && m.seq() > afterSeq)
                .sorted(Comparator.comparingLong(StoredMessage::seq)).limit(limit).toList();
    }

    @Override
    public List<StoredMessage> messagesBefore(long conversationId, long beforeSeq, long floorSeq, int limit) {
        return messages.stream().filter(m -> m.conversationId() == conversationId && m.seq() < beforeSeq && m.seq() > floorSeq)
                .sorted(Comparator.comparingLong(StoredMessage::seq).reversed()).limit(limit).toList();
    }

    @Override
    public Optional<StoredMessage> message(long conversationId, long seq) {
        return messages.stream().filter(m -> m.conversationId() == conversationId && m.seq() == seq).findFirst();
    }

    @Override
    public List<Membership> membershipsOf(long userId) {
        throw new UnsupportedOperationException("not needed by the writer");
    }

    @Override
    public Optional<Membership> membership(String publicId, long userId) {
        throw new UnsupportedOperationException("not needed by the writer");
    }

    @Override
    public List<SyncPoint> syncPointsOf(long userId) {
        throw new UnsupportedOperationException("not needed by the writer");
    }

    @Override
    public long openDirectConversation(NewDirectConversation conversation, Instant now) {
        failIfDown();
        return conversations.computeIfAbsent(conversation.publicId(),
                publicId -> new Conversation(ids.incrementAndGet(), publicId, 0)).id();
    }

    @Override
    public CursorMove advanceReadCursor(long conversationId, long userId, long readSeq) {
        throw new UnsupportedOperationException("not needed by the writer");
    }

    @Override
    public ReadCount readCount(long conversationId, long seq, long senderId) {
        throw new UnsupportedOperationException("not needed by the writer");
    }

    @Override
    public void setMuted(long conversationId, long userId, boolean muted) {
        throw new UnsupportedOperationException("not needed by the writer");
    }

    @Override
    public List<StoredMessage> search(long userId, String conversationPublicId, String text, int offset, int limit) {
        throw new UnsupportedOperationException("not needed by the writer");
    }

    private void failIfDown() {
        if (down) {
            throw new IllegalStateException("database is down");
        }
    }
}
