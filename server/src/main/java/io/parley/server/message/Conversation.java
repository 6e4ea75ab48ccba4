package io.parley.server.message;

/** A conversation as the writer knows it: its row id and where its sequence stands. */
record Conversation(long id, String publicId, long lastSeq) {

    /** The row id of a conversation whose row is created in the same batch as its first messages. */
    static final long NOT_STORED = 0;

    /** A 1:1 conversation about to be created with its first message. */
    static Conversation unstored(String publicId) {
        return new Conversation(NOT_STORED, publicId, 0);
    }

    boolean stored() {
        return id != NOT_STORED;
    }

    Conversation withLastSeq(long seq) {
        return new Conversation(id, publicId, seq);
    }
}
