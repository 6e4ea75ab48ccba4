package io.parley.server.friend;

import io.parley.server.auth.AuthenticatedUser;
import io.parley.server.user.UserViews;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/blocks")
@Tag(name = "friends")
class BlockController {

    private final BlockService blocks;

    BlockController(BlockService blocks) {
        this.blocks = blocks;
    }

    @GetMapping
    @Operation(summary = "Users you blocked", description = "Most recently blocked first.")
    List<UserViews.Public> list(@AuthenticationPrincipal AuthenticatedUser me) {
        return blocks.blockedBy(me.id());
    }

    @PutMapping("/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Block a user", description = "Idempotent. Ends your friendship and withdraws pending "
            + "requests between you, without telling them; neither of you can then send the other a friend request "
            + "(403 BLOCKED) or a message. userId is their public id (a UUID): 400 MALFORMED_REQUEST when it is not "
            + "one, 404 USER_NOT_FOUND when no user has it, 400 CANNOT_BLOCK_SELF for your own.")
    void block(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID userId) {
        blocks.block(me.id(), userId);
    }

    @DeleteMapping("/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Unblock a user", description = "Idempotent: unblocking someone you did not block (or "
            + "yourself) changes nothing. A friendship ended by the block stays ended. 400 MALFORMED_REQUEST when "
            + "userId is not a UUID, 404 USER_NOT_FOUND when no user has it.")
    void unblock(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID userId) {
        blocks.unblock(me.id(), userId);
    }
}
