package io.parley.server.user;

import io.parley.server.auth.AuthenticatedUser;
import io.parley.server.media.AvatarImages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
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
@RequestMapping("/api/v1/users")
@Tag(name = "users", description = "Profiles and user search")
class AvatarController {

    private final AvatarService avatars;
    private final AvatarImages images;

    AvatarController(AvatarService avatars, AvatarImages images) {
        this.avatars = avatars;
        this.images = images;
    }

    @PostMapping(path = "/me/avatar", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload the caller's avatar (multipart part \"file\")",
            description = "The type is detected from the bytes (PNG, JPEG, GIF, WebP), never from the file name or "
                    + "declared type. 413 PAYLOAD_TOO_LARGE above parley.media.max-avatar-bytes, 415 "
                    + "UNSUPPORTED_MEDIA_TYPE when the file is not such an image or the request not multipart, "
                    + "400 MALFORMED_REQUEST when the part is missing. Returns the updated account.")
    UserViews.Own upload(@AuthenticationPrincipal AuthenticatedUser me, @RequestPart("file") MultipartFile file)
            throws IOException {
        return avatars.replace(me.id(), file);
    }

    @GetMapping("/{id}/avatar")
    @SecurityRequirements   // no token needed
    @Operation(summary = "A user's avatar image (no token needed: img tags cannot send one)",
            description = "Served with the detected image type, nosniff, inline disposition and an ETag; "
                    + "If-None-Match with that ETag gives 304. 404 USER_NOT_FOUND for an unknown user, "
                    + "404 NOT_FOUND when the user has no avatar.")
    ResponseEntity<InputStreamResource> avatar(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) throws IOException {
        return images.serve(avatars.keyOf(id), ifNoneMatch);
    }
}
