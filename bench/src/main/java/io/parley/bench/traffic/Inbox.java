package io.parley.bench.traffic;

import io.parley.bench.client.BenchClient;
import io.parley.bench.client.FrameListener;
import io.parley.protocol.ChatMessage;
import io.parley.protocol.Frame;
import io.parley.protocol.SyncRequest;
import io.parley.protocol.SyncResponse;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one device holds, conversation by conversation, as a real client keeps it: every message pushed
 * (Deliver) or synced is kept once by (conversation, seq). It syncs the way docs/PROTOCOL.md "Syncing" says:
 * from the last seq it holds without a gap, a page at a time while {@code has_more}. It tells apart what the
 * protocol allows (a message both pushed and synced while a sync runs) from what it does not (the same
 * message pushed twice, pushes of one conversation out of seq order). Used on the connection's event loop only.
 */
public final class Inbox implements FrameListener {

    /** What every inbox of a run saw that the protocol does not allow, and what it allows. Thread-safe. */
    public static final class Stats {
        private final LongAdder duplicatePushes = new LongAdder();
        private final LongAdder outOfOrderPushes = new LongAdder();
        private final LongAdder pushedAndSynced = new LongAdder();

        public long duplicatePushes() {
            return duplicatePushes.sum();
        }

        public long outOfOrderPushes() {
            return outOfOrderPushes.sum();
        }

        public long pushedAndSynced() {
            return pushedAndSynced.sum();
        }
    }

    /** Where a message goes the first time this device holds it; {@code pushed} false when it came by sync. */
    public interface Sink {
        void received(ChatMessage message, long receivedNanos, boolean pushed);

        Sink NONE = (message, nanos, pushed) -> { };
    }

    private static final int SYNC_PAGE = 1000;

    private final Sink sink;
    private final Stats stats;
    private final Map<String, BitSet> held = new HashMap<>();
    private final Map<String, BitSet> pushed = new HashMap<>();
    private long heldCount;
    private long syncedCount;
    private CompletableFuture<Long> syncing;
    private long syncRef;

    public Inbox(Sink sink, Stats stats) {
        this.sink = sink;
        this.stats = stats;
    }

    @Override
    public void onFrame(BenchClient client, Frame frame, long receivedNanos) {
        if (frame.hasDeliver()) {
            pushed(frame.getDeliver().getMessage(), receivedNanos);
        } else if (frame.hasSyncResponse() && frame.getRef() == syncRef && syncing != null) {
            synced(client, frame.getSyncResponse(), receivedNanos);
        }
    }

    /** Messages this device holds, each once. */
    public long heldCount() {
        return heldCount;
    }

    /** Messages that came in sync pages, counted once each. */
    public long syncedCount() {
        return syncedCount;
    }

    /** Conversations this device holds messages of. */
    public int conversations() {
        return held.size();
    }

    /**
     * Syncs everything missed since the last seq held in each conversation; the future completes, on the
     * connection's event loop, with the number of messages the sync brought once {@code has_more} is false.
     * Call on the connection's event loop.
     */
    public CompletableFuture<Long> sync(BenchClient client, long ref, boolean includeConversations) {
        syncing = new CompletableFuture<>();
        syncRef = ref;
        syncedCount = 0;
        requestPage(client, includeConversations);
        return syncing;
    }

    private void requestPage(BenchClient client, boolean includeConversations) {
        SyncRequest.Builder request = SyncRequest.newBuilder().setPageSize(SYNC_PAGE)
                .setIncludeConversations(includeConversations);
        held.forEach((conversation, seqs) -> request.putLastSeq(conversation, seqs.nextClearBit(1) - 1L));
        client.send(Frame.newBuilder().setRef(syncRef).setSyncRequest(request).build());
    }

    private void synced(BenchClient client, SyncResponse page, long receivedNanos) {
        for (ChatMessage message : page.getMessagesList()) {
            BitSet seqs = held.computeIfAbsent(message.getConversationId(), c -> new BitSet());
            int seq = (int) message.getSeq();
            if (seqs.get(seq)) {
                stats.pushedAndSynced.increment();
            } else {
                seqs.set(seq);
                heldCount++;
                syncedCount++;
                sink.received(message, receivedNanos, false);
            }
        }
        if (page.getHasMore()) {
            requestPage(client, false);
        } else {
            CompletableFuture<Long> done = syncing;
            syncing = null;
            done.complete(syncedCount);
        }
    }

    private void pushed(ChatMessage message, long receivedNanos) {
        String conversation = message.getConversationId();
        int seq = (int) message.getSeq();
        BitSet pushedSeqs = pushed.computeIfAbsent(conversation, c -> new BitSet());
        if (pushedSeqs.get(seq)) {
            stats.duplicatePushes.increment();
            return;
        }
        if (seq < pushedSeqs.length() - 1) {
            stats.outOfOrderPushes.increment();
        }
        pushedSeqs.set(seq);
        BitSet seqs = held.computeIfAbsent(conversation, c -> new BitSet());
        if (seqs.get(seq)) {
            stats.pushedAndSynced.increment();
            return;
        }
        seqs.set(seq);
        heldCount++;
        sink.received(message, receivedNanos, true);
    }
}
