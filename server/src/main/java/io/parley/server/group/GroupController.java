package io.parley.server.group;

import io.parley.server.auth.AuthenticatedUser;
import io.parley.server.web.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/groups")
@Tag(name = "groups", description = "Groups: create, find, join, members, moderation. Group and user ids are "
        + "public UUIDs (400 MALFORMED_REQUEST when not one); request ids are numbers. Every endpoint needs a "
        + "token (401 UNAUTHENTICATED) except the avatar image. A dissolved group answers 404 GROUP_NOT_FOUND.")
class GroupController {

    static final int MAX_PAGE_SIZE = 50;
    /** Offset pagination over a substring search gets slow deep down; nobody pages 1000 pages by hand. */
    static final int MAX_PAGE = 1000;
    private static final String NOT_BLANK = "(?s).*\\S.*";

    /** Body of a new group. */
    record NewGroup(
            @NotBlank @Size(min = 1, max = ChatGroup.MAX_NAME_LENGTH) String name,
            @Size(max = ChatGroup.MAX_NOTICE_LENGTH) String notice,
            @NotNull JoinPolicy joinPolicy,
            List<@NotNull UUID> memberIds) {
    }

    /** Body of a change of name and/or notice; a field left out or null keeps its value. */
    record GroupChange(
            @Pattern(regexp = NOT_BLANK, message = "must not be blank")
            @Size(min = 1, max = ChatGroup.MAX_NAME_LENGTH) String name,
            @Size(max = ChatGroup.MAX_NOTICE_LENGTH) String notice) {
    }

    /** Body of a transfer of ownership. */
    record Transfer(@NotNull UUID userId) {
    }

    private final GroupService groups;

    GroupController(GroupService groups) {
        this.groups = groups;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a group", description = "The caller becomes its OWNER; memberIds (optional) are "
            + "friends added as MEMBERs at once. Everyone in it gets CREATED. name 1-64 characters, notice at most "
            + "1024 (both stripped of surrounding white space), joinPolicy OPEN, APPROVAL or INVITE_ONLY. Refusals: "
            + "400 VALIDATION_FAILED / MALFORMED_REQUEST, 404 USER_NOT_FOUND (a memberId), 404 NOT_FRIENDS (a "
            + "memberId who is not your friend), 409 GROUP_FULL (more than parley.groups.max-members).")
    GroupViews.Group create(@AuthenticationPrincipal AuthenticatedUser me, @Valid @RequestBody NewGroup body) {
        return groups.create(me.id(), body.name().strip(), body.notice() == null ? "" : body.notice().strip(),
                body.joinPolicy(), body.memberIds() == null ? List.of() : body.memberIds());
    }

    @GetMapping
    @Operation(summary = "Search groups by name", description = "Case-insensitive substring match on the name, in "
            + "name order; dissolved groups never appear. q: 1-64 characters (stripped); page: 0-1000; size: 1-50. "
            + "400 VALIDATION_FAILED outside these bounds, 400 MALFORMED_REQUEST for non-numbers.")
    PageView<GroupViews.Group> search(@AuthenticationPrincipal AuthenticatedUser me,
            @RequestParam(required = false) @NotBlank @Size(min = 1, max = ChatGroup.MAX_NAME_LENGTH) String q,
            @RequestParam(defaultValue = "0") @Min(0) @Max(MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        return groups.search(me.id(), q.strip(), page, size);
    }

    @GetMapping("/mine")
    @Operation(summary = "Your groups", description = "By name; dissolved groups are left out.")
    List<GroupViews.Group> mine(@AuthenticationPrincipal AuthenticatedUser me) {
        return groups.mine(me.id());
    }

    @GetMapping("/{id}")
    @Operation(summary = "A group", description = "myRole is null when you are not a member. 404 GROUP_NOT_FOUND.")
    GroupViews.Group group(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id) {
        return groups.view(me.id(), id);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Rename the group or change its notice (owner or admin)", description = "Fields left out "
            + "or null keep their value; name 1-64 characters, notice at most 1024 (empty clears it), both stripped. "
            + "Members get UPDATED. 403 NOT_GROUP_ADMIN, 404 GROUP_NOT_FOUND, 400 VALIDATION_FAILED.")
    GroupViews.Group change(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id,
            @Valid @RequestBody GroupChange body) {
        return groups.describe(me.id(), id, body.name() == null ? null : body.name().strip(),
                body.notice() == null ? null : body.notice().strip());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Dissolve the group (owner)", description = "It is no longer listed, found or joinable and "
            + "nobody can send to it; members keep its history. Pending requests and invitations are withdrawn. "
            + "Members get DISSOLVED. 403 NOT_GROUP_OWNER, 404 GROUP_NOT_FOUND.")
    void dissolve(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id) {
        groups.dissolve(me.id(), id);
    }

    @PutMapping("/{id}/mute")
    @Operation(summary = "Mute the whole group (owner or admin)", description = "Only the owner and admins may "
            + "speak until it is unmuted. Idempotent; members get GROUP_MUTED when it changed. 403 NOT_GROUP_ADMIN, "
            + "404 GROUP_NOT_FOUND.")
    GroupViews.Group muteAll(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id) {
        return groups.muteAll(me.id(), id, true);
    }

    @DeleteMapping("/{id}/mute")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Unmute the whole group (owner or admin)", description = "Idempotent; members get "
            + "GROUP_UNMUTED when it changed. 403 NOT_GROUP_ADMIN, 404 GROUP_NOT_FOUND.")
    void unmuteAll(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id) {
        groups.muteAll(me.id(), id, false);
    }

    @PostMapping("/{id}/transfer")
    @Operation(summary = "Hand the group over to another member (owner)", description = "They become OWNER and you "
            + "ADMIN; members get OWNER_CHANGED. 403 NOT_GROUP_OWNER, 404 NOT_A_MEMBER (userId is not a member), "
            + "400 CANNOT_TARGET_SELF, 404 GROUP_NOT_FOUND.")
    GroupViews.Group transfer(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id,
            @Valid @RequestBody Transfer body) {
        return groups.transfer(me.id(), id, body.userId());
    }
}
