package io.parley.server.message;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where conversations, messages and read cursors live. The writer is its only caller for message writes,
 * one batch per transaction; everything else reads, moves read cursors or changes member settings.
 */
interface MessageStore {

    /** The stored conversations among {@code publicIds} (with their last seq), by public id; absent ones left out. */
    Map<String, Conversation> findConversations(Collection<String> publicIds);

    /**
     * Stores a batch in one transaction: the 1:1 conversations its messages open (both members at read seq 0;
     * their messages carry {@link Conversation#NOT_STORED} as conversation id), the messages (a conversation's
     * last seq is its newest message's; a member's read cursor is never below their own newest message's seq,
     * so storing it moves the sender's cursor), who they mention, and for every recall notice the recalled
     * message emptied. All or nothing.
     *
     * @return the row ids of the conversations it created, by public id
     * @throws DuplicateSendException when a message's (conversation, sender, client message id) is stored
     *     already, or a conversation to create exists already (another node created it meanwhile)
     */
    Map<String, Long> storeBatch(List<NewDirectConversation> opened, List<StoredMessage> messages, List<Mention> mentions,
            Instant now);

    /** The stored messages among {@code sends}, each named by its retry key; absent ones left out. One query. */
    List<StoredMessage> findSent(Collection<SentKey> sends);

    /** A message's retry key: the same client message id from the same sender in the same conversation. */
    record SentKey(long conversationId, long senderId, String clientMessageId) {

        static SentKey of(StoredMessage message) {
            return new SentKey(message.conversationId(), message.senderId(), message.clientMessageId());
        }
    }

    /** Messages with seq > afterSeq, oldest first. */
    List<StoredMessage> messagesAfter(long conversationId, long afterSeq, int limit);

    /** Messages with floorSeq < seq < beforeSeq, newest first. */
    List<StoredMessage> messagesBefore(long conversationId, long beforeSeq, long floorSeq, int limit);

    Optional<StoredMessage> message(long conversationId, long seq);

    /** The user's conversations, most recently active first. */
    List<Membership> membershipsOf(long userId);

    Optional<Membership> membership(String publicId, long userId);

    /** Where sync stands in each of the user's conversations, most recently active first. */
    List<SyncPoint> syncPointsOf(long userId);

    /**
     * Creates a 1:1 conversation without a message, with both members at read seq 0, as the batch of its first
     * message would; a conversation created meanwhile (by the writer, or another call) is kept as it is.
     *
     * @return the conversation's row id
     */
    long openDirectConversation(NewDirectConversation conversation, Instant now);

    /** Moves the user's read cursor forward to {@code readSeq}; never backwards. */
    CursorMove advanceReadCursor(long conversationId, long userId, long readSeq);

    /** Where a read cursor stands after a request to move it, and whether that request moved it. */
    record CursorMove(long cursor, boolean moved) {
    }

    /** How many members other than {@code senderId} have read up to {@code seq}, and how many there are. */
    ReadCount readCount(long conversationId, long seq, long senderId);

    void setMuted(long conversationId, long userId, boolean muted);

    /**
     * Text messages containing {@code text}, ignoring case, in the user's conversations,
     * or in one of them, newest first; never before a member's visible start, never recalled ones.
     */
    List<StoredMessage> search(long userId, String conversationPublicId, String text, int offset, int limit);

    record ReadCount(long read, long members) {
    }

    /** A 1:1 conversation created by the batch that stores its first message (or by a member muting it). */
    record NewDirectConversation(String publicId, long userA, long userB) {
    }

    /** A stored message collides with one stored before: a retried send. */
    final class DuplicateSendException extends RuntimeException {
        DuplicateSendException(Throwable cause) {
            super("A message with this client message id is stored already", cause);
        }
    }
}
