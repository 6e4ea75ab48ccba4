package io.parley.server.message;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The message path's settings ({@code parley.messages.*}).
 *
 * @param writerThreads     writer stripes; a conversation always goes to the same one, so its order holds
 * @param maxBatch          most messages committed in one transaction (group commit)
 * @param queueCapacity     sends waiting per stripe before new ones are refused with BUSY
 * @param dedupeCacheSize   recent (conversation, sender, client message id) remembered per stripe; older
 *                          retries are still caught by the database's unique key
 * @param syncPageSize      messages per sync response when the client does not say
 * @param maxSyncPageSize   most messages per sync response
 * @param workerThreads     threads for sync, read receipts and typing (they may read the database)
 * @param recallWindow      how long after sending a message may be recalled
 * @param typingInterval    at most one typing frame per device and conversation is relayed per interval
 * @param commitLinger      how long a send may wait, from its arrival, for later sends to share its commit
 *                          (see {@link WriterStripe#gather}); when not set, 2 ms on H2 and none elsewhere
 */
@ConfigurationProperties("parley.messages")
public record MessageProperties(
        @DefaultValue("1") int writerThreads,
        @DefaultValue("500") int maxBatch,
        @DefaultValue("10000") int queueCapacity,
        @DefaultValue("100000") int dedupeCacheSize,
        @DefaultValue("200") int syncPageSize,
        @DefaultValue("1000") int maxSyncPageSize,
        @DefaultValue("4") int workerThreads,
        @DefaultValue("2m") Duration recallWindow,
        @DefaultValue("1s") Duration typingInterval,
        Duration commitLinger) {

    /**
     * H2 writes a new chunk of its file, with the file's metadata, on every commit: at a moderate rate, where
     * each send would be committed alone, that costs most of a core (measured with S2), and sharing commits
     * saved a quarter to a half of the server's CPU. A MySQL/MariaDB commit costs the server a round trip and waits for the log's flush,
     * which the database already shares between commits, so there no wait is added.
     */
    private static final Duration H2_COMMIT_LINGER = Duration.ofMillis(2);

    /** The linger set, or the default for the database at {@code jdbcUrl}. */
    Duration commitLingerOn(String jdbcUrl) {
        if (commitLinger != null) {
            return commitLinger;
        }
        return jdbcUrl != null && jdbcUrl.startsWith("jdbc:h2:") ? H2_COMMIT_LINGER : Duration.ZERO;
    }

    MessageProperties withCommitLinger(Duration linger) {
        return new MessageProperties(writerThreads, maxBatch, queueCapacity, dedupeCacheSize, syncPageSize,
                maxSyncPageSize, workerThreads, recallWindow, typingInterval, linger);
    }
}
