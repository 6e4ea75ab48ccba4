package io.parley.server.message;

import io.parley.server.delivery.FrameError;

/** Why a frame was not accepted: the code and text of the ErrorReply the device receives. */
record Refusal(FrameError error, String message) {
}
