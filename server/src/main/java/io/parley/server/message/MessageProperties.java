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
        @DefaultValue("1s") Duration typingInterval) {
}
