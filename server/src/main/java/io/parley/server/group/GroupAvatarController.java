package io.parley.server.group;

import io.parley.server.auth.AuthenticatedUser;
import io.parley.server.media.AvatarImages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/groups/{id}/avatar")
@Tag(name = "groups")
class GroupAvatarController {

    private final GroupService groups;
    private final AvatarImages images;

    GroupAvatarController(GroupService groups, AvatarImages images) {
        this.groups = groups;
        this.images = images;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload the group's avatar (owner or admin; multipart part \"file\")",
            description = "Same rules as user avatars: PNG, JPEG, GIF or WebP detected from the bytes. Members get "
                    + "UPDATED. 403 NOT_GROUP_ADMIN, 404 GROUP_NOT_FOUND, 413 PAYLOAD_TOO_LARGE above "
                    + "parley.media.max-avatar-bytes, 415 UNSUPPORTED_MEDIA_TYPE, 400 MALFORMED_REQUEST when the part "
                    + "is missing. Returns the group.")
    GroupViews.Group upload(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id,
            @RequestPart("file") MultipartFile file) throws IOException {
        groups.checkModerator(me.id(), id);
        return groups.changeAvatar(me.id(), id, images.store(file));
    }

    @GetMapping
    @SecurityRequirements   // no token needed
    @Operation(summary = "The group's avatar image (no token needed: img tags cannot send one)",
            description = "Served like user avatars: detected type, nosniff, inline, ETag (304 on If-None-Match). "
                    + "404 GROUP_NOT_FOUND, 404 NOT_FOUND when the group has no avatar.")
    ResponseEntity<InputStreamResource> avatar(@PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) throws IOException {
        return images.serve(groups.avatarKey(id), ifNoneMatch);
    }
}
