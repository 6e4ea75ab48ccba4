package io.parley.server.message;

/** Why a frame was not accepted: the code and text of the ErrorReply the device receives. */
public record Refusal(String code, String message, boolean retryable) {

    static Refusal of(String code, String message) {
        return new Refusal(code, message, false);
    }

    static Refusal retryable(String code, String message) {
        return new Refusal(code, message, true);
    }
}
