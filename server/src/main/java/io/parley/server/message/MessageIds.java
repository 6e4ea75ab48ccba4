package io.parley.server.message;

import java.util.concurrent.ThreadLocalRandom;

/** Message ids: 32 hex digits, the first 12 the creation time in milliseconds, so ids sort roughly by time. */
final class MessageIds {

    private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

    private MessageIds() {
    }

    /**
     * Written digit by digit: the writer makes one per message, and {@code String.format} parses its pattern
     * with a regular expression on every call, which was 6% of the server's CPU under load.
     */
    static String next(long epochMillis) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] id = new char[32];
        putHex(id, 0, 12, epochMillis);
        putHex(id, 12, 4, random.nextInt(0x10000));
        putHex(id, 16, 16, random.nextLong());
        return new String(id);
    }

    /** True for ids of this form: 32 lowercase hex digits. */
    static boolean isWellFormed(String id) {
        if (id.length() != 32) {
            return false;
        }
        for (int i = 0; i < 32; i++) {
            char c = id.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }

    /** The first 64 of a well-formed id's 128 bits, so that it can be kept without a string. */
    static long high(String id) {
        return parseHex(id, 0);
    }

    /** The last 64 of a well-formed id's 128 bits. */
    static long low(String id) {
        return parseHex(id, 16);
    }

    /** The id whose bits {@link #high} and {@link #low} returned. */
    static String of(long high, long low) {
        char[] id = new char[32];
        putHex(id, 0, 16, high);
        putHex(id, 16, 16, low);
        return new String(id);
    }

    private static long parseHex(String id, int from) {
        long value = 0;
        for (int i = from; i < from + 16; i++) {
            value = value << 4 | Character.digit(id.charAt(i), 16);
        }
        return value;
    }

    /** The low {@code digits} hex digits of {@code value} into {@code id} from {@code at}, most significant first. */
    private static void putHex(char[] id, int at, int digits, long value) {
        for (int i = at + digits - 1; i >= at; i--) {
            id[i] = HEX_DIGITS[(int) (value & 0xF)];
            value >>>= 4;
        }
    }
}
