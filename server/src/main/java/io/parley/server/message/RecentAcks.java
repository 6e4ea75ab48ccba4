package io.parley.server.message;

import io.parley.protocol.SendAck;
import java.util.Arrays;

/**
 * The acks of a stripe's most recent sends, so that a retry is answered without the database; the oldest is
 * forgotten first. Older retries are caught by the database's unique key instead.
 *
 * <p>Kept in a few arrays made once, not as objects per entry. Entries live for seconds, long enough to be
 * copied by every young collection meanwhile: at 24,000 messages/s with 100,000 entries as a map of strings
 * and encoded acks they were about 29 of the 37 MB each young pause copied, and the pauses took twice as long.
 *
 * <p>A send is known by its {@link SendKey}; the ack is rebuilt from the retry, which carries its conversation
 * and client message id, and the stored seq, time and message id.
 */
final class RecentAcks {

    static final int MAX_CAPACITY = 1 << 26;
    /** An empty index entry; a used one is never -1, as its slot (its low half) is never -1. */
    private static final long FREE = -1;
    private static final long HOME_MULTIPLIER = 0x9e3779b97f4a7c15L;  // 2^64 / golden ratio, odd

    private final int capacity;
    /** Per slot, a ring: the next ack goes to slot {@code next}, over the oldest once all are used. */
    private final long[] senders;
    private final long[] keyHigh;
    private final long[] keyLow;
    private final long[] seqs;
    private final long[] serverTimes;
    private final long[] messageIdHigh;
    private final long[] messageIdLow;
    private int next;
    private int used;
    /**
     * Open addressing with linear probing, by key hash. An entry holds the key's 32-bit home hash (high half)
     * and its slot (low half), or is {@link #FREE}: probing compares the hash before the slot's key and
     * deletion finds where an entry belongs without reading the slots, which are scattered over seven arrays
     * (reading them cost most of this class's time on the writer's thread).
     */
    private final long[] index;
    private final int mask;

    RecentAcks(int capacity) {
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("capacity must be from 1 to " + MAX_CAPACITY + ", not " + capacity);
        }
        this.capacity = capacity;
        senders = new long[capacity];
        keyHigh = new long[capacity];
        keyLow = new long[capacity];
        seqs = new long[capacity];
        serverTimes = new long[capacity];
        messageIdHigh = new long[capacity];
        messageIdLow = new long[capacity];
        // at most half full, so probes stay short
        index = new long[Integer.highestOneBit(capacity) << 2];
        Arrays.fill(index, FREE);
        mask = index.length - 1;
    }

    /**
     * Remembers the ack of a stored send, replacing what was remembered for the same send. An ack whose
     * message id is not one of {@link MessageIds}' is not remembered: a retry of it goes to the database.
     */
    void remember(PendingSend send, SendAck ack) {
        if (!MessageIds.isWellFormed(ack.getMessageId())) {
            return;
        }
        SendKey key = send.key();
        int hash = homeHash(key);
        int position = position(key, hash);
        int slot;
        if (index[position] != FREE) {
            slot = slotOf(index[position]);
        } else {
            slot = next;
            if (used == capacity) {
                remove(slot);
                position = position(key, hash);
            } else {
                used++;
            }
            next = (next + 1) % capacity;
            index[position] = entry(hash, slot);
            senders[slot] = key.sender();
            keyHigh[slot] = key.high();
            keyLow[slot] = key.low();
        }
        seqs[slot] = ack.getSeq();
        serverTimes[slot] = ack.getServerTime();
        messageIdHigh[slot] = MessageIds.high(ack.getMessageId());
        messageIdLow[slot] = MessageIds.low(ack.getMessageId());
    }

    /** The ack of this send if it is remembered, or null. */
    SendAck find(PendingSend send) {
        SendKey key = send.key();
        long found = index[position(key, homeHash(key))];
        if (found == FREE) {
            return null;
        }
        int slot = slotOf(found);
        return SendAck.newBuilder()
                .setClientMessageId(send.body().getClientMessageId())
                .setConversationId(send.conversationPublicId())
                .setMessageId(MessageIds.of(messageIdHigh[slot], messageIdLow[slot]))
                .setSeq(seqs[slot])
                .setServerTime(serverTimes[slot])
                .build();
    }

    /** Where the key is in the index, or the free position where it would go. */
    private int position(SendKey key, int hash) {
        int at = hash & mask;
        while (index[at] != FREE) {
            long entry = index[at];
            int slot = slotOf(entry);
            if (hashOf(entry) == hash && senders[slot] == key.sender() && keyHigh[slot] == key.high()
                    && keyLow[slot] == key.low()) {
                return at;
            }
            at = (at + 1) & mask;
        }
        return at;
    }

    private static int homeHash(SendKey key) {
        long h = key.low() ^ (key.sender() * HOME_MULTIPLIER);
        return (int) (h ^ (h >>> 32));
    }

    private static long entry(int hash, int slot) {
        return ((long) hash << 32) | slot;
    }

    private static int hashOf(long entry) {
        return (int) (entry >>> 32);
    }

    private static int slotOf(long entry) {
        return (int) entry;
    }

    /**
     * Takes the slot out of the index. Linear probing cannot leave a hole where a later key of the same run
     * would stop its search, so every later entry that may move back into the hole does (backward shift).
     */
    private void remove(int slot) {
        SendKey stored = new SendKey(senders[slot], keyHigh[slot], keyLow[slot]);
        int gap = position(stored, homeHash(stored));
        for (int at = (gap + 1) & mask; index[at] != FREE; at = (at + 1) & mask) {
            int home = hashOf(index[at]) & mask;
            if (((at - home) & mask) >= ((at - gap) & mask)) {
                index[gap] = index[at];
                gap = at;
            }
        }
        index[gap] = FREE;
    }
}
