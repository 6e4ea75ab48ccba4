package io.parley.server.message;

/** A conversation as the writer knows it: its row id and where its sequence stands. */
record Conversation(long id, String publicId, long lastSeq) {

    Conversation withLastSeq(long seq) {
        return new Conversation(id, publicId, seq);
    }
}
