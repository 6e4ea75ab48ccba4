package io.parley.server.media;

import io.parley.server.auth.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
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
@RequestMapping(FileController.PATH)
@Tag(name = "files", description = "Files, images, audio and video to send in messages")
class FileController {

    static final String PATH = "/api/v1/files";

    private final MessageFiles files;

    FileController(MessageFiles files) {
        this.files = files;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a file to send in a message (multipart part \"file\")",
            description = "201 with the file's url: send it as a ChatMessage's url (content_type FILE, IMAGE, AUDIO "
                    + "or VIDEO). Any kind of file is accepted; its type is detected from the bytes, never from the "
                    + "file name or declared type. 413 PAYLOAD_TOO_LARGE above parley.media.max-file-bytes, 400 "
                    + "MALFORMED_REQUEST when the part is missing or empty, 415 UNSUPPORTED_MEDIA_TYPE when the "
                    + "request is not multipart.")
    @ApiResponse(responseCode = "201", description = "Stored; Location is the file's url", useReturnTypeSchema = true)
    ResponseEntity<FileView> upload(@AuthenticationPrincipal AuthenticatedUser me,
            @RequestPart("file") MultipartFile file) throws IOException {
        FileView uploaded = files.upload(me.id(), file);
        return ResponseEntity.created(URI.create(uploaded.url())).body(uploaded);
    }

    @GetMapping("/{id}")
    @SecurityRequirements   // no token needed
    @Operation(summary = "Download a file (no token needed: its url is what grants it, as img, audio and video "
            + "elements cannot send a token)",
            description = "PNG, JPEG, GIF and WebP images are served with their type and an inline disposition; "
                    + "every other file as application/octet-stream with an attachment disposition. Always "
                    + "nosniff, a sandboxing Content-Security-Policy, the uploaded file name, an ETag and a "
                    + "year-long immutable Cache-Control; If-None-Match with the ETag gives 304. 404 NOT_FOUND "
                    + "for an id that names no file.")
    ResponseEntity<InputStreamResource> download(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) throws IOException {
        return files.download(id, ifNoneMatch);
    }
}
