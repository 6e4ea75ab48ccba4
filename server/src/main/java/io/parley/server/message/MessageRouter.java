package io.parley.server.message;

import io.parley.protocol.ChatMessage;
import io.parley.protocol.ContentType;
import io.parley.protocol.Frame;
import io.parley.protocol.MessageType;
import io.parley.protocol.Recall;
import io.parley.protocol.ReadReceipt;
import io.parley.server.delivery.DeviceConnection;
import io.parley.server.delivery.ErrorReplies;
import io.parley.server.delivery.FrameError;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The message core's side of the gateway port. Sends and recalls are checked here (on the connection's
 * thread, no lookups) and queued for the writer; syncs, read receipts and typing may read the database,
 * so they run on a small worker pool and never on a connection's thread.
 */
@Component
class MessageRouter implements InboundFrames, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MessageRouter.class);
    private static final int WORKER_QUEUE = 1_000;

    private final MessageWriter writer;
    private final SyncService sync;
    private final ReadCursors readCursors;
    private final TypingRelay typing;
    private final ErrorReplies errors;
    private final ThreadPoolExecutor workers;

    MessageRouter(MessageWriter writer, SyncService sync, ReadCursors readCursors, TypingRelay typing,
            ErrorReplies errors, MessageProperties properties) {
        this.writer = writer;
        this.sync = sync;
        this.readCursors = readCursors;
        this.typing = typing;
        this.errors = errors;
        AtomicInteger names = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(properties.workerThreads(), properties.workerThreads(), 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(WORKER_QUEUE), r -> {
                    Thread t = new Thread(r, "parley-worker-" + names.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    @Override
    public void accept(DeviceConnection from, Frame frame) {
        switch (frame.getKindCase()) {
            case SEND -> send(from, frame);
            case SYNC_REQUEST -> SyncService.check(frame.getSyncRequest()).ifPresentOrElse(
                    refusal -> refuse(from, frame.getRef(), refusal),
                    () -> onWorker(from, frame, () -> from.send(Frame.newBuilder().setRef(frame.getRef())
                            .setSyncResponse(sync.sync(from.user(), frame.getSyncRequest())).build().toByteArray())));
            case READ_RECEIPT -> onWorker(from, frame, () -> markRead(from, frame));
            case RECALL -> recall(from, frame);
            case TYPING -> onWorker(from, frame, () -> {
                if (!typing.relay(from, frame.getTyping())) {
                    refuse(from, frame.getRef(), new Refusal(FrameError.CONVERSATION_NOT_FOUND, "No such conversation"));
                }
            });
            default -> throw new IllegalArgumentException("The gateway hands no " + frame.getKindCase() + " frames to the core");
        }
    }

    private void send(DeviceConnection from, Frame frame) {
        var body = frame.getSend().getMessage();
        Optional<Refusal> refusal = SendRules.check(body);
        if (refusal.isEmpty()) {
            String conversation = body.getMessageType() == MessageType.GROUP
                    ? GroupConversations.conversationId(body.getTo())
                    : ConversationIds.direct(from.user().uuid(), body.getTo());
            refusal = writer.submit(new PendingSend(from, frame.getRef(), from.user(), body, conversation, System.nanoTime()));
        }
        refusal.ifPresent(r -> refuse(from, frame.getRef(), r));
    }

    /**
     * A recall travels the send path as a notice message ({@code RECALLED}, replying to the recalled seq),
     * so it is numbered, stored, acked and synced like any message, and a second recall is a retry.
     */
    private void recall(DeviceConnection from, Frame frame) {
        Recall recall = frame.getRecall();
        String conversation = recall.getConversationId();
        String group = GroupConversations.groupId(conversation);
        Optional<String[]> parties = ConversationIds.directParties(conversation);
        boolean mine = group != null ? ConversationIds.isUserId(group)
                : parties.filter(p -> p[0].equals(from.user().uuid()) || p[1].equals(from.user().uuid())).isPresent();
        if (!mine || recall.getSeq() == 0) {
            refuse(from, frame.getRef(), new Refusal(FrameError.MESSAGE_NOT_FOUND, "No such message"));
            return;
        }
        ChatMessage notice = ChatMessage.newBuilder()
                .setClientMessageId("recall:" + recall.getSeq())
                .setTo(group != null ? group : ChatMessages.otherParty(conversation, from.user().uuid()))
                .setMessageType(group != null ? MessageType.GROUP : MessageType.SINGLE)
                .setContentType(ContentType.RECALLED)
                .setReplyToSeq(recall.getSeq())
                .build();
        writer.submit(new PendingSend(from, frame.getRef(), from.user(), notice, conversation, System.nanoTime()))
                .ifPresent(r -> refuse(from, frame.getRef(), r));
    }

    private void markRead(DeviceConnection from, Frame frame) {
        ReadReceipt request = frame.getReadReceipt();
        readCursors.markRead(from.user(), request.getConversationId(), request.getReadSeq(), from).ifPresentOrElse(
                receipt -> from.send(Frame.newBuilder().setRef(frame.getRef()).setReadReceipt(receipt).build().toByteArray()),
                () -> refuse(from, frame.getRef(), new Refusal(FrameError.CONVERSATION_NOT_FOUND, "No such conversation")));
    }

    private void onWorker(DeviceConnection from, Frame frame, Runnable work) {
        try {
            workers.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.warn("A {} frame failed: {}", frame.getKindCase(), e.toString());
                    refuse(from, frame.getRef(), new Refusal(FrameError.INTERNAL_ERROR,
                            "The request could not be served; try again"));
                }
            });
        } catch (RejectedExecutionException full) {
            refuse(from, frame.getRef(), new Refusal(FrameError.BUSY, "The server is busy; try again shortly"));
        }
    }

    private void refuse(DeviceConnection to, long ref, Refusal refusal) {
        errors.send(to, ref, refusal.error(), refusal.message());
    }

    @Override
    public void destroy() {
        workers.shutdown();
    }
}
