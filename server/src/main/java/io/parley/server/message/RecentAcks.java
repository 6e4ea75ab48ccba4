package io.parley.server.message;

import com.google.protobuf.InvalidProtocolBufferException;
import io.parley.protocol.SendAck;
import java.util.Map;

/**
 * The acks of a stripe's most recent sends, by dedupe key, so that a retry is answered without the database;
 * the least recently used is forgotten first. Each ack is kept encoded: one array instead of a message object
 * and its strings. Entries live for seconds, long enough to be copied by every young collection meanwhile,
 * and at 100,000 entries the fewer objects made those pauses markedly shorter.
 */
final class RecentAcks {

    private final Map<String, byte[]> encoded;

    RecentAcks(int capacity) {
        this.encoded = LruMaps.of(capacity);
    }

    void remember(String dedupeKey, SendAck ack) {
        encoded.put(dedupeKey, ack.toByteArray());
    }

    /** The ack of the send with this key, or null when it is not (or no longer) remembered. */
    SendAck find(String dedupeKey) {
        byte[] ack = encoded.get(dedupeKey);
        if (ack == null) {
            return null;
        }
        try {
            return SendAck.parseFrom(ack);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("a remembered ack does not decode", e);
        }
    }
}
