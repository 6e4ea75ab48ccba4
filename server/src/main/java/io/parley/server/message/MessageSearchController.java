package io.parley.server.message;

import io.parley.server.auth.AuthenticatedUser;
import io.parley.server.web.ApiException;
import io.parley.server.web.ErrorCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "conversations")
@Validated
class MessageSearchController {

    static final int MAX_PAGE = 1_000;

    private final ConversationQueries queries;

    MessageSearchController(ConversationQueries queries) {
        this.queries = queries;
    }

    record SearchPage(List<MessageView> items, int page, int size, boolean hasMore) {
    }

    @GetMapping("/api/v1/messages/search")
    @Operation(summary = "Search text messages in my conversations, or in one of them",
            description = "Substring match on the text of text messages, newest first, a page at a time. Only "
                    + "conversations I am in, only from my visible start (a group member from their join), never "
                    + "recalled messages. 400 VALIDATION_FAILED for q (1-100 characters), page (0-1000) or size (1-100); "
                    + "404 CONVERSATION_NOT_FOUND when conversationId names a conversation I am not in (a 1:1 "
                    + "conversation before its first message, with a user I may message, is one I am in, and empty).")
    SearchPage search(@AuthenticationPrincipal AuthenticatedUser me,
            @RequestParam(required = false) @NotBlank @Size(min = 1, max = 100) String q,
            @RequestParam(required = false) String conversationId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        if (conversationId != null && queries.membership(conversationId, me.id()).isEmpty()) {
            throw new ApiException(ErrorCode.CONVERSATION_NOT_FOUND, "No such conversation");
        }
        List<StoredMessage> found = queries.search(me.id(), conversationId, q, page * size, size + 1);
        List<MessageView> items = found.stream().limit(size).map(m -> MessageView.of(m, queries.sender(m))).toList();
        return new SearchPage(items, page, size, found.size() > size);
    }
}
