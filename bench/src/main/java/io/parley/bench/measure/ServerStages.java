package io.parley.bench.measure;

/**
 * The server's own account of the message path over one phase, from one scrape of its Prometheus endpoint
 * taken before and one after ({@link #since}): how long sends waited for the writer, how long commits took, how
 * long committed batches waited for the outbox and then for the devices' threads, send to ack in all, and how
 * often and how long the server's JVM was paused for garbage collection meanwhile.
 *
 * @param gcPauses       collections that paused the server's threads
 * @param gcPausedMillis their pauses added up
 */
public record ServerStages(ServerHistogram queueWait, ServerHistogram commit, ServerHistogram outboxWait,
        ServerHistogram handoffWait, ServerHistogram ack, long gcPauses, double gcPausedMillis) {

    public static final String QUEUE_WAIT = "parley_messages_queue_wait_seconds";
    public static final String COMMIT_TIME = "parley_messages_commit_time_seconds";
    public static final String OUTBOX_WAIT = "parley_messages_outbox_wait_seconds";
    public static final String HANDOFF_WAIT = "parley_messages_handoff_wait_seconds";
    public static final String ACK_LATENCY = "parley_messages_ack_latency_seconds";
    /** Micrometer's JVM pause timer: one series per collector, action and cause, added up here. */
    static final String GC_PAUSE = "jvm_gc_pause_seconds";

    public static ServerStages parse(String prometheusText) {
        return new ServerStages(ServerHistogram.parse(prometheusText, QUEUE_WAIT),
                ServerHistogram.parse(prometheusText, COMMIT_TIME),
                ServerHistogram.parse(prometheusText, OUTBOX_WAIT),
                ServerHistogram.parse(prometheusText, HANDOFF_WAIT),
                ServerHistogram.parse(prometheusText, ACK_LATENCY),
                (long) sum(prometheusText, GC_PAUSE + "_count"),
                sum(prometheusText, GC_PAUSE + "_sum") * 1000);
    }

    /** What happened between {@code earlier} and this reading. */
    public ServerStages since(ServerStages earlier) {
        return new ServerStages(queueWait.since(earlier.queueWait), commit.since(earlier.commit),
                outboxWait.since(earlier.outboxWait), handoffWait.since(earlier.handoffWait), ack.since(earlier.ack),
                gcPauses - earlier.gcPauses, gcPausedMillis - earlier.gcPausedMillis);
    }

    /** The sample {@code name} added up over all its tag sets; 0 when the scrape has none. */
    private static double sum(String prometheusText, String name) {
        double total = 0;
        for (String line : prometheusText.split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                String afterName = line.charAt(name.length()) == '{'
                        ? line.substring(line.lastIndexOf('}') + 1) : line.substring(name.length());
                total += Double.parseDouble(afterName.trim().split(" ")[0]);
            }
        }
        return total;
    }
}
