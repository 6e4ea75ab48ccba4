package io.parley.server.message;

/**
 * What makes a send the same send when it is retried: its sender's id, exactly, and a 128-bit hash of its
 * conversation and client message id. Two different sends of one sender would have to agree on 128 hash bits
 * to be taken for each other; since the sender is compared exactly, even a client that forged such a pair could
 * only confuse its own sends.
 *
 * <p>Made once per send, on the gateway's thread that hands it over, rather than on the writer's thread (the one
 * every message passes through), which used to hash each send four times: twice to look for a retry, twice
 * to remember its ack.
 *
 * @param high one 64-bit hash (FNV-1a's multiplier)
 * @param low  the other, independent of it (another odd multiplier)
 */
record SendKey(long sender, long high, long low) {

    private static final long PRIME_A = 0x100000001b3L;       // FNV-1a's
    private static final long PRIME_B = 0x9e3779b97f4a7c15L;  // 2^64 / golden ratio, odd

    static SendKey of(long sender, String conversationPublicId, String clientMessageId) {
        Hashes hashes = new Hashes();
        hashes.add(conversationPublicId);
        hashes.add('\n');
        hashes.add(clientMessageId);
        return new SendKey(sender, finish(hashes.a), finish(hashes.b));
    }

    /** Both hashes in one pass over the text: their multiplications do not wait for each other. */
    private static final class Hashes {
        long a = PRIME_A;
        long b = PRIME_B;

        void add(String text) {
            for (int i = 0; i < text.length(); i++) {
                add(text.charAt(i));
            }
        }

        void add(char c) {
            a = (a ^ c) * PRIME_A;
            b = (b ^ c) * PRIME_B;
        }
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
