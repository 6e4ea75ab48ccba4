package io.parley.server.web;

import org.springframework.http.HttpStatus;

/**
 * Every failure the REST API reports, with its HTTP status. The name is the stable {@code code} of the JSON
 * error body; clients branch on it, so a name never changes meaning. docs/PROTOCOL.md lists them all.
 */
public enum ErrorCode {
    VALIDATION_FAILED(HttpStatus.BAD_REQUEST),
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST),
    CANNOT_BEFRIEND_SELF(HttpStatus.BAD_REQUEST),
    CANNOT_BLOCK_SELF(HttpStatus.BAD_REQUEST),
    CANNOT_TARGET_SELF(HttpStatus.BAD_REQUEST),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED),
    INVALID_CREDENTIALS(HttpStatus.UNAUTHORIZED),
    INVALID_REFRESH_TOKEN(HttpStatus.UNAUTHORIZED),
    WRONG_PASSWORD(HttpStatus.FORBIDDEN),
    FORBIDDEN(HttpStatus.FORBIDDEN),
    BLOCKED(HttpStatus.FORBIDDEN),
    NOT_GROUP_MEMBER(HttpStatus.FORBIDDEN),
    NOT_GROUP_ADMIN(HttpStatus.FORBIDDEN),
    NOT_GROUP_OWNER(HttpStatus.FORBIDDEN),
    INVITE_ONLY(HttpStatus.FORBIDDEN),
    BANNED_FROM_GROUP(HttpStatus.FORBIDDEN),
    NOT_FOUND(HttpStatus.NOT_FOUND),
    USER_NOT_FOUND(HttpStatus.NOT_FOUND),
    FRIEND_REQUEST_NOT_FOUND(HttpStatus.NOT_FOUND),
    NOT_FRIENDS(HttpStatus.NOT_FOUND),
    CONVERSATION_NOT_FOUND(HttpStatus.NOT_FOUND),
    MESSAGE_NOT_FOUND(HttpStatus.NOT_FOUND),
    GROUP_NOT_FOUND(HttpStatus.NOT_FOUND),
    NOT_A_MEMBER(HttpStatus.NOT_FOUND),
    JOIN_REQUEST_NOT_FOUND(HttpStatus.NOT_FOUND),
    INVITATION_NOT_FOUND(HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED),
    USERNAME_TAKEN(HttpStatus.CONFLICT),
    ALREADY_FRIENDS(HttpStatus.CONFLICT),
    REQUEST_ALREADY_PENDING(HttpStatus.CONFLICT),
    REQUEST_NOT_PENDING(HttpStatus.CONFLICT),
    ALREADY_MEMBER(HttpStatus.CONFLICT),
    ALREADY_INVITED(HttpStatus.CONFLICT),
    GROUP_FULL(HttpStatus.CONFLICT),
    OWNER_MUST_TRANSFER(HttpStatus.CONFLICT),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    TOO_MANY_ATTEMPTS(HttpStatus.TOO_MANY_REQUESTS),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR);

    private final HttpStatus status;

    ErrorCode(HttpStatus status) {
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}
