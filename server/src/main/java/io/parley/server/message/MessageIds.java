package io.parley.server.message;

import java.util.concurrent.ThreadLocalRandom;

/** Message ids: 32 hex digits, the first 12 the creation time in milliseconds, so ids sort roughly by time. */
final class MessageIds {

    private MessageIds() {
    }

    static String next(long epochMillis) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format("%012x%04x%016x", epochMillis & 0xFFFF_FFFF_FFFFL, random.nextInt(0x10000), random.nextLong());
    }
}
