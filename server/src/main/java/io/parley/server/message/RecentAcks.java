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
 * <p>A send is known by its sender's id (exactly) and a 128-bit hash of its conversation and client message id;
 * the ack is rebuilt from the retry, which carries both, and the stored seq, time and message id. Two different
 * sends of one sender would have to agree on 128 hash bits to be taken for each other; since the sender is
 * compared exactly, even a client that forged such a pair could only confuse its own sends.
 */
final class RecentAcks {

    static final int MAX_CAPACITY = 1 << 26;
    private static final int FREE = -1;
    private static final long PRIME_A = 0x100000001b3L;       // FNV-1a's
    private static final long PRIME_B = 0x9e3779b97f4a7c15L;  // 2^64 / golden ratio, odd

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
    /** Open addressing with linear probing: slot numbers by key hash, {@link #FREE} where none. */
    private final int[] index;
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
        index = new int[Integer.highestOneBit(capacity) << 2];
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
        long sender = send.sender().id();
        long high = hash(send, PRIME_A);
        long low = hash(send, PRIME_B);
        int position = position(sender, high, low);
        int slot = index[position];
        if (slot == FREE) {
            slot = next;
            if (used == capacity) {
                remove(slot);
                position = position(sender, high, low);
            } else {
                used++;
            }
            next = (next + 1) % capacity;
            index[position] = slot;
            senders[slot] = sender;
            keyHigh[slot] = high;
            keyLow[slot] = low;
        }
        seqs[slot] = ack.getSeq();
        serverTimes[slot] = ack.getServerTime();
        messageIdHigh[slot] = MessageIds.high(ack.getMessageId());
        messageIdLow[slot] = MessageIds.low(ack.getMessageId());
    }

    /** The ack of this send if it is remembered, or null. */
    SendAck find(PendingSend send) {
        int slot = index[position(send.sender().id(), hash(send, PRIME_A), hash(send, PRIME_B))];
        if (slot == FREE) {
            return null;
        }
        return SendAck.newBuilder()
                .setClientMessageId(send.body().getClientMessageId())
                .setConversationId(send.conversationPublicId())
                .setMessageId(MessageIds.of(messageIdHigh[slot], messageIdLow[slot]))
                .setSeq(seqs[slot])
                .setServerTime(serverTimes[slot])
                .build();
    }

    /** Where the key is in the index, or the free position where it would go. */
    private int position(long sender, long high, long low) {
        int at = home(sender, low);
        while (index[at] != FREE) {
            int slot = index[at];
            if (senders[slot] == sender && keyHigh[slot] == high && keyLow[slot] == low) {
                return at;
            }
            at = (at + 1) & mask;
        }
        return at;
    }

    private int home(long sender, long low) {
        long h = low ^ (sender * PRIME_B);
        return (int) (h ^ (h >>> 32)) & mask;
    }

    /**
     * Takes the slot out of the index. Linear probing cannot leave a hole where a later key of the same run
     * would stop its search, so every later entry that may move back into the hole does (backward shift).
     */
    private void remove(int slot) {
        int gap = position(senders[slot], keyHigh[slot], keyLow[slot]);
        for (int at = (gap + 1) & mask; index[at] != FREE; at = (at + 1) & mask) {
            int moving = index[at];
            int home = home(senders[moving], keyLow[moving]);
            if (((at - home) & mask) >= ((at - gap) & mask)) {
                index[gap] = moving;
                gap = at;
            }
        }
        index[gap] = FREE;
    }

    /** One of two 64-bit hashes of the send's conversation and client message id, by multiplier. */
    private static long hash(PendingSend send, long prime) {
        long h = prime;
        h = mix(h, send.conversationPublicId(), prime);
        h = (h ^ '\n') * prime;
        h = mix(h, send.body().getClientMessageId(), prime);
        return finish(h);
    }

    private static long mix(long h, String text, long prime) {
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * prime;
        }
        return h;
    }

    /** MurmurHash3's 64-bit finalizer: every input bit affects every output bit. */
    private static long finish(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
