package io.parley.server.message;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where conversations, messages and read cursors live. The writer is its only caller for writes, one
 * batch per transaction; everything else only reads (and moves read cursors).
 */
interface MessageStore {

    Optional<Conversation> findConversation(String publicId);

    /** Creates a 1:1 conversation with both members at read seq 0, or returns the one that exists. */
    Conversation createDirectConversation(String publicId, long userA, long userB, Instant now);

    /**
     * Stores a batch in one transaction: the messages, each conversation's new last seq, and each
     * sender's read cursor moved to their newest message. All or nothing.
     *
     * @throws DuplicateSendException when a message's (conversation, sender, client message id) is stored already
     */
    void storeBatch(List<StoredMessage> messages, Map<Long, Long> lastSeqByConversation, Instant now);

    Optional<StoredMessage> findByClientMessageId(long conversationId, long senderId, String clientMessageId);

    /** Messages with seq > afterSeq, oldest first. */
    List<StoredMessage> messagesAfter(long conversationId, long afterSeq, int limit);

    /** Messages with seq < beforeSeq, newest first. */
    List<StoredMessage> messagesBefore(long conversationId, long beforeSeq, int limit);

    Optional<StoredMessage> message(long conversationId, long seq);

    /** The user's conversations, most recently active first. */
    List<Membership> membershipsOf(long userId);

    Optional<Membership> membership(String publicId, long userId);

    /** Moves the user's read cursor forward to {@code readSeq}; never backwards. Returns the cursor after. */
    long advanceReadCursor(long conversationId, long userId, long readSeq);

    /** A stored message collides with one stored before: a retried send. */
    final class DuplicateSendException extends RuntimeException {
        DuplicateSendException(Throwable cause) {
            super("A message with this client message id is stored already", cause);
        }
    }
}
