package io.parley.server.message;

import io.parley.server.auth.AuthenticatedUser;
import io.parley.server.user.UserViews;
import io.parley.server.web.ApiException;
import io.parley.server.web.ErrorCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/conversations")
@Tag(name = "conversations", description = "Conversation list, message history, read cursors and counts, mute")
@Validated
class ConversationController {

    /** The conversation endpoints' 404, as {@link DirectConversations#membership} decides it. */
    static final String NOT_FOUND = "404 CONVERSATION_NOT_FOUND unless the caller is a member (a 1:1 "
            + "conversation's two parties are members once it is stored, by its first message or a mute, whether "
            + "or not they may still message each other; before that, only while they may)";

    private final ConversationQueries queries;
    private final ReadCursors readCursors;

    ConversationController(ConversationQueries queries, ReadCursors readCursors) {
        this.queries = queries;
        this.readCursors = readCursors;
    }

    record ConversationView(String id, String type, UserViews.Public peer, ConversationLine.GroupCard group,
            MessageView lastMessage, long lastSeq, long readSeq, long unread, long unreadMentions, boolean muted) {
    }

    record ReadCountView(String conversationId, long seq, long readCount, long memberCount) {
    }

    record MuteSetting(@NotNull Boolean muted) {
    }

    record HistoryPage(List<MessageView> items, boolean hasMore) {
    }

    record MarkRead(@NotNull @PositiveOrZero Long readSeq) {
    }

    record ReadCursor(String conversationId, long readSeq) {
    }

    @GetMapping
    @Operation(summary = "My conversations, 1:1 and group, most recently active first",
            description = "Each with the other party (1:1) or the group, the newest message, the read cursor, the unread "
                    + "count, the unread mentions (counted even when muted) and whether I muted it.")
    List<ConversationView> list(@AuthenticationPrincipal AuthenticatedUser me) {
        return queries.conversationList(me.id()).stream().map(line -> {
            Membership m = line.membership();
            return new ConversationView(m.publicId(), m.isGroup() ? "group" : "single",
                    line.peer() == null ? null : new UserViews.Public(line.peer().uuid(), line.peer().username(),
                            line.peer().nickname(), line.peer().avatarUrl()),
                    line.group(),
                    line.last() == null ? null : MessageView.of(line.last(), line.lastSender()),
                    m.lastSeq(), Math.max(m.readSeq(), m.visibleFromSeq()), m.unread(), m.unreadMentions(), m.muted());
        }).toList();
    }

    @GetMapping("/{conversationId}/messages")
    @Operation(summary = "A page of a conversation's messages by seq cursor",
            description = "Without cursors: the newest messages, newest first. With before=S: the messages below seq S, "
                    + "newest first. With after=S: the messages above seq S, oldest first. hasMore says whether the "
                    + "page was cut at limit; a 1:1 conversation before its first message is an empty page. "
                    + NOT_FOUND + "; 400 VALIDATION_FAILED for bad cursors or limit (1-200).")
    HistoryPage history(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable String conversationId,
            @RequestParam(required = false) @PositiveOrZero Long before,
            @RequestParam(required = false) @PositiveOrZero Long after,
            @RequestParam(defaultValue = "50") @Min(1) @Max(ConversationQueries.MAX_HISTORY_PAGE) int limit) {
        if (before != null && after != null) {
            throw ApiException.invalid("give before or after, not both", "before", "after");
        }
        Membership membership = member(me, conversationId);
        List<StoredMessage> page = queries.page(membership, before, after, limit + 1);
        boolean more = page.size() > limit;
        List<MessageView> items = page.stream().limit(limit).map(m -> MessageView.of(m, queries.sender(m))).toList();
        return new HistoryPage(items, more);
    }

    @PostMapping("/{conversationId}/read")
    @Operation(summary = "Move my read cursor forward",
            description = "Clamped to the newest message; never moves back. Answers the cursor as it now stands "
                    + "(0 in a 1:1 conversation before its first message). When the cursor moved, the other party's "
                    + "devices and my other devices get a read_receipt frame; a request that moves nothing (a repeated "
                    + "or older readSeq) is pushed to nobody. " + NOT_FOUND + ".")
    ReadCursor markRead(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable String conversationId,
            @Valid @RequestBody MarkRead request) {
        return readCursors.markRead(me, conversationId, request.readSeq(), null)
                .map(r -> new ReadCursor(r.getConversationId(), r.getReadSeq()))
                .orElseThrow(ConversationController::notFound);
    }

    @GetMapping("/{conversationId}/messages/{seq}/reads")
    @Operation(summary = "How many members have read a message",
            description = "readCount: members other than the sender whose read cursor is at or past seq; memberCount: "
                    + "members other than the sender. " + NOT_FOUND + "; 404 MESSAGE_NOT_FOUND when the message "
                    + "is not there (or before the caller joined; in a 1:1 conversation before its first message).")
    ReadCountView reads(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable String conversationId,
            @PathVariable @Min(1) long seq) {
        Membership membership = member(me, conversationId);
        StoredMessage message = queries.message(membership, seq)
                .orElseThrow(() -> new ApiException(ErrorCode.MESSAGE_NOT_FOUND, "No such message"));
        MessageStore.ReadCount count = queries.readCount(membership, message);
        return new ReadCountView(conversationId, seq, count.read(), count.members());
    }

    @PutMapping("/{conversationId}/muted")
    @Operation(summary = "Mute or unmute a conversation's notifications for me",
            description = "Unread counts go on; clients use muted to stay quiet. Mentions still count in unreadMentions. "
                    + "Muting a 1:1 conversation before its first message stores the conversation: from then on it is "
                    + "in both parties' conversation lists. " + NOT_FOUND + ".")
    MuteSetting mute(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable String conversationId,
            @Valid @RequestBody MuteSetting setting) {
        queries.setMuted(member(me, conversationId), me.id(), setting.muted());
        return setting;
    }

    private Membership member(AuthenticatedUser me, String conversationId) {
        return queries.membership(conversationId, me.id()).orElseThrow(ConversationController::notFound);
    }

    private static ApiException notFound() {
        return new ApiException(ErrorCode.CONVERSATION_NOT_FOUND, "No such conversation");
    }
}
